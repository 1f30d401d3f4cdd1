namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime objdump</c> (and <c>inspect</c>): what an artifact made by <c>compile</c> holds.</summary>
public sealed class ObjdumpCommandTests
{
    /// <summary>One import, then three defined functions: named and exported, exported only, named only.</summary>
    private const string Module = """
        (module
          (import "env" "log" (func $log (param i32)))
          (func $fib (export "fib") (param $n i32) (result i64)
            (local $a i64) (local $b i64)
            (local.set $b (i64.const 1))
            (block $done
              (loop $next
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $b (i64.add (local.get $a) (local.get $b)))
                (local.set $a (i64.sub (local.get $b) (local.get $a)))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $next)))
            (local.get $a))
          (func (export "twice") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
          (func $logged (param i32) (result i32) (call $log (local.get 0)) (local.get 0)))
        """;

    private static string Compile(TempDirectory dir, params string[] options)
    {
        string wat = dir.Write("m.wat", Module);
        string artifact = Path.Combine(dir.Path, "m.cwasm");
        (int code, _, string stderr) = CliRunner.Run(["compile", .. options, wat, "-o", artifact]);
        Assert.True(code == 0, stderr);
        return artifact;
    }

    /// <summary>The function table's rows: index, Wasm size, IL size, native size, name.</summary>
    private static List<string[]> Rows(string output)
    {
        string[] lines = CliRunner.Lines(output);
        int header = Array.FindIndex(lines, l => l.StartsWith("index", StringComparison.Ordinal));
        Assert.True(header >= 0, output);
        return [.. lines.Skip(header + 1).TakeWhile(l => char.IsAsciiDigit(l[0])).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
    }

    [Fact]
    public void It_lists_the_functions_of_an_artifact_with_their_names_and_sizes()
    {
        using var dir = new TempDirectory();
        string artifact = Compile(dir, "--target", "portable");
        (int code, string stdout, string stderr) = CliRunner.Run("objdump", artifact);
        Assert.True(code == 0, stderr);
        Assert.Contains("3 functions defined, 1 imported, 2 exports", stdout, StringComparison.Ordinal);
        Assert.Contains("portable: IL only", stdout, StringComparison.Ordinal);
        Assert.Contains("yes, with this sharptime's default settings", stdout, StringComparison.Ordinal);
        List<string[]> rows = Rows(stdout);
        Assert.Equal(["1", "2", "3"], rows.Select(r => r[0]));
        Assert.Equal(["fib", "twice", "logged"], rows.Select(r => r[4]));
        // fib's body is the largest; every function has IL and, being IL only, no native code.
        Assert.True(int.Parse(rows[0][1], System.Globalization.CultureInfo.InvariantCulture) > int.Parse(rows[1][1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(rows, r => Assert.True(int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture) > 0));
        Assert.All(rows, r => Assert.Equal("-", r[3]));
        Assert.Equal(stdout, CliRunner.Run("inspect", artifact).Stdout);
    }

    [Fact]
    public void A_native_artifact_shows_the_size_of_each_functions_native_code()
    {
        using var dir = new TempDirectory();
        string artifact;
        try
        {
            ReadyToRun.FindCrossgen();
            artifact = Compile(dir, "--target", "linux-x64");
        }
        catch (RunFailedException)
        {
            return; // No crossgen2 here: the portable tests still run.
        }
        (int code, string stdout, string stderr) = CliRunner.Run("objdump", artifact);
        Assert.True(code == 0, stderr);
        Assert.Contains("linux-x64: ReadyToRun native code", stdout, StringComparison.Ordinal);
        List<string[]> rows = Rows(stdout);
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.InRange(int.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture), 1, 100_000));
    }

    [Fact]
    public void Il_of_a_selected_function_is_printed_as_opcodes()
    {
        using var dir = new TempDirectory();
        string artifact = Compile(dir, "--target", "portable");
        (int code, string stdout, string stderr) = CliRunner.Run("objdump", "--il", "--function", "twice", artifact);
        Assert.True(code == 0, stderr);
        List<string[]> rows = Rows(stdout);
        Assert.Equal("twice", Assert.Single(rows)[4]);
        string[] il = [.. CliRunner.Lines(stdout).Where(l => l.StartsWith("IL_", StringComparison.Ordinal))];
        Assert.Contains(il, l => l.EndsWith(": mul", StringComparison.Ordinal));
        Assert.Contains(il, l => l.EndsWith(": ldc.i4.2", StringComparison.Ordinal));
        Assert.EndsWith(": ret", il[^1], StringComparison.Ordinal);

        // By index, and the imported function's call shows as a call to a named method.
        (_, string logged, _) = CliRunner.Run("objdump", "--il", "--function=3", artifact);
        Assert.Equal("logged", Assert.Single(Rows(logged))[4]);
        Assert.Contains(CliRunner.Lines(logged), l => l.Contains(": call ", StringComparison.Ordinal) && l.Contains("::", StringComparison.Ordinal));
    }

    [Fact]
    public void An_artifact_made_with_other_settings_says_which_one_differs()
    {
        using var dir = new TempDirectory();
        string artifact = Compile(dir, "--target", "portable", "-W", "threads");
        (int code, string stdout, _) = CliRunner.Run("objdump", artifact);
        Assert.Equal(0, code);
        Assert.Contains("not with the default settings: incompatible artifact", stdout, StringComparison.Ordinal);
        Assert.Contains("setting \"features\"", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text", "is not a Sharptime artifact: it is not a .NET assembly")]
    [InlineData("assembly", "is not a Sharptime artifact: it has no Sharptime payload")]
    [InlineData("truncated", "is not a Sharptime artifact")]
    [InlineData("damaged", "is a damaged Sharptime artifact")]
    public void A_file_that_is_not_a_sound_artifact_is_one_line_error(string kind, string message)
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "bad.cwasm");
        byte[] artifact = File.ReadAllBytes(Compile(dir, "--target", "portable"));
        switch (kind)
        {
            case "text":
                File.WriteAllText(path, Module);
                break;
            case "assembly":
                File.Copy(typeof(CliApp).Assembly.Location, path);
                break;
            case "truncated":
                File.WriteAllBytes(path, artifact[..(artifact.Length / 3)]);
                break;
            default:
                // The metadata's stream headers, after its signature, are overwritten; the payload stays sound.
                int metadata = artifact.AsSpan().IndexOf("BSJB"u8);
                for (int i = metadata + 12; i < metadata + 80; i++) artifact[i] ^= 0x5a;
                File.WriteAllBytes(path, artifact);
                break;
        }
        (int code, string stdout, string stderr) = CliRunner.Run("objdump", "--il", path);
        Assert.Equal(1, code);
        string line = Assert.Single(CliRunner.Lines(stderr));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(message, line, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", line, StringComparison.Ordinal);
        Assert.Equal("", stdout);
    }

    [Theory]
    [InlineData(new[] { "objdump" }, "sharptime: objdump needs an artifact (.cwasm)")]
    [InlineData(new[] { "objdump", "/no/such.cwasm" }, "sharptime: /no/such.cwasm: no such file")]
    [InlineData(new[] { "objdump", "--function" }, "sharptime: --function needs a function name or index")]
    [InlineData(new[] { "inspect", "--frob", "x.cwasm" }, "sharptime: unknown option '--frob' for objdump")]
    public void Wrong_command_lines_are_one_line_errors(string[] args, string message) => CommandLineErrors.AssertRefused(args, message);

    [Fact]
    public void A_function_the_artifact_does_not_define_is_a_usage_error()
    {
        using var dir = new TempDirectory();
        string artifact = Compile(dir, "--target", "portable");
        (int code, _, string stderr) = CliRunner.Run("objdump", "--function", "nope", artifact);
        Assert.Equal(2, code);
        Assert.Contains("defines no function of that name or index (functions 1 to 3)", stderr, StringComparison.Ordinal);
        (code, _, stderr) = CliRunner.Run("objdump", "--function", "0", artifact);
        Assert.Equal(2, code);
        Assert.Contains("is imported", stderr, StringComparison.Ordinal);
    }
}
