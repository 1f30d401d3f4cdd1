namespace Sharptime.Compiler.Tests;

public sealed class StackOverflowTests
{
    [Fact]
    public void Infinite_recursion_traps_instead_of_killing_the_process()
    {
        Instance instance = Wasm.Instantiate("(module (func $f (export \"f\") (param i32) (result i32) local.get 0 i32.const 1 i32.add call $f))");
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int>("f")(0));
        Assert.Equal(TrapCode.StackOverflow, trap.Code);
        Assert.StartsWith("call stack exhausted", trap.Message);
        // The instance stays usable after the trap.
        Assert.Equal(TrapCode.StackOverflow, Wasm.Traps(() => instance.GetFunction<int, int>("f")(0)).Code);
    }

    [Fact]
    public void Mutual_recursion_through_call_indirect_traps()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (type $t (func))
              (table 1 funcref) (elem (i32.const 0) $a)
              (func $a (type $t) i32.const 0 call_indirect (type $t))
              (func (export "run") call $a))
            """);
        Assert.Equal(TrapCode.StackOverflow, Wasm.Traps(() => instance.GetAction("run")()).Code);
    }

    [Fact]
    public void Deep_but_finite_recursion_works()
    {
        Instance instance = Wasm.Instantiate("""
            (module (func $d (export "depth") (param i32) (result i32)
              local.get 0 i32.eqz if (result i32) i32.const 0
              else local.get 0 i32.const 1 i32.sub call $d i32.const 1 i32.add end))
            """);
        Assert.Equal(10000, instance.GetFunction<int, int>("depth")(10000));
    }

    [Theory]
    [InlineData(256)]
    [InlineData(1024)]
    public void Overflow_on_another_thread_traps(int stackKiB)
    {
        Instance instance = Wasm.Instantiate("(module (func $f (export \"f\") call $f))");
        TrapException? trap = null;
        var thread = new Thread(() => trap = Assert.Throws<TrapException>(() => instance.GetAction("f")()), stackKiB * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal(TrapCode.StackOverflow, trap!.Code);
    }

    [Fact]
    public void Recursion_with_huge_frames_traps()
    {
        // 20,000 i64 locals: each frame is larger than the margin kept below the stack limit.
        Instance instance = Wasm.Instantiate("(module (func $f (export \"f\") (param i64) (result i64) (local " + string.Join(' ', Enumerable.Repeat("i64", 20000)) + ") local.get 0 local.set 19999 local.get 19999 i64.const 1 i64.add call $f))");
        Assert.Equal(TrapCode.StackOverflow, Wasm.Traps(() => instance.GetFunction<long, long>("f")(0)).Code);
    }

    [Fact]
    public void Tail_calls_do_not_grow_the_stack()
    {
        Instance instance = Wasm.Instantiate("""
            (module (func $count (export "count") (param i32 i64) (result i64)
              local.get 0 i32.eqz if (result i64) local.get 1
              else local.get 0 i32.const 1 i32.sub local.get 1 i64.const 1 i64.add return_call $count end))
            """);
        Assert.Equal(1_000_000L, instance.GetFunction<int, long, long>("count")(1_000_000, 0));
    }
}
