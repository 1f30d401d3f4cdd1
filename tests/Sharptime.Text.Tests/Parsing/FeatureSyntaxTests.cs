namespace Sharptime.Text.Tests.Parsing;

public sealed class FeatureSyntaxTests
{
    private const string HugeMemory = "(module (memory 0x1_0000_0000))";

    [Fact]
    public void Limits_beyond_u32_parse_when_memory64_is_enabled()
    {
        // Validation, not the parser, rejects the size of a 32-bit memory.
        Assert.NotEmpty(Wat.Parse(HugeMemory, "m.wat", WasmFeatures.Wasm3));
    }

    [Fact]
    public void Limits_are_u32_literals_without_memory64()
    {
        var error = Assert.Throws<WatException>(() => Wat.Parse(HugeMemory, "m.wat", WasmFeatures.Wasm2 | WasmFeatures.Threads));
        Assert.StartsWith("i32 constant out of range", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }
}
