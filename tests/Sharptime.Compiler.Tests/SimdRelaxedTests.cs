namespace Sharptime.Compiler.Tests;

/// <summary>
/// Relaxed SIMD through compiled code: every result must be one the proposal allows, and the
/// same instruction must give the same result twice in a process.
/// </summary>
public sealed class SimdRelaxedTests
{
    private static (ulong Low, ulong High) Call(string op, params (ulong Low, ulong High)[] operands)
    {
        string pars = string.Join(' ', Enumerable.Repeat("v128", operands.Length));
        string gets = string.Join(' ', Enumerable.Range(0, operands.Length).Select(i => $"local.get {i}"));
        Func f = Wasm.Instantiate($"(module (func (export \"f\") (param {pars}) (result v128) {gets} {op}))").GetFunction("f")!;
        Value[] args = [.. operands.Select(o => Value.V128(o.Low, o.High))];
        (ulong, ulong) first = f.Call(args)[0].AsV128();
        Assert.Equal(first, f.Call(args)[0].AsV128());
        return first;
    }

    private static (ulong, ulong) F32(float a, float b, float c, float d) =>
        (BitConverter.SingleToUInt32Bits(a) | ((ulong)BitConverter.SingleToUInt32Bits(b) << 32),
         BitConverter.SingleToUInt32Bits(c) | ((ulong)BitConverter.SingleToUInt32Bits(d) << 32));

    private static float[] F32Lanes((ulong Low, ulong High) v) =>
        [BitConverter.UInt32BitsToSingle((uint)v.Low), BitConverter.UInt32BitsToSingle((uint)(v.Low >> 32)),
         BitConverter.UInt32BitsToSingle((uint)v.High), BitConverter.UInt32BitsToSingle((uint)(v.High >> 32))];

    private static (ulong, ulong) Bytes(params int[] b)
    {
        ulong low = 0, high = 0;
        for (int i = 0; i < 8; i++)
        {
            low |= (ulong)(byte)b[i] << (8 * i);
            high |= (ulong)(byte)b[i + 8] << (8 * i);
        }
        return (low, high);
    }

    private static byte[] ByteLanes((ulong Low, ulong High) v) => [.. BitConverter.GetBytes(v.Low), .. BitConverter.GetBytes(v.High)];

    private static short[] I16Lanes((ulong Low, ulong High) v)
    {
        byte[] b = ByteLanes(v);
        return [.. Enumerable.Range(0, 8).Select(i => BitConverter.ToInt16(b, 2 * i))];
    }

    private static int[] I32Lanes((ulong Low, ulong High) v) => [(int)v.Low, (int)(v.Low >> 32), (int)v.High, (int)(v.High >> 32)];

    [Fact]
    public void Madd_is_fused_or_unfused()
    {
        float[] r = F32Lanes(Call("f32x4.relaxed_madd", F32(float.MaxValue, 1.5f, 2f, 1f), F32(2f, 2f, 3f, 0f), F32(-float.MaxValue, 1f, -1f, -0f)));
        Assert.True(r[0] == float.MaxValue || float.IsPositiveInfinity(r[0]), $"{r[0]}");
        Assert.Equal([4f, 5f, 0f], r[1..]);
        float[] n = F32Lanes(Call("f32x4.relaxed_nmadd", F32(-float.MaxValue, 1.5f, 2f, 1f), F32(2f, 2f, 3f, 0f), F32(-float.MaxValue, 1f, -1f, 0f)));
        Assert.True(n[0] == float.MaxValue || float.IsPositiveInfinity(n[0]), $"{n[0]}");
        Assert.Equal([-2f, -7f, 0f], n[1..]);
        (ulong low, ulong high) d = Call("f64x2.relaxed_madd", (BitConverter.DoubleToUInt64Bits(3.0), BitConverter.DoubleToUInt64Bits(-2.0)),
            (BitConverter.DoubleToUInt64Bits(0.5), BitConverter.DoubleToUInt64Bits(4.0)), (BitConverter.DoubleToUInt64Bits(1.0), 0));
        Assert.Equal((2.5, -8.0), (BitConverter.UInt64BitsToDouble(d.low), BitConverter.UInt64BitsToDouble(d.high)));
    }

    [Fact]
    public void Min_and_max_agree_with_min_max_where_operands_are_ordered_and_distinct()
    {
        float[] r = F32Lanes(Call("f32x4.relaxed_min", F32(1f, -3f, float.NegativeInfinity, 5f), F32(2f, -4f, 0f, 5f)));
        Assert.Equal([1f, -4f, float.NegativeInfinity, 5f], r);
        float[] m = F32Lanes(Call("f32x4.relaxed_max", F32(1f, float.NaN, 0f, -0f), F32(2f, 1f, -0f, 0f)));
        Assert.Equal(2f, m[0]);
        Assert.True(float.IsNaN(m[1]) || m[1] == 1f);
        Assert.True(m[2] == 0f && m[3] == 0f);
    }

    [Fact]
    public void Swizzle_selects_in_range_lanes_and_gives_an_allowed_byte_out_of_range()
    {
        int[] data = [.. Enumerable.Range(100, 16)];
        int[] indices = [15, 0, 7, 16, 17, 31, 127, 128, 200, 255, 3, 3, 8, 9, 64, 1];
        byte[] r = ByteLanes(Call("i8x16.relaxed_swizzle", Bytes(data), Bytes(indices)));
        for (int i = 0; i < 16; i++)
        {
            int idx = indices[i];
            // Out of range: 0, or (as pshufb does below 128) the lane at the index modulo 16.
            if (idx < 16) Assert.Equal(data[idx], r[i]);
            else Assert.True(r[i] == 0 || r[i] == data[idx % 16], $"lane {i}: {r[i]}");
        }
    }

    [Fact]
    public void Truncations_are_exact_in_range_and_allowed_outside()
    {
        int[] s = I32Lanes(Call("i32x4.relaxed_trunc_f32x4_s", F32(-1.9f, 3e9f, float.NaN, 1e6f)));
        Assert.Equal(-1, s[0]);
        Assert.True(s[1] is int.MaxValue or int.MinValue);
        Assert.True(s[2] is 0 or int.MinValue);
        Assert.Equal(1_000_000, s[3]);
        int[] u = I32Lanes(Call("i32x4.relaxed_trunc_f32x4_u", F32(3e9f, -2f, float.NaN, 7.9f)));
        Assert.Equal(unchecked((int)3_000_000_000u), u[0]);
        Assert.True((u[1] is 0 or -1) && (u[2] is 0 or -1));
        Assert.Equal(7, u[3]);
        int[] z = I32Lanes(Call("i32x4.relaxed_trunc_f64x2_s_zero", (BitConverter.DoubleToUInt64Bits(-5.5), BitConverter.DoubleToUInt64Bits(1e10))));
        Assert.Equal(-5, z[0]);
        Assert.True(z[1] is int.MaxValue or int.MinValue);
        Assert.Equal([0, 0], z[2..]);
        int[] uz = I32Lanes(Call("i32x4.relaxed_trunc_f64x2_u_zero", (BitConverter.DoubleToUInt64Bits(4294967295.0), BitConverter.DoubleToUInt64Bits(0.5))));
        Assert.Equal([-1, 0, 0, 0], uz);
    }

    [Fact]
    public void Laneselect_with_whole_lane_masks_selects_lanes()
    {
        (ulong, ulong) a = (0x1111_1111_1111_1111, 0x2222_2222_2222_2222);
        (ulong, ulong) b = (0x3333_3333_3333_3333, 0x4444_4444_4444_4444);
        foreach (string op in new[] { "i8x16", "i16x8", "i32x4", "i64x2" })
        {
            Assert.Equal((0x1111_1111_1111_1111UL, 0x4444_4444_4444_4444UL), Call($"{op}.relaxed_laneselect", a, b, (ulong.MaxValue, 0UL)));
        }
        Assert.Equal((0x3333_3333_1111_1111UL, 0x2222_2222_4444_4444UL), Call("i32x4.relaxed_laneselect", a, b, (0xFFFF_FFFF, 0xFFFF_FFFF_0000_0000)));
    }

    [Fact]
    public void Q15mulr_rounds_and_overflows_to_an_allowed_value()
    {
        (ulong, ulong) Lanes(params short[] l) => Bytes([.. l.SelectMany(x => new[] { x & 0xFF, (x >> 8) & 0xFF })]);
        short[] r = I16Lanes(Call("i16x8.relaxed_q15mulr_s", Lanes(-32768, 16384, -16384, 32767, 3, 0, 1, -1), Lanes(-32768, 16384, 16384, 32767, 16384, 5, 16384, 16384)));
        Assert.True(r[0] is short.MaxValue or short.MinValue);
        Assert.Equal([8192, -8192, 32766, 2, 0, 1, 0], r[1..]);
    }

    [Fact]
    public void Dot_products_are_exact_for_i7_operands()
    {
        var rng = new Random(7);
        for (int round = 0; round < 20; round++)
        {
            int[] a = [.. Enumerable.Range(0, 16).Select(_ => rng.Next(-128, 128))];
            int[] b = [.. Enumerable.Range(0, 16).Select(_ => rng.Next(0, 128))];
            int[] c = [.. Enumerable.Range(0, 4).Select(_ => rng.Next())];
            short[] dot = I16Lanes(Call("i16x8.relaxed_dot_i8x16_i7x16_s", Bytes(a), Bytes(b)));
            for (int i = 0; i < 8; i++) Assert.Equal(a[2 * i] * b[2 * i] + a[2 * i + 1] * b[2 * i + 1], dot[i]);
            var cv = ((ulong)(uint)c[0] | ((ulong)(uint)c[1] << 32), (ulong)(uint)c[2] | ((ulong)(uint)c[3] << 32));
            int[] sum = I32Lanes(Call("i32x4.relaxed_dot_i8x16_i7x16_add_s", Bytes(a), Bytes(b), cv));
            for (int i = 0; i < 4; i++)
            {
                int expected = c[i];
                for (int k = 4 * i; k < 4 * i + 4; k++) expected = unchecked(expected + a[k] * b[k]);
                Assert.Equal(expected, sum[i]);
            }
        }
    }
}
