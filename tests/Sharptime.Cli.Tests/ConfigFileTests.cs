namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime config new</c> and <c>--config FILE</c> of run and compile.</summary>
public sealed class ConfigFileTests
{
    private static string Fib => Path.Combine(CliRunner.RepositoryRoot(), "examples", "fib.wat");

    /// <summary>memory.grow by one page of a one-page memory: the old size, or -1 when a limit refuses it.</summary>
    private const string Grow = """
        (module (memory 1) (func (export "grow") (result i32) (memory.grow (i32.const 1))))
        """;

    [Fact]
    public void Config_new_lists_every_supported_key_of_every_option_group()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "sharptime.toml");
        (int code, string stdout, string stderr) = CliRunner.Run("config", "new", path);
        Assert.True(code == 0, stderr);
        Assert.Equal(Path.GetFullPath(path), stdout.Trim());
        string[] lines = File.ReadAllLines(path);
        Assert.Equal(File.ReadAllText(path), CliRunner.Run("config", "new").Stdout);
        foreach (OptionGroup group in new RunOptions().OptionGroups)
        {
            Assert.Contains($"[{group.Section}]", lines);
            foreach ((string name, _, _) in group.SupportedKeys) Assert.Contains(lines, l => l.StartsWith($"#{name} = ", StringComparison.Ordinal));
        }
        Assert.Contains("#fuel = 1_000", lines);
        Assert.Contains("#simd = true", lines);
    }

    [Fact]
    public void Every_key_config_new_writes_is_read_back_when_uncommented()
    {
        using var dir = new TempDirectory();
        string[] template = CliRunner.Lines(CliRunner.Run("config", "new").Stdout);
        Assert.Equal("6765", GuestRunner.Run("run", "--config", dir.Write("as-written.toml", string.Join('\n', template)), "--invoke", "fib", Fib, "20").Stdout.Trim());
        string? section = null;
        foreach (string line in template)
        {
            if (line.StartsWith('[')) section = line;
            if (!line.StartsWith('#') || line.StartsWith("# ", StringComparison.Ordinal) || !line.Contains(" = ", StringComparison.Ordinal)) continue;
            string file = dir.Write("one.toml", $"{section}\n{line[1..]}\n");
            RunOptions options = RunOptions.Parse(["--config", file, "x.wasm"]);
            Assert.Equal("x.wasm", options.File);
        }
    }

    [Fact]
    public void Fuel_from_the_file_takes_effect_and_flags_override_it()
    {
        using var dir = new TempDirectory();
        string config = dir.Write("fuel.toml", "# a little fuel\n[wasm]\nfuel = 100 # not enough for fib(20)\n");
        Assert.Equal("6765", GuestRunner.Run("run", "--invoke", "fib", Fib, "20").Stdout.Trim());

        GuestRun starved = GuestRunner.Run("run", "--config", config, "--invoke", "fib", Fib, "20");
        Assert.Equal(RunCliCommand.TrapExitCode, starved.ExitCode);
        Assert.Contains("all fuel consumed", starved.Stderr, StringComparison.Ordinal);

        // A flag wins over the file wherever it stands.
        Assert.Equal("6765", GuestRunner.Run("run", "--config", config, "-W", "fuel=100000", "--invoke", "fib", Fib, "20").Stdout.Trim());
        Assert.Equal("6765", GuestRunner.Run("run", "-W", "fuel=100000", $"--config={config}", "--invoke", "fib", Fib, "20").Stdout.Trim());
    }

    [Fact]
    public void Max_memory_size_from_the_file_limits_memory_grow()
    {
        using var dir = new TempDirectory();
        string module = dir.Write("grow.wat", Grow);
        string config = dir.Write("limits.toml", "[wasm]\nmax-memory-size = 0x1_0000\ntrap-on-grow-failure = false\n");
        Assert.Equal("1", GuestRunner.Run("run", "--invoke", "grow", module).Stdout.Trim());
        Assert.Equal("-1", GuestRunner.Run("run", "--config", config, "--invoke", "grow", module).Stdout.Trim());
        Assert.Equal("1", GuestRunner.Run("run", "--config", config, "-W", "max-memory-size=131072", "--invoke", "grow", module).Stdout.Trim());
    }

    [Fact]
    public void Compile_records_the_files_settings_so_run_with_the_same_file_loads_the_artifact()
    {
        using var dir = new TempDirectory();
        string config = dir.Write("fuel.toml", "[wasm]\nfuel = 100000\n[wasi]\ninherit-env = true\n");
        string artifact = Path.Combine(dir.Path, "fib.cwasm");
        (int code, _, string stderr) = CliRunner.Run("compile", "--config", config, "--target", "portable", Fib, "-o", artifact);
        Assert.True(code == 0, stderr);
        Assert.Equal("6765", GuestRunner.Run("run", "--allow-precompiled", "--config", config, "--invoke", "fib", artifact, "20").Stdout.Trim());
        GuestRun refused = GuestRunner.Run("run", "--allow-precompiled", "--invoke", "fib", artifact, "20");
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("setting \"consume-fuel\" is y in the artifact and n in this engine", refused.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[wasm]\n\nfuel = [1, 2]\n", 3, "fuel: an array is not a value Sharptime reads")]
    [InlineData("[wasm]\nfuel = 1.5\n", 2, "fuel: a float is not a value Sharptime reads")]
    [InlineData("[wasm]\ntimeout = \"10s\n", 2, "timeout: the string has no closing \"")]
    [InlineData("# fuel\nfuel = 10\n", 2, "'fuel' is outside a section: put it under one of [optimize], [codegen], [debug], [wasm], [wasi]")]
    [InlineData("[wasm]\nfuel = 1\nfuel = 2\n", 3, "'fuel' is already set in [wasm] at line 2")]
    [InlineData("[wasm]\nfrob = 1\n", 2, "[wasm] unknown -W option 'frob'")]
    [InlineData("[wasm]\nmax-memory-size = \"lots\"\n", 2, "[wasm] invalid value 'lots' for -W max-memory-size")]
    [InlineData("[frob]\n", 1, "unknown section [frob]: the sections are [optimize], [codegen], [debug], [wasm], [wasi]")]
    [InlineData("[wasm]\nfuel\n", 2, "expected KEY = VALUE or [SECTION], got 'fuel'")]
    [InlineData("[wasm]\nwasm.fuel = 1\n", 2, "'wasm.fuel' is not a key Sharptime reads")]
    [InlineData("[[wasm]]\n", 1, "'[[wasm]]' is not a section header")]
    public void A_bad_file_is_a_one_line_error_naming_the_line(string contents, int line, string message)
    {
        using var dir = new TempDirectory();
        string config = dir.Write("bad.toml", contents);
        GuestRun run = GuestRunner.Run("run", "--config", config, "--invoke", "fib", Fib, "20");
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"sharptime: {config}:{line}: {message}", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        // compile reads it the same way.
        Assert.Equal(2, CliRunner.Run("compile", "--config", config, Fib, "-o", Path.Combine(dir.Path, "x.cwasm")).ExitCode);
    }

    [Fact]
    public void A_wasmtime_key_that_does_not_apply_is_a_warning_naming_the_line()
    {
        using var dir = new TempDirectory();
        string config = dir.Write("wasmtime.toml", "[optimize]\nmemory-guard-size = 65536\n");
        GuestRun run = GuestRunner.Run("run", "--config", config, "--invoke", "fib", Fib, "20");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("6765", run.Stdout.Trim());
        Assert.StartsWith($"sharptime: warning: {config}:2: -O memory-guard-size is not applicable", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public void Config_new_never_replaces_a_file()
    {
        using var dir = new TempDirectory();
        string path = dir.Write("mine.toml", "[wasm]\nfuel = 5\n");
        (int code, _, string stderr) = CliRunner.Run("config", "new", path);
        Assert.Equal(1, code);
        Assert.StartsWith($"error: {path} already exists", Assert.Single(CliRunner.Lines(stderr)), StringComparison.Ordinal);
        Assert.Equal("[wasm]\nfuel = 5\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData(new[] { "config" }, "sharptime: config needs a subcommand: 'sharptime config new [FILE]'")]
    [InlineData(new[] { "config", "old" }, "sharptime: unknown config subcommand 'old'")]
    [InlineData(new[] { "config", "new", "a.toml", "b.toml" }, "sharptime: config new takes one FILE")]
    [InlineData(new[] { "run", "--config", "/no/such.toml", "x.wasm" }, "sharptime: --config /no/such.toml: no such file")]
    [InlineData(new[] { "run", "--config", "a.toml", "--config", "b.toml", "x.wasm" }, "sharptime: --config is given twice")]
    [InlineData(new[] { "compile", "--config" }, "sharptime: --config needs a configuration file")]
    public void Wrong_command_lines_are_one_line_errors(string[] args, string message) => CommandLineErrors.AssertRefused(args, message);
}
