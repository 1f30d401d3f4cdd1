using System.Diagnostics;

namespace Sharptime.Compiler.Tests;

public sealed class TypedCallTests
{
    private const string Sixteen = """
        (module
          (global $last (mut f64) (f64.const 0))
          (func (export "sum16")
            (param i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64 i32 i64 f32 f64) (result f64)
            (f64.add (f64.add (f64.add (f64.add (f64.convert_i32_s (local.get 0)) (f64.convert_i64_s (local.get 1)))
                                       (f64.add (f64.promote_f32 (local.get 2)) (local.get 3)))
                              (f64.add (f64.add (f64.convert_i32_s (local.get 4)) (f64.convert_i64_s (local.get 5)))
                                       (f64.add (f64.promote_f32 (local.get 6)) (local.get 7))))
                     (f64.add (f64.add (f64.add (f64.convert_i32_s (local.get 8)) (f64.convert_i64_s (local.get 9)))
                                       (f64.add (f64.promote_f32 (local.get 10)) (local.get 11)))
                              (f64.add (f64.add (f64.convert_i32_s (local.get 12)) (f64.convert_i64_s (local.get 13)))
                                       (f64.add (f64.promote_f32 (local.get 14)) (local.get 15))))))
          (func (export "keep16")
            (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 f64)
            (global.set $last (f64.add (f64.convert_i32_s (local.get 0)) (local.get 15))))
          (func (export "last") (result f64) global.get $last)
          (func (export "divmod") (param i32 i32) (result i32 i64)
            (i32.div_s (local.get 0) (local.get 1))
            (i64.extend_i32_s (i32.rem_s (local.get 0) (local.get 1))))
          (func (export "three") (result f32 f64 i32) f32.const 1.5 f64.const 2.25 i32.const -3))
        """;

    [Fact]
    public void Sixteen_parameters_reach_compiled_code()
    {
        Instance instance = Wasm.Instantiate(Sixteen);
        Func<int, long, float, double, int, long, float, double, int, long, float, double, int, long, float, double, double> sum =
            instance.GetFunction<int, long, float, double, int, long, float, double, int, long, float, double, int, long, float, double, double>("sum16");
        Assert.Equal(136.0, sum(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16));

        instance.GetAction<int, int, int, int, int, int, int, int, int, int, int, int, int, int, int, double>("keep16")(40, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2.5);
        Assert.Equal(42.5, instance.GetFunction<double>("last")());
    }

    [Fact]
    public void Several_results_come_back_as_a_value_tuple()
    {
        Instance instance = Wasm.Instantiate(Sixteen);
        Func<int, int, (int, long)> divmod = instance.GetFunction<int, int, (int, long)>("divmod");
        Assert.Equal((3, 2L), divmod(17, 5));
        Assert.Equal((1.5f, 2.25, -3), instance.GetFunction<(float, double, int)>("three")());
        Assert.Equal(TrapCode.IntegerDivideByZero, Wasm.Traps(() => divmod(1, 0)).Code);
    }

    [Fact]
    public void A_tuple_of_the_wrong_types_is_a_type_mismatch()
    {
        Instance instance = Wasm.Instantiate(Sixteen);
        WasmException e = Assert.Throws<WasmException>(() => instance.GetFunction<int, int, (int, int)>("divmod"));
        Assert.Contains("(Int32, Int32) -> (Int32, Int32)", e.Message, StringComparison.Ordinal);
        Assert.Throws<WasmException>(() => instance.GetFunction<int, int, int>("divmod"));
    }

    [Fact]
    public void Typed_wrappers_over_untyped_host_functions_call_through_the_array_entry()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        var seen = new List<string>();
        linker.DefineFunction("env", "mul", new FuncType([ValType.I32, ValType.I64], [ValType.I64]),
            (_, args, results) => results[0] = Value.I64(args[0].AsI32() * args[1].AsI64()));
        linker.DefineFunction("env", "split", new FuncType([ValType.F64], [ValType.I32, ValType.F32]),
            (_, args, results) =>
            {
                results[0] = Value.I32((int)args[0].AsF64());
                results[1] = Value.F32((float)(args[0].AsF64() % 1));
            });
        linker.DefineFunction("env", "log", new FuncType([ValType.I32], []), (_, args, _) => seen.Add($"log {args[0].AsI32()}"));

        var mul = (Func)linker.Get(store, "env", "mul")!;
        Assert.Equal(42L, mul.AsFunc<int, long, long>()(6, 7));
        Assert.Equal((3, 0.5f), ((Func)linker.Get(store, "env", "split")!).AsFunc<double, (int, float)>()(3.5));
        ((Func)linker.Get(store, "env", "log")!).AsAction<int>()(9);
        Assert.Equal(["log 9"], seen);
    }

    [Fact]
    public void Typed_host_functions_take_sixteen_parameters_or_fifteen_and_the_caller()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "sum16",
            (int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o, long p) =>
                a + b + c + d + e + f + g + h + i + j + k + l + m + n + o + p);
        Instance? callerInstance = null;
        linker.DefineFunction("env", "sum15",
            (Caller caller, int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, int k, int l, int m, int n, int o) =>
            {
                callerInstance = caller.Instance;
                return a + b + c + d + e + f + g + h + i + j + k + l + m + n + o;
            });
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "sum16" (func $s16 (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i64) (result i64)))
              (import "env" "sum15" (func $s15 (param i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
              (func (export "run") (result i64)
                (call $s16 (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8)
                           (i32.const 9) (i32.const 10) (i32.const 11) (i32.const 12) (i32.const 13) (i32.const 14) (i32.const 15) (i64.const 16))
                (i64.extend_i32_s
                  (call $s15 (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1)
                             (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1) (i32.const 1)))
                i64.add))
            """, linker);
        Assert.Equal(136L + 15, instance.GetFunction<long>("run")());
        Assert.Same(instance, callerInstance);
    }

    [Fact]
    public void Typed_host_functions_return_value_tuples_as_several_results()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "divmod", (int a, int b) => (a / b, (long)(a % b)));
        linker.DefineFunction("env", "pair", (Caller caller, double x) => (x * 2, caller.Instance is null ? -1 : 1));
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "divmod" (func $divmod (param i32 i32) (result i32 i64)))
              (import "env" "pair" (func $pair (param f64) (result f64 i32)))
              (func (export "run") (result i64) (local $q i32) (local $r i64)
                (call $divmod (i32.const 47) (i32.const 10))
                (local.set $r) (local.set $q)
                (i64.add (i64.extend_i32_s (local.get $q)) (i64.mul (local.get $r) (i64.const 10)))) ;; 4 + 7 * 10
              (func (export "pair") (param f64) (result f64 i32) (call $pair (local.get 0))))
            """, linker, store);
        Assert.Equal(74L, instance.GetFunction<long>("run")());
        Assert.Equal((5.0, 1), instance.GetFunction<double, (double, int)>("pair")(2.5));
        Assert.Equal((2, 1L), ((Func)linker.Get(store, "env", "divmod")!).AsFunc<int, int, (int, long)>()(7, 3));
    }

    [Fact]
    public void The_generated_typed_wrappers_are_up_to_date()
    {
        string root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Sharptime.sln"))) root = Path.GetDirectoryName(root)!;
        using var python = Process.Start(new ProcessStartInfo("python3", ["tools/gen-typed.py", "--check"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        })!;
        string output = python.StandardOutput.ReadToEnd();
        python.WaitForExit();
        Assert.True(python.ExitCode == 0, output);
    }
}
