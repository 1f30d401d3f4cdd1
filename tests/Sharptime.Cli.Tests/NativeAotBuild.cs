using System.Runtime.InteropServices;

namespace Sharptime.Cli.Tests;

/// <summary>
/// The NativeAOT <c>sharptime</c>, published once per test run as docs/cli.md says
/// (<c>dotnet publish src/Sharptime.Cli -c Release -r RID -p:PublishAot=true</c>), into a folder of the test
/// output so that the source tree's bin and obj are not touched and a second run is incremental. About a
/// minute on two cores from nothing. It needs a C toolchain to link (clang, or gcc); without one, or off
/// Linux, <see cref="SkipReason"/> says why and the tests pass without running.
/// </summary>
public sealed class NativeAotBuild : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The published executable, or null when skipped.</summary>
    public string? Executable { get; private set; }

    /// <summary>Why the build was not made, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>What <c>dotnet publish</c> printed.</summary>
    public string PublishOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        SkipReason = MissingPrerequisite();
        if (SkipReason is not null) return;
        string root = CliRunner.RepositoryRoot();
        string artifacts = Path.Combine(AppContext.BaseDirectory, "nativeaot");
        string output = Path.Combine(artifacts, "out");
        // No build servers: a reused MSBuild node or compiler server would outlive the publish holding its output pipes.
        ProcessResult publish = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(),
            ["publish", Path.Combine(root, "src", "Sharptime.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
             "-p:PublishAot=true", "--artifacts-path", artifacts, "-o", output, "--disable-build-servers", "--nologo"],
            root, PublishTimeout).ConfigureAwait(false);
        PublishOutput = publish.Stdout + publish.Stderr;
        if (publish.TimedOut) throw new TimeoutException($"the NativeAOT publish took more than {PublishTimeout}:\n{PublishOutput}");
        if (publish.ExitCode != 0) throw new InvalidOperationException($"the NativeAOT publish failed (exit code {publish.ExitCode}):\n{PublishOutput}");
        Executable = Path.Combine(output, "Sharptime.Cli");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Runs the executable with <paramref name="args"/> in the repository root.</summary>
    internal Task<ProcessResult> RunAsync(params string[] args) =>
        CliProcess.RunProgramAsync(Executable!, args, CliRunner.RepositoryRoot(), TimeSpan.FromMinutes(2));

    internal static string? MissingPrerequisite()
    {
        if (!OperatingSystem.IsLinux()) return $"the NativeAOT test runs on Linux only (this is {RuntimeInformation.OSDescription})";
        if (!OnPath("clang") && !OnPath("gcc")) return "NativeAOT links with clang or gcc, and neither is on PATH (apt-get install clang)";
        return null;
    }

    private static bool OnPath(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, name))) return true;
        }
        return false;
    }
}
