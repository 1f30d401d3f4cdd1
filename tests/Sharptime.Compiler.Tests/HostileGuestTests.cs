using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>
/// The fault table of issue 11: each way a guest (or a careless host) can try to hang or exhaust the
/// host is stopped with the expected trap or error, and the process and the store stay usable.
/// No timings are asserted: threads wait on events, never on the clock.
/// </summary>
public sealed class HostileGuestTests
{
    private static readonly Engine FuelEngine = new(Config.Default.UseCompiler() with { ConsumeFuel = true });
    private static readonly Engine EpochEngine = new(Config.Default.UseCompiler() with { EpochInterruption = true });

    private const string Spin = """
        (module
          (func (export "spin") (loop br 0))
          (func (export "answer") (result i32) i32.const 42))
        """;

    private static Instance Instantiate(Engine engine, Store store, string wat, Linker? linker = null) =>
        (linker ?? new Linker(engine)).Instantiate(store, Module.FromBytes(engine, Wat.Parse(wat)));

    [Fact]
    public void Infinite_loop_runs_out_of_fuel_and_the_store_stays_usable()
    {
        using var store = new Store(FuelEngine);
        store.SetFuel(100_000);
        Instance instance = Instantiate(FuelEngine, store, Spin);
        TrapException trap = Wasm.Traps(() => instance.GetAction("spin")());
        Assert.Equal(TrapCode.OutOfFuel, trap.Code);
        Assert.Equal("all fuel consumed by WebAssembly", trap.Message);
        Assert.Equal(0UL, store.GetFuel());
        Assert.Equal(TrapCode.OutOfFuel, Wasm.Traps(() => instance.GetFunction<int>("answer")()).Code);
        store.SetFuel(10);
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Theory]
    [InlineData("(func (export \"f\"))", 1)]
    [InlineData("(func (export \"f\") i32.const 0 drop)", 2)]
    [InlineData("(func (export \"f\") block end)", 1)]
    [InlineData("(func (export \"f\") i32.const 1 if i32.const 0 drop end)", 4)]
    [InlineData("(func (export \"f\") block i32.const 1 br_if 0 i32.const 0 drop end)", 3)]
    [InlineData("(func (export \"f\") (local i32) (loop local.get 0 i32.const 1 i32.add local.tee 0 i32.const 3 i32.ne br_if 0))", 22)]
    [InlineData("(func $g) (func (export \"f\") call $g call $g)", 5)]
    public void Fuel_costs_follow_wasmtime(string body, ulong expected)
    {
        using var store = new Store(FuelEngine);
        store.SetFuel(1000);
        Instantiate(FuelEngine, store, $"(module {body})").GetAction("f")();
        Assert.Equal(expected, 1000 - store.GetFuel());
    }

    [Fact]
    public void Fuel_needs_the_setting()
    {
        using var store = new Store(Wasm.Engine);
        Assert.Contains("Config.ConsumeFuel", Assert.Throws<WasmException>(() => store.SetFuel(10)).Message);
        Assert.Throws<WasmException>(() => store.GetFuel());
        Assert.Throws<WasmException>(() => store.SetEpochDeadline(1));
    }

    [Fact]
    public void A_new_fuel_store_has_none()
    {
        using var store = new Store(FuelEngine);
        Instance instance = Instantiate(FuelEngine, store, Spin);
        Assert.Equal(TrapCode.OutOfFuel, Wasm.Traps(() => instance.GetFunction<int>("answer")()).Code);
    }

    [Fact]
    public void Infinite_loop_is_interrupted_by_the_epoch_from_another_thread()
    {
        (TrapException trap, Store store, Instance instance) = RunWhileTheEpochTicks("""
            (module (import "env" "started" (func $started))
              (func (export "spin") call $started (loop br 0))
              (func (export "answer") (result i32) i32.const 42))
            """, i => i.GetAction("spin")());
        using (store)
        {
            Assert.Equal(TrapCode.Interrupt, trap.Code);
            Assert.Equal("interrupt", trap.Message);
            store.SetEpochDeadline(10);
            Assert.Equal(42, instance.GetFunction<int>("answer")());
        }
    }

    /// <summary>
    /// With epochs alone the compiler compiles small innermost loops several times in a row (the
    /// check before the first copy only). Loops of every shape that matters to the copies (a
    /// branch back from a nested block, br_table back, an end that is never reached, a return
    /// inside, a result left by the enclosing block) compute what they compute without epochs; a
    /// deadline callback that continues at every check sees the state of every copy; and an
    /// endless copied loop whose body branches back from a nested block still stops.
    /// </summary>
    [Fact]
    public void Loops_compiled_several_times_for_epoch_checks_keep_their_results_and_still_stop()
    {
        const string Wat = """
            (module (import "env" "started" (func $started))
              (func (export "shapes") (param $n i32) (result i64)
                (local $i i32) (local $acc i64)
                ;; 1. a branch back from inside a nested block, and one from the body's end
                (loop $a
                  (block $skip
                    (br_if $skip (i32.and (local.get $i) (i32.const 1)))
                    (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $a))
                  (local.set $acc (i64.mul (local.get $acc) (i64.const 3)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $a (i32.lt_u (local.get $i) (local.get $n))))
                ;; 2. br_table back to the loop; its end is never reached
                (local.set $i (i32.const 0))
                (block $out
                  (loop $b
                    (local.set $acc (i64.xor (i64.rotl (local.get $acc) (i64.const 7)) (i64.extend_i32_u (local.get $i))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_table $b $out (i32.ge_u (local.get $i) (local.get $n)))))
                ;; 3. a loop inside a block with a result, left by a branch that carries it
                (i64.add (local.get $acc)
                  (block $r (result i64)
                    (local.set $i (i32.const 0))
                    (loop $c
                      (local.set $i (i32.add (local.get $i) (i32.const 3)))
                      (br_if $r (i64.extend_i32_u (local.get $i)) (i32.gt_u (local.get $i) (local.get $n)))
                      (br $c))
                    (unreachable))))
              (func (export "first_above") (param $n i32) (result i32)
                (local $i i32)
                ;; 4. a return inside the loop
                (loop $d
                  (if (i32.gt_u (i32.mul (local.get $i) (local.get $i)) (local.get $n)) (then (return (local.get $i))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br $d))
                (unreachable))
              (func (export "spin") (local $i i32)
                call $started
                (loop $e
                  (block $odd
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br_if $e (i32.and (local.get $i) (i32.const 1))))
                  (br $e))))
            """;
        var plainEngine = new Engine(Config.Default.UseCompiler());
        using var plainStore = new Store(plainEngine);
        Instance plain = Instantiate(plainEngine, plainStore, Wat, new Linker(plainEngine).DefineFunction("env", "started", () => { }));
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        using var farStore = new Store(engine);
        farStore.SetEpochDeadline(ulong.MaxValue); // the fast copy with its loop copies runs throughout
        Instance far = Instantiate(engine, farStore, Wat, new Linker(engine).DefineFunction("env", "started", () => { }));
        using var dueStore = new Store(engine);
        int callbacks = 0;
        dueStore.EpochDeadlineCallback(_ =>
        {
            callbacks++;
            return EpochDeadlineAction.Continue(0); // the deadline stays reached: every check calls back
        });
        dueStore.SetEpochDeadline(0);
        Instance due = Instantiate(engine, dueStore, Wat, new Linker(engine).DefineFunction("env", "started", () => { }));
        foreach (int n in new[] { 0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 1001 })
        {
            long shapes = plain.GetFunction<int, long>("shapes")(n);
            int firstAbove = plain.GetFunction<int, int>("first_above")(n);
            Assert.Equal(shapes, far.GetFunction<int, long>("shapes")(n));
            Assert.Equal(firstAbove, far.GetFunction<int, int>("first_above")(n));
            Assert.Equal(shapes, due.GetFunction<int, long>("shapes")(n));
            Assert.Equal(firstAbove, due.GetFunction<int, int>("first_above")(n));
        }
        Assert.True(callbacks > 1000, $"{callbacks} callbacks");
        (TrapException trap, Store spinning, _) = RunWhileTheEpochTicks(Wat, i => i.GetAction("spin")());
        spinning.Dispose();
        Assert.Equal(TrapCode.Interrupt, trap.Code);
    }

    /// <summary>
    /// Runs <paramref name="call"/> in a new store (deadline 1 tick away) while another thread
    /// increments the epoch once the guest has called <c>env.started</c>; returns the trap.
    /// </summary>
    private static (TrapException Trap, Store Store, Instance Instance) RunWhileTheEpochTicks(string wat, Action<Instance> call)
    {
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        var store = new Store(engine);
        store.SetEpochDeadline(1);
        using var running = new ManualResetEventSlim();
        Instance instance = Instantiate(engine, store, wat, new Linker(engine).DefineFunction("env", "started", running.Set));
        var ticker = new Thread(() =>
        {
            running.Wait();
            engine.IncrementEpoch();
        });
        ticker.Start();
        TrapException trap = Wasm.Traps(() => call(instance));
        ticker.Join();
        return (trap, store, instance);
    }

    [Fact]
    public void Epoch_deadline_callback_can_extend_then_trap()
    {
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        using var store = new Store(engine);
        int calls = 0;
        store.EpochDeadlineCallback(s =>
        {
            calls++;
            return calls < 3 ? EpochDeadlineAction.Continue(1) : EpochDeadlineAction.Trap;
        });
        var linker = new Linker(engine).DefineFunction("env", "tick", engine.IncrementEpoch);
        Instance instance = Instantiate(engine, store, """
            (module (import "env" "tick" (func $tick))
              (func (export "spin") (loop call $tick br 0)))
            """, linker);
        store.SetEpochDeadline(5);
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => instance.GetAction("spin")()).Code);
        Assert.Equal(3, calls);
    }

    [Fact]
    public void Memory_grown_by_the_deadline_callback_is_seen_by_the_interrupted_loop()
    {
        // The loop caches memory 0's base and length; the callback grows the memory through the host
        // API, and the loop then stores into the new page: it must see the new length.
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        using var store = new Store(engine);
        Memory? memory = null;
        store.EpochDeadlineCallback(s =>
        {
            memory!.Grow(1);
            return EpochDeadlineAction.Continue(1_000_000);
        });
        var linker = new Linker(engine).DefineFunction("env", "tick", engine.IncrementEpoch);
        Instance instance = Instantiate(engine, store, """
            (module (import "env" "tick" (func $tick))
              (memory (export "memory") 1)
              (func (export "run") (result i32) (local $i i32)
                (loop $l
                  (i32.store8 (i32.const 100) (i32.const 1))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (if (i32.eq (local.get $i) (i32.const 2)) (then (call $tick)))
                  (br_if $l (i32.lt_u (local.get $i) (i32.const 10))))
                (i32.store8 (i32.const 65636) (i32.const 7))
                (i32.load8_u (i32.const 65636))))
            """, linker);
        memory = instance.GetMemory("memory");
        store.SetEpochDeadline(1);
        Assert.Equal(7, instance.GetFunction<int>("run")());
        Assert.Equal(2UL, memory!.Pages);
    }

    [Fact]
    public void Epoch_deadline_callback_continues_inner_loops_with_their_state()
    {
        // The deadline is reached at loop headers (inner and outer) with locals live: the code
        // continues after each callback (in the slow copy of the body) and the result is exact.
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        using var store = new Store(engine);
        int calls = 0;
        store.EpochDeadlineCallback(s =>
        {
            calls++;
            return EpochDeadlineAction.Continue(1);
        });
        var linker = new Linker(engine).DefineFunction("env", "tick", engine.IncrementEpoch);
        Instance instance = Instantiate(engine, store, """
            (module (import "env" "tick" (func $tick))
              (func (export "sum") (param $n i32) (result i64)
                (local $i i32) (local $j i32) (local $acc i64) (local $f f64)
                (loop $outer
                  (local.set $j (i32.const 0))
                  (loop $inner
                    (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (i32.add (local.get $i) (local.get $j)))))
                    (local.set $f (f64.add (local.get $f) (f64.const 0.5)))
                    (if (i32.eq (local.get $j) (i32.const 5)) (then (call $tick)))
                    (local.set $j (i32.add (local.get $j) (i32.const 1)))
                    (br_if $inner (i32.lt_u (local.get $j) (i32.const 10))))
                  (if (i32.eq (i32.and (local.get $i) (i32.const 1)) (i32.const 1)) (then (call $tick)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $outer (i32.lt_u (local.get $i) (local.get $n))))
                (i64.add (local.get $acc) (i64.trunc_f64_s (local.get $f)))))
            """, linker);
        store.SetEpochDeadline(1);
        Assert.Equal(54000L + 500L, instance.GetFunction<int, long>("sum")(100));
        Assert.Equal(149, calls); // 150 ticks; the last one (i = 99) is followed by no check
    }

    [Fact]
    public void A_store_without_a_deadline_traps_at_once_as_in_wasmtime()
    {
        using var store = new Store(EpochEngine);
        Instance instance = Instantiate(EpochEngine, store, Spin);
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => instance.GetFunction<int>("answer")()).Code);
        store.SetEpochDeadline(1);
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Fact]
    public void Endless_tail_calls_without_loops_are_interrupted_at_function_entry()
    {
        // No loop and no stack growth: only the check at function entry can stop it.
        (TrapException trap, Store store, _) = RunWhileTheEpochTicks("""
            (module (import "env" "started" (func $started))
              (func $next (param i32) (result i32) (return_call $next (i32.add (local.get 0) (i32.const 1))))
              (func (export "spin") (result i32) call $started (return_call $next (i32.const 0))))
            """, i => i.GetFunction<int>("spin")());
        store.Dispose();
        Assert.Equal(TrapCode.Interrupt, trap.Code);
    }

    [Fact]
    public void The_epoch_interrupts_exactly_the_stores_whose_deadline_it_reaches()
    {
        const string Counter = """
            (module
              (func (export "count") (result i32) (local i32)
                (loop (br_if 0 (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 1000))))
                local.get 0))
            """;
        var engine = new Engine(Config.Default.UseCompiler() with { EpochInterruption = true });
        using var soon = new Store(engine);
        using var later = new Store(engine);
        using var moved = new Store(engine);
        Func<int> count(Store s) => Instantiate(engine, s, Counter).GetFunction<int>("count");
        (Func<int> a, Func<int> b, Func<int> c) = (count(soon), count(later), count(moved));
        soon.SetEpochDeadline(1);
        later.SetEpochDeadline(2);
        moved.SetEpochDeadline(1);
        moved.SetEpochDeadline(3); // queued at 1 first: reaching 1 must not interrupt it
        engine.IncrementEpoch();
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => a()).Code);
        Assert.Equal(1000, b());
        Assert.Equal(1000, c());
        engine.IncrementEpoch();
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => b()).Code);
        Assert.Equal(1000, c());
        engine.IncrementEpoch();
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => c()).Code);
        // A deadline set again lifts the interrupt; one already passed keeps it.
        soon.SetEpochDeadline(1);
        Assert.Equal(1000, a());
        later.SetEpochDeadline(0);
        Assert.Equal(TrapCode.Interrupt, Wasm.Traps(() => b()).Code);
    }

    private const string Grower = """
        (module
          (memory (export "memory") 1)
          (table 1 funcref)
          (func (export "grow") (param i32) (result i32) local.get 0 memory.grow)
          (func (export "grow_table") (param i32) (result i32) ref.null func local.get 0 table.grow 0)
          (func (export "answer") (result i32) i32.const 42))
        """;

    [Fact]
    public void Memory_and_table_growth_past_the_store_limits_fails()
    {
        using var store = new Store(Wasm.Engine);
        store.SetLimits(new StoreLimits { MemorySize = 3 * 65536, TableElements = 10 });
        Instance instance = Instantiate(Wasm.Engine, store, Grower);
        Func<int, int> grow = instance.GetFunction<int, int>("grow");
        Func<int, int> growTable = instance.GetFunction<int, int>("grow_table");
        Assert.Equal(1, grow(2));
        Assert.Equal(-1, grow(1));
        Assert.Equal(3, grow(0));
        Assert.Equal(1, growTable(9));
        Assert.Equal(-1, growTable(1));
        Assert.Throws<WasmException>(() => instance.GetMemory("memory")!.Grow(1));
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Fact]
    public void Trap_on_grow_failure_traps()
    {
        using var store = new Store(Wasm.Engine);
        store.SetLimits(new StoreLimits { MemorySize = 2 * 65536, TableElements = 2, TrapOnGrowFailure = true });
        Instance instance = Instantiate(Wasm.Engine, store, Grower);
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int>("grow")(5));
        Assert.Equal(TrapCode.GrowFailed, trap.Code);
        Assert.StartsWith("forcing trap when growing memory to 393216 bytes", trap.Message);
        Assert.Equal(TrapCode.GrowFailed, Wasm.Traps(() => instance.GetFunction<int, int>("grow_table")(5)).Code);
        // Past the memory's own maximum (65,536 pages) also traps.
        Assert.Equal(TrapCode.GrowFailed, Wasm.Traps(() => instance.GetFunction<int, int>("grow")(70000)).Code);
        Assert.Equal(1, instance.GetFunction<int, int>("grow")(1));
    }

    [Fact]
    public void Counts_and_initial_sizes_are_limited()
    {
        using var store = new Store(Wasm.Engine);
        store.SetLimits(new StoreLimits { Instances = 1, Memories = 1, Tables = 1 });
        Instantiate(Wasm.Engine, store, Grower);
        Assert.Contains("instance count too high", Assert.Throws<WasmException>(() => Instantiate(Wasm.Engine, store, "(module)")).Message);
        using var store2 = new Store(Wasm.Engine);
        store2.SetLimits(new StoreLimits { Memories = 1, Tables = 1 });
        Instantiate(Wasm.Engine, store2, "(module (memory 1))");
        Assert.Contains("memory count too high", Assert.Throws<WasmException>(() => Instantiate(Wasm.Engine, store2, "(module (memory 1))")).Message);
        Instantiate(Wasm.Engine, store2, "(module (table 1 funcref))");
        Assert.Contains("table count too high", Assert.Throws<WasmException>(() => new Table(store2, ValType.FuncRef, 1)).Message);
        using var store3 = new Store(Wasm.Engine);
        store3.SetLimits(new StoreLimits { MemorySize = 65536 });
        Assert.Contains("exceeds memory limits", Assert.Throws<WasmException>(() => Instantiate(Wasm.Engine, store3, "(module (memory 2))")).Message);
    }

    private sealed class RecordingLimiter : IResourceLimiter
    {
        public List<(ulong Current, ulong Desired, ulong? Maximum)> Memory { get; } = [];
        public List<(ulong Current, ulong Desired, ulong? Maximum)> Table { get; } = [];

        public bool MemoryGrowing(ulong currentBytes, ulong desiredBytes, ulong? maximumBytes)
        {
            Memory.Add((currentBytes, desiredBytes, maximumBytes));
            return desiredBytes <= 2 * 65536;
        }

        public bool TableGrowing(ulong currentElements, ulong desiredElements, ulong? maximumElements)
        {
            Table.Add((currentElements, desiredElements, maximumElements));
            return true;
        }
    }

    [Fact]
    public void A_custom_limiter_is_asked_at_creation_and_before_every_growth()
    {
        using var store = new Store(Wasm.Engine);
        var limiter = new RecordingLimiter();
        store.Limiter = limiter;
        Instance instance = Instantiate(Wasm.Engine, store, "(module (memory 1 5) (table 2 7 funcref) (func (export \"grow\") (param i32) (result i32) local.get 0 memory.grow) (func (export \"grow_table\") (param i32) (result i32) ref.null func local.get 0 table.grow 0))");
        Assert.Equal(1, instance.GetFunction<int, int>("grow")(1));
        Assert.Equal(-1, instance.GetFunction<int, int>("grow")(1));
        Assert.Equal(2, instance.GetFunction<int, int>("grow_table")(3));
        Assert.Equal([(0UL, 65536UL, (ulong?)(5 * 65536)), (65536UL, 131072UL, 5 * 65536), (131072UL, 196608UL, 5 * 65536)], limiter.Memory);
        Assert.Equal([(0UL, 2UL, (ulong?)7), (2UL, 5UL, 7)], limiter.Table);
    }

    private const string Recursion = """
        (module
          (func $f (export "f") (param i32) (result i32) local.get 0 i32.const 1 i32.add call $f)
          (func $d (export "depth") (param i32) (result i32)
            local.get 0 i32.eqz if (result i32) i32.const 0
            else local.get 0 i32.const 1 i32.sub call $d i32.const 1 i32.add end)
          (func (export "answer") (result i32) i32.const 42))
        """;

    [Fact]
    public void Deep_recursion_traps_with_a_capped_backtrace_and_the_store_stays_usable()
    {
        using var store = new Store(Wasm.Engine);
        Instance instance = Instantiate(Wasm.Engine, store, Recursion);
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int>("f")(0));
        Assert.Equal(TrapCode.StackOverflow, trap.Code);
        Assert.InRange(trap.Backtrace.Count, 2, 64);
        Assert.Matches(@"\.\.\. \d+ frames elided", trap.ToString());
        Assert.Equal(42, instance.GetFunction<int>("answer")());
        Assert.Equal(1000, instance.GetFunction<int, int>("depth")(1000));
    }

    [Fact]
    public void Max_wasm_stack_bounds_the_depth()
    {
        var engine = new Engine(Config.Default.UseCompiler() with { MaxWasmStack = 128 * 1024 });
        using var store = new Store(engine);
        Instance instance = Instantiate(engine, store, Recursion);
        Assert.Equal(100, instance.GetFunction<int, int>("depth")(100));
        Assert.Equal(TrapCode.StackOverflow, Wasm.Traps(() => instance.GetFunction<int, int>("depth")(1_000_000)).Code);
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Fact]
    public void Host_to_wasm_reentry_ten_thousand_deep_works_or_traps_cleanly()
    {
        using var store = new Store(Wasm.Engine);
        Func<int, int>? down = null;
        var linker = new Linker(Wasm.Engine).DefineFunction("env", "host", (int n) => n == 0 ? 0 : down!(n - 1) + 1);
        Instance instance = Instantiate(Wasm.Engine, store, """
            (module (import "env" "host" (func $host (param i32) (result i32)))
              (func (export "down") (param i32) (result i32) local.get 0 call $host)
              (func (export "answer") (result i32) i32.const 42))
            """, linker);
        down = instance.GetFunction<int, int>("down");
        int result = 0;
        TrapException? smallStack = null;
        var big = new Thread(() => result = down(10_000), 256 * 1024 * 1024);
        big.Start();
        big.Join();
        Assert.Equal(10_000, result);
        var small = new Thread(() => smallStack = Assert.Throws<TrapException>(() => down(10_000)), 1024 * 1024);
        small.Start();
        small.Join();
        Assert.Equal(TrapCode.StackOverflow, smallStack!.Code);
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Fact]
    public void A_throwing_host_callback_propagates_and_the_store_stays_usable()
    {
        using var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine).DefineFunction("env", "fail", () => throw new InvalidOperationException("boom"));
        Instance instance = Instantiate(Wasm.Engine, store, """
            (module (import "env" "fail" (func $fail))
              (func (export "run") call $fail)
              (func (export "answer") (result i32) i32.const 42))
            """, linker);
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => instance.GetAction("run")()).Message);
        Assert.Equal("boom", Assert.Throws<InvalidOperationException>(() => instance.GetFunction("run")!.Call()).Message);
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Disposing_a_store_mid_call_interrupts_the_running_thread(bool epoch)
    {
        Engine engine = epoch ? new Engine(Config.Default.UseCompiler() with { EpochInterruption = true }) : Wasm.Engine;
        var store = new Store(engine);
        if (epoch) store.SetEpochDeadline(ulong.MaxValue);
        using var running = new ManualResetEventSlim();
        var linker = new Linker(engine).DefineFunction("env", "started", running.Set);
        // Without epochs the loop must call something: the probe at function entry is then the check.
        string loop = epoch ? "(loop br 0)" : "(loop call $nothing br 0)";
        Instance instance = Instantiate(engine, store, $$"""
            (module (import "env" "started" (func $started))
              (memory (export "memory") 1)
              (func $nothing i32.const 0 i32.const 1 i32.store)
              (func (export "spin") call $started {{loop}}))
            """, linker);
        Exception? error = null;
        var guest = new Thread(() =>
        {
            try
            {
                instance.GetAction("spin")();
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        guest.Start();
        running.Wait();
        store.Dispose();
        guest.Join();
        TrapException trap = Assert.IsType<TrapException>(error);
        Assert.Equal(TrapCode.Interrupt, trap.Code);
        Assert.Contains("store was disposed", trap.Message);
        Assert.Throws<ObjectDisposedException>(() => instance.GetAction("spin")());
        // The process is fine: a new store runs code.
        using var fresh = new Store(engine);
        if (epoch) fresh.SetEpochDeadline(10);
        Assert.Equal(42, Instantiate(engine, fresh, Spin).GetFunction<int>("answer")());
    }

    [Fact]
    public void A_second_thread_entering_a_busy_store_is_rejected_and_cannot_corrupt_the_first()
    {
        using var store = new Store(Wasm.Engine);
        Exception? second = null;
        Func<int, int>? depth = null;
        Action? answer = null;
        TrapException? overflow = null;
        var linker = new Linker(Wasm.Engine).DefineFunction("env", "wait", () =>
        {
            // While this thread waits in a host call, another thread tries the same store.
            var other = new Thread(() =>
            {
                try
                {
                    answer!();
                }
                catch (Exception e)
                {
                    second = e;
                }
            }, 256 * 1024);
            other.Start();
            other.Join();
            // Deep recursion on this thread must still trap cleanly (issue 12: the second thread used
            // to overwrite the stack limit of every context).
            overflow = Assert.Throws<TrapException>(() => depth!(100_000_000));
        });
        Instance instance = Instantiate(Wasm.Engine, store, """
            (module (import "env" "wait" (func $wait))
              (func $d (export "depth") (param i32) (result i32)
                local.get 0 i32.eqz if (result i32) i32.const 0
                else local.get 0 i32.const 1 i32.sub call $d i32.const 1 i32.add end)
              (func (export "run") call $wait)
              (func (export "nop")))
            """, linker);
        depth = instance.GetFunction<int, int>("depth");
        answer = instance.GetAction("nop");
        instance.GetAction("run")();
        WasmException rejected = Assert.IsType<WasmException>(second);
        Assert.Contains("in use by another thread", rejected.Message);
        Assert.Equal(TrapCode.StackOverflow, overflow!.Code);
        // Used one after the other, threads may share the store.
        int fromOtherThread = 0;
        var later = new Thread(() => fromOtherThread = depth(1000), 1024 * 1024);
        later.Start();
        later.Join();
        Assert.Equal(1000, fromOtherThread);
    }

    [Fact]
    public void Several_threads_in_one_instance_get_a_clear_error_never_a_crash()
    {
        var engine = new Engine(Config.Default.UseCompiler() with { ConsumeFuel = true });
        using var store = new Store(engine);
        store.SetFuel(long.MaxValue);
        Instance instance = Instantiate(engine, store, Recursion);
        Func<int, int> depth = instance.GetFunction<int, int>("depth");
        int rejected = 0, done = 0;
        var threads = new Thread[4];
        for (int t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (int i = 0; i < 200; i++)
                {
                    try
                    {
                        Assert.Equal(2000, depth(2000));
                        Interlocked.Increment(ref done);
                    }
                    catch (WasmException e) when (e.Message.Contains("in use by another thread", StringComparison.Ordinal))
                    {
                        Interlocked.Increment(ref rejected);
                    }
                }
            }, 1024 * 1024);
            threads[t].Start();
        }
        foreach (Thread t in threads) t.Join();
        Assert.Equal(800, rejected + done);
        Assert.True(done > 0);
    }
}
