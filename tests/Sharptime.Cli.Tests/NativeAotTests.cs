using Xunit.Abstractions;

namespace Sharptime.Cli.Tests;

/// <summary>The NativeAOT <c>sharptime</c> (docs/cli.md): it interprets, runs WASI and scripts, and says what it cannot do.</summary>
public sealed class NativeAotTests(NativeAotBuild build, ITestOutputHelper output) : IClassFixture<NativeAotBuild>
{
    private const string NoCompiler = "this sharptime is a NativeAOT build without a compiler: ";

    [Fact]
    public void Publishing_reports_no_warning()
    {
        if (Skipped()) return;
        string[] warnings = [.. CliRunner.Lines(build.PublishOutput).Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase))];
        Assert.True(warnings.Length == 0, "the NativeAOT publish warned:\n" + string.Join("\n", warnings));
    }

    [Fact]
    public async Task Hello_wasm_runs_with_WASI()
    {
        if (Skipped()) return;
        ProcessResult run = await build.RunAsync("run", Path.Combine("examples", "wasi", "hello.wasm"));
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("Hello from WebAssembly!\n", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_script_passes_in_the_interpreter()
    {
        if (Skipped()) return;
        ProcessResult run = await build.RunAsync("wast", Path.Combine("examples", "hello.wast"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("16 passed, 0 failed, 0 skipped", CliRunner.Lines(run.Stdout)[^1]);
    }

    [Fact]
    public async Task A_trap_exits_134_with_the_wasm_backtrace()
    {
        if (Skipped()) return;
        using var dir = new TempDirectory();
        string module = dir.Write("trap.wat", """
            (module $traps
              (func $inner (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
              (func (export "_start") (drop (call $inner (i32.const 0)))))
            """);
        ProcessResult run = await build.RunAsync("run", module);
        Assert.Equal(134, run.ExitCode);
        // 0x2d is the i32.div_s (after i32.const 1 at 0x29 and local.get 0 at 0x2b).
        Assert.Equal(["error: wasm trap: integer divide by zero", "wasm backtrace:", "0: 0x2d - traps!inner", "1: 0x33 - traps!<wasm function 1>"],
            CliRunner.Lines(run.Stderr).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
    }

    [Fact]
    public async Task Compile_and_the_compiler_strategy_say_there_is_no_compiler()
    {
        if (Skipped()) return;
        ProcessResult compile = await build.RunAsync("compile", Path.Combine("examples", "fib.wat"));
        Assert.Equal(2, compile.ExitCode);
        Assert.StartsWith("sharptime: " + NoCompiler + "'compile'", compile.Stderr, StringComparison.Ordinal);
        ProcessResult strategy = await build.RunAsync("run", "-C", "strategy=compiler", Path.Combine("examples", "fib.wat"));
        Assert.Equal(2, strategy.ExitCode);
        Assert.StartsWith("sharptime: " + NoCompiler + "-C strategy=compiler", strategy.Stderr, StringComparison.Ordinal);
        ProcessResult version = await build.RunAsync("--version");
        Assert.EndsWith(", NativeAOT: interpreter only)", version.Stdout.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Artifacts_and_precompiled_scripts_are_refused()
    {
        if (Skipped()) return;
        using var dir = new TempDirectory();
        string artifact = Path.Combine(dir.Path, "fib.cwasm");
        // Made by the JIT build (in this process), which has the compiler.
        Assert.Equal(0, CliRunner.Run("compile", Path.Combine(CliRunner.RepositoryRoot(), "examples", "fib.wat"), "-o", artifact, "--target", "portable").ExitCode);
        ProcessResult run = await build.RunAsync("run", "--allow-precompiled", "--invoke", "fib", artifact, "20");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: {NoCompiler}{artifact} is a pre-compiled artifact", run.Stderr, StringComparison.Ordinal);
        ProcessResult wast = await build.RunAsync("wast", "--precompile", Path.Combine("examples", "hello.wast"));
        Assert.Equal(2, wast.ExitCode);
        Assert.StartsWith($"sharptime: {NoCompiler}--precompile", wast.Stderr, StringComparison.Ordinal);
    }

    private bool Skipped()
    {
        if (build.SkipReason is null) return false;
        output.WriteLine($"NativeAOT test skipped: {build.SkipReason}. Nothing was run.");
        return true;
    }
}
