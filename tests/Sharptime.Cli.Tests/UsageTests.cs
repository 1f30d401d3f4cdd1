namespace Sharptime.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData(new[] { "frobnicate" }, "sharptime: unknown command 'frobnicate'")]
    [InlineData(new[] { "run", "app.wasm" }, "sharptime: app.wasm: no such file")]
    [InlineData(new[] { "app.wasm" }, "sharptime: app.wasm: no such file")]
    [InlineData(new[] { "compile", "app.wasm" }, "sharptime: app.wasm: no such file")]
    [InlineData(new[] { "compile" }, "sharptime: compile needs a WebAssembly file")]
    [InlineData(new[] { "compile", "--target", "vax-vms", "x.wasm" }, "sharptime: unknown target 'vax-vms': use portable or one of linux-x64")]
    [InlineData(new[] { "serve", "app.wasm" }, "sharptime: the 'serve' command is not implemented yet")]
    [InlineData(new[] { "run", "-C", "cache=maybe", "x.wasm" }, "sharptime: invalid value 'maybe' for -C cache")]
    [InlineData(new[] { "run", "-C", "frob=1", "x.wasm" }, "sharptime: unknown -C option 'frob' (try '-C help' for the list of keys)")]
    [InlineData(new[] { "run", "-O", "frob", "x.wasm" }, "sharptime: unknown -O option 'frob' (try '-O help' for the list of keys)")]
    [InlineData(new[] { "run", "-D", "frob=y", "x.wasm" }, "sharptime: unknown -D option 'frob' (try '-D help' for the list of keys)")]
    [InlineData(new[] { "-O", "opt-level=3", "x.wasm" }, "sharptime: invalid value '3' for -O opt-level (expected 0, 1, 2 or s)")]
    [InlineData(new[] { "run", "-O", "pooling-total-memories=many", "x.wasm" }, "sharptime: invalid value 'many' for -O pooling-total-memories (expected a number")]
    [InlineData(new[] { "run", "-S", "tcplisten=8080", "x.wasm" }, "sharptime: --tcplisten '8080': expected HOST:PORT")]
    [InlineData(new[] { "--frob" }, "sharptime: unknown option '--frob'")]
    [InlineData(new[] { "wast" }, "sharptime: wast needs at least one .wast file or directory")]
    [InlineData(new[] { "wast", "/no/such/file.wast" }, "sharptime: no such file or directory: /no/such/file.wast")]
    [InlineData(new[] { "wast", "--frob", "x.wast" }, "sharptime: unknown option '--frob' for wast")]
    [InlineData(new[] { "wast", "-W", "nonsense=y", "x.wast" }, "sharptime: unknown feature 'nonsense'")]
    [InlineData(new[] { "wast", "-W", "threads=maybe", "x.wast" }, "sharptime: invalid value 'maybe' for -W threads")]
    [InlineData(new[] { "wast", "--json" }, "sharptime: --json needs a file path")]
    [InlineData(new[] { "help", "frob" }, "sharptime: unknown command 'frob'")]
    public void User_errors_are_one_line_on_stderr_with_exit_code_2(string[] args, string message)
    {
        (int code, string stdout, string stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        string line = Assert.Single(CliRunner.Lines(stderr));
        Assert.StartsWith(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    public void Help_goes_to_stdout_with_exit_code_0(string arg)
    {
        (int code, string stdout, string stderr) = CliRunner.Run(arg);
        Assert.Equal(0, code);
        Assert.StartsWith("Usage: sharptime <command>", stdout, StringComparison.Ordinal);
        Assert.Contains("wast", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Wast_help_describes_the_command()
    {
        (int code, string stdout, _) = CliRunner.Run("wast", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("Usage: sharptime wast", stdout, StringComparison.Ordinal);
        Assert.Equal(stdout, CliRunner.Run("help", "wast").Stdout);
    }

    [Fact]
    public void No_arguments_print_the_usage_on_stderr_with_exit_code_2()
    {
        (int code, string stdout, string stderr) = CliRunner.Run();
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("Usage: sharptime", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Version_prints_the_name_the_version_and_the_commit_of_the_build()
    {
        (int code, string stdout, _) = CliRunner.Run("--version");
        Assert.Equal(0, code);
        // The SDK appends the git commit to the informational version; the artifact stamp records the same string.
        string stamped = typeof(Engine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        string commit = Assert.Single(stamped.Split('+')[1..]);
        Assert.Matches("^[0-9a-f]{40}$", commit);
        Assert.Equal($"sharptime {stamped.Split('+')[0]} (commit {commit})", stdout.TrimEnd());
    }
}
