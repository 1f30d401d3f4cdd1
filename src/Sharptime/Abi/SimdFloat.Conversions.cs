using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharptime.Abi;

public static partial class SimdFloat
{
#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.
    private const double TwoPow52 = 4503599627370496.0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4S(Vector128<byte> a) => Vector128.ConvertToSingle(a.AsInt32()).AsByte();

    /// <summary>
    /// Both 16-bit halves convert exactly and the high one scales exactly, so the one rounding of
    /// the sum is the correctly rounded result (cvtdq2ps alone is signed; vcvtudq2ps needs AVX-512).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ConvertI32x4U(Vector128<byte> a)
    {
        Vector128<uint> v = a.AsUInt32();
        if (Avx512F.VL.IsSupported) return Vector128.ConvertToSingle(v).AsByte();
        Vector128<float> high = Vector128.ConvertToSingle((v >>> 16).AsInt32()) * Vector128.Create(65536f);
        Vector128<float> low = Vector128.ConvertToSingle((v & Vector128.Create(0xFFFFu)).AsInt32());
        return (high + low).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4S(Vector128<byte> a)
    {
        if (Sse2.IsSupported) return Sse2.ConvertToVector128Double(a.AsInt32()).AsByte();
        return Vector128.ConvertToDouble(Vector128.WidenLower(a.AsInt32())).AsByte();
    }

    /// <summary>A 32-bit integer placed in the mantissa of 2^52 is exact; subtracting 2^52 leaves it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ConvertLowI32x4U(Vector128<byte> a)
    {
        if (Avx512F.VL.IsSupported) return Avx512F.VL.ConvertToVector128Double(a.AsUInt32()).AsByte();
        Vector128<ulong> wide = Vector128.WidenLower(a.AsUInt32()) | Vector128.Create(BitConverter.DoubleToUInt64Bits(TwoPow52));
        return (wide.AsDouble() - Vector128.Create(TwoPow52)).AsByte();
    }

    // Since .NET 9 the BCL's float-to-integer vector conversions saturate and map NaN to 0 on
    // every platform, which is trunc_sat exactly.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4S(Vector128<byte> a) => Vector128.ConvertToInt32(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF32x4U(Vector128<byte> a) => Vector128.ConvertToUInt32(a.AsSingle()).AsByte();

    /// <summary>NaN lanes become 0 and the rest clamp to the i32 range, where truncation is exact.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2SZero(Vector128<byte> a)
    {
        Vector128<double> x = a.AsDouble();
        if (Sse2.IsSupported)
        {
            // minpd returns its second operand for a NaN, here 0 exactly for NaN lanes; too small
            // values convert to 0x80000000, which is already the saturated i32 minimum (as in V8).
            Vector128<double> limit = Sse2.CompareEqual(x, x) & Vector128.Create(2147483647.0);
            return Sse2.ConvertToVector128Int32WithTruncation(Sse2.Min(x, limit)).AsByte();
        }
        x &= Vector128.Equals(x, x);
        x = Vector128.MinNative(Vector128.MaxNative(x, Vector128.Create(-2147483648.0)), Vector128.Create(2147483647.0));
        return Vector128.Narrow(Vector128.ConvertToInt64(x), Vector128<long>.Zero).AsByte();
    }

    /// <summary>
    /// NaN lanes become 0 and the rest clamp to the u32 range. Without AVX-512 the truncated value
    /// plus 2^52 holds the integer in its low 32 bits (as in V8), avoiding a double-to-u64 conversion.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4TruncSatF64x2UZero(Vector128<byte> a)
    {
        Vector128<double> x = a.AsDouble();
        if (Sse2.IsSupported)
        {
            // maxpd returns its second operand, 0, for a NaN.
            x = Sse2.Min(Sse2.Max(x, Vector128<double>.Zero), Vector128.Create(4294967295.0));
            if (Avx512F.VL.IsSupported) return Avx512F.VL.ConvertToVector128UInt32WithTruncation(x).AsByte();
        }
        else
        {
            x &= Vector128.Equals(x, x);
            x = Vector128.MinNative(Vector128.MaxNative(x, Vector128<double>.Zero), Vector128.Create(4294967295.0));
        }
        Vector128<ulong> bits = (Vector128.Truncate(x) + Vector128.Create(TwoPow52)).AsUInt64();
        return Vector128.Narrow(bits, Vector128<ulong>.Zero).AsByte();
    }

    /// <summary>f32 lanes 2 and 3 are zero; NaNs come out quiet from the conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4DemoteF64x2Zero(Vector128<byte> a) =>
        Vector128.Narrow(a.AsDouble(), Vector128<double>.Zero).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2PromoteLowF32x4(Vector128<byte> a) => Vector128.WidenLower(a.AsSingle()).AsByte();
#pragma warning restore CS1591
}
