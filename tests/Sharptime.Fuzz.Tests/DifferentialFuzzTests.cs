using Xunit.Abstractions;

namespace Sharptime.Fuzz.Tests;

/// <summary>
/// The CI part of the differential fuzzer (docs/fuzzing.md): a fixed seed, a few hundred modules from
/// binaryen's -ttf and the project's own generator, each run on V8 (Node) and on Sharptime with hardware
/// intrinsics on and off. A divergence whose cause is not in tools/fuzz/known-divergences.txt fails.
/// </summary>
public sealed class DifferentialFuzzTests(ITestOutputHelper output)
{
    /// <summary>The CI campaign's seed and size; tools/fuzz/run-long.sh runs bigger ones.</summary>
    private const ulong Seed = 0x5eed2024;
    private const int Count = 300;

    [Fact]
    public void Seeded_campaign_has_no_unexplained_divergence()
    {
        string? missing = Campaign.MissingTool();
        if (missing is not null)
        {
            output.WriteLine($"Differential fuzzing skipped: {missing}. Nothing was run (.ci/run installs binaryen).");
            return;
        }
        string outDir = Path.Combine(Path.GetTempPath(), $"sharptime-fuzz-ci-{Environment.ProcessId}");
        CampaignReport report = Campaign.Run(new CampaignOptions { Seed = Seed, Count = Count, OutDir = outDir, Log = new OutputWriter(output) });
        output.WriteLine(report.ToString());
        Assert.True(report.ExportCalls > Count, $"the campaign called only {report.ExportCalls} exports: the runners are broken\n{report}");
        Assert.Equal(Count, report.Modules);
        Assert.True(!report.Unexplained.Any(),
            $"unexplained divergences (seed 0x{Seed:x}; reproducers and traces in the case folders; docs/fuzzing.md says how to triage):\n{report}");
        Directory.Delete(outDir, recursive: true);
    }

    private sealed class OutputWriter(ITestOutputHelper output) : StringWriter
    {
        public override void WriteLine(string? value) => output.WriteLine(value ?? "");
    }
}
