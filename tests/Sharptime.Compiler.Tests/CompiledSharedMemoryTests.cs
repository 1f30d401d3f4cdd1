namespace Sharptime.Compiler.Tests;

/// <summary>The shared-memory and atomics tests of Sharptime.Tests (SharedMemoryTests.cs, linked), compiled.</summary>
public sealed class CompiledSharedMemoryTests : Sharptime.Tests.SharedMemoryTests
{
    /// <inheritdoc/>
    protected override Config Configure(Config config) => config.UseCompiler() with { Strategy = Strategy.Compiler };
}
