using System.Text;
using Xunit.Abstractions;

namespace Sharptime.Cli.Tests;

/// <summary>
/// The WASI preview 1 testsuite (WebAssembly/wasi-testsuite: AssemblyScript, C and Rust programs) through
/// the built <c>sharptime run</c>, one process per test, checked as the testsuite's specification says:
/// the exit status, and stdout/stderr beginning with the expected text when the test names one. Compared
/// with wasi-known-failures.txt: an unlisted failure fails, a listed test that passes fails.
/// </summary>
public sealed class WasiTestsuiteTests(ITestOutputHelper output)
{
    private const string Missing = "(wasi testsuite not found)";

    public static IEnumerable<object[]> Tests()
    {
        if (WasiTestsuite.Directory is null)
        {
            yield return [Missing];
            yield break;
        }
        foreach (WasiTest test in WasiTestsuite.Tests) yield return [test.Name];
    }

    [Theory]
    [MemberData(nameof(Tests))]
    public async Task Test(string name)
    {
        if (name == Missing)
        {
            output.WriteLine($"The WASI testsuite is absent (looked in {WasiTestsuite.SearchedLocation}); set "
                + $"{WasiTestsuite.EnvironmentVariable} to its folder to run it. Nothing was run.");
            return;
        }
        WasiTest test = WasiTestsuite.Tests.Single(t => t.Name == name);
        ProcessResult result = await WasiTestsuite.Result(test);
        string? failure = Check(test, result);
        output.WriteLine($"{WasiTestsuite.Describe(test)}\nexit {result.ExitCode} after {result.Elapsed.TotalSeconds:0.00} s");
        bool listed = WasiKnownFailures.Entries.TryGetValue(name, out string? reason);
        if (failure is null)
        {
            Assert.False(listed, $"known failure now passes: remove it from {WasiKnownFailures.FileName}: {name} ({reason})");
            return;
        }
        var message = new StringBuilder()
            .AppendLine($"{name}: {failure}")
            .AppendLine($"command: {WasiTestsuite.Describe(test)}")
            .AppendLine($"stdout: {Excerpt(result.Stdout)}")
            .AppendLine($"stderr: {Excerpt(result.Stderr)}");
        RecordFailure(name, failure, result);
        if (listed)
        {
            output.WriteLine($"known failure ({reason}):\n{message}");
            return;
        }
        Assert.Fail($"unexpected failure (not in {WasiKnownFailures.FileName}):\n{message}");
    }

    [Fact]
    public void Known_failures_name_tests_of_the_testsuite()
    {
        if (WasiTestsuite.Directory is null)
        {
            output.WriteLine($"The WASI testsuite is absent (looked in {WasiTestsuite.SearchedLocation}): nothing to check.");
            return;
        }
        var names = new HashSet<string>(WasiTestsuite.Tests.Select(t => t.Name), StringComparer.Ordinal);
        string[] stale = [.. WasiKnownFailures.Entries.Keys.Where(k => !names.Contains(k))];
        Assert.True(stale.Length == 0, $"{WasiKnownFailures.FileName} lists tests that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_preview1_module_of_the_testsuite_is_a_test()
    {
        if (WasiTestsuite.Directory is null)
        {
            output.WriteLine($"The WASI testsuite is absent (looked in {WasiTestsuite.SearchedLocation}): nothing to check.");
            return;
        }
        // Independent of the theory's data: every wasm32-wasip1 module below tests/ of any language.
        string[] onDisk = [.. Directory.GetFiles(Path.Combine(WasiTestsuite.Directory, "tests"), "*.wasm", SearchOption.AllDirectories)
            .Where(p => Path.GetFileName(Path.GetDirectoryName(p)) == "wasm32-wasip1")];
        string[] run = [.. WasiTestsuite.Tests.Select(t => t.Wasm)];
        Assert.Empty(onDisk.Except(run, StringComparer.Ordinal));
        Assert.NotEmpty(run);
    }

    /// <summary>Null when the test passed, else what differed. Output is compared as upstream does: a prefix of the expected length.</summary>
    internal static string? Check(WasiTest test, ProcessResult result)
    {
        if (result.TimedOut) return $"still running after {WasiTestsuite.Timeout.TotalSeconds} s (killed)";
        if (result.ExitCode != test.ExitCode) return $"exit status {result.ExitCode}, expected {test.ExitCode}";
        if (test.Stdout is string stdout && !result.Stdout.StartsWith(stdout, StringComparison.Ordinal))
        {
            return $"stdout does not start with {System.Text.Json.JsonSerializer.Serialize(stdout)}";
        }
        if (test.Stderr is string stderr && !result.Stderr.StartsWith(stderr, StringComparison.Ordinal))
        {
            return $"stderr does not start with {System.Text.Json.JsonSerializer.Serialize(stderr)}";
        }
        return null;
    }

    /// <summary>
    /// With SHARPTIME_WASI_FAILURES_OUT=PATH, appends "name reason" for every failure to PATH: a draft of
    /// wasi-known-failures.txt after a change (review the reasons before committing it).
    /// </summary>
    private static void RecordFailure(string name, string failure, ProcessResult result)
    {
        string? path = Environment.GetEnvironmentVariable("SHARPTIME_WASI_FAILURES_OUT");
        if (string.IsNullOrEmpty(path)) return;
        string firstError = result.Stderr.Split('\n', 2)[0].Trim();
        const string UnknownImport = "unknown import: wasi_snapshot_preview1::";
        int unknown = firstError.IndexOf(UnknownImport, StringComparison.Ordinal);
        string reason = unknown >= 0
            ? $"WASI function {firstError[(unknown + UnknownImport.Length)..].Split(' ')[0]} is not implemented yet (unknown import)"
            : firstError.Length > 0 ? $"{failure}: {(firstError.Length > 160 ? firstError[..160] + "..." : firstError)}" : failure;
        lock (FailuresLock) File.AppendAllText(path, $"{name} {reason}\n");
    }

    private static readonly Lock FailuresLock = new();

    private static string Excerpt(string text)
    {
        const int Limit = 2000;
        string t = text.Length > Limit ? text[..Limit] + $"... ({text.Length} characters)" : text;
        return t.Length == 0 ? "(empty)" : "\n" + t;
    }
}
