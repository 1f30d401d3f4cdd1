using System.Diagnostics.Tracing;
using System.Text;
using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>
/// Functions too large for RyuJIT to optimize are compiled as a method and parts (RegionPlanner):
/// blocks of them become methods of their own. Whatever leaves a part (falling through, a branch to
/// an enclosing block or loop, br_table, return, a trap) must behave as in one method: the results
/// are compared with the interpreter's, and a trap inside a part reports its instruction in one frame.
/// </summary>
public sealed class LargeFunctionTests
{
    private const int Chunks = 70;

    private static readonly Engine Interpreter = new(Config.Default with { Strategy = Strategy.Interpreter });

    /// <summary>
    /// "big" (n, mode, at) -> i32 and "store" (n, mode, at) -> () (its result in memory at 0), each a
    /// sequence of loops inside blocks with locals shared between them, memory, calls, a nested loop,
    /// and per mode a way out from loop number <c>at</c>: 1 br_if to an outer block, 2 br_table to
    /// outer blocks, 3 an out-of-bounds load, 4 return.
    /// </summary>
    private static string Source()
    {
        var wat = new StringBuilder("""
            (module
              (memory (export "memory") 1)
              (func $mix (param i32 i32) (result i32) (i32.xor (i32.mul (local.get 0) (i32.const 31)) (local.get 1)))
            """);
        foreach ((string name, bool results) in new[] { ("big", true), ("store", false) })
        {
            wat.Append($"""
                  (func (export "{name}") (param $n i32) (param $mode i32) (param $at i32) {(results ? "(result i32)" : "")}
                    (local $acc i32) (local $i i32) (local $j i32) (local $wide i64) (local $f f64)
                    (block $done
                    (block $early
                    (block $other

                """);
            for (int c = 0; c < Chunks; c++)
            {
                wat.Append($"""
                        (local.set $i (i32.const 0))
                        (block $b{c}
                          (loop $l{c}
                            (local.set $acc (call $mix (local.get $acc) (i32.add (local.get $i) (i32.const {c}))))
                            (i32.store (i32.and (i32.mul (local.get $i) (i32.const 4)) (i32.const 1020)) (local.get $acc))
                            (local.set $acc (i32.add (local.get $acc) (i32.load offset=4 (i32.and (i32.mul (local.get $i) (i32.const 8)) (i32.const 1016)))))
                            (local.set $wide (i64.add (local.get $wide) (i64.extend_i32_u (local.get $acc))))
                            (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $i))))
                            (local.set $acc (i32.xor (local.get $acc) (i32.shr_u (local.get $acc) (i32.const {1 + (c % 9)}))))
                            (local.set $acc (i32.add (local.get $acc) (i32.mul (local.get $i) (i32.const {c + 3}))))
                            (local.set $j (i32.const 0))
                            (loop $inner{c}
                              (local.set $acc (i32.rotl (local.get $acc) (i32.add (local.get $j) (i32.const {c % 7}))))
                              (local.set $j (i32.add (local.get $j) (i32.const 1)))
                              (br_if $inner{c} (i32.lt_u (local.get $j) (i32.const 3))))
                            (if (i32.and (i32.eq (local.get $mode) (i32.const 1)) (i32.eq (local.get $i) (i32.const {c % 5})))
                              (then (br_if $early (i32.eq (i32.const {c}) (local.get $at)))))
                            (if (i32.and (i32.eq (local.get $mode) (i32.const 2)) (i32.eq (i32.const {c}) (local.get $at)))
                              (then (br_table $b{c} $other $early $done (i32.and (local.get $i) (i32.const 3)))))
                            (if (i32.and (i32.eq (local.get $mode) (i32.const 3)) (i32.eq (i32.const {c}) (local.get $at)))
                              (then (drop (i32.load offset=70000 (local.get $i)))))
                            (if (i32.and (i32.eq (local.get $mode) (i32.const 4)) (i32.eq (i32.const {c}) (local.get $at)))
                              (then {(results ? "(return (i32.add (local.get $acc) (i32.const 7)))" : "(i32.store (i32.const 0) (local.get $acc)) (return)")}))
                            (local.set $i (i32.add (local.get $i) (i32.const 1)))
                            (br_if $l{c} (i32.lt_u (local.get $i) (local.get $n)))))

                    """);
            }
            wat.Append($"""
                        (local.set $acc (i32.add (local.get $acc) (i32.const 100))))
                      (local.set $acc (i32.add (local.get $acc) (i32.const 1000)))))
                    (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $wide))))
                    (local.set $acc (i32.add (local.get $acc) (i32.trunc_f64_s (local.get $f))))
                    {(results ? "(local.get $acc)" : "(i32.store (i32.const 0) (local.get $acc))")})

                """);
        }
        return wat.Append(')').ToString();
    }

    private static readonly byte[] Bytes = Wat.Parse(Source());

    /// <summary>
    /// "straight" (x, at) -> i32: 1,500 statements without a block between them but small ifs, then
    /// the same in a loop that runs 3 times (statement numbers from 10,000). Statement <c>at</c> returns
    /// early, statement <c>at - 5,000</c> divides by zero: from a run of statements in a part, or not.
    /// </summary>
    private static string StraightSource(string name = "straight")
    {
        var wat = new StringBuilder($$"""
            (module
              (memory 1)
              (func ${{name}} (export "straight") (param $x i32) (param $at i32) (result i32)
                (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $k i32)
                (local.set $a (local.get $x))

            """);
        string[] l = ["$a", "$b", "$c", "$d"];
        for (int loop = 0; loop < 2; loop++)
        {
            if (loop == 1) wat.Append("(local.set $k (i32.const 0)) (loop $again\n");
            for (int i = 0; i < StraightStatements; i++)
            {
                wat.Append($"(local.set {l[i % 4]} (i32.add (local.get {l[(i + 1) % 4]}) (i32.mul (local.get {l[(i + 2) % 4]}) (i32.const {i + 3}))))\n");
                if (i % 50 == 7) wat.Append($"(i32.store offset={i % 400 * 4} (i32.const 0) (local.get {l[i % 4]}))\n");
                if (i % 50 == 9) wat.Append($"(local.set $d (i32.xor (local.get $d) (i32.load offset={(i - 2) % 400 * 4} (i32.const 0))))\n");
                if (i % 100 == 13)
                {
                    wat.Append($"(if (i32.eq (local.get $at) (i32.const {i + (loop * 10000)})) (then (return (local.get $c))))\n");
                    wat.Append($"(if (i32.eq (local.get $at) (i32.const {5000 + i + (loop * 10000)})) (then (drop (i32.div_u (local.get $a) (i32.const 0)))))\n");
                }
            }
            if (loop == 1) wat.Append("(local.set $k (i32.add (local.get $k) (i32.const 1))) (br_if $again (i32.lt_u (local.get $k) (i32.const 3))))\n");
        }
        return wat.Append("(i32.add (local.get $a) (local.get $d))))").ToString();
    }

    private const int StraightStatements = 1_500;

    private static readonly byte[] StraightBytes = Wat.Parse(StraightSource());

    [Fact]
    public void The_functions_are_split_into_parts()
    {
        var module = Module.FromBytes(Wasm.Engine, Bytes);
        Assert.All(Enumerable.Range(0, 2), i => Assert.True(RegionPlanner.Plan(module.Info, 1 + i).Length >= 2, $"function {1 + i}: {RegionPlanner.Plan(module.Info, 1 + i).Length} parts, {module.Info.Code[1 + i].CodeLength} bytes"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 0)]
    [InlineData(5, 1)]
    [InlineData(6, 2)]
    [InlineData(7, 2)]
    [InlineData(8, 2)]
    [InlineData(9, 2)]
    [InlineData(5, 4)]
    public void Every_way_out_of_a_part_matches_the_interpreter(int n, int mode)
    {
        // From every loop: the ones in parts and the ones left in the function.
        for (int at = 0; at < Chunks; at++)
        {
            Assert.Equal(Run(Interpreted, "big", n, mode, at), Run(Compiled, "big", n, mode, at));
            Assert.Equal(Run(Interpreted, "store", n, mode, at), Run(Compiled, "store", n, mode, at));
        }
    }

    private static readonly Module Compiled = Module.FromBytes(Wasm.Engine, Bytes);

    private static readonly Module Interpreted = Module.FromBytes(Interpreter, Bytes);

    /// <summary>Runs an export in a fresh instance: the results depend on what earlier calls left in memory.</summary>
    private static int Run(Module module, string export, int n, int mode, int at) =>
        Run(new Linker(module.Engine).Instantiate(new Store(module.Engine), module), export, n, mode, at);

    private static int Run(Instance instance, string export, int n, int mode, int at)
    {
        if (export == "big") return instance.GetFunction<int, int, int, int>("big")(n, mode, at);
        instance.GetAction<int, int, int>("store")(n, mode, at);
        return instance.GetMemory("memory")!.ReadInt32(0);
    }

    [Fact]
    public void Straight_line_code_is_split_into_runs_that_return_and_trap_as_in_one_method()
    {
        var compiled = Module.FromBytes(Wasm.Engine, StraightBytes);
        var interpreted = Module.FromBytes(Interpreter, StraightBytes);
        Assert.True(RegionPlanner.Plan(compiled.Info, 0).Length >= 2);
        static int Call(Module module, int at) =>
            new Linker(module.Engine).Instantiate(new Store(module.Engine), module).GetFunction<int, int, int>("straight")(7, at);
        // Statement i of the straight part, then of the loop's body.
        for (int i = 13; i < StraightStatements; i += 100)
        {
            foreach (int at in new[] { i, i + 10000 })
            {
                Assert.Equal(Call(interpreted, at), Call(compiled, at));
                TrapException trap = Wasm.Traps(() => Call(compiled, 5000 + at));
                Assert.Equal(TrapCode.IntegerDivideByZero, trap.Code);
                // i32.const 0, i32.div_u, drop (41 00 6e 1a): one per 100 statements.
                int division = -1, nth = ((at % 10000) / 100) + (at >= 10000 ? (StraightStatements + 99) / 100 : 0);
                for (int k = 0; k <= nth; k++) division += 1 + StraightBytes.AsSpan(division + 1).IndexOf((byte[])[0x41, 0x00, 0x6e, 0x1a]);
                Assert.Equal(division + 2, trap.Backtrace[0].CodeOffset);
                Assert.Single(trap.Backtrace, frame => frame.FunctionIndex == 0);
            }
        }
        Assert.Equal(Call(interpreted, -1), Call(compiled, -1));
    }

    /// <summary>
    /// The signal that matters: the runtime's JIT events (MethodLoadVerbose, whose flags carry the
    /// optimization tier) say that no method of a large function was compiled with MinOpts, while
    /// the same function kept whole (fuel keeps functions whole) was.
    /// </summary>
    [Fact]
    public void The_methods_of_a_split_function_are_optimized_where_the_whole_one_was_not()
    {
        using var listener = new JitListener();
        Engine fuel = new(Config.Default.UseCompiler() with { ConsumeFuel = true });
        foreach ((Engine engine, string name) in new[] { (fuel, "jit_probe_whole"), (Wasm.Engine, "jit_probe_split") })
        {
            var module = Module.FromBytes(engine, Wat.Parse(StraightSource(name)));
            var store = new Store(engine);
            if (engine == fuel) store.SetFuel(ulong.MaxValue);
            new Linker(engine).Instantiate(store, module).GetFunction<int, int, int>("straight")(7, -1);
        }
        // The listener gets the events on a thread of its own, a little later.
        for (int wait = 0; wait < 100 && !(listener.Saw("jit_probe_whole") && listener.Saw("jit_probe_split part")); wait++) Thread.Sleep(50);
        Assert.Equal([JitListener.MinOptJitted], listener.TiersOf("jit_probe_whole"));
        Assert.Equal([JitListener.Optimized], listener.TiersOf("jit_probe_split"));
        Assert.True(listener.Count("jit_probe_split") >= 3, "the function and at least two parts");
    }

    /// <summary>
    /// A function whose bounds checks alone take it over RyuJIT's 2,000 basic blocks (1,200 loads;
    /// fuel keeps it whole) is compiled with its checks as calls (MemoryAccess.Checked) and
    /// optimized; it sums the same as the interpreter, and an out-of-bounds load traps at its own
    /// offset in both.
    /// </summary>
    [Fact]
    public void Bounds_checks_as_calls_keep_a_memory_heavy_function_optimized_and_trap_at_the_load()
    {
        const int Loads = 1200;
        var wat = new StringBuilder("(module (memory (export \"memory\") 1) (data (i32.const 0) \"\\01\\02\\03\\04\\05\\06\\07\\08\")"
            + "(func $jit_probe_loads (export \"jit_probe_loads\") (param $base i32) (result i32) (local $sum i32)");
        for (int k = 0; k < Loads; k++) wat.Append($" (local.set $sum (i32.add (local.get $sum) (i32.load offset={4 * k} (local.get $base))))");
        wat.Append(" (local.get $sum)))");
        byte[] bytes = Wat.Parse(wat.ToString());
        using var listener = new JitListener();
        Engine fuel = new(Config.Default.UseCompiler() with { ConsumeFuel = true });
        var store = new Store(fuel);
        store.SetFuel(ulong.MaxValue);
        Func<int, int> loads = new Linker(fuel).Instantiate(store, Module.FromBytes(fuel, bytes)).GetFunction<int, int>("jit_probe_loads");
        Func<int, int> reference = new Linker(Interpreter).Instantiate(new Store(Interpreter), Module.FromBytes(Interpreter, bytes)).GetFunction<int, int>("jit_probe_loads");
        Assert.Equal(reference(0), loads(0));
        Assert.Equal(reference(2), loads(2));
        // The 26th load (offset=100) is the first past the end.
        TrapException trap = Wasm.Traps(() => loads(65536 - 100));
        TrapException expected = Wasm.Traps(() => reference(65536 - 100));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        Assert.Equal(expected.Backtrace[0].CodeOffset, trap.Backtrace[0].CodeOffset);
        Assert.Equal(0x28, bytes[trap.Backtrace[0].CodeOffset!.Value]);
        for (int wait = 0; wait < 100 && !listener.Saw("jit_probe_loads"); wait++) Thread.Sleep(50);
        Assert.Equal([JitListener.Optimized], listener.TiersOf("jit_probe_loads"));
    }

    /// <summary>Records the optimization tier of each JIT-compiled method (MethodLoadVerbose, flags bits 7-9).</summary>
    private sealed class JitListener : EventListener
    {
        public const int MinOptJitted = 1;
        public const int Optimized = 2;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _tiers = new();

        public bool Saw(string name) => _tiers.Keys.Any(k => k.Contains(name, StringComparison.Ordinal));

        public int Count(string name) => _tiers.Keys.Count(k => k.Contains(name, StringComparison.Ordinal));

        public int[] TiersOf(string name) => [.. _tiers.Where(p => p.Key.Contains(name, StringComparison.Ordinal)).Select(p => p.Value).Distinct()];

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            // The JIT keyword (0x10) of the runtime's own event source.
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(eventSource, EventLevel.Verbose, (EventKeywords)0x10);
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("MethodLoadVerbose", StringComparison.Ordinal) != true || eventData.Payload is null || eventData.PayloadNames is null) return;
            int name = eventData.PayloadNames.IndexOf("MethodName"), flags = eventData.PayloadNames.IndexOf("MethodFlags");
            if (name < 0 || flags < 0 || eventData.Payload[name] is not string method || !method.Contains("jit_probe", StringComparison.Ordinal)) return;
            _tiers[method] = (int)((Convert.ToUInt32(eventData.Payload[flags], System.Globalization.CultureInfo.InvariantCulture) >> 7) & 7);
        }
    }

    [Fact]
    public void The_interpreter_reports_the_trapping_instruction_not_its_statement()
    {
        // local.get, i32.const and the division share the division's code: the division is the one.
        var module = Module.FromBytes(Interpreter, StraightBytes);
        for (int i = 13; i < StraightStatements; i += 500)
        {
            foreach (int at in new[] { i, i + 10000 })
            {
                TrapException trap = Wasm.Traps(() => new Linker(Interpreter).Instantiate(new Store(Interpreter), module).GetFunction<int, int, int>("straight")(7, 5000 + at));
                int division = -1, nth = ((at % 10000) / 100) + (at >= 10000 ? (StraightStatements + 99) / 100 : 0);
                for (int k = 0; k <= nth; k++) division += 1 + StraightBytes.AsSpan(division + 1).IndexOf((byte[])[0x41, 0x00, 0x6e, 0x1a]);
                Assert.Equal(division + 2, trap.Backtrace[0].CodeOffset);
            }
        }
    }

    [Fact]
    public void An_artifact_keeps_the_parts_and_their_offsets()
    {
        Module loaded = Module.Deserialize(Wasm.Engine, Wasm.Engine.PrecompileModule(Bytes));
        Instance instance = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), loaded);
        Assert.Equal(Run(Interpreted, "big", 7, 2, Chunks - 3), Run(instance, "big", 7, 2, Chunks - 3));
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int, int, int>("big")(5, 3, 0));
        Assert.Equal(Bytes.AsSpan().IndexOf((byte[])[0x28, 0x02, 0xf0, 0xa2, 0x04]), trap.Backtrace[0].CodeOffset);
        Assert.Single(trap.Backtrace, frame => frame.FunctionIndex == 1);
    }

    [Fact]
    public void A_trap_in_a_part_reports_its_instruction_in_one_frame()
    {
        // i32.load offset=70000 (28 02 f0 a2 04): one per loop, "big" first.
        int load = -1;
        for (int at = 0; at < Chunks; at++)
        {
            load += 1 + Bytes.AsSpan(load + 1).IndexOf((byte[])[0x28, 0x02, 0xf0, 0xa2, 0x04]);
            TrapException trap = Wasm.Traps(() => Run(Compiled, "big", 5, 3, at));
            Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
            Assert.Equal(load, trap.Backtrace[0].CodeOffset);
            Assert.Equal(1, trap.Backtrace[0].FunctionIndex);
            Assert.DoesNotContain(trap.Backtrace.Skip(1), frame => frame.FunctionIndex == 1);
        }
    }
}
