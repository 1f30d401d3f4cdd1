using System.Runtime.CompilerServices;

namespace Sharptime.Cli.Tests;

/// <summary>The compile cache of every run in these tests (in-process and child processes) lives with the test run, not in the user's cache.</summary>
internal static class TestCache
{
    [ModuleInitializer]
    internal static void UseTestRunCache() => Environment.SetEnvironmentVariable("XDG_CACHE_HOME", CliProcess.CacheHome);
}
