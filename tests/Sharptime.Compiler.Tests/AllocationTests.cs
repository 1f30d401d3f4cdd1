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
}
