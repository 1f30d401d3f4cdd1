using Xunit.Abstractions;

namespace Sharptime.Cli.Tests;

/// <summary>samples/WasmInApp: a plugin compiled into the app at build time runs with the JIT and under NativeAOT.</summary>
public sealed class WasmInAppTests(WasmInAppBuild build, ITestOutputHelper output) : IClassFixture<WasmInAppBuild>
{
    private static readonly string[] PluginOutput =
    [
        "add(2, 3) = 5",
        "fib(90) = 2880067194370816120",
        "div_rem(17, 5) = (3, 2)",
        "sum_of_squares(100) = 328350",
        "div_rem(1, 0) trapped: integer divide by zero",
        "memory: 1 page(s)",
    ];

    [Fact]
    public async Task The_plugin_runs_with_the_JIT()
    {
        ProcessResult run = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(), [build.Assembly], CliRunner.RepositoryRoot(), TimeSpan.FromMinutes(1));
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal([.. PluginOutput, "code generation: available (JIT)"], CliRunner.Lines(run.Stdout));
    }

    [Fact]
    public void The_app_references_the_runtime_but_not_the_compiler()
    {
        string folder = Path.GetDirectoryName(build.Assembly)!;
        Assert.True(File.Exists(Path.Combine(folder, "WasmInApp.Wasm.plugin.dll")), "the compiled module is not next to the app");
        Assert.False(File.Exists(Path.Combine(folder, "Sharptime.Compiler.dll")), "the app carries the compiler");
    }

    [Fact]
    public async Task The_plugin_runs_under_NativeAOT_without_warnings()
    {
        if (build.NativeSkipReason is not null)
        {
            output.WriteLine($"NativeAOT test skipped: {build.NativeSkipReason}. Nothing was run.");
            return;
        }
        string[] warnings = [.. CliRunner.Lines(build.PublishOutput).Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase))];
        Assert.True(warnings.Length == 0, "the NativeAOT publish warned:\n" + string.Join("\n", warnings));
        ProcessResult run = await CliProcess.RunProgramAsync(build.NativeExecutable!, [], CliRunner.RepositoryRoot(), TimeSpan.FromMinutes(1));
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.Equal([.. PluginOutput, "code generation: none (NativeAOT)"], CliRunner.Lines(run.Stdout));
        output.WriteLine($"NativeAOT binary: {new FileInfo(build.NativeExecutable!).Length:N0} bytes");
    }
}
