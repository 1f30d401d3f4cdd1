using Sharptime.Text.Parsing;

namespace Sharptime.Text.Tests.Parsing;

public sealed class NumberLiteralTests
{
    [Theory]
    [InlineData("0", 0UL)]
    [InlineData("4294967295", 0xFFFF_FFFFUL)]
    [InlineData("0xffff_ffff", 0xFFFF_FFFFUL)]
    [InlineData("-1", 0xFFFF_FFFFUL)]
    [InlineData("-0x8000_0000", 0x8000_0000UL)]
    [InlineData("+42", 42UL)]
    [InlineData("1_000_000", 1_000_000UL)]
    public void I32_forms(string text, ulong expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseInt(text, 32, out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4294967296")]
    [InlineData("-2147483649")]
    [InlineData("0x1_0000_0000")]
    public void I32_out_of_range(string text) =>
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseInt(text, 32, out _));

    [Theory]
    [InlineData("18446744073709551615", ulong.MaxValue)]
    [InlineData("-9223372036854775808", 0x8000_0000_0000_0000UL)]
    [InlineData("0x7fff_ffff_ffff_ffff", 0x7FFF_FFFF_FFFF_FFFFUL)]
    public void I64_forms(string text, ulong expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseInt(text, 64, out ulong value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("18446744073709551616")]
    [InlineData("-9223372036854775809")]
    [InlineData("0x1_0000_0000_0000_0000")]
    public void I64_out_of_range(string text) =>
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseInt(text, 64, out _));

    [Theory]
    [InlineData("_1")]
    [InlineData("1_")]
    [InlineData("1__0")]
    [InlineData("0x")]
    [InlineData("0x_1")]
    [InlineData("0_x1")]
    [InlineData("1a")]
    [InlineData("--1")]
    [InlineData("+_1")]
    public void Malformed_integers(string text) =>
        Assert.Equal(LiteralStatus.Malformed, NumberLiteral.ParseInt(text, 32, out _));

    [Fact]
    public void Unsigned_rejects_signs() =>
        Assert.Equal(LiteralStatus.Malformed, NumberLiteral.ParseUnsigned("+1", 32, out _));

    [Theory]
    [InlineData("0x1p-149", 0x0000_0001U)] // smallest subnormal
    [InlineData("0x1p-150", 0x0000_0000U)] // exactly half of it: ties to even (zero)
    [InlineData("0x1.8p-149", 0x0000_0002U)] // 1.5 ulp: ties to even (2)
    [InlineData("0x1.000002p-150", 0x0000_0001U)] // just above half: rounds up
    [InlineData("0x1.fffffep127", 0x7F7F_FFFFU)] // largest finite
    [InlineData("0x1.fffffefffp127", 0x7F7F_FFFFU)] // below the midpoint to infinity
    [InlineData("0x1.000001p0", 0x3F80_0000U)] // halfway between 1 and next: even is 1
    [InlineData("0x1.000003p0", 0x3F80_0002U)] // halfway, odd below: rounds up
    [InlineData("0x1.0000010000000000000001p0", 0x3F80_0001U)] // a far sticky bit breaks the tie upward
    public void Hex_f32_rounding(string text, uint expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF32(text, out uint bits));
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("0x1p-1074", 0x0000_0000_0000_0001UL)]
    [InlineData("0x1p-1075", 0x0000_0000_0000_0000UL)]
    [InlineData("0x1.0000000000001p-1075", 0x0000_0000_0000_0001UL)]
    [InlineData("0x0.fffffffffffff8p-1022", 0x0010_0000_0000_0000UL)] // rounds up into the smallest normal
    [InlineData("0x1.fffffffffffffp1023", 0x7FEF_FFFF_FFFF_FFFFUL)]
    [InlineData("0x1.00000000000008p0", 0x3FF0_0000_0000_0000UL)]
    [InlineData("0x1.00000000000018p0", 0x3FF0_0000_0000_0002UL)]
    [InlineData("-0x1p0", 0xBFF0_0000_0000_0000UL)]
    [InlineData("0x10", 0x4030_0000_0000_0000UL)]
    [InlineData("0x1_0.8p+0_1", 0x4040_8000_0000_0000UL)]
    public void Hex_f64_rounding(string text, ulong expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF64(text, out ulong bits));
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("1e-45", 0x0000_0001U)]
    [InlineData("3.4028235e38", 0x7F7F_FFFFU)]
    [InlineData("1.000000059604644775390625", 0x3F80_0000U)] // exact tie: even
    [InlineData("1.000000059604644775390626", 0x3F80_0001U)]
    [InlineData("-0.0", 0x8000_0000U)]
    [InlineData("1_000.5e0_0", 0x447A_2000U)]
    public void Decimal_f32(string text, uint expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF32(text, out uint bits));
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("inf", 0x7F80_0000U)]
    [InlineData("-inf", 0xFF80_0000U)]
    [InlineData("nan", 0x7FC0_0000U)]
    [InlineData("-nan", 0xFFC0_0000U)]
    [InlineData("nan:0x1", 0x7F80_0001U)]
    [InlineData("+nan:0x7f_ffff", 0x7FFF_FFFFU)]
    public void Special_f32(string text, uint expected)
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF32(text, out uint bits));
        Assert.Equal(expected, bits);
    }

    [Fact]
    public void Nan_payloads_f64()
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF64("-nan:0xf_ffff_ffff_ffff", out ulong bits));
        Assert.Equal(0xFFFF_FFFF_FFFF_FFFFUL, bits);
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseF64("nan:0x10_0000_0000_0000", out _));
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseF64("nan:0x0", out _));
    }

    [Theory]
    [InlineData("nan:0x80_0000")]
    [InlineData("nan:0x0")]
    [InlineData("0x1p128")]
    [InlineData("0x1.ffffffp127")]
    [InlineData("1e39")]
    [InlineData("-3.5e38")]
    public void F32_out_of_range(string text) =>
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseF32(text, out _));

    [Theory]
    [InlineData("1.e")]
    [InlineData(".5")]
    [InlineData("1_.0")]
    [InlineData("1._0")]
    [InlineData("1e_1")]
    [InlineData("0x1p")]
    [InlineData("0x.8p1")]
    [InlineData("0xg")]
    [InlineData("nan:1")]
    [InlineData("nan:arithmetic")]
    [InlineData("infinity")]
    public void Malformed_floats(string text) =>
        Assert.Equal(LiteralStatus.Malformed, NumberLiteral.ParseF32(text, out _));

    [Fact]
    public void Decimal_f64_takes_the_correctly_rounded_value()
    {
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF64("2.2250738585072011e-308", out ulong bits));
        Assert.Equal(0x000F_FFFF_FFFF_FFFFUL, bits);
        Assert.Equal(LiteralStatus.Ok, NumberLiteral.ParseF64("4.9406564584124654e-324", out bits));
        Assert.Equal(1UL, bits);
        Assert.Equal(LiteralStatus.OutOfRange, NumberLiteral.ParseF64("1.8e308", out _));
    }
}
