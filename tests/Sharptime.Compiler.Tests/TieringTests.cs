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
