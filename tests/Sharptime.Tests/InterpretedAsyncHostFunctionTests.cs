namespace Sharptime.Tests;

/// <summary>The async host function tests (<see cref="AsyncHostFunctionTests"/>) on the interpreter.</summary>
public sealed class InterpretedAsyncHostFunctionTests : AsyncHostFunctionTests
{
    /// <inheritdoc/>
    protected override Config Configure(Config config) => config with { Strategy = Strategy.Interpreter };
}
