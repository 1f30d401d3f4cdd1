using System.Text;
using Sharptime.Text;
using Xunit.Abstractions;

namespace Sharptime.SpecTests;

/// <summary>
/// Runs every script of the spec testsuite through the WAST runner and compares the failures with the
/// known-failures table: an unlisted failure fails, a listed case that passes fails (so the list only
/// shrinks), and every script on disk is run.
/// </summary>
public sealed class SpecTests(ITestOutputHelper output)
{
    private const string Missing = "(spec testsuite not found)";

    public static IEnumerable<object[]> Scripts()
    {
        if (SpecTestsuite.Directory is null)
        {
            yield return [Missing];
            yield break;
        }
        foreach (string file in SpecTestsuite.Files) yield return [file];
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script(string file) => Check(file, precompiled: false);

    /// <summary>
    /// The artifact leg: every module is compiled into an artifact and the module loaded from it runs
    /// every assertion; the known failures are the in-memory compiler's.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Precompiled_script(string file) => Check(file, precompiled: true);

    /// <summary>
    /// With fuel counting compiled in (<see cref="Config.ConsumeFuel"/>): every script fails on
    /// exactly the lines it fails on in the default configuration.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_with_fuel(string file) => CheckSameAsDefault(file, "with fuel", SpecTestsuite.FuelResult);

    /// <summary>
    /// With epoch checks compiled in (<see cref="Config.EpochInterruption"/>, which makes the
    /// compiler copy small loops): every script fails on exactly the lines it fails on in the
    /// default configuration.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_with_epochs(string file) => CheckSameAsDefault(file, "with epochs", SpecTestsuite.EpochResult);

    /// <summary>
    /// The interpreter (<see cref="Strategy.Interpreter"/>): every script fails on exactly the lines
    /// it fails on with the compiler.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Interpreted_script(string file) => CheckSameAsDefault(file, "interpreted", SpecTestsuite.InterpretedResult);

    /// <summary>
    /// Tiered (<see cref="Strategy.Tiered"/> with the threshold at 0): modules start interpreted and
    /// switch to compiled code mid-script; every script fails on exactly the compiler's lines.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Tiered_script(string file) => CheckSameAsDefault(file, "tiered", SpecTestsuite.TieredResult);

    /// <summary>
    /// With the pooling allocator and copy-on-write memory images: every script fails on exactly the
    /// lines it fails on with the default (on-demand) allocator.
    /// </summary>
    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_with_the_pooling_allocator(string file) => CheckSameAsDefault(file, "with the pooling allocator", SpecTestsuite.PooledResult);

    private void CheckSameAsDefault(string file, string leg, Func<string, WastResult> run)
    {
        if (file == Missing)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}): nothing was run.");
            return;
        }
        WastResult baseline = SpecTestsuite.Result(file);
        WastResult result = run(file);
        output.WriteLine($"{file}: {result.Totals} (default configuration: {baseline.Totals})");
        int[] expected = [.. baseline.Failures.Select(f => f.Line).Distinct().Order()];
        int[] actual = [.. result.Failures.Select(f => f.Line).Distinct().Order()];
        // A file listed whole (a proposal the engine lacks) may fail on fewer lines in a leg that
        // translates lazily (the interpreter fails only the functions that use it), never on others.
        bool listedWhole = KnownFailures.For(file).Any(k => k.Line == 0);
        bool same = listedWhole ? actual.All(expected.Contains) : expected.SequenceEqual(actual);
        Assert.True(same,
            $"{file} {leg}: {result.Totals}; default: {baseline.Totals}\n"
            + string.Join("\n", result.Failures.Where(f => !expected.Contains(f.Line)).Select(f => $"new failure: {f}")));
    }

    private void Check(string file, bool precompiled)
    {
        if (file == Missing)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}); set "
                + $"{SpecTestsuite.EnvironmentVariable} to its folder to run the spec tests. Nothing was run.");
            return;
        }
        WastResult result = precompiled ? SpecTestsuite.PrecompiledResult(file) : SpecTestsuite.Result(file);
        output.WriteLine($"{file}: {result.Totals}");
        List<KnownFailure> known = [.. KnownFailures.For(file)];
        var problems = new StringBuilder();
        if (known.Exists(k => k.Line == 0))
        {
            if (result.Failed == 0)
            {
                problems.AppendLine($"known failure now passes: remove it from the list: {file} 0 (the whole file)");
            }
        }
        else
        {
            var listed = new HashSet<int>(known.Select(k => k.Line));
            var failedLines = new HashSet<int>();
            foreach (WastFailure failure in result.Failures)
            {
                failedLines.Add(failure.Line);
                if (!listed.Contains(failure.Line)) problems.AppendLine($"unexpected failure: {failure}");
            }
            foreach (KnownFailure entry in known)
            {
                if (!failedLines.Contains(entry.Line))
                {
                    problems.AppendLine($"known failure now passes: remove it from the list: {file} {entry.Line} ({entry.Reason})");
                }
            }
        }
        Assert.True(problems.Length == 0, $"{file}: {result.Totals}\n{problems}");
    }

    [Fact]
    public void Known_failures_name_scripts_of_the_testsuite()
    {
        if (SpecTestsuite.Directory is null)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}): nothing to check.");
            return;
        }
        var files = new HashSet<string>(SpecTestsuite.Files, StringComparer.Ordinal);
        string[] stale = [.. KnownFailures.Entries.Where(e => !files.Contains(e.File)).Select(e => $"{e.File} {e.Line}")];
        Assert.True(stale.Length == 0, "known failures for scripts that do not exist: " + string.Join(", ", stale));
    }

    [Fact]
    public void Every_script_is_run_or_listed()
    {
        if (SpecTestsuite.Directory is null)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}): nothing to check.");
            return;
        }
        // The theory's data is the folder listing itself; check it against an independent recursive listing.
        string[] onDisk = [.. Directory.GetFiles(SpecTestsuite.Directory, "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".wast", StringComparison.OrdinalIgnoreCase))
            .Select(p => Path.GetRelativePath(SpecTestsuite.Directory, p).Replace('\\', '/'))];
        string[] notRun = [.. onDisk.Except(Scripts().Select(row => (string)row[0]), StringComparer.Ordinal)];
        Assert.True(notRun.Length == 0, "scripts that are neither run nor listed: " + string.Join(", ", notRun));
    }
}
