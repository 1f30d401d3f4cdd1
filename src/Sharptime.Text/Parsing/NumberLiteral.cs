using System.Globalization;
using System.Numerics;

namespace Sharptime.Text.Parsing;

/// <summary>The outcome of reading a numeric literal.</summary>
internal enum LiteralStatus : byte
{
    /// <summary>The literal is well formed and in range.</summary>
    Ok,
    /// <summary>The text is not a literal of the expected kind.</summary>
    Malformed,
    /// <summary>The literal is well formed but does not fit the type.</summary>
    OutOfRange,
}

/// <summary>
/// Numeric literals of the text format (Wasm 3.0 section 6.3.1-6.3.2): integers in decimal or hex with
/// <c>_</c> separators and optional signs, and floats in decimal or hex, <c>inf</c>, <c>nan</c> and
/// <c>nan:0x...</c>. Floats round to nearest, ties to even, for both decimal and hex forms.
/// </summary>
internal static class NumberLiteral
{
    /// <summary>Reads an unsigned literal (<c>uN</c>: no sign) of at most 64 bits.</summary>
    public static LiteralStatus ParseUnsigned(string text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text[0] is '+' or '-') return LiteralStatus.Malformed;
        LiteralStatus status = ParseMagnitude(text.AsSpan(), out value);
        if (status != LiteralStatus.Ok) return status;
        return bits < 64 && value >> bits != 0 ? LiteralStatus.OutOfRange : LiteralStatus.Ok;
    }

    /// <summary>Reads an integer literal (<c>iN</c>: unsigned or signed) as its two's complement bits.</summary>
    public static LiteralStatus ParseInt(string text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0) return LiteralStatus.Malformed;
        bool negative = text[0] == '-';
        bool signed = text[0] is '+' or '-';
        LiteralStatus status = ParseMagnitude(text.AsSpan(signed ? 1 : 0), out ulong magnitude);
        if (status != LiteralStatus.Ok) return status;
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        if (negative)
        {
            ulong limit = 1UL << (bits - 1);
            if (magnitude > limit) return LiteralStatus.OutOfRange;
            value = (0 - magnitude) & mask;
        }
        else
        {
            if (magnitude > mask) return LiteralStatus.OutOfRange;
            value = magnitude;
        }
        return LiteralStatus.Ok;
    }

    private static LiteralStatus ParseMagnitude(ReadOnlySpan<char> s, out ulong value)
    {
        value = 0;
        bool hex = s.Length > 2 && s[0] == '0' && s[1] == 'x';
        if (hex) s = s[2..];
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_') return LiteralStatus.Malformed;
        bool overflow = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (s[i - 1] == '_') return LiteralStatus.Malformed;
                continue;
            }
            int d = DigitValue(c);
            if (d < 0 || (!hex && d > 9)) return LiteralStatus.Malformed;
            int radix = hex ? 16 : 10;
            if (!overflow)
            {
                UInt128 next = (UInt128)value * (uint)radix + (uint)d;
                if (next > ulong.MaxValue) overflow = true;
                else value = (ulong)next;
            }
        }
        return overflow ? LiteralStatus.OutOfRange : LiteralStatus.Ok;
    }

    /// <summary>Reads an f32 literal as its bit pattern.</summary>
    public static LiteralStatus ParseF32(string text, out uint bits)
    {
        LiteralStatus status = ParseFloat(text, 23, 8, out ulong raw);
        bits = (uint)raw;
        return status;
    }

    /// <summary>Reads an f64 literal as its bit pattern.</summary>
    public static LiteralStatus ParseF64(string text, out ulong bits) => ParseFloat(text, 52, 11, out bits);

    private static LiteralStatus ParseFloat(string text, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        ReadOnlySpan<char> s = text;
        if (s.Length == 0) return LiteralStatus.Malformed;
        bool negative = s[0] == '-';
        if (s[0] is '+' or '-') s = s[1..];
        ulong sign = negative ? 1UL << (mantBits + expBits) : 0;
        ulong expAllOnes = ((1UL << expBits) - 1) << mantBits;
        if (s.SequenceEqual("inf"))
        {
            bits = sign | expAllOnes;
            return LiteralStatus.Ok;
        }
        if (s.SequenceEqual("nan"))
        {
            bits = sign | expAllOnes | (1UL << (mantBits - 1));
            return LiteralStatus.Ok;
        }
        if (s.StartsWith("nan:0x"))
        {
            LiteralStatus status = ParseMagnitude(s[4..], out ulong payload);
            if (status == LiteralStatus.Malformed) return status;
            if (status == LiteralStatus.OutOfRange || payload == 0 || payload >> mantBits != 0) return LiteralStatus.OutOfRange;
            bits = sign | expAllOnes | payload;
            return LiteralStatus.Ok;
        }
        LiteralStatus result = s.Length > 2 && s[0] == '0' && s[1] == 'x'
            ? ParseHexFloat(s[2..], mantBits, expBits, out ulong magnitude)
            : ParseDecimalFloat(s, mantBits, out magnitude);
        bits = sign | magnitude;
        return result;
    }

    /// <summary>Checks the digit structure: digits with single <c>_</c> between digits.</summary>
    private static bool IsDigits(ReadOnlySpan<char> s, bool hex)
    {
        if (s.Length == 0 || s[0] == '_' || s[^1] == '_') return false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '_')
            {
                if (s[i - 1] == '_') return false;
                continue;
            }
            int d = DigitValue(c);
            if (d < 0 || (!hex && d > 9)) return false;
        }
        return true;
    }

    /// <summary>Splits <c>p.q[e±r]</c> into its parts and checks each; the fraction and exponent are optional.</summary>
    private static bool SplitFloat(ReadOnlySpan<char> s, bool hex, out ReadOnlySpan<char> whole, out ReadOnlySpan<char> fraction, out ReadOnlySpan<char> exponent)
    {
        fraction = default;
        exponent = default;
        int e = hex ? s.IndexOfAny('p', 'P') : s.IndexOfAny('e', 'E');
        ReadOnlySpan<char> mantissa = e < 0 ? s : s[..e];
        if (e >= 0)
        {
            exponent = s[(e + 1)..];
            ReadOnlySpan<char> digits = exponent.Length > 0 && exponent[0] is '+' or '-' ? exponent[1..] : exponent;
            if (!IsDigits(digits, false)) { whole = default; return false; }
        }
        int dot = mantissa.IndexOf('.');
        whole = dot < 0 ? mantissa : mantissa[..dot];
        if (!IsDigits(whole, hex)) return false;
        if (dot >= 0)
        {
            fraction = mantissa[(dot + 1)..];
            if (fraction.Length > 0 && !IsDigits(fraction, hex)) return false;
        }
        return true;
    }

    private static LiteralStatus ParseDecimalFloat(ReadOnlySpan<char> s, int mantBits, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(s, false, out _, out _, out _)) return LiteralStatus.Malformed;
        string clean = s.ToString().Replace("_", "", StringComparison.Ordinal);
        if (mantBits == 23)
        {
            float f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(f)) return LiteralStatus.OutOfRange;
            bits = BitConverter.SingleToUInt32Bits(f);
        }
        else
        {
            double d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) return LiteralStatus.OutOfRange;
            bits = BitConverter.DoubleToUInt64Bits(d);
        }
        return LiteralStatus.Ok;
    }

    private static LiteralStatus ParseHexFloat(ReadOnlySpan<char> s, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(s, true, out ReadOnlySpan<char> whole, out ReadOnlySpan<char> fraction, out ReadOnlySpan<char> exponent))
        {
            return LiteralStatus.Malformed;
        }
        ulong mant = 0;
        long exp2 = 0;
        bool sticky = false;
        foreach (char c in whole)
        {
            if (c == '_') continue;
            Accumulate(DigitValue(c), false);
        }
        foreach (char c in fraction)
        {
            if (c == '_') continue;
            Accumulate(DigitValue(c), true);
        }
        if (exponent.Length > 0)
        {
            bool negative = exponent[0] == '-';
            long e = 0;
            foreach (char c in exponent)
            {
                if (c is '+' or '-' or '_') continue;
                e = Math.Min(e * 10 + (c - '0'), 1_000_000);
            }
            exp2 += negative ? -e : e;
        }
        return Round(mant, exp2, sticky, mantBits, expBits, out bits);

        void Accumulate(int digit, bool isFraction)
        {
            if (mant >> 60 == 0)
            {
                mant = (mant << 4) | (uint)digit;
                if (isFraction) exp2 -= 4;
            }
            else
            {
                sticky |= digit != 0;
                if (!isFraction) exp2 += 4;
            }
        }
    }

    /// <summary>Rounds <c>mant * 2^exp2</c> (plus a tiny nonzero amount when <paramref name="sticky"/>) to nearest, ties to even.</summary>
    private static LiteralStatus Round(ulong mant, long exp2, bool sticky, int mantBits, int expBits, out ulong bits)
    {
        bits = 0;
        if (mant == 0) return LiteralStatus.Ok;
        int bias = (1 << (expBits - 1)) - 1;
        int msb = 63 - BitOperations.LeadingZeroCount(mant);
        long e = msb + exp2;
        if (e > bias) return LiteralStatus.OutOfRange;
        long emin = 1 - bias;
        long quantum = (e < emin ? emin : e) - mantBits;
        long shift = quantum - exp2;
        ulong kept;
        if (shift <= 0)
        {
            kept = mant << (int)-shift;
        }
        else
        {
            kept = shift >= 64 ? 0 : mant >> (int)shift;
            bool half = shift - 1 < 64 && ((mant >> (int)(shift - 1)) & 1) != 0;
            bool lower = sticky || (shift - 1 > 0 && (shift - 1 >= 64 ? mant != 0 : (mant & ((1UL << (int)(shift - 1)) - 1)) != 0));
            if (half && (lower || (kept & 1) != 0)) kept++;
        }
        ulong result;
        if (e < emin)
        {
            result = kept;
        }
        else
        {
            result = ((ulong)(e + bias - 1) << mantBits) + kept;
        }
        ulong maxFinite = (((1UL << expBits) - 1) << mantBits) - 1;
        if (result > maxFinite) return LiteralStatus.OutOfRange;
        bits = result;
        return LiteralStatus.Ok;
    }

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
