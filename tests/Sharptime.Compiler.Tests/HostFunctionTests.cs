namespace Sharptime.Compiler.Tests;

public sealed class HostFunctionTests
{
    [Fact]
    public void Typed_host_functions_receive_the_caller()
    {
        var store = new Store<List<string>>(Wasm.Engine, []);
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "log", (Caller c, int ptr, int len) =>
            c.GetData<List<string>>().Add(c.GetMemory("memory")!.ReadString((ulong)ptr, len)));
        linker.DefineFunction("env", "twice", (int x) => x * 2);
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "log" (func $log (param i32 i32)))
              (import "env" "twice" (func $twice (param i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 8) "hello")
              (func (export "run") (result i32) (call $log (i32.const 8) (i32.const 5)) (call $twice (i32.const 21))))
            """, linker, store);
        Assert.Equal(42, instance.GetFunction<int>("run")());
        Assert.Equal(["hello"], store.Data);
    }

    [Fact]
    public void Host_exceptions_propagate_as_themselves()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "fail", () => throw new InvalidOperationException("boom"));
        Instance instance = Wasm.Instantiate("""
            (module (import "env" "fail" (func $fail)) (func (export "run") call $fail))
            """, linker);
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => instance.GetAction("run")()).Message);
    }

    [Fact]
    public void Untyped_host_functions_with_multiple_results()
    {
        var linker = new Linker(Wasm.Engine);
        var type = new FuncType([ValType.I64, ValType.F64], [ValType.F64, ValType.I64]);
        linker.DefineFunction("env", "swap", type, (caller, args, results) =>
        {
            results[0] = args[1];
            results[1] = args[0];
        });
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "swap" (func $swap (param i64 f64) (result f64 i64)))
              (func (export "run") (result i64)
                (call $swap (i64.const 40) (f64.const 2.0))
                i64.const 2 i64.add
                drop i64.trunc_f64_s))
            """, linker);
        Assert.Equal(2L, instance.GetFunction<long>("run")());
    }

    [Fact]
    public void Wasm_traps_inside_reentrant_calls()
    {
        var linker = new Linker(Wasm.Engine);
        Func<int, int>? inner = null;
        linker.DefineFunction("env", "call_back", (int x) => inner!(x));
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "call_back" (func $cb (param i32) (result i32)))
              (func (export "outer") (param i32) (result i32) local.get 0 call $cb)
              (func (export "inner") (param i32) (result i32) i32.const 100 local.get 0 i32.div_u))
            """, linker);
        inner = instance.GetFunction<int, int>("inner");
        Assert.Equal(20, instance.GetFunction<int, int>("outer")(5));
        Assert.Equal(TrapCode.IntegerDivideByZero, Wasm.Traps(() => instance.GetFunction<int, int>("outer")(0)).Code);
    }

    [Fact]
    public void Instances_link_to_each_other()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        Instance lib = Wasm.Instantiate("""
            (module
              (memory (export "mem") 1)
              (global (export "g") (mut i32) (i32.const 7))
              (table (export "t") 2 funcref)
              (func (export "seven") (result i32) global.get 0))
            """, linker, store);
        linker.DefineInstance("lib", lib);
        Instance app = Wasm.Instantiate("""
            (module
              (import "lib" "mem" (memory 1))
              (import "lib" "g" (global $g (mut i32)))
              (import "lib" "t" (table 1 funcref))
              (import "lib" "seven" (func $seven (result i32)))
              (elem (i32.const 1) $seven)
              (func (export "run") (result i32)
                (i32.store (i32.const 0) (i32.const 35))
                (global.set $g (i32.const 8))
                (i32.add (i32.load (i32.const 0)) (call_indirect (result i32) (i32.const 1)))))
            """, linker, store);
        Assert.Equal(43, app.GetFunction<int>("run")());
        Assert.Equal(35, lib.GetMemory("mem")!.ReadInt32(0));
        Assert.Equal(8, lib.GetGlobal("g")!.Value.AsI32());
    }

    [Fact]
    public void Spectest_module_satisfies_spec_imports()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        var output = new StringWriter();
        Sharptime.Text.SpecTestModule.Define(linker, store, output);
        Instance instance = Wasm.Instantiate("""
            (module
              (import "spectest" "print_i32" (func $print (param i32)))
              (import "spectest" "global_i32" (global $g i32))
              (import "spectest" "memory" (memory 1))
              (import "spectest" "table" (table 10 funcref))
              (func (export "run") global.get $g call $print))
            """, linker, store);
        instance.GetAction("run")();
        Assert.Equal("666 : i32", output.ToString().Trim());
    }

    [Fact]
    public void Unknown_import_is_a_link_error()
    {
        LinkException e = Assert.Throws<LinkException>(() => Wasm.Instantiate("(module (import \"env\" \"missing\" (func)))"));
        Assert.StartsWith("unknown import", e.Message);
        Assert.Contains("env::missing", e.Message);
    }

    [Fact]
    public void Mismatched_import_names_both_types()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "f", (int x) => x);
        LinkException e = Assert.Throws<LinkException>(() => Wasm.Instantiate("(module (import \"env\" \"f\" (func (param i64))))", linker));
        Assert.StartsWith("incompatible import type", e.Message);
        Assert.Contains("(param i64)", e.Message);
        Assert.Contains("(param i32)", e.Message);
    }

    [Fact]
    public void Memory_import_limits_are_checked()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.Define("env", "mem", new Memory(store, 1, 2));
        Assert.StartsWith("incompatible import type", Assert.Throws<LinkException>(() => Wasm.Instantiate("(module (import \"env\" \"mem\" (memory 2)))", linker, store)).Message);
        Assert.StartsWith("incompatible import type", Assert.Throws<LinkException>(() => Wasm.Instantiate("(module (import \"env\" \"mem\" (memory 1 1)))", linker, store)).Message);
        Wasm.Instantiate("(module (import \"env\" \"mem\" (memory 1 3)))", linker, store);
    }

    [Fact]
    public void Shadowing_is_off_by_default()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "f", () => 1);
        Assert.Throws<LinkException>(() => linker.DefineFunction("env", "f", () => 2));
        linker.AllowShadowing = true;
        linker.DefineFunction("env", "f", () => 3);
    }

    [Fact]
    public void Unknown_imports_can_be_defined_as_traps()
    {
        var linker = new Linker(Wasm.Engine);
        Module module = Wasm.Compile("(module (import \"env\" \"missing\" (func)) (func (export \"run\") call 0))");
        linker.DefineUnknownImportsAsTraps(module);
        Instance instance = linker.Instantiate(new Store(Wasm.Engine), module);
        Assert.Equal(TrapCode.UnknownImport, Wasm.Traps(() => instance.GetAction("run")()).Code);
    }

    [Fact]
    public void Engine_without_compiler_interprets_and_the_compiler_strategy_says_what_it_needs()
    {
        var engine = new Engine();
        Module module = Module.FromBytes(engine, Sharptime.Text.Wat.Parse(
            "(module (func (export \"fac\") (param i64) (result i64) (if (result i64) (i64.eqz (local.get 0)) (then (i64.const 1)) (else (i64.mul (local.get 0) (call 0 (i64.sub (local.get 0) (i64.const 1))))))))"));
        Instance instance = new Linker(engine).Instantiate(new Store(engine), module);
        Assert.Equal(2432902008176640000L, instance.GetFunction<long, long>("fac")(20));
        Assert.Equal(Value.I64(120), instance.GetFunction("fac")!.Call(Value.I64(5))[0]);
        WasmException e = Assert.Throws<WasmException>(() => new Engine(Config.Default with { Strategy = Strategy.Compiler }));
        Assert.Contains("UseCompiler", e.Message);
    }
}
