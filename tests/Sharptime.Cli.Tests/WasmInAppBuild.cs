using System.Runtime.InteropServices;

namespace Sharptime.Cli.Tests;

/// <summary>
/// samples/WasmInApp, built once per test run into a folder of the test output (the source tree's bin and obj
/// are not touched; a second run is incremental): with the JIT (<c>dotnet build</c>), then published with
/// NativeAOT. Its WasmModule item is compiled by the sharptime of this test output (SharptimeCliPath), so the
/// command is not built again. The NativeAOT publish needs what <see cref="NativeAotBuild"/> needs; without it
/// <see cref="NativeSkipReason"/> says why.
/// </summary>
public sealed class WasmInAppBuild : IAsyncLifetime
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The sample's assembly, built for the JIT.</summary>
    public string Assembly { get; private set; } = "";

    /// <summary>The NativeAOT executable, or null when skipped.</summary>
    public string? NativeExecutable { get; private set; }

    /// <summary>Why the NativeAOT publish was not made, or null.</summary>
    public string? NativeSkipReason { get; private set; }

    /// <summary>What <c>dotnet publish</c> printed.</summary>
    public string PublishOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        string root = CliRunner.RepositoryRoot();
        string project = Path.Combine(root, "samples", "WasmInApp");
        string artifacts = Path.Combine(AppContext.BaseDirectory, "wasminapp");
        // No build servers: a reused MSBuild node or compiler server would outlive the build holding its output pipes.
        string[] common = ["-c", "Release", "--artifacts-path", artifacts, $"-p:SharptimeCliPath={CliProcess.Assembly}", "--disable-build-servers", "--nologo"];
        await Dotnet(["build", project, .. common], "build", root).ConfigureAwait(false);
        Assembly = Path.Combine(artifacts, "bin", "WasmInApp", "release", "WasmInApp.dll");

        NativeSkipReason = NativeAotBuild.MissingPrerequisite();
        if (NativeSkipReason is not null) return;
        string output = Path.Combine(artifacts, "native");
        PublishOutput = await Dotnet(["publish", project, "-r", RuntimeInformation.RuntimeIdentifier, "-p:PublishAot=true", "-o", output, .. common], "NativeAOT publish", root).ConfigureAwait(false);
        NativeExecutable = Path.Combine(output, "WasmInApp");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<string> Dotnet(string[] args, string what, string root)
    {
        ProcessResult run = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(), args, root, BuildTimeout).ConfigureAwait(false);
        string output = run.Stdout + run.Stderr;
        if (run.TimedOut) throw new TimeoutException($"the {what} of samples/WasmInApp took more than {BuildTimeout}:\n{output}");
        if (run.ExitCode != 0) throw new InvalidOperationException($"the {what} of samples/WasmInApp failed (exit code {run.ExitCode}):\n{output}");
        return output;
    }
}
