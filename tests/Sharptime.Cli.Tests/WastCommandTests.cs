using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sharptime.Cli.Tests;

public sealed partial class WastCommandTests
{
    [GeneratedRegex(@"^(\d+) passed, (\d+) failed, (\d+) skipped$")]
    private static partial Regex TotalsLine();

    private const string Skips = "(assert_return (invoke \"f\") (i32.const 1))\n(invoke \"g\")\n";
    private const string PassingMalformed = "(assert_malformed (module quote \"\\\"\") \"unclosed string\")\n";
    private const string FailingMalformed = "(assert_malformed (module quote \"\\\"\") \"not this message\")\n";

    [Fact]
    public void Hello_example_prints_a_file_line_and_the_totals_last()
    {
        (int code, string stdout, string stderr) = CliRunner.Run("wast", CliRunner.HelloWast);
        string[] lines = CliRunner.Lines(stdout);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith(CliRunner.HelloWast + ": ", lines[0], StringComparison.Ordinal);
        Assert.Matches(TotalsLine(), lines[^1]);
        // Three modules, two assert_malformed and two assert_invalid pass; the rest needs execution or linking.
        Assert.Equal("7 passed, 0 failed, 9 skipped", lines[^1]);
        Assert.Equal(CliRunner.HelloWast + ": 7 passed, 0 failed, 9 skipped", lines[0]);
        Assert.Equal(0, code);
        Assert.Equal("", stderr);
    }

    [Fact]
    public void Exit_code_is_0_when_nothing_failed_and_1_otherwise()
    {
        using var dir = new TempDirectory();
        string good = dir.Write("good.wast", Skips + PassingMalformed);
        string bad = dir.Write("bad.wast", FailingMalformed);
        (int goodCode, string goodOut, _) = CliRunner.Run("wast", good);
        Assert.Equal(0, goodCode);
        Assert.Equal("1 passed, 0 failed, 2 skipped", CliRunner.Lines(goodOut)[^1]);
        (int badCode, string badOut, _) = CliRunner.Run("wast", good, bad);
        Assert.Equal(1, badCode);
        Assert.Equal("1 passed, 1 failed, 2 skipped", CliRunner.Lines(badOut)[^1]);
    }

    [Fact]
    public void Directories_are_searched_recursively_and_named_relative_to_the_directory()
    {
        using var dir = new TempDirectory();
        dir.Write("b.wast", Skips);
        dir.Write("sub/a.wast", PassingMalformed);
        dir.Write("sub/notes.txt", "not a script");
        (int code, string stdout, _) = CliRunner.Run("wast", dir.Path);
        Assert.Equal(0, code);
        Assert.Equal(
            ["b.wast: 0 passed, 0 failed, 2 skipped", "sub/a.wast: 1 passed, 0 failed, 0 skipped", "1 passed, 0 failed, 2 skipped"],
            CliRunner.Lines(stdout));
    }

    [Fact]
    public void Verbose_prints_each_failure_with_file_line_expected_and_actual()
    {
        using var dir = new TempDirectory();
        dir.Write("f.wast", "\n" + FailingMalformed);
        (_, string stdout, _) = CliRunner.Run("wast", "--verbose", dir.Path);
        string failure = Assert.Single(CliRunner.Lines(stdout), l => l.StartsWith("f.wast:2:", StringComparison.Ordinal));
        Assert.Contains("assert_malformed", failure, StringComparison.Ordinal);
        Assert.Contains("not this message", failure, StringComparison.Ordinal);
        Assert.Contains("unclosed string", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_report_has_totals_files_and_kinds()
    {
        using var dir = new TempDirectory();
        dir.Write("s/one.wast", Skips + PassingMalformed + FailingMalformed);
        string json = System.IO.Path.Combine(dir.Path, "report.json");
        (int code, _, _) = CliRunner.Run("wast", "--json", json, System.IO.Path.Combine(dir.Path, "s"));
        Assert.Equal(1, code);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement root = doc.RootElement;
        Assert.Equal((1, 1, 2), (root.GetProperty("passed").GetInt32(), root.GetProperty("failed").GetInt32(), root.GetProperty("skipped").GetInt32()));
        JsonElement file = Assert.Single(root.GetProperty("files").EnumerateArray());
        Assert.Equal("one.wast", file.GetProperty("file").GetString());
        Assert.Equal((1, 1, 2), (file.GetProperty("passed").GetInt32(), file.GetProperty("failed").GetInt32(), file.GetProperty("skipped").GetInt32()));
        JsonElement kinds = file.GetProperty("kinds");
        Assert.Equal(["assert_malformed", "assert_return", "invoke"], kinds.EnumerateObject().Select(p => p.Name));
        JsonElement malformed = kinds.GetProperty("assert_malformed");
        Assert.Equal((1, 1, 0), (malformed.GetProperty("passed").GetInt32(), malformed.GetProperty("failed").GetInt32(), malformed.GetProperty("skipped").GetInt32()));
        Assert.Equal(1, kinds.GetProperty("invoke").GetProperty("skipped").GetInt32());
        JsonElement failure = Assert.Single(file.GetProperty("failures").EnumerateArray());
        Assert.Equal(4, failure.GetProperty("line").GetInt32());
    }

    [Fact]
    public void Features_follow_the_testsuite_folder_and_W_overrides_them()
    {
        using var dir = new TempDirectory();
        const string LegacyTry = "(module (func try nop catch_all end))";
        dir.Write("legacy/try.wast", LegacyTry);
        dir.Write("core.wast", LegacyTry);
        (_, string stdout, _) = CliRunner.Run("wast", dir.Path);
        Assert.Equal(["core.wast: 0 passed, 1 failed, 0 skipped", "legacy/try.wast: 1 passed, 0 failed, 0 skipped", "1 passed, 1 failed, 0 skipped"],
            CliRunner.Lines(stdout));
        Assert.Equal("0 passed, 2 failed, 0 skipped", CliRunner.Lines(CliRunner.Run("wast", "-W", "legacy-exceptions=n", dir.Path).Stdout)[^1]);
        Assert.Equal("2 passed, 0 failed, 0 skipped", CliRunner.Lines(CliRunner.Run("wast", "-Wlegacy-exceptions", dir.Path).Stdout)[^1]);

        string shared = dir.Write("shared.wast", "(module (memory 1 1 shared))");
        Assert.Equal(1, CliRunner.Run("wast", shared).ExitCode);
        Assert.Equal(0, CliRunner.Run("wast", "-W", "threads=y", shared).ExitCode);
        Assert.Equal(0, CliRunner.Run("wast", "-W", "all=y", shared).ExitCode);
        Assert.Equal(1, CliRunner.Run("wast", "-W", "all=y,threads=n", shared).ExitCode);
    }

    [Fact]
    public void Feature_flags_are_accepted_in_both_spellings()
    {
        using var dir = new TempDirectory();
        string script = dir.Write("s.wast", Skips);
        Assert.Equal(0, CliRunner.Run("wast", "-W", "threads=y,gc=n", "-Wall=y", script).ExitCode);
    }
}
