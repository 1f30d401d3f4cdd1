using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharptime.Abi;

/// <summary>
/// The relaxed SIMD instructions (Wasm 3.0), one method per <c>Opcode</c> and named after it.
/// Each returns one of the results the proposal allows, chosen per instruction by what the CPU does
/// fastest: the choice depends only on the hardware, so every execution of an instruction in a
/// process gives the same result for the same operands (the proposal's consistency rule; the
/// hardware checks are JIT-time constants). Where nothing is faster the deterministic SIMD 2.0
/// semantics are used, which are always among the allowed results.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class SimdRelaxed
{
#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.

    /// <summary>pshufb: index bytes 16..127 select lane (index mod 16), 128..255 give 0; both allowed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16RelaxedSwizzle(Vector128<byte> a, Vector128<byte> s)
    {
        if (Ssse3.IsSupported) return Ssse3.Shuffle(a, s);
        return Vector128.Shuffle(a, s);
    }

    /// <summary>cvttps2dq: NaN and out-of-range lanes give 0x80000000, which the proposal allows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedTruncF32x4S(Vector128<byte> a)
    {
        if (Sse2.IsSupported) return Sse2.ConvertToVector128Int32WithTruncation(a.AsSingle()).AsByte();
        return SimdFloat.I32x4TruncSatF32x4S(a);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedTruncF32x4U(Vector128<byte> a) => SimdFloat.I32x4TruncSatF32x4U(a);

    /// <summary>cvttpd2dq: NaN and out-of-range lanes give 0x80000000, lanes 2 and 3 are zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedTruncF64x2SZero(Vector128<byte> a)
    {
        if (Sse2.IsSupported) return Sse2.ConvertToVector128Int32WithTruncation(a.AsDouble()).AsByte();
        return SimdFloat.I32x4TruncSatF64x2SZero(a);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedTruncF64x2UZero(Vector128<byte> a) => SimdFloat.I32x4TruncSatF64x2UZero(a);

    // madd is fused where the CPU has FMA and a multiply then an add elsewhere; both are allowed.
    // nmadd negates a first: exact, so -(a*b)+c rounds the same way.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4RelaxedMadd(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c) =>
        Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4RelaxedNmadd(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c) =>
        Vector128.MultiplyAddEstimate(SimdFloat.F32x4Neg(a).AsSingle(), b.AsSingle(), c.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2RelaxedMadd(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c) =>
        Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2RelaxedNmadd(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c) =>
        Vector128.MultiplyAddEstimate(SimdFloat.F64x2Neg(a).AsDouble(), b.AsDouble(), c.AsDouble()).AsByte();

    // laneselect as a full bit select is always allowed, and is one vpternlog with AVX-512.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16RelaxedLaneselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> m) => Vector128.ConditionalSelect(m, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8RelaxedLaneselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> m) => Vector128.ConditionalSelect(m, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedLaneselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> m) => Vector128.ConditionalSelect(m, a, b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2RelaxedLaneselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> m) => Vector128.ConditionalSelect(m, a, b);

    // minps/maxps (first operand unless it compares less/greater; the second for NaNs and equal
    // zeros) is one of the allowed results and one instruction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4RelaxedMin(Vector128<byte> a, Vector128<byte> b)
    {
        if (Sse.IsSupported) return Sse.Min(a.AsSingle(), b.AsSingle()).AsByte();
        return SimdFloat.F32x4Min(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4RelaxedMax(Vector128<byte> a, Vector128<byte> b)
    {
        if (Sse.IsSupported) return Sse.Max(a.AsSingle(), b.AsSingle()).AsByte();
        return SimdFloat.F32x4Max(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2RelaxedMin(Vector128<byte> a, Vector128<byte> b)
    {
        if (Sse2.IsSupported) return Sse2.Min(a.AsDouble(), b.AsDouble()).AsByte();
        return SimdFloat.F64x2Min(a, b);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2RelaxedMax(Vector128<byte> a, Vector128<byte> b)
    {
        if (Sse2.IsSupported) return Sse2.Max(a.AsDouble(), b.AsDouble()).AsByte();
        return SimdFloat.F64x2Max(a, b);
    }

    /// <summary>pmulhrsw: -32768 * -32768 gives -32768 instead of saturating, which is allowed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8RelaxedQ15mulrS(Vector128<byte> a, Vector128<byte> b)
    {
        if (Ssse3.IsSupported) return Ssse3.MultiplyHighRoundScale(a.AsInt16(), b.AsInt16()).AsByte();
        (Vector128<int> lowA, Vector128<int> highA) = Vector128.Widen(a.AsInt16());
        (Vector128<int> lowB, Vector128<int> highB) = Vector128.Widen(b.AsInt16());
        return Vector128.Narrow(Q15(lowA * lowB), Q15(highA * highB)).AsByte();
    }

    /// <summary>(p + 2^14) >> 15, clamped to i16 so that the truncating narrow saturates.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<int> Q15(Vector128<int> product) =>
        Vector128.Min((product + Vector128.Create(0x4000)) >> 15, Vector128.Create((int)short.MaxValue));

    /// <summary>
    /// pmaddubsw(b, a) treats b as unsigned and saturates each pair's sum (V8's choice); elsewhere
    /// both are signed and the sum wraps. For b lanes below 128 (the i7 range) both are exact.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8RelaxedDotI8x16I7x16S(Vector128<byte> a, Vector128<byte> b)
    {
        if (Ssse3.IsSupported) return Ssse3.MultiplyAddAdjacent(b, a.AsSByte()).AsByte();
        return PairwiseDot(a, b).AsByte();
    }

    /// <summary>vpdpbusd with VNNI (b unsigned, no intermediate saturation), else the i16 dot then pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4RelaxedDotI8x16I7x16AddS(Vector128<byte> a, Vector128<byte> b, Vector128<byte> c)
    {
        if (AvxVnni.IsSupported) return AvxVnni.MultiplyWideningAndAdd(c.AsInt32(), b, a.AsSByte()).AsByte();
        if (Ssse3.IsSupported)
        {
            Vector128<short> pairs = Ssse3.MultiplyAddAdjacent(b, a.AsSByte());
            return (Sse2.MultiplyAddAdjacent(pairs, Vector128.Create((short)1)) + c.AsInt32()).AsByte();
        }
        // Each i32 lane adds the two i16 lanes it holds, sign-extended.
        Vector128<int> pairs32 = PairwiseDot(a, b).AsInt32();
        return (((pairs32 << 16) >> 16) + (pairs32 >> 16) + c.AsInt32()).AsByte();
    }

    /// <summary>
    /// Signed products of adjacent byte pairs summed into i16 lanes with saturation, as the spec's
    /// definition does: the sum can only overflow as (-128 * -128) * 2, which becomes 32767.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> PairwiseDot(Vector128<byte> a, Vector128<byte> b)
    {
        // Sign-extend the even and odd bytes of each 16-bit lane separately; products are exact.
        Vector128<short> even = ((a.AsInt16() << 8) >> 8) * ((b.AsInt16() << 8) >> 8);
        Vector128<short> odd = (a.AsInt16() >> 8) * (b.AsInt16() >> 8);
        Vector128<short> limit = Vector128.Create((short)16384);
        return even + odd + (Vector128.Equals(even, limit) & Vector128.Equals(odd, limit));
    }
#pragma warning restore CS1591
}
