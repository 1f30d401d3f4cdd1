namespace Sharptime.Compiler.Tests;

/// <summary>The async host function tests of Sharptime.Tests (AsyncHostFunctionTests.cs, linked), compiled.</summary>
public sealed class CompiledAsyncHostFunctionTests : Sharptime.Tests.AsyncHostFunctionTests
{
    /// <inheritdoc/>
    protected override Config Configure(Config config) => config.UseCompiler() with { Strategy = Strategy.Compiler };
}
