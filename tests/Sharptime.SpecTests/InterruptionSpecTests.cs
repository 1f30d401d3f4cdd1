using Sharptime.Text;
using Xunit.Abstractions;

namespace Sharptime.SpecTests;

/// <summary>
/// The spec testsuite again with fuel and epoch checks compiled in (<see cref="Config.ConsumeFuel"/> and
/// <see cref="Config.EpochInterruption"/> together, in one leg to keep CI time down): every script must
/// fail on exactly the lines it fails on in the default configuration, so the checks change no result.
/// </summary>
public sealed class InterruptionSpecTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Scripts() => SpecTests.Scripts();

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_with_fuel_and_epochs(string file)
    {
        if (SpecTestsuite.Directory is null)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}): nothing was run.");
            return;
        }
        WastResult baseline = SpecTestsuite.Result(file);
        WastResult result = SpecTestsuite.InterruptibleResult(file);
        output.WriteLine($"{file}: {result.Totals} (default configuration: {baseline.Totals})");
        int[] expected = [.. baseline.Failures.Select(f => f.Line).Distinct().Order()];
        int[] actual = [.. result.Failures.Select(f => f.Line).Distinct().Order()];
        Assert.True(expected.SequenceEqual(actual),
            $"{file}: with fuel and epochs: {result.Totals}; default: {baseline.Totals}\n"
            + string.Join("\n", result.Failures.Where(f => !expected.Contains(f.Line)).Select(f => $"new failure: {f}")));
    }
}
