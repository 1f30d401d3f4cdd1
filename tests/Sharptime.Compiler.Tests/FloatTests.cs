namespace Sharptime.Compiler.Tests;

public sealed class FloatTests
{
    private static uint F32(string op, uint a, uint b)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param f32 f32) (result f32) local.get 0 local.get 1 {op}))");
        return instance.GetFunction("f")!.Call(Value.F32Bits(a), Value.F32Bits(b))[0].AsF32Bits();
    }

    private static ulong F64Unary(string op, ulong a)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param f64) (result f64) local.get 0 {op}))");
        return instance.GetFunction("f")!.Call(Value.F64Bits(a))[0].AsF64Bits();
    }

    [Fact]
    public void Min_and_max_order_signed_zeros()
    {
        Assert.Equal(0x80000000u, F32("f32.min", 0x00000000, 0x80000000));
        Assert.Equal(0x00000000u, F32("f32.max", 0x80000000, 0x00000000));
    }

    [Fact]
    public void Min_of_a_signaling_nan_is_an_arithmetic_nan()
    {
        uint r = F32("f32.min", 0x7F800001, 0x3F800000);
        Assert.True(float.IsNaN(BitConverter.UInt32BitsToSingle(r)));
        Assert.NotEqual(0u, r & 0x00400000);
    }

    /// <summary>
    /// x * 1, x + -0, x - 0 and x / 1 with the constant wherever the JIT can prove it; a function of 12,000
    /// bytes and more (padded with nops) takes the code path for functions the JIT compiles with MinOpts.
    /// </summary>
    [Theory]
    [InlineData(0)]
    [InlineData(12_000)]
    public void Arithmetic_with_an_identity_constant_quiets_a_signaling_nan(int padding)
    {
        string nops = string.Concat(Enumerable.Repeat("nop ", padding));
        Instance instance = Wasm.Instantiate($$"""
            (module
              (func (export "f32") (param $bits i32) (result i32) (local $x f32) (local $k f32)
                {{nops}}
                (local.set $x (f32.reinterpret_i32 (local.get $bits)))
                (local.set $k (f32.const -0))
                (i32.and
                  (i32.and (i32.reinterpret_f32 (f32.mul (f32.const 1) (local.get $x)))
                           (i32.reinterpret_f32 (f32.add (local.get $x) (local.get $k))))
                  (i32.and (i32.reinterpret_f32 (f32.sub (local.get $x) (f32.convert_i32_s (i32.const 0))))
                           (i32.reinterpret_f32 (f32.div (local.get $x) (block (result f32) (f32.const 1)))))))
              (func (export "f64") (param $bits i64) (result i64) (local $x f64) (local $k f64)
                {{nops}}
                (local.set $x (f64.reinterpret_i64 (local.get $bits)))
                (local.set $k (f64.const 1))
                (i64.and
                  (i64.and (i64.reinterpret_f64 (f64.mul (local.get $k) (local.get $x)))
                           (i64.reinterpret_f64 (f64.add (f64.const -0) (local.get $x))))
                  (i64.and (i64.reinterpret_f64 (f64.sub (local.get $x) (f64.const 0)))
                           (i64.reinterpret_f64 (f64.div (local.get $x) (f64.convert_i32_s (i32.const 1))))))))
            """);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(0x7FE00000, instance.GetFunction<int, int>("f32")(0x7FA00000));
            Assert.Equal(0x7FFC000000000000, instance.GetFunction<long, long>("f64")(0x7FF4000000000000));
        }
    }

    [Fact]
    public void Subtracting_zero_quiets_a_signaling_nan()
    {
        uint r = F32("f32.sub", 0x7FA00000, 0);
        Assert.Equal(0x7FE00000u, r);
        Instance instance = Wasm.Instantiate("(module (func (export \"f\") (param f64) (result f64) (f64.mul (local.get 0) (f64.const 1))))");
        Assert.Equal(0x7FFC000000000000UL, instance.GetFunction("f")!.Call(Value.F64Bits(0x7FF4000000000000))[0].AsF64Bits());
    }

    [Fact]
    public void Sign_operations_keep_nan_payloads()
    {
        Assert.Equal(0xFFF0000000000001UL, F64Unary("f64.neg", 0x7FF0000000000001));
        Assert.Equal(0x7FF0000000000001UL, F64Unary("f64.abs", 0xFFF0000000000001));
        Assert.Equal(0xFFA00001u, F32("f32.copysign", 0x7FA00001, 0x80000000));
    }

    [Fact]
    public void Constants_and_reinterpret_keep_signaling_nan_bits()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "c") (result i32) f32.const nan:0x200000 i32.reinterpret_f32)
              (func (export "d") (result i64) f64.const -nan:0x1 i64.reinterpret_f64))
            """);
        Assert.Equal(0x7FA00000, instance.GetFunction<int>("c")());
        Assert.Equal(unchecked((long)0xFFF0000000000001), instance.GetFunction<long>("d")());
    }

    [Fact]
    public void Reinterpreting_a_constant_keeps_signaling_nan_bits()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "f") (result f32) i32.const 0x7fa00001 f32.reinterpret_i32)
              (func (export "d") (result f64) i64.const 0x7ff4000000000001 f64.reinterpret_i64))
            """);
        Assert.Equal(0x7FA00001u, instance.GetFunction("f")!.Call()[0].AsF32Bits());
        Assert.Equal(0x7FF4000000000001UL, instance.GetFunction("d")!.Call()[0].AsF64Bits());
        Assert.Equal(0x7FA00001u, BitConverter.SingleToUInt32Bits(instance.GetFunction<float>("f")()));
    }

    [Theory]
    [InlineData("f64.nearest", 2.5, 2.0)]
    [InlineData("f64.nearest", -0.5, -0.0)]
    [InlineData("f64.nearest", 3.5, 4.0)]
    [InlineData("f64.ceil", -0.5, -0.0)]
    [InlineData("f64.floor", -0.5, -1.0)]
    [InlineData("f64.trunc", -1.5, -1.0)]
    [InlineData("f64.sqrt", 16.0, 4.0)]
    public void Rounding(string op, double a, double expected) =>
        Assert.Equal(BitConverter.DoubleToUInt64Bits(expected), F64Unary(op, BitConverter.DoubleToUInt64Bits(a)));

    [Fact]
    public void Comparisons_with_nan_are_false()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "le") (param f64 f64) (result i32) local.get 0 local.get 1 f64.le)
              (func (export "ge") (param f32 f32) (result i32) local.get 0 local.get 1 f32.ge)
              (func (export "ne") (param f64 f64) (result i32) local.get 0 local.get 1 f64.ne))
            """);
        Assert.Equal(0, instance.GetFunction<double, double, int>("le")(double.NaN, 1));
        Assert.Equal(1, instance.GetFunction<double, double, int>("le")(1, 1));
        Assert.Equal(0, instance.GetFunction<float, float, int>("ge")(1, float.NaN));
        Assert.Equal(1, instance.GetFunction<double, double, int>("ne")(double.NaN, double.NaN));
    }

    [Theory]
    [InlineData("i32.trunc_f64_s", double.NaN, TrapCode.BadConversionToInteger)]
    [InlineData("i32.trunc_f64_s", 2147483648.0, TrapCode.IntegerOverflow)]
    [InlineData("i32.trunc_f64_u", -1.0, TrapCode.IntegerOverflow)]
    public void Truncation_traps(string op, double a, TrapCode code)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param f64) (result i32) local.get 0 {op}))");
        Assert.Equal(code, Wasm.Traps(() => instance.GetFunction<double, int>("f")(a)).Code);
    }

    [Theory]
    [InlineData("i32.trunc_f64_s", -2147483648.9, int.MinValue)]
    [InlineData("i32.trunc_f64_u", -0.9, 0)]
    [InlineData("i32.trunc_f64_u", 4294967295.0, -1)]
    [InlineData("i32.trunc_sat_f64_s", double.NaN, 0)]
    [InlineData("i32.trunc_sat_f64_s", 1e10, int.MaxValue)]
    [InlineData("i32.trunc_sat_f64_u", -5.0, 0)]
    [InlineData("i32.trunc_sat_f64_u", 1e10, -1)]
    public void Truncation(string op, double a, int expected)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param f64) (result i32) local.get 0 {op}))");
        Assert.Equal(expected, instance.GetFunction<double, int>("f")(a));
    }

    [Fact]
    public void Unsigned_64_bit_conversions_round_once()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "u2f") (param i64) (result f32) local.get 0 f32.convert_i64_u)
              (func (export "s2f") (param i64) (result f32) local.get 0 f32.convert_i64_s)
              (func (export "u2d") (param i64) (result f64) local.get 0 f64.convert_i64_u)
              (func (export "sat") (param f32) (result i64) local.get 0 i64.trunc_sat_f32_u))
            """);
        // Values from the spec's conversions.wast that double rounding gets wrong.
        Assert.Equal(9007199791611905f, instance.GetFunction<long, float>("s2f")(9007199791611905));
        Assert.Equal(BitConverter.UInt32BitsToSingle(0x5F800000), instance.GetFunction<long, float>("u2f")(-1));
        Assert.Equal(9223373136366403584f, instance.GetFunction<long, float>("u2f")(unchecked((long)0x8000008000000001)));
        Assert.Equal(18446744073709549568.0, instance.GetFunction<long, double>("u2d")(unchecked((long)0xFFFFFFFFFFFFFBFF)));
        Assert.Equal(-1L, instance.GetFunction<float, long>("sat")(float.PositiveInfinity));
    }

    [Fact]
    public void Promote_and_demote()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "p") (param f32) (result f64) local.get 0 f64.promote_f32)
              (func (export "d") (param f64) (result f32) local.get 0 f32.demote_f64))
            """);
        Assert.Equal(1.5, instance.GetFunction<float, double>("p")(1.5f));
        Assert.Equal(float.PositiveInfinity, instance.GetFunction<double, float>("d")(1e300));
    }
}
