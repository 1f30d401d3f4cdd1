namespace Sharptime.Cli.Tests;

/// <summary>
/// samples/Embedding, the embedding guide (docs/embedding.md) as a program, built into the test output (the
/// source tree's bin and obj are not touched) and run: each of its sections prints what a user relies on.
/// </summary>
public sealed class EmbeddingSampleTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task The_embedding_sample_builds_and_shows_each_feature_working()
    {
        string root = CliRunner.RepositoryRoot();
        string artifacts = Path.Combine(AppContext.BaseDirectory, "embedding-sample");
        ProcessResult build = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(),
            ["build", Path.Combine(root, "samples", "Embedding"), "-c", "Release", "--artifacts-path", artifacts, "--disable-build-servers", "--nologo"],
            root, Timeout);
        Assert.True(build.ExitCode == 0, $"dotnet build samples/Embedding failed:\n{build.Stdout}{build.Stderr}");

        ProcessResult run = await CliProcess.RunProgramAsync(CliProcess.DotnetHost(),
            [Path.Combine(artifacts, "bin", "Embedding", "release", "Embedding.dll")], root, Timeout);
        Assert.True(run.ExitCode == 0, run.Stdout + run.Stderr);
        Assert.Equal(
            [
                "guest logged 1",
                "add(1, 2) = 3",
                "vowels = 6",
                "spin with fuel: OutOfFuel: all fuel consumed by WebAssembly",
                "spin with a deadline of 2 ticks: Interrupt",
                "grow by 4 pages: 1; by 100 more: -1",
                "fetch_twice(4) = 80",
            ],
            CliRunner.Lines(run.Stdout));
    }
}
