namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime run --profile=perfmap</c>: perf's map names compiled Wasm functions.</summary>
public sealed class ProfileTests
{
    [Fact]
    public async Task Perfmap_lists_wasm_functions_by_their_names()
    {
        using var dir = new TempDirectory();
        string name = $"spin_{Guid.NewGuid():N}";
        string wat = dir.Write("named.wat", $$"""
            (module
              (func ${{name}} (export "spin") (param i32) (result i32)
                (loop $l (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
                (local.get 0)))
            """);
        DateTime started = DateTime.UtcNow.AddSeconds(-1);
        ProcessResult run = await CliProcess.RunAsync(["run", "--profile=perfmap", "--invoke", "spin", wat, "1000"], dir.Path, TimeSpan.FromSeconds(120));
        Assert.Equal((0, "0\n", ""), (run.ExitCode, run.Stdout, run.Stderr));
        // The map is /tmp/perf-PID.map of the process that ran the module.
        string[] maps = [.. Directory.GetFiles("/tmp", "perf-*.map").Where(f => File.GetLastWriteTimeUtc(f) >= started)];
        Assert.Contains(maps, map => File.ReadAllText(map).Contains($"wasm-function[0] {name}(", StringComparison.Ordinal));
        foreach (string map in maps) File.Delete(map);
    }

    [Fact]
    public void Other_profilers_are_refused_with_what_to_use()
    {
        (int exit, string stdout, string stderr) = CliRunner.Run("run", "--profile=jitdump", "x.wasm");
        Assert.Equal((2, ""), (exit, stdout));
        Assert.Contains("--profile=perfmap", stderr, StringComparison.Ordinal);
    }
}
