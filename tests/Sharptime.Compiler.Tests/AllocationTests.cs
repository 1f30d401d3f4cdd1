namespace Sharptime.Compiler.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Typed_calls_in_both_directions_allocate_nothing()
    {
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "twice", (Caller _, long x) => x * 2);
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "twice" (func $twice (param i64) (result i64)))
              (func (export "f") (param i64 f64) (result i64) local.get 0 call $twice))
            """, linker);
        Func<long, double, long> f = instance.GetFunction<long, double, long>("f");
        long sum = 0;
        for (int i = 0; i < 100; i++) sum += f(i, 0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sum += f(i, 0);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(2 * (99 * 100 / 2 + 999 * 1000 / 2), sum);
    }

    [Fact]
    public void Untyped_host_functions_allocate_nothing_and_nest()
    {
        var linker = new Linker(Wasm.Engine);
        Func<int, int>? inner = null;
        // "down" recurses through Wasm and back: each level holds its own frame of argument slots
        // while deeper levels take theirs, so a level's arguments must survive the nested calls.
        linker.DefineFunction("env", "down", new FuncType([ValType.I32, ValType.I64], [ValType.I32, ValType.I64]),
            (Caller _, ReadOnlySpan<Value> args, Span<Value> results) =>
            {
                int n = args[0].AsI32();
                int below = n == 0 ? 0 : inner!(n - 1);
                results[0] = Value.I32(below + args[0].AsI32());
                results[1] = Value.I64(args[1].AsI64() * 2);
            });
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "down" (func $down (param i32 i64) (result i32 i64)))
              (func (export "f") (param i32) (result i32)
                (call $down (local.get 0) (i64.const 21))
                (if (i64.ne (i64.const 42)) (then unreachable))))
            """, linker);
        inner = instance.GetFunction<int, int>("f");
        Assert.Equal(500 * 501 / 2, inner(500));
        int sum = 0;
        for (int i = 0; i < 100; i++) sum += inner(3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) sum += inner(3);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(1100 * 6, sum);
    }

    /// <summary>
    /// Steady-state instantiation from an <see cref="InstancePre"/> with the pooling allocator and a
    /// copy-on-write image allocates the Store and the Instance objects and nothing else, whatever the
    /// data: the slot, its image mapping, the free lists and the dirty-page scan allocate nothing, and
    /// the store context, the instance context with its arrays and globals, the memory and table
    /// objects come back from the pool, and the table's element segment is applied lazily
    /// (docs/rationale/0008-instantiation.md). Calling an export adds its Func object (and the call
    /// through the table makes the one element's Func).
    /// </summary>
    [Fact]
    public void Pooled_instantiation_allocates_only_the_store_and_the_instance()
    {
        Engine engine = new(Config.Default.UseCompiler(collectible: false) with
        {
            AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig { TotalMemories = 4, TotalTables = 4, MaxMemorySize = 8 << 20 }),
        });
        long objects = ObjectSize(typeof(Store)) + ObjectSize(typeof(Instance));
        long func = ObjectSize(typeof(Func));
        foreach (string data in new[] { "\\2a", string.Concat(Enumerable.Repeat("\\2a\\07", 128 << 10)) })
        {
            // A one-off allocation during the 2,000 measured instantiations (a list of the pool growing
            // once) adds a few bytes to the average; any object made per instantiation adds 24 or more.
            Assert.InRange(BytesPerInstantiation(engine, data, call: false), objects, objects + 8);
            Assert.InRange(BytesPerInstantiation(engine, data, call: true), objects + 2 * func, objects + 2 * func + 8);
        }
    }

    private static long ObjectSize(Type type)
    {
        // The first call for a type allocates the runtime's cache for it too.
        GC.KeepAlive(System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type));
        long before = GC.GetAllocatedBytesForCurrentThread();
        GC.KeepAlive(System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(type));
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static long BytesPerInstantiation(Engine engine, string data, bool call)
    {
        var module = Module.FromBytes(engine, Text.Wat.Parse($$"""
            (module
              (memory 5 100)
              (data (i32.const 65536) "{{data}}")
              (table 300 funcref)
              (elem (i32.const 0) $get $get $get $get $get $get $get $get $get $get $get $get)
              (global $g (mut i32) (i32.const 0))
              (type $get (func (param i32) (result i64)))
              (func $get (param i32) (result i64) (i64.load8_u offset=65536 (local.get 0)))
              (func (export "run") (param i32) (result i64)
                (global.set $g (i32.add (global.get $g) (i32.const 1)))
                (call_indirect (type $get) (local.get 0) (i32.const 11))))
            """));
        InstancePre pre = new Linker(engine).InstantiatePre(module);
        Value[] args = [Value.I32(0)];
        var results = new Value[1];
        const int Count = 2000;
        long before = 0;
        for (int i = 0; i < 2 * Count; i++)
        {
            if (i == Count) before = GC.GetAllocatedBytesForCurrentThread();
            using var store = new Store(engine);
            Instance instance = pre.Instantiate(store);
            if (call) instance.GetFunction("run")!.Call(args, results);
        }
        long bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / Count;
        if (call) Assert.Equal(0x2a, results[0].AsI64());
        return bytes;
    }
}
