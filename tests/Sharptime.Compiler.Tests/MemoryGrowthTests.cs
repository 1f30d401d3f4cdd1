namespace Sharptime.Compiler.Tests;

/// <summary>
/// Which functions a direct call may return from with memory 0 changed: the caller keeps its cached
/// base and length only after the others, so every way to grow must be found, also transitively.
/// </summary>
public sealed class MemoryGrowthTests
{
    private const string Functions = """
        (module
          (import "env" "host" (func $host))
          (memory 1 4)
          (memory $other 1 4)
          (table 1 funcref)
          (type $v (func))
          (func $pure (drop (i32.load (i32.const 0))))          ;; 0
          (func $calls_pure (call $pure))                       ;; 1
          (func $grows (drop (memory.grow (i32.const 1))))      ;; 2
          (func $grows_other (drop (memory.grow $other (i32.const 1)))) ;; 3: can be the same memory when imported
          (func $imports (call $host))                          ;; 4
          (func $indirect (call_indirect (type $v) (i32.const 0))) ;; 5
          (func $by_ref (call_ref $v (ref.func $pure)))         ;; 6
          (func $chain (call $middle))                          ;; 7
          (func $middle (return_call $grows))                   ;; 8
          (func $recursive (call $recursive) (call $pure))      ;; 9
          (func $cycle_a (call $cycle_b))                       ;; 10
          (func $cycle_b (call $cycle_a) (call $indirect))      ;; 11
          (elem declare func $pure))
        """;

    [Fact]
    public void Growth_is_found_directly_and_through_calls()
    {
        bool[] may = MemoryGrowth.MayChangeMemory0(Wasm.Compile(Functions).Info, epochInterruption: false);
        Assert.Equal([false, false, true, true, true, true, true, true, true, false, true, true], may);
    }

    [Fact]
    public void Epoch_interruption_makes_every_function_a_grower()
    {
        // The deadline callback is host code, run from any function entry.
        Assert.All(MemoryGrowth.MayChangeMemory0(Wasm.Compile(Functions).Info, epochInterruption: true), Assert.True);
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("shared", true)]
    public void Atomics_change_memory_0_only_when_it_is_shared(string shared, bool may)
    {
        // Another thread's grow of a shared memory becomes visible at an atomic.
        var engine = new Engine(Config.Default.UseCompiler() with { Features = WasmFeatures.Wasm3 | WasmFeatures.Threads });
        Module module = Module.FromBytes(engine, Text.Wat.Parse($"""
            (module
              (memory 1 4 {shared})
              (func (drop (i32.atomic.load (i32.const 0))))
              (func (atomic.fence)))
            """));
        Assert.Equal([may, may], MemoryGrowth.MayChangeMemory0(module.Info, epochInterruption: false));
    }
}
