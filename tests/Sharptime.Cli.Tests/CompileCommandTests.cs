namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime compile</c>, running artifacts, and the compile cache of <c>run</c>.</summary>
public sealed class CompileCommandTests
{
    private static string HelloWasm => Path.Combine(CliRunner.RepositoryRoot(), "examples", "wasi", "hello.wasm");

    private static void AssertHello(GuestRun run)
    {
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Hello from WebAssembly!", run.GuestStdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_compiled_artifact_runs_only_when_allowed()
    {
        using var dir = new TempDirectory();
        string artifact = Path.Combine(dir.Path, "hello.cwasm");
        (int code, _, string stderr) = CliRunner.Run("compile", "--target", "portable", HelloWasm, "-o", artifact);
        Assert.True(code == 0, stderr);
        GuestRun refused = GuestRunner.Run("run", artifact);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("is a pre-compiled artifact", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-precompiled", refused.Stderr, StringComparison.Ordinal);
        AssertHello(GuestRunner.Run("run", "--allow-precompiled", artifact));
    }

    [Fact]
    public void The_default_output_is_next_to_the_module()
    {
        using var dir = new TempDirectory();
        string wasm = Path.Combine(dir.Path, "app.wasm");
        File.Copy(HelloWasm, wasm);
        Assert.Equal(0, CliRunner.Run("compile", "--target", "portable", wasm).ExitCode);
        Assert.True(File.Exists(Path.Combine(dir.Path, "app.cwasm")));
    }

    [Fact]
    public void An_artifact_compiled_with_other_proposals_is_refused_by_name()
    {
        using var dir = new TempDirectory();
        string artifact = Path.Combine(dir.Path, "hello.cwasm");
        Assert.Equal(0, CliRunner.Run("compile", "--target", "portable", "-W", "simd=n", HelloWasm, "-o", artifact).ExitCode);
        GuestRun run = GuestRunner.Run("run", "--allow-precompiled", artifact);
        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.ErrorLines);
        Assert.Contains("setting \"features\"", run.Stderr, StringComparison.Ordinal);
        // The same flags at run time make it load.
        AssertHello(GuestRunner.Run("run", "--allow-precompiled", "-W", "simd=n", artifact));
    }

    [Fact]
    public void A_file_that_is_not_an_artifact_is_refused_clearly()
    {
        using var dir = new TempDirectory();
        string fake = Path.Combine(dir.Path, "fake.cwasm");
        File.Copy(typeof(CliApp).Assembly.Location, fake);
        GuestRun run = GuestRunner.Run("run", "--allow-precompiled", fake);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a Sharptime artifact", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Native_code_runs_on_its_target_and_is_refused_on_another()
    {
        string? crossgen = FindCrossgen();
        if (crossgen is null) return; // CliRunner builds in Release restore crossgen2; without it, the portable tests above still run.
        using var dir = new TempDirectory();
        string native = Path.Combine(dir.Path, "hello.cwasm");
        (int code, _, string stderr) = CliRunner.Run("compile", HelloWasm, "-o", native);
        Assert.True(code == 0, stderr);
        AssertHello(GuestRunner.Run("run", "--allow-precompiled", native));
        string host = System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier;
        string other = host == "osx-arm64" ? "linux-arm64" : "osx-arm64";
        string foreign = Path.Combine(dir.Path, "foreign.cwasm");
        Assert.Equal(0, CliRunner.Run("compile", "--target", other, HelloWasm, "-o", foreign).ExitCode);
        GuestRun run = GuestRunner.Run("run", "--allow-precompiled", foreign);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"setting \"target\" is {other} in the artifact and {host} in this engine", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_cache_stores_an_entry_and_recompiles_a_damaged_one()
    {
        using var dir = new TempDirectory();
        string cache = Path.Combine(dir.Path, "cache");
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
        string entry = Assert.Single(Directory.GetFiles(cache, "*.cwasm", SearchOption.AllDirectories));
        // From the cache.
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
        // A truncated entry is recompiled and replaced, never trusted. (Replaced, not truncated in
        // place: this process has the entry mapped, and the cache itself only ever renames.)
        byte[] whole = File.ReadAllBytes(entry);
        File.WriteAllBytes(entry + ".damaged", whole[..(whole.Length / 3)]);
        File.Move(entry + ".damaged", entry, overwrite: true);
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
        Assert.True(new FileInfo(entry).Length > whole.Length / 3);
        // The artifact of another module under this module's name is not used either.
        string other = Path.Combine(CliRunner.RepositoryRoot(), "examples", "wasi", "args_env.wasm");
        Assert.Equal(0, CliRunner.Run("compile", "--target", "portable", other, "-o", entry + ".other").ExitCode);
        File.Move(entry + ".other", entry, overwrite: true);
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
    }

    [Fact]
    public void A_native_compile_that_was_killed_does_not_hold_back_later_entries()
    {
        if (FindCrossgen() is null) return; // Without crossgen2 entries stay IL-only.
        using var dir = new TempDirectory();
        string cache = Path.Combine(dir.Path, "cache");
        Directory.CreateDirectory(cache);
        // The lock of a background compile whose process is gone (killed with its terminal).
        using (var ended = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("/bin/true") { UseShellExecute = false })!)
        {
            ended.WaitForExit();
            File.WriteAllText(Path.Combine(cache, "native.lock"), ended.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
        string entry = Assert.Single(Directory.GetFiles(cache, "*.cwasm", SearchOption.AllDirectories));
        long il = new FileInfo(entry).Length;
        // The new entry gets its native code in the background: it grows, and the lock goes away.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((File.Exists(Path.Combine(cache, "native.lock")) || new FileInfo(entry).Length == il) && waited.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(200);
        Assert.True(new FileInfo(entry).Length > il, $"the entry kept its IL-only size {il} for {waited.Elapsed}");
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", HelloWasm));
    }

    [Fact]
    public void The_cache_is_pruned_to_its_size_limit_least_recently_used_first()
    {
        using var dir = new TempDirectory();
        string cache = Path.Combine(dir.Path, "cache");
        Directory.CreateDirectory(Path.Combine(cache, "00"));
        // Two entries of other modules: the older is used less recently than the newer.
        string older = Path.Combine(cache, "00", "older.cwasm");
        string newer = Path.Combine(cache, "00", "newer.cwasm");
        File.WriteAllBytes(older, new byte[300_000]);
        File.WriteAllBytes(newer, new byte[300_000]);
        File.SetLastWriteTimeUtc(older, DateTime.UtcNow.AddDays(-2));
        File.SetLastWriteTimeUtc(newer, DateTime.UtcNow.AddDays(-1));
        // hello's entry (about 130-280 KB) plus the newer one fit in 700,000 bytes; the older goes.
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", "-C", "cache-size-limit=700_000", HelloWasm));
        Assert.False(File.Exists(older));
        Assert.True(File.Exists(newer));
        string[] entries = Directory.GetFiles(cache, "*.cwasm", SearchOption.AllDirectories);
        Assert.Equal(2, entries.Length);
        // A limit below the entry just written keeps that entry (and nothing else).
        File.Delete(Assert.Single(entries, e => e != newer));
        AssertHello(GuestRunner.Run("run", "-C", $"cache-dir={cache}", "-C", "cache-size-limit=1", HelloWasm));
        Assert.False(File.Exists(newer));
        Assert.Single(Directory.GetFiles(cache, "*.cwasm", SearchOption.AllDirectories));
    }

    [Fact]
    public void The_cache_can_be_turned_off()
    {
        using var dir = new TempDirectory();
        string cache = Path.Combine(dir.Path, "cache");
        AssertHello(GuestRunner.Run("run", "-C", "cache=n", "-C", $"cache-dir={cache}", HelloWasm));
        Assert.False(Directory.Exists(cache));
    }

    private static string? FindCrossgen()
    {
        try
        {
            return ReadyToRun.FindCrossgen();
        }
        catch (RunFailedException)
        {
            return null;
        }
    }
}
