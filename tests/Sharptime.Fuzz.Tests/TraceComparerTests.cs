namespace Sharptime.Fuzz.Tests;

public sealed class TraceComparerTests
{
    [Theory]
    [InlineData("result f32:7fc00000", "result f32:ffc00001")]
    [InlineData("log f64:7ff8000000000000", "log f64:fff0000000000001")]
    [InlineData("log v128:7fc00000_00000001_00000000_00000000", "log v128:ffc00000_00000001_00000000_00000000")]
    [InlineData("log v128:00000000_7ff80000_00000000_00000000", "log v128:00000001_fff80000_00000000_00000000")]
    [InlineData("trap trunc", "trap overflow")]
    [InlineData("trap ?", "trap memory")]
    public void NaNs_and_unnamed_trap_kinds_match(string a, string b) => Assert.True(TraceComparer.LineEquals(a, b));

    [Theory]
    [InlineData("result f32:7fc00000", "result f32:7f800000")]
    [InlineData("result i32:7fc00000", "result i32:ffc00000")]
    [InlineData("result f64:0000000000000000", "result f64:8000000000000000")]
    [InlineData("log v128:00000000_00000001_00000000_00000000", "log v128:00000000_00000002_00000000_00000000")]
    [InlineData("trap memory", "trap table")]
    [InlineData("trap memory", "exception")]
    public void Everything_else_is_bit_exact(string a, string b) => Assert.False(TraceComparer.LineEquals(a, b));

    [Fact]
    public void The_first_difference_names_the_export()
    {
        TraceDifference? d = TraceComparer.Compare("instantiate ok\ncall f\nresult i32:00000001\n", "instantiate ok\ncall f\nresult i32:00000002\n");
        Assert.NotNull(d);
        Assert.Equal((3, "f"), (d.Line, d.Export));
    }
}
