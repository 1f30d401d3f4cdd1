namespace Sharptime.Tests;

/// <summary>The shared-memory and atomics tests (<see cref="SharedMemoryTests"/>) on the interpreter.</summary>
public sealed class InterpretedSharedMemoryTests : SharedMemoryTests
{
    /// <inheritdoc/>
    protected override Config Configure(Config config) => config with { Strategy = Strategy.Interpreter };
}
