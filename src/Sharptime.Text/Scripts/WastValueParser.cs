using System.Globalization;
using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Turns number tokens of a script into value bits (Wasm 3.0 section 6.3.1 and 6.3.2): integers with
/// underscores, decimal and hexadecimal floats, <c>inf</c>, <c>nan</c> and <c>nan:0x…</c>. Values out of
/// range are a <see cref="WatException"/> "constant out of range"; text that is not a number is
/// "unknown operator" (the reference interpreter's wording for a bad literal).
/// </summary>
internal static class WastValueParser
{
    /// <summary>Parses an integer of <paramref name="bits"/> bits (8, 16, 32 or 64) that may be written signed or unsigned.</summary>
    /// <returns>The two's complement bits, zero-extended.</returns>
    public static ulong ParseInt(Token token, int bits, string file)
    {
        string text = token.Text;
        if (token.Kind != TokenKind.Number && token.Kind != TokenKind.Keyword) throw Error("unexpected token", token, file);
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        bool hex = text.Length - i > 2 && text[i] == '0' && text[i + 1] == 'x';
        if (hex) i += 2;
        if (!TryAccumulate(text, i, text.Length, hex ? 16 : 10, out ulong magnitude, out bool overflow))
        {
            throw Error("unknown operator", token, file);
        }
        ulong max = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong minMagnitude = 1UL << (bits - 1);
        if (overflow || (negative ? magnitude > minMagnitude : magnitude > max))
        {
            throw Error("constant out of range", token, file);
        }
        ulong value = negative ? 0UL - magnitude : magnitude;
        return value & max;
    }

    /// <summary>Parses a 32-bit float literal.</summary>
    /// <returns>The IEEE 754 binary32 bits.</returns>
    public static uint ParseF32(Token token, string file) => (uint)ParseFloat(token, file, FloatFormat.Binary32);

    /// <summary>Parses a 64-bit float literal.</summary>
    /// <returns>The IEEE 754 binary64 bits.</returns>
    public static ulong ParseF64(Token token, string file) => ParseFloat(token, file, FloatFormat.Binary64);

    private static ulong ParseFloat(Token token, string file, FloatFormat format)
    {
        if (token.Kind != TokenKind.Number && token.Kind != TokenKind.Keyword) throw Error("unexpected token", token, file);
        string text = token.Text;
        int i = 0;
        bool negative = false;
        if (text.Length > 0 && (text[0] == '+' || text[0] == '-'))
        {
            negative = text[0] == '-';
            i = 1;
        }
        ulong sign = negative ? 1UL << (format.Bits - 1) : 0;
        ReadOnlySpan<char> body = text.AsSpan(i);
        if (body.SequenceEqual("inf")) return sign | format.ExponentMask;
        if (body.SequenceEqual("nan")) return sign | format.ExponentMask | format.QuietBit;
        if (body.StartsWith("nan:0x", StringComparison.Ordinal))
        {
            if (!TryAccumulate(text, i + 6, text.Length, 16, out ulong payload, out bool overflow))
            {
                throw Error("unknown operator", token, file);
            }
            if (overflow || payload == 0 || payload > format.MantissaMask) throw Error("constant out of range", token, file);
            return sign | format.ExponentMask | payload;
        }
        ulong bits = body.StartsWith("0x", StringComparison.Ordinal)
            ? ParseHexFloat(text, i + 2, token, file, format)
            : ParseDecimalFloat(text, i, token, file, format);
        return sign | bits;
    }

    /// <summary>Decimal floats: checks the grammar, then lets the BCL's correctly rounded parser convert.</summary>
    private static ulong ParseDecimalFloat(string text, int start, Token token, string file, FloatFormat format)
    {
        int i = start;
        int end = text.Length;
        int digitsEnd = ScanDigits(text, i, end, 10);
        if (digitsEnd == i) throw Error("unknown operator", token, file);
        i = digitsEnd;
        if (i < end && text[i] == '.')
        {
            i++;
            int fracEnd = ScanDigits(text, i, end, 10);
            i = fracEnd;
        }
        if (i < end && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < end && (text[i] == '+' || text[i] == '-')) i++;
            int expEnd = ScanDigits(text, i, end, 10);
            if (expEnd == i) throw Error("unknown operator", token, file);
            i = expEnd;
        }
        if (i != end) throw Error("unknown operator", token, file);
        string clean = text[start..].Replace("_", "", StringComparison.Ordinal);
        if (format.Bits == 32)
        {
            float f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(f)) throw Error("constant out of range", token, file);
            return BitConverter.SingleToUInt32Bits(f);
        }
        double d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(d)) throw Error("constant out of range", token, file);
        return BitConverter.DoubleToUInt64Bits(d);
    }

    /// <summary>
    /// Hexadecimal floats, rounded to nearest even. The significand keeps its first 60 bits exactly and
    /// folds the rest into a sticky bit, which is enough for correct rounding to 53 bits or fewer.
    /// </summary>
    private static ulong ParseHexFloat(string text, int start, Token token, string file, FloatFormat format)
    {
        int end = text.Length;
        int i = start;
        ulong mantissa = 0;
        bool sticky = false;
        long exponent = 0;
        int intEnd = ScanDigits(text, i, end, 16);
        if (intEnd == i) throw Error("unknown operator", token, file);
        for (; i < intEnd; i++)
        {
            if (text[i] == '_') continue;
            int digit = HexValue(text[i]);
            if (mantissa >> 60 == 0)
            {
                mantissa = (mantissa << 4) | (uint)digit;
            }
            else
            {
                sticky |= digit != 0;
                exponent += 4;
            }
        }
        if (i < end && text[i] == '.')
        {
            i++;
            int fracEnd = ScanDigits(text, i, end, 16);
            for (; i < fracEnd; i++)
            {
                if (text[i] == '_') continue;
                int digit = HexValue(text[i]);
                if (mantissa >> 60 == 0)
                {
                    mantissa = (mantissa << 4) | (uint)digit;
                    exponent -= 4;
                }
                else
                {
                    sticky |= digit != 0;
                }
            }
        }
        if (i < end && (text[i] == 'p' || text[i] == 'P'))
        {
            i++;
            bool negativeExponent = false;
            if (i < end && (text[i] == '+' || text[i] == '-'))
            {
                negativeExponent = text[i] == '-';
                i++;
            }
            int expEnd = ScanDigits(text, i, end, 10);
            if (expEnd == i) throw Error("unknown operator", token, file);
            long value = 0;
            for (; i < expEnd; i++)
            {
                if (text[i] == '_') continue;
                // Saturate: any exponent beyond this range over- or underflows every format anyway.
                value = Math.Min(value * 10 + (text[i] - '0'), 1_000_000);
            }
            exponent += negativeExponent ? -value : value;
        }
        if (i != end) throw Error("unknown operator", token, file);
        if (mantissa == 0) return 0;

        int p = format.MantissaBits;
        int bias = format.Bias;
        int high = 63 - System.Numerics.BitOperations.LeadingZeroCount(mantissa);
        long e = high + exponent; // the value lies in [2^e, 2^(e+1))
        long minExponent = 1 - bias;
        ulong bits;
        if (e > bias)
        {
            throw Error("constant out of range", token, file);
        }
        if (e >= minExponent)
        {
            ulong significand = RoundShift(mantissa, high - p, sticky);
            bits = ((ulong)(e + bias - 1) << p) + significand;
        }
        else
        {
            // Subnormal: the unit of the last place is 2^(minExponent - p).
            long shift = minExponent - p - exponent;
            bits = RoundShift(mantissa, shift, sticky);
        }
        if (bits >= format.ExponentMask) throw Error("constant out of range", token, file);
        return bits;
    }

    /// <summary>Returns <paramref name="value"/> / 2^<paramref name="shift"/> rounded to nearest, ties to even.</summary>
    private static ulong RoundShift(ulong value, long shift, bool sticky)
    {
        if (shift <= 0) return value << (int)-shift;
        if (shift > 64) return 0;
        ulong quotient, remainder, half;
        if (shift == 64)
        {
            quotient = 0;
            remainder = value;
            half = 1UL << 63;
        }
        else
        {
            quotient = value >> (int)shift;
            remainder = value & ((1UL << (int)shift) - 1);
            half = 1UL << (int)(shift - 1);
        }
        if (remainder > half || (remainder == half && (sticky || (quotient & 1) != 0))) quotient++;
        return quotient;
    }

    /// <summary>Scans <c>digit ('_'? digit)*</c>; returns the end, or <paramref name="start"/> when the run is malformed.</summary>
    private static int ScanDigits(string text, int start, int end, int radix)
    {
        int i = start;
        bool lastWasDigit = false;
        while (i < end)
        {
            char c = text[i];
            if (IsDigit(c, radix))
            {
                lastWasDigit = true;
            }
            else if (c == '_' && lastWasDigit && i + 1 < end && IsDigit(text[i + 1], radix))
            {
                lastWasDigit = false;
            }
            else
            {
                break;
            }
            i++;
        }
        return i;
    }

    private static bool TryAccumulate(string text, int start, int end, int radix, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        if (start >= end || ScanDigits(text, start, end, radix) != end) return false;
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c == '_') continue;
            ulong digit = (ulong)HexValue(c);
            UInt128 next = (UInt128)value * (uint)radix + digit;
            if (next > ulong.MaxValue)
            {
                overflow = true;
                value = ulong.MaxValue;
            }
            else
            {
                value = (ulong)next;
            }
        }
        return true;
    }

    private static bool IsDigit(char c, int radix) =>
        radix == 10 ? c is >= '0' and <= '9' : c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    private static WatException Error(string message, Token token, string file) =>
        new($"{message} \"{token}\"", file, token.Line, token.Column);

    /// <summary>The parameters of an IEEE 754 binary format.</summary>
    private readonly record struct FloatFormat(int Bits, int MantissaBits, int Bias)
    {
        public static readonly FloatFormat Binary32 = new(32, 23, 127);
        public static readonly FloatFormat Binary64 = new(64, 52, 1023);

        public ulong MantissaMask => (1UL << MantissaBits) - 1;

        public ulong ExponentMask => ((1UL << (Bits - 1)) - 1) & ~MantissaMask;

        public ulong QuietBit => 1UL << (MantissaBits - 1);
    }
}
