using System.Runtime.InteropServices;
using System.Text.Json;

namespace Sharptime.Cli.Tests;

/// <summary>
/// The NuGet packages and the <c>sharptime</c> tool package, packed once per test run as README.md says
/// (<c>dotnet pack -c Release</c> of the projects under src/) into a local folder feed in the test output, with
/// its own artifacts path so that the source tree's bin and obj are not touched. About 45 s on two cores from
/// nothing. The tests install and use the packages from that feed; they need linux-x64, where the tool package
/// has ReadyToRun code and WASI runs: elsewhere <see cref="SkipReason"/> says so and the tests pass without running.
/// </summary>
public sealed class PackageBuild : IAsyncLifetime
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The packable projects, under src/.</summary>
    public static readonly string[] Projects = ["Sharptime", "Sharptime.Compiler", "Sharptime.Wasi", "Sharptime.Text", "Sharptime.Cli", "Sharptime.Build"];

    /// <summary>The folder feed holding the packages, or null when skipped.</summary>
    public string? Feed { get; private set; }

    /// <summary>Why the packages were not made, or null.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>What <c>dotnet pack</c> printed.</summary>
    public string PackOutput { get; private set; } = "";

    /// <summary>The version of the packages: the one this build of Sharptime has (Directory.Build.props).</summary>
    public static string Version => CliApp.Version;

    public async Task InitializeAsync()
    {
        if (RuntimeInformation.RuntimeIdentifier != "linux-x64")
        {
            SkipReason = $"the package tests run on linux-x64 only (this is {RuntimeInformation.RuntimeIdentifier}): the tool package has ReadyToRun code for it and WASI runs only there";
            return;
        }
        string root = CliRunner.RepositoryRoot();
        string artifacts = Path.Combine(AppContext.BaseDirectory, "packages");
        string feed = Path.Combine(artifacts, "feed");
        // Packages of an earlier run with the same version would be taken for this run's.
        if (Directory.Exists(feed)) Directory.Delete(feed, recursive: true);
        Directory.CreateDirectory(artifacts);
        // A solution filter packs the projects in one build (Sharptime.Build publishes the command in the same project instance as Sharptime.Cli.any).
        string filter = Path.Combine(artifacts, "packages.slnf");
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new
        {
            solution = new { path = Path.Combine(root, "Sharptime.sln"), projects = Projects.Select(p => $"src/{p}/{p}.csproj").ToArray() },
        })).ConfigureAwait(false);
        // No build servers: a reused MSBuild node or compiler server would outlive the pack holding its output pipes.
        ProcessResult pack = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(),
            ["pack", filter, "-c", "Release", "--artifacts-path", artifacts, "-o", feed, "--disable-build-servers", "--nologo"],
            root, PackTimeout).ConfigureAwait(false);
        PackOutput = pack.Stdout + pack.Stderr;
        if (pack.TimedOut) throw new TimeoutException($"dotnet pack took more than {PackTimeout}:\n{PackOutput}");
        if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack failed (exit code {pack.ExitCode}):\n{PackOutput}");
        Feed = feed;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>
    /// Writes a nuget.config into <paramref name="directory"/> that adds the feed to the machine's package sources
    /// and keeps restored packages in the directory, so that no package of this run reaches the user's package
    /// cache, where a later run with the same version would find it instead of its own.
    /// </summary>
    public void WriteNuGetConfig(string directory) => File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <config>
            <add key="globalPackagesFolder" value="packages" />
          </config>
          <packageSources>
            <add key="sharptime-tests" value="{Feed}" />
          </packageSources>
        </configuration>
        """);
}
