namespace Sharptime.Compiler.Tests;

/// <summary>
/// Generated code keeps memory 0's base and length in locals and reloads them after calls and
/// memory.grow. Every test accesses pages that exist only after a grow that happened in the
/// middle of the accessing function, so a stale length traps and a stale base reads garbage.
/// </summary>
public sealed class MemoryCachingTests
{
    private const int Page = 65536;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Host_function_grows_memory_then_the_guest_accesses_the_new_pages(bool collectible)
    {
        var engine = new Engine(Config.Default.UseCompiler(collectible));
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "grow", (Caller c, int pages) => (int)c.GetMemory("memory")!.Grow((ulong)pages));
        Instance instance = linker.Instantiate(store, Module.FromBytes(engine, Text.Wat.Parse("""
            (module
              (import "env" "grow" (func $grow (param i32) (result i32)))
              (memory (export "memory") 1 10)
              (func (export "run") (param $addr i32) (result i32)
                ;; an access before the call, so the length is cached and used
                (i32.store (i32.const 8) (i32.const 5))
                (drop (call $grow (i32.const 3)))
                (i32.store (local.get $addr) (i32.const 0x11223344))
                (i32.add (i32.load (local.get $addr)) (i32.load (i32.const 8)))))
            """)));
        Func<int, int> run = instance.GetFunction<int, int>("run");
        Assert.Equal(0x11223344 + 5, run(3 * Page + 100));
        // Now 4 pages, and the call grows to 7: the last four bytes of page 7 are in bounds...
        Assert.Equal(0x11223344 + 5, run(7 * Page - 4));
        Assert.Equal(0x11223344, instance.GetMemory("memory")!.ReadInt32(7 * Page - 4));
        // ...and the grow to 10 pages still leaves the first byte after them out of bounds.
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => run(10 * Page - 3)).Code);
    }

    /// <summary>A linker whose env.grow grows the caller's memory by its argument in pages.</summary>
    private static Linker HostGrowLinker()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "grow", (Caller c, int pages) => (int)c.GetMemory("memory")!.Grow((ulong)pages));
        return linker;
    }

    [Fact]
    public void Grow_deep_in_direct_and_tail_calls_reloads_the_callers()
    {
        // The grow happens several calls deep (through a tail call to the import, and at the bottom
        // of a recursion): any scheme that skips reloads after some calls must see through these.
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "grow" (func $host_grow (param i32) (result i32)))
              (memory (export "memory") 1 16)
              (func $pure (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func $tail (param i32) (result i32) (return_call $host_grow (local.get 0)))
              (func $middle (param i32) (result i32) (call $tail (local.get 0)))
              (func $rec (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (memory.grow (i32.const 1)))
                  (else (call $rec (i32.sub (local.get 0) (i32.const 1))))))
              (func (export "via_import") (param $addr i32) (result i32)
                (i32.store (i32.const 0) (call $pure (i32.const 1)))
                (drop (call $middle (i32.const 2)))
                (i32.store (local.get $addr) (i32.const 9))
                (i32.load (local.get $addr)))
              (func (export "via_recursion") (param $addr i32) (result i32)
                (i32.store (i32.const 0) (call $pure (i32.const 1)))
                (drop (call $rec (i32.const 3)))
                (i32.store (local.get $addr) (i32.const 8))
                (i32.load (local.get $addr))))
            """, HostGrowLinker());
        Assert.Equal(9, instance.GetFunction<int, int>("via_import")(3 * Page - 4));
        Assert.Equal(8, instance.GetFunction<int, int>("via_recursion")(4 * Page - 4));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetFunction<int, int>("via_recursion")(6 * Page)).Code);
        Assert.Equal(5UL, instance.GetMemory("memory")!.Pages);
    }

    [Fact]
    public void Direct_calls_reload_after_growth_behind_an_indirect_call_or_import()
    {
        // The callees are reached by direct calls only, and grow through a call_indirect, an import
        // and memory.grow several calls down: the callers' cached lengths must still follow.
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "grow" (func $host_grow (param i32) (result i32)))
              (memory (export "memory") 1 16)
              (type $g (func (param i32) (result i32)))
              (table 1 funcref) (elem (i32.const 0) $grow)
              (func $grow (type $g) (memory.grow (local.get 0)))
              (func $via_table (param i32) (result i32) (call_indirect (type $g) (local.get 0) (i32.const 0)))
              (func $via_import (param i32) (result i32) (call $host_grow (local.get 0)))
              (func $via_grow (param i32) (result i32) (call $grow (local.get 0)))
              (func $deeper (param i32) (result i32) (call $via_table (local.get 0)))
              (func $pure (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func (export "run") (param $addr i32) (result i32)
                (i32.store (i32.const 0) (call $pure (i32.const 1)))
                (drop (call $deeper (i32.const 1)))
                (i32.store (local.get $addr) (i32.const 1))
                (drop (call $via_import (i32.const 1)))
                (i32.store (i32.add (local.get $addr) (i32.const 65536)) (i32.const 2))
                (drop (call $via_grow (i32.const 1)))
                (i32.store (i32.add (local.get $addr) (i32.const 131072)) (i32.const 3))
                (i32.add (i32.load (local.get $addr)) (i32.load (i32.add (local.get $addr) (i32.const 131072))))))
            """, HostGrowLinker());
        Assert.Equal(4, instance.GetFunction<int, int>("run")(2 * Page - 4));
        Assert.Equal(4UL, instance.GetMemory("memory")!.Pages);
    }

    [Fact]
    public void Memory_grow_then_access_in_the_same_function()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory 1 4)
              (func (export "run") (param $addr i32) (result i32)
                (i32.store8 (i32.const 0) (i32.const 1))
                (if (i32.lt_s (memory.grow (i32.const 1)) (i32.const 0)) (then (unreachable)))
                (i32.store (local.get $addr) (i32.const 77))
                (i32.load (local.get $addr))))
            """);
        Func<int, int> run = instance.GetFunction<int, int>("run");
        Assert.Equal(77, run(2 * Page - 4));
        Assert.Equal(77, run(3 * Page - 4));
        Assert.Equal(77, run(4 * Page - 4));
        // At the maximum of 4 pages the grow fails.
        Assert.Equal(TrapCode.Unreachable, Wasm.Traps(() => run(0)).Code);
    }

    [Fact]
    public void Grow_of_another_memory_index_that_is_the_same_memory_reloads_memory_0()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        var memory = new Memory(store, 1, 5);
        linker.Define("env", "m", memory);
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "m" (memory $a 1 5))
              (import "env" "m" (memory $b 1 5))
              (func (export "run") (param $addr i32) (result i32)
                (i32.store $a (i32.const 0) (i32.const 1))
                (drop (memory.grow $b (i32.const 2)))
                (i32.store $a (local.get $addr) (i32.const 99))
                (i32.load $a (local.get $addr))))
            """, linker, store);
        Assert.Equal(99, instance.GetFunction<int, int>("run")(3 * Page - 4));
        Assert.Equal(3UL, memory.Pages);
        Assert.Equal(99, memory.ReadInt32(3 * Page - 4));
    }

    [Fact]
    public void Imported_memory_grown_by_another_instance_during_a_call()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        Instance owner = Wasm.Instantiate("""
            (module
              (memory (export "memory") 1 8)
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """, linker, store);
        linker.DefineInstance("owner", owner);
        Instance user = Wasm.Instantiate("""
            (module
              (import "owner" "memory" (memory 1 8))
              (import "owner" "grow" (func $grow (param i32) (result i32)))
              (table 1 funcref)
              (elem (i32.const 0) $grow)
              (type $g (func (param i32) (result i32)))
              (func (export "direct") (param $addr i32) (result i32)
                (i32.store (i32.const 0) (i32.const 3))
                (drop (call $grow (i32.const 2)))
                (i32.store offset=4 (local.get $addr) (i32.const 55))
                (i32.load offset=4 (local.get $addr)))
              (func (export "indirect") (param $addr i32) (result i32)
                (i32.store (i32.const 0) (i32.const 3))
                (drop (call_indirect (type $g) (i32.const 2) (i32.const 0)))
                (i64.store (local.get $addr) (i64.const -1))
                (i32.load (local.get $addr))))
            """, linker, store);
        Assert.Equal(55, user.GetFunction<int, int>("direct")(3 * Page - 8));
        Assert.Equal(-1, user.GetFunction<int, int>("indirect")(5 * Page - 8));
        Assert.Equal(5UL, owner.GetMemory("memory")!.Pages);
        Assert.Equal(55, owner.GetMemory("memory")!.ReadInt32(3 * Page - 4));
    }

    [Theory]
    [InlineData(Page - 4, 0, false)]
    [InlineData(Page - 3, 0, true)]
    [InlineData(Page - 8, 4, false)]
    [InlineData(Page - 7, 4, true)]
    [InlineData(0, Page - 4, false)]
    [InlineData(-1, 0, true)]
    [InlineData(-4, 4, true)]
    public void Out_of_bounds_right_at_the_grown_boundary(int address, int offset, bool traps)
    {
        // Starts with no pages at all, grows to one: the access straddles the end of the grown memory.
        Instance instance = Wasm.Instantiate("""
            (module
              (memory 0 2)
              (func (export "run") (param $addr i32) (param $which i32) (result i32)
                (drop (memory.grow (i32.const 1)))
                ;; $which is the static offset of the access: 0, 4 or 65532
                (if (result i32) (i32.eqz (local.get $which))
                  (then (i32.store (local.get $addr) (i32.const 7)) (i32.load (local.get $addr)))
                  (else (if (result i32) (i32.eq (local.get $which) (i32.const 4))
                    (then (i32.store offset=4 (local.get $addr) (i32.const 7)) (i32.load offset=4 (local.get $addr)))
                    (else (i32.store offset=65532 (local.get $addr) (i32.const 7)) (i32.load offset=65532 (local.get $addr))))))))
            """);
        Func<int, int, int> run = instance.GetFunction<int, int, int>("run");
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => run(address, offset)).Code);
        }
        else
        {
            Assert.Equal(7, run(address, offset));
        }
    }

    [Fact]
    public void Memory64_addresses_above_4_GiB_trap_instead_of_wrapping()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory i64 1)
              (func (export "load") (param i64) (result i32) (i32.load (local.get 0)))
              (func (export "load_off") (param i64) (result i32) (i32.load offset=0xFFFFFFFF00000000 (local.get 0)))
              (func (export "store") (param i64) (i64.store (local.get 0) (i64.const 1))))
            """);
        Func<long, int> load = instance.GetFunction<long, int>("load");
        Assert.Equal(0, load(Page - 4));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(Page - 3)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(1L << 32)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load((1L << 32) + 8)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(-1)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => load(long.MinValue)).Code);
        // address + offset wraps around 2^64 to a small in-bounds address: still a trap.
        Func<long, int> loadOff = instance.GetFunction<long, int>("load_off");
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => loadOff(1L << 32)).Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => instance.GetAction<long>("store")((1L << 32) - 4)).Code);
    }

    [Fact]
    public void Memory64_larger_than_4_GiB_is_reached_at_addresses_above_4_GiB()
    {
        // Address space only: pages are committed lazily and only two are touched.
        var engine = new Engine(Config.Default.UseCompiler() with { MaxMemoryBytes = 5UL << 30 });
        var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, Text.Wat.Parse("""
            (module
              (memory (export "memory") i64 1 81920)
              (func (export "run") (param $addr i64) (result i64)
                (i64.store (i64.const 16) (i64.const 3))
                (drop (memory.grow (i64.const 65536)))
                (i64.store (local.get $addr) (i64.const 0x0102030405060708))
                (i64.add (i64.load (local.get $addr)) (i64.load (i64.const 16)))))
            """)));
        Func<long, long> run = instance.GetFunction<long, long>("run");
        long high = (1L << 32) + 12345;
        Assert.Equal(0x0102030405060708 + 3, run(high));
        Memory memory = instance.GetMemory("memory")!;
        Assert.Equal(65537UL, memory.Pages);
        Assert.Equal(0x0102030405060708, memory.ReadInt64((ulong)high));
        Assert.Equal(0, memory.ReadInt64((ulong)high & 0xFFFFFFFF));
        // The second call grows to 131073 pages... beyond the 5 GiB limit, so it stays at 65537.
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => run((65537L * Page) - 7)).Code);
        Assert.Equal(0x0102030405060708 + 3, run((65537L * Page) - 8));
    }

    [Fact]
    public void Memory64_without_a_reservation_moves_on_grow_and_generated_code_follows()
    {
        // No maximum and a limit no address space can hold: the memory lives in the native heap
        // and growing reallocates it, so the base usually moves.
        var engine = new Engine(Config.Default.UseCompiler() with { MaxMemoryBytes = 1UL << 62 });
        var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, Text.Wat.Parse("""
            (module
              (memory (export "memory") i64 1)
              (func (export "run") (param $pages i64) (param $addr i64) (result i64)
                (i64.store (i64.const 8) (i64.const 40))
                (drop (memory.grow (local.get $pages)))
                (i64.store (local.get $addr) (i64.const 2))
                (i64.add (i64.load (local.get $addr)) (i64.load (i64.const 8)))))
            """)));
        Func<long, long, long> run = instance.GetFunction<long, long, long>("run");
        Memory memory = instance.GetMemory("memory")!;
        for (int round = 1; round <= 4; round++)
        {
            long pages = (long)memory.Pages + (16L << round);
            Assert.Equal(42, run(16L << round, (pages * Page) - 8));
            Assert.Equal(2, memory.ReadInt64((ulong)((pages * Page) - 8)));
        }
    }

    [Fact]
    public void A_check_in_a_loop_body_does_not_cover_the_next_iteration()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (memory 1)
              (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
                (loop $l
                  (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
                  (i32.store (local.get $p) (local.get $s))
                  (local.set $p (i32.add (local.get $p) (i32.const 4)))
                  (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
                (local.get $s)))
            """);
        Func<int, int, int> sum = instance.GetFunction<int, int, int>("sum");
        Assert.Equal(0, sum(Page - 16, 4));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Wasm.Traps(() => sum(Page - 16, 5)).Code);
    }
}
