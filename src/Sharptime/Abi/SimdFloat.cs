using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharptime.Abi;

/// <summary>
/// The float-lane SIMD instructions (f32x4, f64x2 and their conversions), one method per
/// <c>Opcode</c> and named after it. Operands and results are <c>Vector128&lt;byte&gt;</c>, the
/// representation of v128 in generated code; reinterpreting is free and the JIT inlines every
/// method into the generated function, so each costs what its vector instructions cost.
/// </summary>
/// <remarks>
/// NaN rules (spec 4.3.3): a NaN result is the canonical NaN when every NaN operand is canonical,
/// an arithmetic (quiet) NaN otherwise; producing a quiet NaN of either sign with an empty payload
/// always satisfies both. Hardware arithmetic (add, sqrt, rounding, conversions) already does; min
/// and max need care because the BCL's software fallback returns a signaling operand unchanged.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SimdFloat
{
#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.
    private const uint F32SignBit = 0x8000_0000;
    private const ulong F64SignBit = 0x8000_0000_0000_0000;
    private const uint F32QuietBit = 0x0040_0000;
    private const ulong F64QuietBit = 0x0008_0000_0000_0000;
    private const uint F32CanonicalNaN = 0x7FC0_0000;
    private const ulong F64CanonicalNaN = 0x7FF8_0000_0000_0000;

    // Arithmetic quiets signaling NaNs and keeps canonical ones. RyuJIT folds x * 1, x / 1, x - 0 and
    // x + -0 to x whenever it can prove the constant vector (also through Sse.Multiply and its kin),
    // which keeps a signaling NaN lane signaling. It does not fold fused multiply-adds, and a*b + -0,
    // a*1 + b and a*1 - b are exactly a*b, a+b and a-b (one rounding, the product by 1 is exact): with
    // FMA each operation stays one instruction of the same latency. Without FMA the result's NaN lanes
    // are quieted again (three more instructions).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Add(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsSingle(), Vector128<float>.One, b.AsSingle()).AsByte() : QuietF32(a.AsSingle() + b.AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sub(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplySubtract(a.AsSingle(), Vector128<float>.One, b.AsSingle()).AsByte() : QuietF32(a.AsSingle() - b.AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Mul(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), Vector128.Create(-0f)).AsByte() : QuietF32(a.AsSingle() * b.AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Div(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsSingle() / b.AsSingle(), Vector128<float>.One, Vector128.Create(-0f)).AsByte() : QuietF32(a.AsSingle() / b.AsSingle());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Sqrt(Vector128<byte> a) => Vector128.Sqrt(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Add(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsDouble(), Vector128<double>.One, b.AsDouble()).AsByte() : QuietF64(a.AsDouble() + b.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sub(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplySubtract(a.AsDouble(), Vector128<double>.One, b.AsDouble()).AsByte() : QuietF64(a.AsDouble() - b.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Mul(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), Vector128.Create(-0.0)).AsByte() : QuietF64(a.AsDouble() * b.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Div(Vector128<byte> a, Vector128<byte> b) => Fma.IsSupported
        ? Fma.MultiplyAdd(a.AsDouble() / b.AsDouble(), Vector128<double>.One, Vector128.Create(-0.0)).AsByte() : QuietF64(a.AsDouble() / b.AsDouble());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Sqrt(Vector128<byte> a) => Vector128.Sqrt(a.AsDouble()).AsByte();

    // Sign operations are pure bit operations: NaN payloads pass unchanged (spec fabs/fneg).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Abs(Vector128<byte> a) => (a.AsUInt32() & Vector128.Create(~F32SignBit)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Neg(Vector128<byte> a) => (a.AsUInt32() ^ Vector128.Create(F32SignBit)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Abs(Vector128<byte> a) => (a.AsUInt64() & Vector128.Create(~F64SignBit)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Neg(Vector128<byte> a) => (a.AsUInt64() ^ Vector128.Create(F64SignBit)).AsByte();

    // min/max: NaN wins and -0 < +0. With AVX-512 the BCL's IEEE 754-2019 minimum/maximum is
    // vrangeps plus two vfixupimmps, which quiet NaNs (measured about 1.5x faster than the SSE form
    // here). Without it the BCL blends a NaN operand through unchanged, signaling or not, so x86
    // minps/maxps (second operand for NaNs and equal zeros) run in both orders, as in V8, and the
    // results merge. The portable fallback sets the quiet bit of NaN lanes.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Min(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<float> x = a.AsSingle(), y = b.AsSingle();
        if (Avx512DQ.VL.IsSupported) return Vector128.Min(x, y).AsByte();
        if (Sse.IsSupported)
        {
            // OR merges -0 with +0 to -0; a NaN lane is replaced by the canonical NaN.
            Vector128<float> merged = Sse.Min(x, y) | Sse.Min(y, x);
            return Vector128.ConditionalSelect(Sse.CompareUnordered(x, y), Vector128.Create(F32CanonicalNaN).AsSingle(), merged).AsByte();
        }
        return QuietF32(Vector128.Min(x, y));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Max(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<float> x = a.AsSingle(), y = b.AsSingle();
        if (Avx512DQ.VL.IsSupported) return Vector128.Max(x, y).AsByte();
        if (Sse.IsSupported)
        {
            // AND merges -0 with +0 to +0; a NaN lane is replaced by the canonical NaN.
            Vector128<float> one = Sse.Max(x, y), other = Sse.Max(y, x);
            Vector128<float> nan = Sse.CompareUnordered(x, y);
            Vector128<float> merged = one & other;
            return Vector128.ConditionalSelect(nan, Vector128.Create(F32CanonicalNaN).AsSingle(), merged).AsByte();
        }
        return QuietF32(Vector128.Max(x, y));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Min(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<double> x = a.AsDouble(), y = b.AsDouble();
        if (Avx512DQ.VL.IsSupported) return Vector128.Min(x, y).AsByte();
        if (Sse2.IsSupported)
        {
            Vector128<double> merged = Sse2.Min(x, y) | Sse2.Min(y, x);
            return Vector128.ConditionalSelect(Sse2.CompareUnordered(x, y), Vector128.Create(F64CanonicalNaN).AsDouble(), merged).AsByte();
        }
        return QuietF64(Vector128.Min(x, y));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Max(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<double> x = a.AsDouble(), y = b.AsDouble();
        if (Avx512DQ.VL.IsSupported) return Vector128.Max(x, y).AsByte();
        if (Sse2.IsSupported)
        {
            Vector128<double> one = Sse2.Max(x, y), other = Sse2.Max(y, x);
            Vector128<double> nan = Sse2.CompareUnordered(x, y);
            Vector128<double> merged = one & other;
            return Vector128.ConditionalSelect(nan, Vector128.Create(F64CanonicalNaN).AsDouble(), merged).AsByte();
        }
        return QuietF64(Vector128.Max(x, y));
    }

    // Pseudo-min/max select an operand as is (NaN payloads included): pmin = b < a ? b : a,
    // pmax = a < b ? b : a. minps(b, a) and maxps(b, a) are exactly that.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmin(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<float> x = a.AsSingle(), y = b.AsSingle();
        if (Sse.IsSupported) return Sse.Min(y, x).AsByte();
        return Vector128.ConditionalSelect(Vector128.LessThan(y, x), y, x).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Pmax(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<float> x = a.AsSingle(), y = b.AsSingle();
        if (Sse.IsSupported) return Sse.Max(y, x).AsByte();
        return Vector128.ConditionalSelect(Vector128.LessThan(x, y), y, x).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmin(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<double> x = a.AsDouble(), y = b.AsDouble();
        if (Sse2.IsSupported) return Sse2.Min(y, x).AsByte();
        return Vector128.ConditionalSelect(Vector128.LessThan(y, x), y, x).AsByte();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Pmax(Vector128<byte> a, Vector128<byte> b)
    {
        Vector128<double> x = a.AsDouble(), y = b.AsDouble();
        if (Sse2.IsSupported) return Sse2.Max(y, x).AsByte();
        return Vector128.ConditionalSelect(Vector128.LessThan(x, y), y, x).AsByte();
    }

    // Rounding: roundps/frint* (and the BCL's fallback) quiet NaNs; Round is ties-to-even.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ceil(Vector128<byte> a) => Vector128.Ceiling(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Floor(Vector128<byte> a) => Vector128.Floor(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Trunc(Vector128<byte> a) => Vector128.Truncate(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Nearest(Vector128<byte> a) => Vector128.Round(a.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ceil(Vector128<byte> a) => Vector128.Ceiling(a.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Floor(Vector128<byte> a) => Vector128.Floor(a.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Trunc(Vector128<byte> a) => Vector128.Truncate(a.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Nearest(Vector128<byte> a) => Vector128.Round(a.AsDouble()).AsByte();

    // Comparisons give all ones or all zeros per lane; every comparison with a NaN is false but ne.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Eq(Vector128<byte> a, Vector128<byte> b) => Vector128.Equals(a.AsSingle(), b.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ne(Vector128<byte> a, Vector128<byte> b) => (~Vector128.Equals(a.AsSingle(), b.AsSingle())).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Lt(Vector128<byte> a, Vector128<byte> b) => Vector128.LessThan(a.AsSingle(), b.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Gt(Vector128<byte> a, Vector128<byte> b) => Vector128.GreaterThan(a.AsSingle(), b.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Le(Vector128<byte> a, Vector128<byte> b) => Vector128.LessThanOrEqual(a.AsSingle(), b.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Ge(Vector128<byte> a, Vector128<byte> b) => Vector128.GreaterThanOrEqual(a.AsSingle(), b.AsSingle()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Eq(Vector128<byte> a, Vector128<byte> b) => Vector128.Equals(a.AsDouble(), b.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ne(Vector128<byte> a, Vector128<byte> b) => (~Vector128.Equals(a.AsDouble(), b.AsDouble())).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Lt(Vector128<byte> a, Vector128<byte> b) => Vector128.LessThan(a.AsDouble(), b.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Gt(Vector128<byte> a, Vector128<byte> b) => Vector128.GreaterThan(a.AsDouble(), b.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Le(Vector128<byte> a, Vector128<byte> b) => Vector128.LessThanOrEqual(a.AsDouble(), b.AsDouble()).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Ge(Vector128<byte> a, Vector128<byte> b) => Vector128.GreaterThanOrEqual(a.AsDouble(), b.AsDouble()).AsByte();
#pragma warning restore CS1591

    /// <summary>Sets the quiet bit of NaN lanes: a signaling NaN becomes an arithmetic NaN, every other value is unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> QuietF32(Vector128<float> r) =>
        (r.AsUInt32() | (~Vector128.Equals(r, r).AsUInt32() & Vector128.Create(F32QuietBit))).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> QuietF64(Vector128<double> r) =>
        (r.AsUInt64() | (~Vector128.Equals(r, r).AsUInt64() & Vector128.Create(F64QuietBit))).AsByte();
}
