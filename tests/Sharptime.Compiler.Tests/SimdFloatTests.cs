namespace Sharptime.Compiler.Tests;

/// <summary>
/// Float-lane SIMD through compiled code: v128 values go in and come out through the host API, so
/// these tests need no other SIMD instruction than the one under test.
/// </summary>
public sealed class SimdFloatTests
{
    private const uint F32SNaN = 0x7FA0_0000;
    private const uint F32CanonicalNaN = 0x7FC0_0000;
    private const ulong F64SNaN = 0x7FF4_0000_0000_0000;

    private static readonly Dictionary<string, Func> Functions = [];

    private static Func Function(string op, int arity)
    {
        string key = $"{op}/{arity}";
        lock (Functions)
        {
            if (!Functions.TryGetValue(key, out Func? f))
            {
                string pars = string.Join(' ', Enumerable.Repeat("v128", arity));
                string gets = string.Join(' ', Enumerable.Range(0, arity).Select(i => $"local.get {i}"));
                Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param {pars}) (result v128) {gets} {op}))");
                Functions[key] = f = instance.GetFunction("f")!;
            }
            return f;
        }
    }

    private static uint[] F32x4(string op, params uint[][] operands)
    {
        var args = new Value[operands.Length];
        for (int i = 0; i < args.Length; i++)
        {
            uint[] l = operands[i];
            args[i] = Value.V128(l[0] | ((ulong)l[1] << 32), l[2] | ((ulong)l[3] << 32));
        }
        (ulong low, ulong high) = Function(op, operands.Length).Call(args)[0].AsV128();
        return [(uint)low, (uint)(low >> 32), (uint)high, (uint)(high >> 32)];
    }

    private static ulong[] F64x2(string op, params ulong[][] operands)
    {
        var args = new Value[operands.Length];
        for (int i = 0; i < args.Length; i++) args[i] = Value.V128(operands[i][0], operands[i][1]);
        (ulong low, ulong high) = Function(op, operands.Length).Call(args)[0].AsV128();
        return [low, high];
    }

    private static uint B(float f) => BitConverter.SingleToUInt32Bits(f);
    private static ulong B(double d) => BitConverter.DoubleToUInt64Bits(d);
    private static bool IsArithmeticNaN(uint bits) => (bits & 0x7FC0_0000) == 0x7FC0_0000;
    private static bool IsCanonicalNaN(uint bits) => (bits & 0x7FFF_FFFF) == F32CanonicalNaN;
    private static bool IsArithmeticNaN(ulong bits) => (bits & 0x7FF8_0000_0000_0000) == 0x7FF8_0000_0000_0000;
    private static bool IsCanonicalNaN(ulong bits) => (bits & 0x7FFF_FFFF_FFFF_FFFF) == 0x7FF8_0000_0000_0000;

    [Fact]
    public void Min_and_max_order_signed_zeros_in_both_operand_orders()
    {
        uint[] zeros = [B(0f), B(-0f), B(-0f), B(0f)];
        uint[] others = [B(-0f), B(0f), B(-0f), B(0f)];
        Assert.Equal([B(-0f), B(-0f), B(-0f), B(0f)], F32x4("f32x4.min", zeros, others));
        Assert.Equal([B(0f), B(0f), B(-0f), B(0f)], F32x4("f32x4.max", zeros, others));
        Assert.Equal([B(-0.0), B(-0.0)], F64x2("f64x2.min", [B(0.0), B(-0.0)], [B(-0.0), B(0.0)]));
        Assert.Equal([B(0.0), B(0.0)], F64x2("f64x2.max", [B(0.0), B(-0.0)], [B(-0.0), B(0.0)]));
    }

    [Theory]
    [InlineData("f32x4.min")]
    [InlineData("f32x4.max")]
    public void Min_and_max_propagate_nans_as_quiet_nans(string op)
    {
        uint[] r = F32x4(op, [F32SNaN, B(1f), F32CanonicalNaN, 0xFFC0_0000], [B(1f), F32SNaN, B(-1f), B(float.PositiveInfinity)]);
        Assert.True(IsArithmeticNaN(r[0]), $"{r[0]:x8}");
        Assert.True(IsArithmeticNaN(r[1]), $"{r[1]:x8}");
        Assert.True(IsCanonicalNaN(r[2]), $"{r[2]:x8}");
        Assert.True(IsCanonicalNaN(r[3]), $"{r[3]:x8}");
        ulong[] d = F64x2(op.Replace("f32x4", "f64x2", StringComparison.Ordinal), [F64SNaN, B(2.0)], [B(-3.0), B(double.NaN)]);
        Assert.True(IsArithmeticNaN(d[0]) && IsArithmeticNaN(d[1]));
    }

    [Fact]
    public void Pmin_and_pmax_select_an_operand_bit_for_bit()
    {
        // pmin = b < a ? b : a: a NaN in either operand makes the comparison false, so a is kept.
        uint[] a = [F32SNaN, B(1f), B(0f), B(2f)];
        uint[] b = [B(1f), 0xFFA0_0001, B(-0f), B(-2f)];
        Assert.Equal([F32SNaN, B(1f), B(0f), B(-2f)], F32x4("f32x4.pmin", a, b));
        Assert.Equal([F32SNaN, B(1f), B(0f), B(2f)], F32x4("f32x4.pmax", a, b));
        Assert.Equal([B(1.0), F64SNaN], F64x2("f64x2.pmin", [B(1.0), F64SNaN], [B(3.0), B(-1.0)]));
        Assert.Equal([B(3.0), F64SNaN], F64x2("f64x2.pmax", [B(1.0), F64SNaN], [B(3.0), B(-1.0)]));
    }

    [Fact]
    public void Abs_and_neg_keep_nan_payloads()
    {
        Assert.Equal([0x7FA0_0001u, B(1f), B(0f), 0x7FC0_0000u], F32x4("f32x4.abs", [0xFFA0_0001, B(-1f), B(-0f), 0xFFC0_0000]));
        Assert.Equal([0xFFA0_0001u, B(1f), B(0f), 0xFFC0_0000u], F32x4("f32x4.neg", [0x7FA0_0001, B(-1f), B(-0f), 0x7FC0_0000]));
        Assert.Equal([0xFFF4_0000_0000_0001UL, B(0.0)], F64x2("f64x2.neg", [0x7FF4_0000_0000_0001, B(-0.0)]));
        Assert.Equal([0x7FF4_0000_0000_0001UL, B(2.0)], F64x2("f64x2.abs", [0xFFF4_0000_0000_0001, B(-2.0)]));
    }

    [Fact]
    public void Rounding_rounds_halves_to_even_and_keeps_signs()
    {
        Assert.Equal([B(2f), B(-0f), B(4f), B(-4f)], F32x4("f32x4.nearest", [B(2.5f), B(-0.5f), B(3.5f), B(-4.5f)]));
        Assert.Equal([B(-0f), B(1f), B(-1f), B(8388609f)], F32x4("f32x4.ceil", [B(-0.5f), B(0.25f), B(-1.5f), B(8388609f)]));
        Assert.Equal([B(-1f), B(0f), B(-2f), B(1f)], F32x4("f32x4.floor", [B(-0.5f), B(0.25f), B(-1.5f), B(1f)]));
        Assert.Equal([B(-0f), B(0f), B(-1f), B(1f)], F32x4("f32x4.trunc", [B(-0.5f), B(0.25f), B(-1.5f), B(1.75f)]));
        Assert.Equal([B(4503599627370496.0), B(-0.0)], F64x2("f64x2.nearest", [B(4503599627370495.5), B(-0.5)]));
        uint[] nan = F32x4("f32x4.ceil", [F32SNaN, F32CanonicalNaN, B(0f), B(0f)]);
        Assert.True(IsArithmeticNaN(nan[0]) && IsCanonicalNaN(nan[1]));
    }

    [Fact]
    public void Comparisons_give_lane_masks_and_are_false_on_nan_except_ne()
    {
        uint[] a = [B(1f), F32CanonicalNaN, B(0f), B(2f)];
        uint[] b = [B(1f), F32CanonicalNaN, B(-0f), B(3f)];
        Assert.Equal([~0u, 0u, ~0u, 0u], F32x4("f32x4.eq", a, b));
        Assert.Equal([0u, ~0u, 0u, ~0u], F32x4("f32x4.ne", a, b));
        Assert.Equal([0u, 0u, 0u, ~0u], F32x4("f32x4.lt", a, b));
        Assert.Equal([~0u, 0u, ~0u, ~0u], F32x4("f32x4.le", a, b));
        Assert.Equal([0u, 0u, 0u, 0u], F32x4("f32x4.gt", a, b));
        Assert.Equal([~0u, 0u, ~0u, 0u], F32x4("f32x4.ge", a, b));
        Assert.Equal([0UL, ~0UL], F64x2("f64x2.ne", [B(1.0), B(double.NaN)], [B(1.0), B(double.NaN)]));
        Assert.Equal([~0UL, 0UL], F64x2("f64x2.ge", [B(1.0), B(double.NaN)], [B(1.0), B(0.0)]));
    }

    [Fact]
    public void Unsigned_int_to_float_conversions_are_correctly_rounded()
    {
        // 0x7FFFFFC1 is above the midpoint between the two nearest floats; 16777217 is a tie.
        Assert.Equal([0x4F80_0000u, 0x4F00_0000u, B(16777216f), 0x4F00_0000u],
            F32x4("f32x4.convert_i32x4_u", [0xFFFF_FFFF, 0x8000_0001, 16777217, 0x7FFF_FFC1]));
        Assert.Equal([B(-1f), B(-2147483648f), B(16777216f), B(1f)],
            F32x4("f32x4.convert_i32x4_s", [0xFFFF_FFFF, 0x8000_0000, 16777217, 1]));
        Assert.Equal([B(4294967295.0), B(2147483648.0)], F64x2("f64x2.convert_low_i32x4_u", [0x8000_0000_FFFF_FFFF, 7]));
        Assert.Equal([B(-1.0), B(-2147483648.0)], F64x2("f64x2.convert_low_i32x4_s", [0x8000_0000_FFFF_FFFF, 7]));
    }

    [Fact]
    public void Truncations_saturate_and_map_nan_to_zero()
    {
        uint[] f = [F32CanonicalNaN, B(3e9f), B(-3e9f), B(-1.9f)];
        Assert.Equal([0u, 0x7FFF_FFFFu, 0x8000_0000u, 0xFFFF_FFFFu], F32x4("i32x4.trunc_sat_f32x4_s", f));
        Assert.Equal([0u, 3_000_000_000u, 0u, 0u], F32x4("i32x4.trunc_sat_f32x4_u", f));
        Assert.Equal([0xFFFF_FF00u, 0xFFFF_FFFFu, 0u, 1u], F32x4("i32x4.trunc_sat_f32x4_u", [B(4294967040f), B(5e9f), B(-0.9f), B(1.9f)]));
        // The f64x2 forms fill lanes 2 and 3 with zeros.
        Assert.Equal([0x7FFF_FFFFu, 0x8000_0000u, 0u, 0u], F32x4("i32x4.trunc_sat_f64x2_s_zero", Lanes(B(2147483647.5), B(-1e300))));
        Assert.Equal([0u, 0xFFFF_FFFEu, 0u, 0u], F32x4("i32x4.trunc_sat_f64x2_s_zero", Lanes(B(double.NaN), B(-2.5))));
        Assert.Equal([0xFFFF_FFFFu, 0u, 0u, 0u], F32x4("i32x4.trunc_sat_f64x2_u_zero", Lanes(B(4294967296.0), B(double.NaN))));
        Assert.Equal([4294967295u, 0u, 0u, 0u], F32x4("i32x4.trunc_sat_f64x2_u_zero", Lanes(B(4294967295.9), B(-0.99))));
        Assert.Equal([3u, 0u, 0u, 0u], F32x4("i32x4.trunc_sat_f64x2_u_zero", Lanes(B(3.999), B(-1e300))));
    }

    [Fact]
    public void Demote_and_promote_convert_the_low_lanes()
    {
        uint[] demoted = F32x4("f32x4.demote_f64x2_zero", Lanes(B(1.5), F64SNaN));
        Assert.Equal(B(1.5f), demoted[0]);
        Assert.True(IsArithmeticNaN(demoted[1]), $"{demoted[1]:x8}");
        Assert.Equal([0u, 0u], demoted[2..]);
        Assert.Equal([B(double.PositiveInfinity), B(0.0)], F64x2("f64x2.promote_low_f32x4", [B(float.PositiveInfinity), 0]));
        Assert.Equal([B((double)0.1f), B(-0.0)], F64x2("f64x2.promote_low_f32x4", [B(0.1f) | ((ulong)B(-0f) << 32), ~0UL]));
    }

    /// <summary>Every binary op against the scalar instruction it lifts, lane by lane, on awkward values.</summary>
    [Theory]
    [InlineData("add")]
    [InlineData("sub")]
    [InlineData("mul")]
    [InlineData("div")]
    [InlineData("min")]
    [InlineData("max")]
    public void Binary_ops_match_the_scalar_instructions(string op)
    {
        float[] specials = [0f, -0f, 1f, -1f, 0.5f, 3e38f, -3e38f, 1e-45f, float.PositiveInfinity, float.NegativeInfinity, 7f, -2.5f];
        var rng = new Random(42);
        Func scalar = Wasm.Instantiate($"(module (func (export \"f\") (param f32 f32) (result f32) local.get 0 local.get 1 f32.{op}))").GetFunction("f")!;
        for (int round = 0; round < 40; round++)
        {
            uint[] a = new uint[4], b = new uint[4];
            for (int i = 0; i < 4; i++)
            {
                a[i] = B(rng.Next(3) == 0 ? specials[rng.Next(specials.Length)] : (float)(rng.NextDouble() * 200 - 100));
                b[i] = B(rng.Next(3) == 0 ? specials[rng.Next(specials.Length)] : (float)(rng.NextDouble() * 200 - 100));
            }
            uint[] r = F32x4($"f32x4.{op}", a, b);
            for (int i = 0; i < 4; i++)
            {
                uint expected = scalar.Call(Value.F32Bits(a[i]), Value.F32Bits(b[i]))[0].AsF32Bits();
                if (IsArithmeticNaN(expected)) Assert.True(IsArithmeticNaN(r[i]));
                else Assert.Equal(expected, r[i]);
            }
        }
    }

    private static uint[] Lanes(ulong low, ulong high) => [(uint)low, (uint)(low >> 32), (uint)high, (uint)(high >> 32)];
}
