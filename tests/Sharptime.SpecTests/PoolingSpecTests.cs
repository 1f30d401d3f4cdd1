using Sharptime.Text;
using Xunit.Abstractions;

namespace Sharptime.SpecTests;

/// <summary>
/// The spec testsuite again with the pooling allocator and copy-on-write memory images
/// (<see cref="InstanceAllocationStrategy.Pooling"/>): every script must fail on exactly the lines it
/// fails on in the default (on-demand) configuration, so the allocator changes no result.
/// </summary>
public sealed class PoolingSpecTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Scripts() => SpecTests.Scripts();

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_with_the_pooling_allocator(string file)
    {
        if (SpecTestsuite.Directory is null)
        {
            output.WriteLine($"The spec testsuite is absent (looked in {SpecTestsuite.SearchedLocation}): nothing was run.");
            return;
        }
        WastResult baseline = SpecTestsuite.Result(file);
        WastResult result = SpecTestsuite.PooledResult(file);
        output.WriteLine($"{file}: {result.Totals} (on-demand: {baseline.Totals})");
        int[] expected = [.. baseline.Failures.Select(f => f.Line).Distinct().Order()];
        int[] actual = [.. result.Failures.Select(f => f.Line).Distinct().Order()];
        Assert.True(expected.SequenceEqual(actual),
            $"{file}: pooling: {result.Totals}; on-demand: {baseline.Totals}\n"
            + string.Join("\n", result.Failures.Where(f => !expected.Contains(f.Line)).Select(f => $"new failure: {f}")));
    }
}
