using System.Globalization;
using System.Numerics;
using System.Text;

namespace Sharptime.Cli;

/// <summary>
/// Arguments and results of <c>--invoke</c>: parses command-line text per parameter type and prints
/// results one per line the way Wasmtime does (Rust's <c>Display</c> for numbers).
/// </summary>
internal static class InvokeValues
{
    /// <summary>Parses <paramref name="text"/> as a value of <paramref name="type"/>.</summary>
    /// <exception cref="FormatException">The text is not a value of that type; the message says why.</exception>
    public static Value Parse(string text, ValType type) => type.Kind switch
    {
        ValKind.I32 => Value.I32((int)ParseInteger(text, 32)),
        ValKind.I64 => Value.I64((long)ParseInteger(text, 64)),
        ValKind.F32 => Value.F32Bits(ParseF32(text)),
        ValKind.F64 => Value.F64Bits(ParseF64(text)),
        _ => throw new FormatException($"parameters of type {type} cannot be given on the command line"),
    };

    /// <summary>The text Wasmtime prints for a result.</summary>
    public static string Format(Value value) => value.Type.Kind switch
    {
        ValKind.I32 => value.AsI32().ToString(CultureInfo.InvariantCulture),
        ValKind.I64 => value.AsI64().ToString(CultureInfo.InvariantCulture),
        ValKind.F32 => FormatFloat(value.AsF32Bits() >> 31 != 0, float.IsNaN(value.AsF32()), float.IsInfinity(value.AsF32()), value.AsF32().ToString("R", CultureInfo.InvariantCulture)),
        ValKind.F64 => FormatFloat(value.AsF64Bits() >> 63 != 0, double.IsNaN(value.AsF64()), double.IsInfinity(value.AsF64()), value.AsF64().ToString("R", CultureInfo.InvariantCulture)),
        ValKind.V128 => ((UInt128)value.AsV128().High << 64 | value.AsV128().Low).ToString(CultureInfo.InvariantCulture),
        _ => FormatReference(value),
    };

    private static string FormatReference(Value value)
    {
        string kind = value.Type.IsFuncRef ? "funcref" : value.Type.ToString().Contains("extern", StringComparison.Ordinal) ? "externref" : "anyref";
        return value.IsNull ? $"<null {kind}>" : $"<{kind}>";
    }

    /// <summary>
    /// Rust's <c>Display</c> for floats: the shortest digits that round-trip, never in exponent form
    /// (1e20 prints as 100000000000000000000), "NaN" without a sign, "inf" and "-inf".
    /// </summary>
    private static string FormatFloat(bool negative, bool nan, bool infinity, string roundTrip)
    {
        if (nan) return "NaN";
        if (infinity) return negative ? "-inf" : "inf";
        int e = roundTrip.IndexOfAny(['E', 'e']);
        if (e < 0) return roundTrip;
        int exponent = int.Parse(roundTrip.AsSpan(e + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        string mantissa = roundTrip[..e];
        bool minus = mantissa.StartsWith('-');
        if (minus) mantissa = mantissa[1..];
        int dot = mantissa.IndexOf('.', StringComparison.Ordinal);
        string digits = dot < 0 ? mantissa : mantissa.Remove(dot, 1);
        int point = (dot < 0 ? mantissa.Length : dot) + exponent; // digits before the decimal point
        var text = new StringBuilder();
        if (minus) text.Append('-');
        if (point <= 0)
        {
            text.Append("0.").Append('0', -point).Append(digits);
        }
        else if (point >= digits.Length)
        {
            text.Append(digits).Append('0', point - digits.Length);
        }
        else
        {
            text.Append(digits, 0, point).Append('.').Append(digits, point, digits.Length - point);
        }
        return text.ToString();
    }

    /// <summary>
    /// A signed or unsigned integer of <paramref name="bits"/> bits in decimal or hexadecimal (0x), with an
    /// optional sign and '_' separators; returns its two's-complement bits.
    /// </summary>
    private static ulong ParseInteger(string text, int bits)
    {
        ReadOnlySpan<char> s = text.AsSpan();
        bool negative = false;
        if (s.Length > 0 && s[0] is '+' or '-')
        {
            negative = s[0] == '-';
            s = s[1..];
        }
        bool hex = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase);
        if (hex) s = s[2..];
        string digits = s.ToString().Replace("_", "", StringComparison.Ordinal);
        if (digits.Length == 0 || s.StartsWith("_") || s.EndsWith("_") || s.Contains("__", StringComparison.Ordinal))
        {
            throw new FormatException($"'{text}' is not an i{bits} (expected a decimal or 0x-prefixed hexadecimal integer)");
        }
        if (!BigInteger.TryParse(hex ? "0" + digits : digits, hex ? NumberStyles.AllowHexSpecifier : NumberStyles.None, CultureInfo.InvariantCulture, out BigInteger magnitude))
        {
            throw new FormatException($"'{text}' is not an i{bits} (expected a decimal or 0x-prefixed hexadecimal integer)");
        }
        BigInteger value = negative ? -magnitude : magnitude;
        BigInteger min = -(BigInteger.One << (bits - 1));
        BigInteger max = (BigInteger.One << bits) - 1;
        if (value < min || value > max)
        {
            throw new FormatException($"'{text}' is out of range for i{bits} (from {min} to {max}, unsigned values wrap)");
        }
        return (ulong)(value & ulong.MaxValue);
    }

    private static uint ParseF32(string text)
    {
        if (TryParseSpecial(text, out bool negative, out bool infinity, out ulong payload, 23))
        {
            uint sign = negative ? 0x8000_0000u : 0;
            return sign | (infinity ? 0x7f80_0000u : 0x7f80_0000u | (uint)payload);
        }
        if (!float.TryParse(Plain(text), NumberStyles.Float, CultureInfo.InvariantCulture, out float f)) throw NotAFloat(text, 32);
        return BitConverter.SingleToUInt32Bits(f);
    }

    private static ulong ParseF64(string text)
    {
        if (TryParseSpecial(text, out bool negative, out bool infinity, out ulong payload, 52))
        {
            ulong sign = negative ? 0x8000_0000_0000_0000ul : 0;
            return sign | (infinity ? 0x7ff0_0000_0000_0000ul : 0x7ff0_0000_0000_0000ul | payload);
        }
        if (!double.TryParse(Plain(text), NumberStyles.Float, CultureInfo.InvariantCulture, out double d)) throw NotAFloat(text, 64);
        return BitConverter.DoubleToUInt64Bits(d);
    }

    /// <summary>Decimal float text without '_' separators; .NET's own spellings of NaN and infinity are refused here.</summary>
    private static string Plain(string text)
    {
        foreach (char c in text)
        {
            if (!(char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '+' or '-' or '_')) return "?";
        }
        return text.Replace("_", "", StringComparison.Ordinal);
    }

    private static FormatException NotAFloat(string text, int bits) =>
        new($"'{text}' is not an f{bits} (expected a decimal number, inf, -inf, nan or nan:0xPAYLOAD)");

    /// <summary>inf, infinity, nan and nan:0xPAYLOAD (the WebAssembly text spellings), with an optional sign.</summary>
    private static bool TryParseSpecial(string text, out bool negative, out bool infinity, out ulong payload, int payloadBits)
    {
        ReadOnlySpan<char> s = text.AsSpan();
        negative = s.Length > 0 && s[0] == '-';
        if (s.Length > 0 && s[0] is '+' or '-') s = s[1..];
        infinity = s.Equals("inf", StringComparison.OrdinalIgnoreCase) || s.Equals("infinity", StringComparison.OrdinalIgnoreCase);
        payload = 1UL << (payloadBits - 1); // the canonical NaN
        if (infinity || s.Equals("nan", StringComparison.OrdinalIgnoreCase)) return true;
        if (!s.StartsWith("nan:0x", StringComparison.OrdinalIgnoreCase)) return false;
        if (!ulong.TryParse(s[6..].ToString().Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out payload)
            || payload == 0 || payload >= 1UL << payloadBits)
        {
            throw new FormatException($"'{text}': a NaN payload must be from 0x1 to 0x{(1UL << payloadBits) - 1:x}");
        }
        return true;
    }
}
