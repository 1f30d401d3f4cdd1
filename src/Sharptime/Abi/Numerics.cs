using System.ComponentModel;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Sharptime.Abi;

/// <summary>
/// Numeric instructions whose spec semantics need more than one IL opcode: traps, NaN bits, exact
/// rounding. Each method is named after its <c>Opcode</c>; the JIT inlines the small ones.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Numerics
{
#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.
    public static int I32DivS(int a, int b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        if (b == -1 && a == int.MinValue) Traps.Throw(TrapCode.IntegerOverflow);
        return a / b;
    }

    public static int I32DivU(int a, int b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return (int)((uint)a / (uint)b);
    }

    public static int I32RemS(int a, int b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return b == -1 ? 0 : a % b;
    }

    public static int I32RemU(int a, int b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return (int)((uint)a % (uint)b);
    }

    public static long I64DivS(long a, long b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        if (b == -1 && a == long.MinValue) Traps.Throw(TrapCode.IntegerOverflow);
        return a / b;
    }

    public static long I64DivU(long a, long b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return (long)((ulong)a / (ulong)b);
    }

    public static long I64RemS(long a, long b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return b == -1 ? 0 : a % b;
    }

    public static long I64RemU(long a, long b)
    {
        if (b == 0) Traps.Throw(TrapCode.IntegerDivideByZero);
        return (long)((ulong)a % (ulong)b);
    }

    public static int I32Clz(int a) => BitOperations.LeadingZeroCount((uint)a);
    // RyuJIT 10.0.12 (dotnet/runtime issue 133783): without BMI1 the count is a bsf, whose zero
    // flag (set when the operand is zero) the JIT reuses to test the count, so if/br_if/select on
    // the count take the wrong arm. The mask makes the last instruction an and, whose flags are
    // the count's; only taken where tzcnt (BMI1) or rbit+clz (Arm64) are missing.
    // Sharptime.Compiler's JitWorkarounds lists the broken runtime versions.
    public static int I32Ctz(int a) => System.Runtime.Intrinsics.X86.Bmi1.IsSupported || System.Runtime.Intrinsics.Arm.ArmBase.IsSupported
        ? (a == 0 ? 32 : BitOperations.TrailingZeroCount(a))
        : (a == 0 ? 32 : BitOperations.TrailingZeroCount(a) & 63);
    public static int I32Popcnt(int a) => BitOperations.PopCount((uint)a);
    // dotnet/runtime issue 129288: RyuJIT 10.0.12 tests stale flags after rol/ror by a constant,
    // and a count computed from constants (or an inlined caller's constant argument) becomes one.
    // Two shifts and an add are a rotate the JIT does not recognize (it matches | and ^ only); the
    // second shift is split in two so that a count of 0 shifts by 31 + 1, not by 32 (which is 0).
    // A rotate whose count is an immediate constant is a rol/ror in compiled code, followed by a store
    // where its result may meet a test (Sharptime.Compiler's JitWorkarounds.EmitRotateByConstant).
    public static int I32Rotl(int a, int b) => (int)(((uint)a << (b & 31)) + (((uint)a >> 1) >> (31 - (b & 31))));
    public static int I32Rotr(int a, int b) => (int)(((uint)a >> (b & 31)) + (((uint)a << 1) << (31 - (b & 31))));
    public static long I64Clz(long a) => BitOperations.LeadingZeroCount((ulong)a);
    // See I32Ctz (dotnet/runtime issue 133783).
    public static long I64Ctz(long a) => System.Runtime.Intrinsics.X86.Bmi1.X64.IsSupported || System.Runtime.Intrinsics.Arm.ArmBase.IsSupported
        ? (a == 0 ? 64 : BitOperations.TrailingZeroCount(a))
        : (a == 0 ? 64 : BitOperations.TrailingZeroCount(a) & 127);
    public static long I64Popcnt(long a) => BitOperations.PopCount((ulong)a);
    // See I32Rotl (dotnet/runtime issue 129288).
    public static long I64Rotl(long a, long b) => (long)(((ulong)a << (int)(b & 63)) + (((ulong)a >> 1) >> (63 - (int)(b & 63))));
    public static long I64Rotr(long a, long b) => (long)(((ulong)a >> (int)(b & 63)) + (((ulong)a << 1) << (63 - (int)(b & 63))));

    // Sign operations work on bits so that NaN payloads pass unchanged, as the spec requires.
    public static float F32Abs(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & int.MaxValue);
    public static float F32Neg(float a) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) ^ int.MinValue);
    public static float F32Copysign(float a, float b) => BitConverter.Int32BitsToSingle(
        (BitConverter.SingleToInt32Bits(a) & int.MaxValue) | (BitConverter.SingleToInt32Bits(b) & int.MinValue));
    public static double F64Abs(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & long.MaxValue);
    public static double F64Neg(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) ^ long.MinValue);
    public static double F64Copysign(double a, double b) => BitConverter.Int64BitsToDouble(
        (BitConverter.DoubleToInt64Bits(a) & long.MaxValue) | (BitConverter.DoubleToInt64Bits(b) & long.MinValue));

    // Rounding of a NaN must give an arithmetic (quiet) NaN; adding the NaN to itself quiets it.
    public static float F32Ceil(float a) => float.IsNaN(a) ? a + a : MathF.Ceiling(a);
    public static float F32Floor(float a) => float.IsNaN(a) ? a + a : MathF.Floor(a);
    public static float F32Trunc(float a) => float.IsNaN(a) ? a + a : MathF.Truncate(a);
    public static float F32Nearest(float a) => float.IsNaN(a) ? a + a : MathF.Round(a, MidpointRounding.ToEven);
    public static double F64Ceil(double a) => double.IsNaN(a) ? a + a : Math.Ceiling(a);
    public static double F64Floor(double a) => double.IsNaN(a) ? a + a : Math.Floor(a);
    public static double F64Trunc(double a) => double.IsNaN(a) ? a + a : Math.Truncate(a);
    public static double F64Nearest(double a) => double.IsNaN(a) ? a + a : Math.Round(a, MidpointRounding.ToEven);

    // IEEE 754 square root quiets a NaN operand itself.
    public static float F32Sqrt(float a) => MathF.Sqrt(a);
    public static double F64Sqrt(double a) => Math.Sqrt(a);

    public static float F32Min(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return F32Add(a, b);
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        return a < b ? a : b;
    }

    public static float F32Max(float a, float b)
    {
        if (float.IsNaN(a) || float.IsNaN(b)) return F32Add(a, b);
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        return a > b ? a : b;
    }

    public static double F64Min(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return F64Add(a, b);
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        return a < b ? a : b;
    }

    public static double F64Max(double a, double b)
    {
        if (double.IsNaN(a) || double.IsNaN(b)) return F64Add(a, b);
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        return a > b ? a : b;
    }

    public static int I32TruncF32S(float a) => I32TruncF64S(a);
    public static int I32TruncF32U(float a) => I32TruncF64U(a);
    public static long I64TruncF32S(float a) => I64TruncF64S(a);
    public static long I64TruncF32U(float a) => I64TruncF64U(a);

    public static int I32TruncF64S(double a)
    {
        if (!(a > -2147483649.0 && a < 2147483648.0)) ThrowConversion(a);
        return (int)a;
    }

    public static int I32TruncF64U(double a)
    {
        if (!(a > -1.0 && a < 4294967296.0)) ThrowConversion(a);
        return (int)(uint)a;
    }

    public static long I64TruncF64S(double a)
    {
        if (!(a >= -9223372036854775808.0 && a < 9223372036854775808.0)) ThrowConversion(a);
        return (long)a;
    }

    public static long I64TruncF64U(double a)
    {
        if (!(a > -1.0 && a < 18446744073709551616.0)) ThrowConversion(a);
        return (long)(ulong)a;
    }

    public static int I32TruncSatF32S(float a) => I32TruncSatF64S(a);
    public static int I32TruncSatF32U(float a) => I32TruncSatF64U(a);
    public static long I64TruncSatF32S(float a) => I64TruncSatF64S(a);
    public static long I64TruncSatF32U(float a) => I64TruncSatF64U(a);

    public static int I32TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a <= int.MinValue ? int.MinValue : a >= 2147483647.0 ? int.MaxValue : (int)a;

    public static int I32TruncSatF64U(double a) =>
        double.IsNaN(a) || a <= 0 ? 0 : a >= 4294967295.0 ? -1 : (int)(uint)a;

    public static long I64TruncSatF64S(double a) =>
        double.IsNaN(a) ? 0 : a <= -9223372036854775808.0 ? long.MinValue : a >= 9223372036854775808.0 ? long.MaxValue : (long)a;

    public static long I64TruncSatF64U(double a) =>
        double.IsNaN(a) || a <= 0 ? 0 : a >= 18446744073709551616.0 ? -1 : (long)(ulong)a;

    public static float F32ConvertI32U(int a) => (float)(double)(uint)a;

    public static float F32ConvertI64U(long a) =>
        // Halve with a sticky bit so that the one rounding to float is the correct one.
        a >= 0 ? a : (float)((a >>> 1) | (a & 1)) * 2f;

    public static float F32ConvertI64S(long a) => a;

    public static double F64ConvertI32U(int a) => (uint)a;

    public static double F64ConvertI64U(long a) =>
        a >= 0 ? a : (double)((a >>> 1) | (a & 1)) * 2.0;

    // NaN results are quieted explicitly: the JIT folds (float)(double)x to x, which would keep a signaling NaN.
    public static float F32DemoteF64(double a)
    {
        float r = (float)a;
        return float.IsNaN(r) ? BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(r) | 0x0040_0000) : r;
    }

    public static double F64PromoteF32(float a) =>
        float.IsNaN(a) ? BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | 0x0008_0000_0000_0000) : a;

    public static int I32ReinterpretF32(float a) => BitConverter.SingleToInt32Bits(a);
    public static long I64ReinterpretF64(double a) => BitConverter.DoubleToInt64Bits(a);

    // dotnet/runtime issue 133580: RyuJIT 10.0.12 folds BitConverter's reinterpretation of a narrow value
    // (an 8/16/32-bit load, an extend or mask of a load, a lane read without hardware intrinsics) into a
    // full-width float load, reading bytes the load never read; it also sees through anything it can
    // reduce to such a value (x + 0 with a known 0, a local). movd/movq, as intrinsics, are not folded.
    // Without them the reinterpretation is a call, which keeps the value in a register.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ReinterpretI32(int a) => Sse2.IsSupported
        ? Sse2.ConvertScalarToVector128Int32(a).AsSingle().ToScalar() : F32FromBitsOpaque(a);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ReinterpretI64(long a) => Sse2.X64.IsSupported
        ? Sse2.X64.ConvertScalarToVector128Int64(a).AsDouble().ToScalar() : F64FromBitsOpaque(a);
#pragma warning restore CS1591

#pragma warning disable CS1591 // One method per instruction, as above.
    // Scalar float arithmetic goes through SSE on x86. RyuJIT folds x + -0.0, x - 0.0, x * 1.0 and
    // x / 1.0 to x whenever it can prove the constant (a literal, a local, a conversion, a select of
    // constants), which returns a signaling NaN x unchanged where Wasm requires a quiet one. It does not
    // fold the scalar intrinsics, which compile to the same single instruction. Elsewhere the result is
    // quieted after the fact, which is right whatever the JIT folded.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Add(float a, float b) => Sse.IsSupported
        ? Sse.AddScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Sub(float a, float b) => Sse.IsSupported
        ? Sse.SubtractScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Mul(float a, float b) => Sse.IsSupported
        ? Sse.MultiplyScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Div(float a, float b) => Sse.IsSupported
        ? Sse.DivideScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a / b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Add(double a, double b) => Sse2.IsSupported
        ? Sse2.AddScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a + b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Sub(double a, double b) => Sse2.IsSupported
        ? Sse2.SubtractScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a - b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Mul(double a, double b) => Sse2.IsSupported
        ? Sse2.MultiplyScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a * b);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Div(double a, double b) => Sse2.IsSupported
        ? Sse2.DivideScalar(Vector128.CreateScalarUnsafe(a), Vector128.CreateScalarUnsafe(b)).ToScalar() : Quiet(a / b);

#pragma warning restore CS1591

    private static float Quiet(float r) => float.IsNaN(r) ? QuietF32(r) : r;

    private static double Quiet(double r) => double.IsNaN(r) ? QuietF64(r) : r;

    /// <summary>A NaN with its quiet bit set: what arithmetic must return for a signaling NaN operand.</summary>
    public static float QuietF32(float nan) => BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(nan) | 0x00400000);

    /// <summary>The f64 form of <see cref="QuietF32"/>.</summary>
    public static double QuietF64(double nan) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(nan) | 0x0008000000000000);

    /// <summary>
    /// An f32 from its bits, out of line: the JIT keeps float constants as doubles while folding,
    /// which would quiet a signaling NaN constant.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32FromBitsExact(int bits) => BitConverter.Int32BitsToSingle(bits);

    /// <summary>f32.reinterpret_i32 out of line (see <see cref="F32ReinterpretI32"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static float F32FromBitsOpaque(int bits) => BitConverter.Int32BitsToSingle(bits);

    /// <summary>f64.reinterpret_i64 out of line (see <see cref="F64ReinterpretI64"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double F64FromBitsOpaque(long bits) => BitConverter.Int64BitsToDouble(bits);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowConversion(double a) =>
        Traps.Throw(double.IsNaN(a) ? TrapCode.BadConversionToInteger : TrapCode.IntegerOverflow);
}
