namespace Sharptime.Compiler.Tests;

public sealed class JitWorkaroundsTests
{
    /// <summary>
    /// A tripwire, not a check of Sharptime: the workarounds in JitWorkarounds are for bugs of
    /// RyuJIT up to <see cref="JitWorkarounds.LastKnownBroken"/>. On a newer runtime this fails so
    /// that someone runs tests/Sharptime.Cli.Tests/JitWorkaroundCases.wat without the workarounds,
    /// removes those that are fixed, and moves LastKnownBroken up.
    /// </summary>
    [Fact]
    public void Runtime_is_not_newer_than_the_last_known_broken_one()
    {
        Version runtime = Environment.Version;
        string issues = string.Join("; ", JitWorkarounds.Issues.Select(i => $"dotnet/runtime#{i.Issue}: {i.What}"));
        Assert.True(runtime <= JitWorkarounds.LastKnownBroken,
            $"The runtime is {runtime}, newer than {JitWorkarounds.LastKnownBroken}, the last one known to miscompile what JitWorkarounds avoids. "
            + $"Check whether these are fixed in {runtime}, remove the workarounds that are, and update JitWorkarounds.LastKnownBroken: {issues}");
    }
}
