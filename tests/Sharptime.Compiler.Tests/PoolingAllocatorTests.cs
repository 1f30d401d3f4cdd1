using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>
/// The pooling allocator (src/Sharptime/Allocation/PoolingAllocator.cs) and copy-on-write memory
/// images: a reused slot never shows the previous instance's memory, table or global contents, on
/// every reset path (memset of resident bytes, madvise, the image restored, the slot made cold, a
/// slot taken over by another module), including after the memory grew; limits are checked up front
/// and running out names the limit.
/// </summary>
public sealed class PoolingAllocatorTests
{
    private const string Dirty = """
        (module
          (memory (export "mem") 2 100)
          (table (export "tab") 4 100 funcref)
          (global (export "g") (mut i32) (i32.const 7))
          (data (i32.const 1024) "hello")
          (data (i32.const 70000) "world")
          (func $f (result i32) (i32.const 42))
          (elem declare func $f)
          (func (export "dirty")
            (i32.store8 (i32.const 1024) (i32.const 88))
            (i32.store (i32.const 0) (i32.const -1))
            (i32.store (i32.const 70004) (i32.const -1))
            (i32.store (i32.const 131068) (i32.const -1))
            (drop (memory.grow (i32.const 3)))
            (i32.store (i32.const 200000) (i32.const -1))
            (i32.store (i32.const 327676) (i32.const -1))
            (table.set (i32.const 1) (ref.func $f))
            (drop (table.grow (ref.func $f) (i32.const 4)))
            (global.set 0 (i32.const 99))))
        """;

    /// <summary>A module of another shape for the same slot: no data, a smaller table.</summary>
    private const string Plain = """
        (module
          (memory (export "mem") 5)
          (table (export "tab") 8 funcref)
          (global (export "g") (mut i32) (i32.const 1)))
        """;

    public static IEnumerable<object[]> ResetPaths() =>
    [
        // keep resident, warm slots, copy-on-write
        [0UL, 10, true],
        [0UL, 10, false],
        [1UL << 20, 10, true],
        [1UL << 20, 10, false],
        [4096UL, 10, true],
        [0UL, 0, true],
        [1UL << 20, 0, false],
    ];

    private static Engine PoolEngine(ulong keepResident, int warmSlots, bool cow, int memories = 1) =>
        new(Config.Default.UseCompiler() with
        {
            MemoryInitCow = cow,
            AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig
            {
                TotalMemories = memories,
                TotalTables = memories,
                MaxMemorySize = 8 << 20,
                LinearMemoryKeepResident = keepResident,
                MaxUnusedWarmSlots = warmSlots,
            }),
        });

    [Theory]
    [MemberData(nameof(ResetPaths))]
    public void A_reused_slot_shows_nothing_of_the_previous_instance(ulong keepResident, int warmSlots, bool cow)
    {
        Engine engine = PoolEngine(keepResident, warmSlots, cow);
        InstancePre pre = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(Dirty)));
        for (int round = 0; round < 3; round++)
        {
            // One slot: every round reuses it.
            using var store = new Store(engine);
            Instance instance = pre.Instantiate(store);
            AssertFresh(instance);
            instance.GetAction("dirty")();
            Assert.Equal(8UL, instance.GetMemory("mem")!.Pages);
            Assert.Equal(99, instance.GetGlobal("g")!.Value.AsI32());
        }
    }

    [Theory]
    [MemberData(nameof(ResetPaths))]
    public void A_slot_taken_over_by_another_module_shows_nothing_of_the_previous_one(ulong keepResident, int warmSlots, bool cow)
    {
        Engine engine = PoolEngine(keepResident, warmSlots, cow);
        InstancePre dirty = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(Dirty)));
        InstancePre plain = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(Plain)));
        for (int round = 0; round < 2; round++)
        {
            using (var store = new Store(engine))
            {
                Instance instance = dirty.Instantiate(store);
                AssertFresh(instance);
                instance.GetAction("dirty")();
            }
            using (var store = new Store(engine))
            {
                Instance instance = plain.Instantiate(store);
                Assert.True(instance.GetMemory("mem")!.GetSpan(0, 5 << 16).IndexOfAnyExcept((byte)0) < 0, "the other module's memory shows");
                Table table = instance.GetTable("tab")!;
                for (ulong i = 0; i < table.Size; i++) Assert.True(table.Get(i).IsNull);
                Assert.Equal(1, instance.GetGlobal("g")!.Value.AsI32());
                instance.GetMemory("mem")!.GetSpan(0, 5 << 16).Fill(0xAB);
            }
        }
    }

    /// <summary>
    /// Only the pages a tenant wrote are reset (src/Sharptime/Allocation/DirtyPages.cs): here every
    /// other page of an image and of the zero pages around it, more disjoint runs than one scan
    /// returns, with the keep-resident limit inside the image, and the pages between only read.
    /// </summary>
    [Theory]
    [InlineData(0UL)]
    [InlineData(192UL << 10)]
    [InlineData(1UL << 20)]
    public void Every_written_page_is_reset_and_every_read_page_keeps_the_image(ulong keepResident)
    {
        byte[] image = new byte[256 << 10];
        for (int i = 0; i < image.Length; i++) image[i] = (byte)(i * 7 + 1);
        var data = new System.Text.StringBuilder();
        foreach (byte x in image) data.Append('\\').Append(x.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        // Memory of 8 pages (512 KiB), the image in [64 KiB, 320 KiB); "touch" writes the first byte
        // of every other 4 KiB page of the memory and reads the first byte of the others.
        string wat = $$"""
            (module
              (memory (export "mem") 8 100)
              (data (i32.const 65536) "{{data}}")
              (func (export "touch") (result i32) (local $p i32) (local $sum i32)
                (loop $next
                  (i32.store8 (local.get $p) (i32.const 0xEE))
                  (local.set $sum (i32.add (local.get $sum) (i32.load8_u offset=4096 (local.get $p))))
                  (br_if $next (i32.lt_u (local.tee $p (i32.add (local.get $p) (i32.const 8192))) (i32.const 524288))))
                (local.get $sum)))
            """;
        Engine engine = PoolEngine(keepResident, 10, cow: true);
        InstancePre pre = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(wat)));
        byte[] expected = new byte[512 << 10];
        image.CopyTo(expected, 65536);
        for (int round = 0; round < 3; round++)
        {
            using var store = new Store(engine);
            Instance instance = pre.Instantiate(store);
            byte[] actual = instance.GetMemory("mem")!.GetSpan(0, expected.Length).ToArray();
            int same = actual.AsSpan().CommonPrefixLength(expected);
            Assert.True(same == expected.Length, $"round {round}: byte {same} is {actual[Math.Min(same, expected.Length - 1)]}, a fresh memory holds {expected[Math.Min(same, expected.Length - 1)]}");
            instance.GetFunction<int>("touch")();
        }
    }

    /// <summary>What a new instance of <see cref="Dirty"/> holds: the data segments, zeros elsewhere (also once grown), a null table, the initial global.</summary>
    private static void AssertFresh(Instance instance)
    {
        Memory memory = instance.GetMemory("mem")!;
        Assert.Equal(2UL, memory.Pages);
        Span<byte> bytes = memory.GetSpan(0, 2 << 16);
        Assert.Equal("hello"u8.ToArray(), bytes.Slice(1024, 5).ToArray());
        Assert.Equal("world"u8.ToArray(), bytes.Slice(70000, 5).ToArray());
        bytes.Slice(1024, 5).Clear();
        bytes.Slice(70000, 5).Clear();
        Assert.True(bytes.IndexOfAnyExcept((byte)0) < 0, $"byte {bytes.IndexOfAnyExcept((byte)0)} of a fresh memory is not zero");
        "hello"u8.CopyTo(bytes[1024..]);
        "world"u8.CopyTo(bytes[70000..]);
        memory.Grow(3);
        Assert.True(memory.GetSpan(2 << 16, 3 << 16).IndexOfAnyExcept((byte)0) < 0, "grown pages of a fresh memory are not zero");
        Table table = instance.GetTable("tab")!;
        Assert.Equal(4UL, table.Size);
        for (ulong i = 0; i < table.Size; i++) Assert.True(table.Get(i).IsNull);
        table.Grow(4, Value.Null(ValType.FuncRef));
        for (ulong i = 0; i < table.Size; i++) Assert.True(table.Get(i).IsNull);
        Assert.Equal(7, instance.GetGlobal("g")!.Value.AsI32());
    }

    [Fact]
    public void Memory_of_a_disposed_store_reads_as_empty_once_its_slot_is_reused()
    {
        Engine engine = PoolEngine(0, 10, cow: true);
        InstancePre pre = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(Dirty)));
        Memory old;
        Table oldTable;
        using (var store = new Store(engine))
        {
            Instance first = pre.Instantiate(store);
            old = first.GetMemory("mem")!;
            oldTable = first.GetTable("tab")!;
        }
        using var next = new Store(engine);
        pre.Instantiate(next).GetAction("dirty")();
        Assert.Equal(0UL, old.Length);
        Assert.Equal(0UL, oldTable.Size);
    }

    /// <summary>
    /// The pooling allocator hands a disposed store's instance context, memory object and store
    /// context to the next instance of the module. What the host kept of the old store must not reach
    /// them: its Func traps when Wasm code of the new store calls it (it was put into the new store's
    /// table) and refuses a call from the host; its Instance and Global throw; its Memory reads empty.
    /// </summary>
    [Theory]
    [InlineData(Strategy.Compiler)]
    [InlineData(Strategy.Interpreter)]
    [InlineData(Strategy.Tiered)]
    public void What_the_host_kept_of_a_disposed_store_never_reaches_the_next_instance(Strategy strategy)
    {
        const string Wat = """
            (module
              (type $get (func (result i32)))
              (memory (export "mem") 1 1)
              (table (export "tab") 1 funcref)
              (global (export "g") (mut i32) (i32.const 7))
              (func (export "get") (result i32) (i32.load (i32.const 16)))
              (func (export "put") (param i32) (i32.store (i32.const 16) (local.get 0)) (global.set 0 (local.get 0)))
              (func (export "call0") (result i32) (call_indirect (type $get) (i32.const 0))))
            """;
        Engine engine = new(PoolEngine(0, 10, cow: true).Config with { Strategy = strategy });
        InstancePre pre = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Text.Wat.Parse(Wat)));
        Func oldGet;
        Instance oldInstance;
        Global oldGlobal;
        Memory oldMemory;
        using (var store = new Store(engine))
        {
            oldInstance = pre.Instantiate(store);
            oldGet = oldInstance.GetFunction("get")!;
            oldGlobal = oldInstance.GetGlobal("g")!;
            oldMemory = oldInstance.GetMemory("mem")!;
            Assert.Equal(0, oldGet.Call()[0].AsI32());
        }
        using var next = new Store(engine);
        Instance instance = pre.Instantiate(next);
        instance.GetAction<int>("put")(0x5555);
        Assert.Equal(0x5555, instance.GetFunction<int>("get")());

        instance.GetTable("tab")!.Set(0, Value.FuncRef(oldGet));
        TrapException trap = Assert.Throws<TrapException>(() => instance.GetFunction<int>("call0")());
        Assert.Equal(TrapCode.Interrupt, trap.Code);
        Assert.Throws<ObjectDisposedException>(() => oldGet.Call());
        Assert.Throws<ObjectDisposedException>(() => oldInstance.GetExport("get"));
        Assert.Throws<ObjectDisposedException>(() => oldGlobal.Value);
        Assert.Equal(0UL, oldMemory.Length);
        Assert.Equal(0x5555, instance.GetFunction<int>("get")());
        Assert.Equal(0x5555, instance.GetGlobal("g")!.Value.AsI32());
    }

    [Fact]
    public void Running_out_of_slots_names_the_limit()
    {
        Engine engine = PoolEngine(0, 10, cow: true);
        Module module = Module.FromBytes(engine, Wat.Parse(Dirty));
        using var a = new Store(engine);
        new Linker(engine).Instantiate(a, module);
        using var b = new Store(engine);
        WasmException e = Assert.Throws<WasmException>(() => new Linker(engine).Instantiate(b, module));
        Assert.Contains("PoolingAllocationConfig.TotalMemories", e.Message, StringComparison.Ordinal);
        a.Dispose();
        new Linker(engine).Instantiate(b, module);
    }

    [Fact]
    public void A_table_or_memory_larger_than_a_slot_names_the_limit()
    {
        Engine engine = PoolEngine(0, 10, cow: true);
        using var store = new Store(engine);
        WasmException memory = Assert.Throws<WasmException>(() => new Linker(engine).Instantiate(store, Module.FromBytes(engine, Wat.Parse("(module (memory 200))"))));
        Assert.Contains("PoolingAllocationConfig.MaxMemorySize", memory.Message, StringComparison.Ordinal);
        WasmException table = Assert.Throws<WasmException>(() => new Linker(engine).Instantiate(store, Module.FromBytes(engine, Wat.Parse("(module (table 30000 funcref))"))));
        Assert.Contains("PoolingAllocationConfig.MaxTableElements", table.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Growing_stops_at_the_slot_size()
    {
        Engine engine = PoolEngine(0, 10, cow: true);
        using var store = new Store(engine);
        Memory memory = new Linker(engine).Instantiate(store, Module.FromBytes(engine, Wat.Parse("(module (memory (export \"m\") 1))"))).GetMemory("m")!;
        Assert.Equal(1UL, memory.Grow(127));
        Assert.Throws<WasmException>(() => memory.Grow(1));
        Assert.Equal(128UL, memory.Pages);
    }

    [Fact]
    public void Invalid_limits_are_rejected_when_the_engine_is_created()
    {
        WasmException e = Assert.Throws<WasmException>(() => new Engine(Config.Default with
        {
            AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig { TotalMemories = -1 }),
        }));
        Assert.Contains("TotalMemories", e.Message, StringComparison.Ordinal);
        e = Assert.Throws<WasmException>(() => new Engine(Config.Default with
        {
            AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig { TotalMemories = 100_000, MaxMemorySize = 1UL << 40 }),
        }));
        Assert.Contains("TotalMemories x MaxMemorySize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void On_demand_instances_see_their_data_and_write_privately(bool cow)
    {
        var engine = new Engine(Config.Default.UseCompiler() with { MemoryInitCow = cow });
        InstancePre pre = new Linker(engine).InstantiatePre(Module.FromBytes(engine, Wat.Parse(Dirty)));
        using var a = new Store(engine);
        using var b = new Store(engine);
        Instance ia = pre.Instantiate(a);
        Instance ib = pre.Instantiate(b);
        if (cow && OperatingSystem.IsLinux())
        {
            // The data is mapped from the module's image, not copied.
            Assert.Contains("memfd:sharptime-memory-image", File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
        }
        ia.GetAction("dirty")();
        // The image is shared copy-on-write: a write in one instance stays there.
        Assert.Equal(88, ia.GetMemory("mem")!.GetSpan(1024, 1)[0]);
        AssertFresh(ib);
        using var c = new Store(engine);
        AssertFresh(pre.Instantiate(c));
    }
}
