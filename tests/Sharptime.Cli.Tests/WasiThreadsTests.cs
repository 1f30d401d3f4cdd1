namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime run -S threads</c>: wasi-threads' thread-spawn, on every execution strategy.</summary>
public sealed class WasiThreadsTests
{

    /// <summary>A module whose one spawned thread runs <paramref name="threadBody"/> while _start waits forever.</summary>
    private static string WaitingMain(string threadBody) => $$"""
        (module
          (import "env" "memory" (memory 1 1 shared))
          (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (export "memory" (memory 0))
          (func $fail (export "fail") unreachable)
          (func (export "wasi_thread_start") (param i32 i32) {{threadBody}})
          (func (export "_start")
            (drop (call $spawn (i32.const 0)))
            (drop (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)))))
        """;

    /// <summary>The parallel sum, by hand in WAT and in C (examples/wasi).</summary>
    [Theory]
    [InlineData("threads.wat", "compiler")]
    [InlineData("threads.wat", "interpreter")]
    [InlineData("threads.wat", "tiered")]
    [InlineData("parallel_sum.wasm", "compiler")]
    [InlineData("parallel_sum.wasm", "interpreter")]
    [InlineData("parallel_sum.wasm", "tiered")]
    public void The_parallel_sum_examples_join_four_threads_and_print_the_total(string example, string strategy)
    {
        string file = Path.Combine(CliRunner.RepositoryRoot(), "examples", "wasi", example);
        GuestRun run = GuestRunner.Run("run", "-C", $"strategy={strategy}", "-S", "threads", file);
        Assert.Equal((0, "sum of 1..1000000 over 4 threads = 500000500000\n", ""), (run.ExitCode, run.GuestStdout, run.Stderr));
    }

    [Fact]
    public void Proc_exit_in_a_spawned_thread_ends_the_program_with_its_code()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", "-S", "threads", dir.Write("exit.wat", WaitingMain("(call $proc_exit (i32.const 7))")));
        Assert.Equal((7, ""), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void A_trap_in_a_spawned_thread_ends_the_program_as_a_trap()
    {
        using var dir = new TempDirectory();
        GuestRun run = GuestRunner.Run("run", "-S", "threads", dir.Write("trap.wat", WaitingMain("(call $fail)")));
        Assert.Equal(RunCliCommand.TrapExitCode, run.ExitCode);
        Assert.StartsWith("error: wasm trap: unreachable\n", run.Stderr.Replace("\r\n", "\n", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("fail", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_module_without_wasi_thread_start_is_refused_with_what_to_do()
    {
        using var dir = new TempDirectory();
        string file = dir.Write("nostart.wat", """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (import "wasi" "thread-spawn" (func (param i32) (result i32)))
              (func (export "_start")))
            """);
        GuestRun run = GuestRunner.Run("run", "-S", "threads", file);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("-S threads", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("wasi_thread_start", run.Stderr, StringComparison.Ordinal);
    }
}
