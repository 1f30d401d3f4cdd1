using Sharptime.Text.Parsing;
using Sharptime.Text.Scripts;

namespace Sharptime.Text.Tests.Scripts;

public sealed class WastValueParserTests
{
    private static Token Number(string text) => Lexer.Tokenize(text, "t")[0];

    [Theory]
    [InlineData("0", 32, 0UL)]
    [InlineData("-1", 32, 0xffff_ffffUL)]
    [InlineData("4294967295", 32, 0xffff_ffffUL)]
    [InlineData("-2147483648", 32, 0x8000_0000UL)]
    [InlineData("0x7fff_ffff", 32, 0x7fff_ffffUL)]
    [InlineData("+0x10", 32, 16UL)]
    [InlineData("1_000_000", 32, 1_000_000UL)]
    [InlineData("-0x8000000000000000", 64, 0x8000_0000_0000_0000UL)]
    [InlineData("18446744073709551615", 64, ulong.MaxValue)]
    [InlineData("-128", 8, 0x80UL)]
    [InlineData("255", 8, 0xffUL)]
    [InlineData("-32768", 16, 0x8000UL)]
    public void Integers_accept_signed_and_unsigned_forms(string text, int bits, ulong expected) =>
        Assert.Equal(expected, WastValueParser.ParseInt(Number(text), bits, "t"));

    [Theory]
    [InlineData("4294967296", 32)]
    [InlineData("-2147483649", 32)]
    [InlineData("0x1_0000_0000", 32)]
    [InlineData("18446744073709551616", 64)]
    [InlineData("-9223372036854775809", 64)]
    [InlineData("256", 8)]
    [InlineData("-129", 8)]
    public void Integers_out_of_range_are_rejected(string text, int bits)
    {
        var error = Assert.Throws<WatException>(() => WastValueParser.ParseInt(Number(text), bits, "t"));
        Assert.StartsWith("constant out of range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1__0")]
    [InlineData("1_")]
    [InlineData("0x")]
    [InlineData("0x_1")]
    [InlineData("1.0")]
    [InlineData("nan")]
    public void Malformed_integers_are_unknown_operators(string text)
    {
        var error = Assert.Throws<WatException>(() => WastValueParser.ParseInt(Number(text), 32, "t"));
        Assert.StartsWith("unknown operator", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", 0x0000_0000u)]
    [InlineData("-0", 0x8000_0000u)]
    [InlineData("1", 0x3f80_0000u)]
    [InlineData("0.1", 0x3dcc_cccdu)]
    [InlineData("1e10", 0x5015_02f9u)]
    [InlineData("1.e1", 0x4120_0000u)]
    [InlineData("1_0.5_0", 0x4128_0000u)]
    [InlineData("inf", 0x7f80_0000u)]
    [InlineData("-inf", 0xff80_0000u)]
    [InlineData("nan", 0x7fc0_0000u)]
    [InlineData("-nan", 0xffc0_0000u)]
    [InlineData("nan:0x1", 0x7f80_0001u)]
    [InlineData("-nan:0x7f_ffff", 0xffff_ffffu)]
    [InlineData("0x1p0", 0x3f80_0000u)]
    [InlineData("0x1.8p1", 0x4040_0000u)]
    [InlineData("0x1.fffffep127", 0x7f7f_ffffu)]
    [InlineData("0x1p-126", 0x0080_0000u)]
    [InlineData("0x1p-149", 0x0000_0001u)]
    [InlineData("0x1p-150", 0x0000_0000u)]
    [InlineData("0x1.8p-150", 0x0000_0002u - 1)]
    [InlineData("0x1.000001p0", 0x3f80_0000u)]
    [InlineData("0x1.000003p0", 0x3f80_0002u)]
    [InlineData("0x1.0000010000000000000000000001p0", 0x3f80_0001u)]
    [InlineData("0x1.fffffefffffffffffp127", 0x7f7f_ffffu)]
    [InlineData("0x0.00000100000000000p-126", 0x0000_0000u)]
    [InlineData("3.4028235e38", 0x7f7f_ffffu)]
    [InlineData("1.4e-45", 0x0000_0001u)]
    public void F32_literals_round_to_nearest_even(string text, uint expected) =>
        Assert.Equal(expected, WastValueParser.ParseF32(Number(text), "t"));

    [Theory]
    [InlineData("1", 0x3ff0_0000_0000_0000UL)]
    [InlineData("0.1", 0x3fb9_9999_9999_999aUL)]
    [InlineData("0x1.fffffffffffffp1023", 0x7fef_ffff_ffff_ffffUL)]
    [InlineData("0x1p-1074", 0x0000_0000_0000_0001UL)]
    [InlineData("0x1p-1075", 0UL)]
    [InlineData("0x1.0000000000000_8p0", 0x3ff0_0000_0000_0000UL)]
    [InlineData("0x1.0000000000001_8p0", 0x3ff0_0000_0000_0002UL)]
    [InlineData("0x1234_5678_9abc_def0_1234p0", 0x44b2_3456_789a_bcdfUL)]
    [InlineData("nan:0xf_ffff_ffff_ffff", 0x7fff_ffff_ffff_ffffUL)]
    [InlineData("-0x0p0", 0x8000_0000_0000_0000UL)]
    [InlineData("1.7976931348623157e308", 0x7fef_ffff_ffff_ffffUL)]
    public void F64_literals_round_to_nearest_even(string text, ulong expected) =>
        Assert.Equal(expected, WastValueParser.ParseF64(Number(text), "t"));

    [Theory]
    [InlineData("0x1p128")]
    [InlineData("0x1.ffffffp127")]
    [InlineData("1e39")]
    [InlineData("nan:0x80_0000")]
    [InlineData("nan:0x0")]
    public void F32_literals_out_of_range_are_rejected(string text)
    {
        var error = Assert.Throws<WatException>(() => WastValueParser.ParseF32(Number(text), "t"));
        Assert.StartsWith("constant out of range", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1e")]
    [InlineData("0x1p")]
    [InlineData("1.0.0")]
    [InlineData("nan:canonical")]
    [InlineData("infinity")]
    [InlineData("0x1.g")]
    [InlineData("0x.8")]
    public void Malformed_floats_are_unknown_operators(string text)
    {
        var error = Assert.Throws<WatException>(() => WastValueParser.ParseF64(Number(text), "t"));
        Assert.StartsWith("unknown operator", error.Message, StringComparison.Ordinal);
    }
}
