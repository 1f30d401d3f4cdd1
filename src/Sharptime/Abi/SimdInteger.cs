using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Sharptime.Abi;

/// <summary>
/// The 128-bit SIMD instructions other than float-lane arithmetic, for generated code: v128 is
/// <c>Vector128&lt;byte&gt;</c> and each method is named after its <c>Opcode</c>, takes the
/// instruction's operands in stack order followed by its lane immediate, and returns its result
/// as the CLR type of the Wasm result. All are small and aggressively inlined, so the JIT turns a
/// call into the SSE/AVX (or AdvSimd) instructions; hardware-specific paths are chosen by
/// <c>IsSupported</c> checks that the JIT folds, with a portable fallback.
/// Float lanes are moved as bit patterns so that NaN payloads survive.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class SimdInteger
{
    /// <summary>
    /// Always zero, and read by generated code as a value RyuJIT cannot fold (a static that is not
    /// readonly): the minuend of an integer v128 subtraction is combined with it, so that the JIT
    /// never sees a constant there (dotnet/runtime issue 130830, see the compiler's JitWorkarounds).
    /// Never written; writing it would change the results of Wasm code.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2211", Justification = "Must be a non-readonly static for the JIT not to fold it.")]
    public static Vector128<byte> OpaqueZero;

#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Const(long low, long high) => Vector128.Create(low, high).AsByte();

    // Memory: generated code bounds-checks the address first and passes the checked pointer or the
    // loaded bits, so a trap happens before any byte is read or written.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8S(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsSByte()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8x8U(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsByte()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4S(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt16()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16x4U(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt16()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2S(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt32()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32x2U(long bits) => Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt32()).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Zero(int bits) => Vector128.CreateScalar(bits).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Zero(long bits) => Vector128.CreateScalar(bits).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load8Lane(byte* p, Vector128<byte> v, int lane) => v.WithElement(lane, *p);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load16Lane(byte* p, Vector128<byte> v, int lane) => v.AsInt16().WithElement(lane, Unsafe.ReadUnaligned<short>(p)).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load32Lane(byte* p, Vector128<byte> v, int lane) => v.AsInt32().WithElement(lane, Unsafe.ReadUnaligned<int>(p)).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Load64Lane(byte* p, Vector128<byte> v, int lane) => v.AsInt64().WithElement(lane, Unsafe.ReadUnaligned<long>(p)).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store8Lane(byte* p, Vector128<byte> v, int lane) => *p = v.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store16Lane(byte* p, Vector128<byte> v, int lane) => Unsafe.WriteUnaligned(p, v.AsInt16().GetElement(lane));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store32Lane(byte* p, Vector128<byte> v, int lane) => Unsafe.WriteUnaligned(p, v.AsInt32().GetElement(lane));
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void V128Store64Lane(byte* p, Vector128<byte> v, int lane) => Unsafe.WriteUnaligned(p, v.AsInt64().GetElement(lane));

    // Splats and lane moves. f32/f64 go through their bits: a float register move keeps them, but
    // the bit form also keeps them when the JIT folds a constant.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Splat(int x) => Vector128.Create((byte)x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8Splat(int x) => Vector128.Create((short)x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4Splat(int x) => Vector128.Create(x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2Splat(long x) => Vector128.Create(x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4Splat(float x) => Vector128.Create(BitConverter.SingleToInt32Bits(x)).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2Splat(double x) => Vector128.Create(BitConverter.DoubleToInt64Bits(x)).AsByte();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneS(Vector128<byte> v, int lane) => v.AsSByte().GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneU(Vector128<byte> v, int lane) => v.GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneS(Vector128<byte> v, int lane) => v.AsInt16().GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneU(Vector128<byte> v, int lane) => v.AsUInt16().GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4ExtractLane(Vector128<byte> v, int lane) => v.AsInt32().GetElement(lane);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64x2ExtractLane(Vector128<byte> v, int lane) => v.AsInt64().GetElement(lane);
    /// <summary>
    /// Through shufps where there is one: the JIT folds GetElement of a constant vector into a
    /// float constant, which it keeps as a double, so a signaling NaN would come out quiet.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32x4ExtractLane(Vector128<byte> v, int lane)
    {
        if (Sse.IsSupported)
        {
            Vector128<float> x = v.AsSingle();
            // Constant immediates: generated code passes a constant lane, so the switch folds away.
            return (lane switch
            {
                0 => Sse.Shuffle(x, x, 0x00),
                1 => Sse.Shuffle(x, x, 0x55),
                2 => Sse.Shuffle(x, x, 0xAA),
                _ => Sse.Shuffle(x, x, 0xFF),
            }).ToScalar();
        }
        return BitConverter.Int32BitsToSingle(v.AsInt32().GetElement(lane));
    }
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64x2ExtractLane(Vector128<byte> v, int lane) => BitConverter.Int64BitsToDouble(v.AsInt64().GetElement(lane));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16ReplaceLane(Vector128<byte> v, int x, int lane) => v.WithElement(lane, (byte)x);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I16x8ReplaceLane(Vector128<byte> v, int x, int lane) => v.AsInt16().WithElement(lane, (short)x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I32x4ReplaceLane(Vector128<byte> v, int x, int lane) => v.AsInt32().WithElement(lane, x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I64x2ReplaceLane(Vector128<byte> v, long x, int lane) => v.AsInt64().WithElement(lane, x).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F32x4ReplaceLane(Vector128<byte> v, float x, int lane) =>
        v.AsInt32().WithElement(lane, BitConverter.SingleToInt32Bits(x)).AsByte();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> F64x2ReplaceLane(Vector128<byte> v, double x, int lane) =>
        v.AsInt64().WithElement(lane, BitConverter.DoubleToInt64Bits(x)).AsByte();

    // Shuffles. Wasm's swizzle gives 0 for an index of 16 or more; pshufb only for an index with
    // bit 7 set, so a saturating add of 0x70 moves every index above 15 there and keeps the low
    // four bits of the others. AdvSimd's table lookup has the Wasm semantics as is.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> I8x16Swizzle(Vector128<byte> a, Vector128<byte> indices)
    {
        if (Ssse3.IsSupported) return Ssse3.Shuffle(a, Sse2.AddSaturate(indices, Vector128.Create((byte)0x70)));
        if (AdvSimd.Arm64.IsSupported) return AdvSimd.Arm64.VectorTableLookup(a, indices);
        return SwizzleScalar(a, indices);
    }

    /// <summary>
    /// The lanes of <paramref name="a"/> chosen by <paramref name="mask"/>, whose every index is
    /// below 16 or has bit 7 set (giving 0): the form pshufb takes as is. Generated code
    /// precomputes such masks from i8x16.shuffle's immediate, one per source vector.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> SelectBytes(Vector128<byte> a, Vector128<byte> mask)
    {
        if (Ssse3.IsSupported) return Ssse3.Shuffle(a, mask);
        if (AdvSimd.Arm64.IsSupported) return AdvSimd.Arm64.VectorTableLookup(a, mask);
        return SwizzleScalar(a, mask);
    }

    /// <summary>i8x16.shuffle of two sources, with the masks <see cref="SelectBytes"/> takes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> ShuffleBytes(Vector128<byte> a, Vector128<byte> b, Vector128<byte> maskA, Vector128<byte> maskB) =>
        SelectBytes(a, maskA) | SelectBytes(b, maskB);

    private static Vector128<byte> SwizzleScalar(Vector128<byte> a, Vector128<byte> indices)
    {
        Vector128<byte> result = Vector128<byte>.Zero;
        for (int i = 0; i < 16; i++)
        {
            byte index = indices.GetElement(i);
            if (index < 16) result = result.WithElement(i, a.GetElement(index));
        }
        return result;
    }

    // Bitwise.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Not(Vector128<byte> a) => ~a;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128And(Vector128<byte> a, Vector128<byte> b) => a & b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Andnot(Vector128<byte> a, Vector128<byte> b) => Vector128.AndNot(a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Or(Vector128<byte> a, Vector128<byte> b) => a | b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Xor(Vector128<byte> a, Vector128<byte> b) => a ^ b;
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> V128Bitselect(Vector128<byte> a, Vector128<byte> b, Vector128<byte> mask) => Vector128.ConditionalSelect(mask, a, b);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int V128AnyTrue(Vector128<byte> a) => a == Vector128<byte>.Zero ? 0 : 1;
#pragma warning restore CS1591
}
