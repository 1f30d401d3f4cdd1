using System.Diagnostics;
using Sharptime.Text;

namespace Sharptime.Tests;

/// <summary>
/// Shared memories and atomics through the public API, for an engine of the derived class: interpreted here
/// (<see cref="InterpretedSharedMemoryTests"/>); Sharptime.Compiler.Tests links this file and runs the same
/// tests compiled (CompiledSharedMemoryTests), so both tiers answer the same questions.
/// </summary>
public abstract class SharedMemoryTests
{
    private const string Counter = """
        (module
          (import "env" "mem" (memory 1 4 shared))
          (func (export "add") (param $n i32)
            (loop $l
              (drop (i32.atomic.rmw.add (i32.const 0) (i32.const 1)))
              (drop (i64.atomic.rmw.add (i32.const 8) (i64.const 3)))
              (drop (i32.atomic.rmw16.add_u (i32.const 16) (i32.const 1)))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
          (func (export "wait") (param $expected i32) (param $timeout i64) (result i32)
            (memory.atomic.wait32 (i32.const 32) (local.get $expected) (local.get $timeout)))
          (func (export "notify") (result i32)
            (memory.atomic.notify (i32.const 32) (i32.const 1)))
          (func (export "size") (result i32) (memory.size))
          (func (export "load") (param i32) (result i32) (i32.atomic.load (local.get 0))))
        """;

    /// <summary>The engine settings the tests run with (threads are enabled on top).</summary>
    protected abstract Config Configure(Config config);

    private Engine NewEngine(bool epochs = false) =>
        new(Configure(Config.Default with { Features = WasmFeatures.Wasm3 | WasmFeatures.Threads, EpochInterruption = epochs }));

    /// <summary>An instance of <paramref name="wat"/> in a new store of its own, importing <paramref name="memory"/> as env.mem.</summary>
    private static Instance InstanceWith(Engine engine, Memory memory, string wat = Counter)
    {
        var linker = new Linker(engine);
        linker.Define("env", "mem", memory);
        return linker.Instantiate(new Store(engine), Module.FromBytes(engine, Wat.Parse(wat)));
    }

    [Fact]
    public void Two_stores_on_two_threads_add_to_one_shared_memory_without_losing_an_increment()
    {
        Engine engine = NewEngine();
        using var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        const int PerThread = 20_000;
        var threads = new Thread[2];
        for (int i = 0; i < threads.Length; i++)
        {
            Instance instance = InstanceWith(engine, memory);
            threads[i] = new Thread(() => instance.GetAction<int>("add")(PerThread));
            threads[i].Start();
        }
        foreach (Thread t in threads) t.Join();
        Assert.True(memory.IsShared);
        Assert.Equal(2 * PerThread, memory.ReadInt32(0));
        Assert.Equal(2L * 3 * PerThread, memory.ReadInt64(8));
        Assert.Equal(2 * PerThread, (ushort)memory.ReadInt16(16));
        Assert.Equal(0, memory.ReadInt16(18));
    }

    [Fact]
    public void Wait_returns_1_when_the_value_differs_and_2_when_the_time_is_up()
    {
        Engine engine = NewEngine();
        using var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        Func<int, long, int> wait = InstanceWith(engine, memory).GetFunction<int, long, int>("wait");
        Assert.Equal(1, wait(7, -1));
        Assert.Equal(2, wait(0, 0));
        var clock = Stopwatch.StartNew();
        Assert.Equal(2, wait(0, 20_000_000));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(19), $"waited {clock.Elapsed.TotalMilliseconds} ms of 20");
    }

    [Fact]
    public void Notify_wakes_a_thread_that_waits_without_a_time_out()
    {
        Engine engine = NewEngine();
        using var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        Func<int, long, int> wait = InstanceWith(engine, memory).GetFunction<int, long, int>("wait");
        Func<int> notify = InstanceWith(engine, memory).GetFunction<int>("notify");
        int result = -1;
        var waiter = new Thread(() => result = wait(0, -1));
        waiter.Start();
        int woken = 0;
        var clock = Stopwatch.StartNew();
        // The waiter may not have started waiting yet: notify until it has been woken.
        while (woken == 0 && clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            woken = notify();
            if (woken == 0) Thread.Sleep(1);
        }
        Assert.True(waiter.Join(TimeSpan.FromSeconds(30)));
        Assert.Equal((1, 0), (woken, result));
        Assert.Equal(0, notify());
    }

    [Fact]
    public void A_wait_without_time_out_ends_with_an_interrupt_at_the_epoch_deadline_or_when_its_store_is_disposed()
    {
        Engine engine = NewEngine(epochs: true);
        using var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        var linker = new Linker(engine);
        linker.Define("env", "mem", memory);
        Module module = Module.FromBytes(engine, Wat.Parse(Counter));
        var stores = new[] { new Store(engine), new Store(engine) };
        var traps = new TrapException?[2];
        var threads = new Thread[2];
        for (int i = 0; i < 2; i++)
        {
            int k = i;
            stores[k].SetEpochDeadline(k == 0 ? 1UL : 1000UL);
            Func<int, long, int> wait = linker.Instantiate(stores[k], module).GetFunction<int, long, int>("wait");
            threads[k] = new Thread(() => traps[k] = Assert.Throws<TrapException>(() => wait(0, -1)));
            threads[k].Start();
        }
        // Both threads are asleep in the wait (not still on their way in) before the epoch moves.
        var clock = Stopwatch.StartNew();
        while (!Array.TrueForAll(threads, t => (t.ThreadState & System.Threading.ThreadState.WaitSleepJoin) != 0) && clock.Elapsed < TimeSpan.FromSeconds(30)) Thread.Sleep(1);
        engine.IncrementEpoch();
        Assert.True(threads[0].Join(TimeSpan.FromSeconds(30)));
        Assert.True(threads[1].IsAlive);
        stores[1].Dispose();
        Assert.True(threads[1].Join(TimeSpan.FromSeconds(30)));
        Assert.Equal((TrapCode.Interrupt, TrapCode.Interrupt), (traps[0]!.Code, traps[1]!.Code));
        Assert.Contains("disposed", traps[1]!.Message, StringComparison.Ordinal);
        stores[0].Dispose();
    }

    [Fact]
    public void A_guest_that_sees_memory_size_grow_can_access_the_new_pages()
    {
        Engine engine = NewEngine();
        using var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        // The store before the loop makes compiled code cache the length; the loop makes no call.
        Instance instance = InstanceWith(engine, memory, """
            (module
              (import "env" "mem" (memory 1 4 shared))
              (func (export "run") (result i32)
                (i32.store (i32.const 0) (i32.const 1))
                (loop $wait (br_if $wait (i32.lt_u (memory.size) (i32.const 2))))
                (i32.store (i32.const 65544) (i32.const 7))
                (i32.load (i32.const 65544))))
            """);
        int result = 0;
        TrapException? trap = null;
        var guest = new Thread(() =>
        {
            try
            {
                result = instance.GetFunction<int>("run")();
            }
            catch (TrapException e)
            {
                trap = e;
            }
        });
        guest.Start();
        Thread.Sleep(20);
        memory.Grow(1);
        guest.Join();
        Assert.Null(trap);
        Assert.Equal(7, result);
    }

    [Fact]
    public void A_shared_memory_grows_for_every_store_and_outlives_the_store_that_made_it()
    {
        Engine engine = NewEngine();
        var owner = new Store(engine);
        var memory = new Memory(owner, 1, 4, is64: false, shared: true);
        Instance other = InstanceWith(engine, memory);
        memory.WriteInt32(4, 1234);
        Assert.Equal(1UL, memory.Grow(2));
        Assert.Equal(3, other.GetFunction<int>("size")());
        owner.Dispose();
        Assert.Equal(1234, other.GetFunction<int, int>("load")(4));
        Assert.Equal(0, other.GetFunction<int, int>("load")(2 * 65536));
    }

    [Fact]
    public void Atomics_trap_on_unaligned_addresses_and_wait_traps_on_an_unshared_memory()
    {
        Engine engine = NewEngine();
        const string Unshared = """
            (module
              (memory 1 1)
              (func (export "wait") (result i32) (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const 0)))
              (func (export "notify") (result i32) (memory.atomic.notify (i32.const 0) (i32.const 1)))
              (func (export "load") (param i32) (result i64) (i64.atomic.load offset=4 (local.get 0))))
            """;
        Instance instance = new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Wat.Parse(Unshared)));
        TrapException wait = Assert.Throws<TrapException>(() => instance.GetFunction<int>("wait")());
        Assert.Equal(TrapCode.AtomicWaitNonSharedMemory, wait.Code);
        Assert.Contains("expected shared memory", wait.Message, StringComparison.Ordinal);
        Assert.Equal(0, instance.GetFunction<int>("notify")());
        TrapException unaligned = Assert.Throws<TrapException>(() => instance.GetFunction<int, long>("load")(0));
        Assert.Equal(TrapCode.HeapMisaligned, unaligned.Code);
        Assert.Contains("unaligned atomic", unaligned.Message, StringComparison.Ordinal);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Assert.Throws<TrapException>(() => instance.GetFunction<int, long>("load")(65532)).Code);
        Assert.Equal(0L, instance.GetFunction<int, long>("load")(65524));
    }

    [Fact]
    public void A_shared_memory_needs_a_maximum()
    {
        using var store = new Store(NewEngine());
        ArgumentException e = Assert.Throws<ArgumentException>(() => new Memory(store, 1, null, is64: false, shared: true));
        Assert.Contains("needs a maximum size", e.Message, StringComparison.Ordinal);
    }
}
