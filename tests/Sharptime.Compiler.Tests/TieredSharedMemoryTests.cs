namespace Sharptime.Compiler.Tests;

/// <summary>
/// The shared-memory and atomics tests of Sharptime.Tests (SharedMemoryTests.cs, linked), tiered with a low
/// threshold: threads switch from interpreted to compiled code while they share the memory.
/// </summary>
public sealed class TieredSharedMemoryTests : Sharptime.Tests.SharedMemoryTests
{
    /// <inheritdoc/>
    protected override Config Configure(Config config) => config.UseCompiler() with { Strategy = Strategy.Tiered, TierUpThreshold = 10 };
}
