namespace Sharptime.Cli.Tests;

/// <summary>WasmGC objects are .NET objects: the .NET garbage collector frees those a guest drops.</summary>
public sealed class GcHeapTests
{
    // Each round makes a 1 MiB byte array and a 3-node list over it, then drops both.
    private const string Churn = """
        (module
          (type $bytes (array (mut i8)))
          (type $cell (struct (field $data (ref $bytes)) (field $next (ref null $cell))))
          (func (export "churn") (param $rounds i32) (result i32)
            (local $list (ref null $cell)) (local $sum i32)
            (loop $l
              (local.set $list (struct.new $cell (array.new $bytes (i32.const 1) (i32.const 1048576)) (ref.null $cell)))
              (local.set $list (struct.new $cell (array.new_default $bytes (i32.const 16)) (local.get $list)))
              (local.set $sum (i32.add (local.get $sum)
                (array.get_u $bytes (struct.get $cell $data (ref.as_non_null (struct.get $cell $next (local.get $list))))
                                    (i32.const 1048575))))
              (br_if $l (local.tee $rounds (i32.sub (local.get $rounds) (i32.const 1)))))
            (local.get $sum)))
        """;

    [Theory]
    [InlineData("compiler")]
    [InlineData("interpreter")]
    public async Task A_guest_allocating_16_times_the_heap_limit_completes(string strategy)
    {
        using var dir = new TempDirectory();
        // 4096 rounds of 1 MiB under a 256 MiB heap: only collection lets this finish.
        ProcessResult run = await CliProcess.RunAsync(
            ["run", "-C", $"strategy={strategy}", "--invoke", "churn", dir.Write("churn.wat", Churn), "4096"],
            dir.Path, TimeSpan.FromSeconds(300), new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x10000000" });
        Assert.Equal((0, "4096\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
    }

    private const string Leak = """
        (module
          (type $cell (struct (field i64) (field (ref null $cell))))
          (func (export "leak") (result i32)
            (local $head (ref null $cell))
            (loop $l
              (local.set $head (struct.new $cell (i64.const 1) (local.get $head)))
              (br $l))
            (i32.const 0)))
        """;

    [Theory]
    [InlineData("compiler")]
    [InlineData("interpreter")]
    public async Task A_guest_that_keeps_every_object_traps_when_the_heap_is_full(string strategy)
    {
        using var dir = new TempDirectory();
        ProcessResult run = await CliProcess.RunAsync(
            ["run", "-C", $"strategy={strategy}", "--invoke", "leak", dir.Write("leak.wat", Leak)],
            dir.Path, TimeSpan.FromSeconds(300), new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x8000000" });
        Assert.Equal(OperatingSystem.IsWindows() ? 3 : 134, run.ExitCode);
        // The .NET runtime itself printed "Out of memory." before the trap once, in CI on a loaded machine
        // (from which of its threads is not known). The guest's trap must follow, with no stack trace.
        Assert.Contains("error: wasm trap: GC heap out of memory", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Stderr, StringComparison.Ordinal);
    }
}
