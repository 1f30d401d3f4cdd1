using System.Diagnostics;
using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary><see cref="Strategy.Tiered"/>: modules start interpreted and switch to compiled code once hot.</summary>
public sealed class TieringTests
{
    private const string Counter = """
        (module
          (global $n (mut i64) (i64.const 0))
          (memory (export "mem") 1)
          (table $t 2 funcref)
          (elem (table $t) (i32.const 0) func $inc $double)
          (type $v (func (result i64)))
          (func $inc (result i64)
            (global.set $n (i64.add (global.get $n) (i64.const 1)))
            (i64.store (i32.const 8) (i64.add (i64.load (i32.const 8)) (global.get $n)))
            (global.get $n))
          (func $double (result i64) (i64.mul (call $inc) (i64.const 2)))
          (func (export "step") (param i32) (result i64) (call_indirect (type $v) (local.get 0)))
          (func (export "spin") (param i32) (result i32)
            (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
            (local.get 0)))
        """;

    /// <summary>
    /// A loop entered once, before the module's code exists, continues in compiled code once the code
    /// arrives (through the function's loop-entry method), with the interpreter's locals of every kind:
    /// the host function the loop calls sees an interpreted caller at first, a compiled one later, and
    /// the loop's results match its iteration count exactly.
    /// </summary>
    [Fact]
    public void A_long_loop_entered_while_interpreted_continues_in_compiled_code()
    {
        var engine = new Engine(Config.Default.UseCompiler() with { Strategy = Strategy.Tiered, TierUpThreshold = 100 });
        Module module = Module.FromBytes(engine, Wat.Parse("""
            (module
              (import "env" "tick" (func $tick (param externref) (result i32)))
              (func (export "run") (param $r externref) (result i32 i64 f64 f32 i32)
                (local $i i32) (local $a i64) (local $d f64) (local $f f32) (local $v v128)
                (local.set $v (v128.const i32x4 1 2 3 4))
                (loop $l
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (local.set $a (i64.add (local.get $a) (i64.extend_i32_u (local.get $i))))
                  (local.set $d (f64.add (local.get $d) (f64.const 0.5)))
                  (local.set $f (f32.add (local.get $f) (f32.const 1)))
                  (local.set $v (i32x4.add (local.get $v) (v128.const i32x4 1 1 1 1)))
                  (br_if $l (i32.eqz (call $tick (local.get $r)))))
                (local.get $i) (local.get $a) (local.get $d) (local.get $f) (i32x4.extract_lane 3 (local.get $v))))
            """));
        var token = new object();
        int ticks = 0, firstCompiledTick = 0;
        var clock = Stopwatch.StartNew();
        var linker = new Linker(engine).DefineFunction("env", "tick", (ExternRef? r) =>
        {
            Assert.Same(token, r?.Target);
            ticks++;
            bool compiled = new StackTrace().GetFrames().Any(f => f.GetMethod()?.Name.EndsWith(" loops", StringComparison.Ordinal) == true);
            if (compiled && firstCompiledTick == 0) firstCompiledTick = ticks;
            // Some iterations in compiled code after the switch, then stop (or give up after 30 s).
            return ticks >= firstCompiledTick + 1000 && firstCompiledTick > 0 || clock.Elapsed > TimeSpan.FromSeconds(30) ? 1 : 0;
        });
        using var store = new Store(engine);
        Instance instance = linker.Instantiate(store, module);
        Value[] results = instance.GetFunction("run")!.Call(Value.ExternRef(new ExternRef(token)));
        Assert.True(firstCompiledTick > 100, $"the loop never ran compiled ({ticks} iterations; {module.Compiled.Interpreted.TierUpError})");
        long n = ticks;
        Assert.Equal(n, results[0].AsI32());
        Assert.Equal(n * (n + 1) / 2, results[1].AsI64());
        Assert.Equal(0.5 * n, results[2].AsF64());
        Assert.Equal((float)n, results[3].AsF32());
        Assert.Equal(4 + n, results[4].AsI32());
    }

    [Fact]
    public void A_hot_module_is_compiled_in_the_background_and_its_instances_switch_keeping_their_state()
    {
        var engine = new Engine(Config.Default.UseCompiler() with { Strategy = Strategy.Tiered, TierUpThreshold = 10 });
        Module module = Module.FromBytes(engine, Wat.Parse(Counter));
        Assert.Null(module.Compiled.Code);
        var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, module);
        Func<int, long> step = instance.GetFunction<int, long>("step");
        long expectedSum = 0, n = 0;
        var clock = Stopwatch.StartNew();
        // Calls run interpreted until the background compilation lands, then compiled.
        while (!instance.Context.RunsCompiled && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            long got = step((int)(n % 2));
            n++;
            expectedSum += n;
            Assert.Equal(n % 2 == 1 ? n : 2 * n, got);
        }
        Assert.True(instance.Context.RunsCompiled, $"no switch to compiled code after {n} calls ({module.Compiled.Interpreted.TierUpError})");
        Assert.NotNull(module.Compiled.Code);
        for (int i = 0; i < 5; i++)
        {
            long got = step((int)(n % 2));
            n++;
            expectedSum += n;
            Assert.Equal(n % 2 == 1 ? n : 2 * n, got);
        }
        Assert.Equal(expectedSum, BitConverter.ToInt64(instance.GetMemory("mem")!.GetSpan(8, 8)));
        // A new instance of the compiled module starts compiled.
        Instance second = new Linker(engine).Instantiate(store, module);
        Assert.Equal(1, second.GetFunction<int, long>("step")(0));
        Assert.Equal(0, second.GetFunction<int, int>("spin")(1000));
    }

    [Fact]
    public void The_interpreter_and_the_compiler_consume_the_same_fuel()
    {
        ulong Consumed(Strategy strategy)
        {
            var engine = new Engine(Config.Default.UseCompiler() with { Strategy = strategy, ConsumeFuel = true });
            var store = new Store(engine);
            store.SetFuel(1_000_000);
            Instance instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, Wat.Parse(Counter)));
            Func<int, long> step = instance.GetFunction<int, long>("step");
            for (int i = 0; i < 7; i++) step(i % 2);
            Assert.Equal(0, instance.GetFunction<int, int>("spin")(100));
            return 1_000_000 - store.GetFuel();
        }
        ulong compiled = Consumed(Strategy.Compiler);
        Assert.True(compiled > 100, $"only {compiled} fuel consumed");
        Assert.Equal(compiled, Consumed(Strategy.Interpreter));
    }

    [Fact]
    public void Tiered_without_a_compiler_says_what_it_needs()
    {
        WasmException e = Assert.Throws<WasmException>(() => new Engine(Config.Default with { Strategy = Strategy.Tiered }));
        Assert.Contains("UseCompiler", e.Message, StringComparison.Ordinal);
    }
}
