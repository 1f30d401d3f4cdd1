namespace Sharptime.Fuzz;

internal sealed partial class OwnGenerator
{
    private static readonly string[] V128Binary =
    [
        "i8x16.add", "i8x16.sub", "i8x16.add_sat_s", "i8x16.add_sat_u", "i8x16.sub_sat_s", "i8x16.sub_sat_u", "i8x16.min_s", "i8x16.min_u",
        "i8x16.max_s", "i8x16.max_u", "i8x16.avgr_u", "i8x16.eq", "i8x16.ne", "i8x16.lt_s", "i8x16.lt_u", "i8x16.gt_s", "i8x16.gt_u",
        "i8x16.le_s", "i8x16.le_u", "i8x16.ge_s", "i8x16.ge_u", "i8x16.narrow_i16x8_s", "i8x16.narrow_i16x8_u", "i8x16.swizzle",
        "i16x8.add", "i16x8.sub", "i16x8.mul", "i16x8.add_sat_s", "i16x8.add_sat_u", "i16x8.sub_sat_s", "i16x8.sub_sat_u", "i16x8.min_s",
        "i16x8.min_u", "i16x8.max_s", "i16x8.max_u", "i16x8.avgr_u", "i16x8.q15mulr_sat_s", "i16x8.eq", "i16x8.ne", "i16x8.lt_s",
        "i16x8.lt_u", "i16x8.gt_s", "i16x8.gt_u", "i16x8.le_s", "i16x8.ge_u", "i16x8.narrow_i32x4_s", "i16x8.narrow_i32x4_u",
        "i16x8.extmul_low_i8x16_s", "i16x8.extmul_high_i8x16_u", "i16x8.extmul_low_i8x16_u", "i16x8.extmul_high_i8x16_s",
        "i32x4.add", "i32x4.sub", "i32x4.mul", "i32x4.min_s", "i32x4.min_u", "i32x4.max_s", "i32x4.max_u", "i32x4.dot_i16x8_s",
        "i32x4.eq", "i32x4.ne", "i32x4.lt_s", "i32x4.lt_u", "i32x4.gt_s", "i32x4.gt_u", "i32x4.le_u", "i32x4.ge_s",
        "i32x4.extmul_low_i16x8_u", "i32x4.extmul_high_i16x8_s", "i32x4.extmul_low_i16x8_s", "i32x4.extmul_high_i16x8_u",
        "i64x2.add", "i64x2.sub", "i64x2.mul", "i64x2.eq", "i64x2.ne", "i64x2.lt_s", "i64x2.gt_s", "i64x2.le_s", "i64x2.ge_s",
        "i64x2.extmul_low_i32x4_s", "i64x2.extmul_high_i32x4_u", "i64x2.extmul_low_i32x4_u", "i64x2.extmul_high_i32x4_s",
        "f32x4.add", "f32x4.sub", "f32x4.mul", "f32x4.div", "f32x4.min", "f32x4.max", "f32x4.pmin", "f32x4.pmax",
        "f32x4.eq", "f32x4.ne", "f32x4.lt", "f32x4.gt", "f32x4.le", "f32x4.ge",
        "f64x2.add", "f64x2.sub", "f64x2.mul", "f64x2.div", "f64x2.min", "f64x2.max", "f64x2.pmin", "f64x2.pmax",
        "f64x2.eq", "f64x2.ne", "f64x2.lt", "f64x2.gt", "f64x2.le", "f64x2.ge",
        "v128.and", "v128.or", "v128.xor", "v128.andnot",
    ];

    private static readonly string[] V128Unary =
    [
        "v128.not", "i8x16.abs", "i8x16.neg", "i8x16.popcnt",
        "i16x8.abs", "i16x8.neg", "i16x8.extend_low_i8x16_s", "i16x8.extend_high_i8x16_u", "i16x8.extend_low_i8x16_u",
        "i16x8.extend_high_i8x16_s", "i16x8.extadd_pairwise_i8x16_s", "i16x8.extadd_pairwise_i8x16_u",
        "i32x4.abs", "i32x4.neg", "i32x4.extend_low_i16x8_u", "i32x4.extend_high_i16x8_s", "i32x4.extadd_pairwise_i16x8_s",
        "i32x4.extadd_pairwise_i16x8_u", "i32x4.trunc_sat_f32x4_s", "i32x4.trunc_sat_f32x4_u", "i32x4.trunc_sat_f64x2_s_zero",
        "i32x4.trunc_sat_f64x2_u_zero",
        "i64x2.abs", "i64x2.neg", "i64x2.extend_low_i32x4_s", "i64x2.extend_high_i32x4_u", "i64x2.extend_low_i32x4_u", "i64x2.extend_high_i32x4_s",
        "f32x4.abs", "f32x4.neg", "f32x4.sqrt", "f32x4.ceil", "f32x4.floor", "f32x4.trunc", "f32x4.nearest",
        "f32x4.convert_i32x4_s", "f32x4.convert_i32x4_u", "f32x4.demote_f64x2_zero",
        "f64x2.abs", "f64x2.neg", "f64x2.sqrt", "f64x2.ceil", "f64x2.floor", "f64x2.trunc", "f64x2.nearest",
        "f64x2.convert_low_i32x4_s", "f64x2.convert_low_i32x4_u", "f64x2.promote_low_f32x4",
    ];

    private static readonly string[] V128Shifts =
    [
        "i8x16.shl", "i8x16.shr_s", "i8x16.shr_u", "i16x8.shl", "i16x8.shr_s", "i16x8.shr_u",
        "i32x4.shl", "i32x4.shr_s", "i32x4.shr_u", "i64x2.shl", "i64x2.shr_s", "i64x2.shr_u",
    ];

    // Float vector operations whose NaN results have bits the spec leaves open: sign and payload when an
    // input NaN is not canonical, the sign otherwise (spec 4.3.3, NaN propagation). V8 returns canonical
    // NaNs where Sharptime keeps the (quieted) payload of an input NaN, as x86 does; shuffles, lane
    // accesses and integer views then turn those bits into ordinary numbers the NaN rule cannot see.
    // Not pmin/pmax (selects: they keep their operand's bits), abs/neg (sign operations) or conversions
    // from integers (never NaN).
    private static readonly HashSet<string> NaNProducing =
    [
        "f32x4.add", "f32x4.sub", "f32x4.mul", "f32x4.div", "f32x4.min", "f32x4.max",
        "f64x2.add", "f64x2.sub", "f64x2.mul", "f64x2.div", "f64x2.min", "f64x2.max",
        "f32x4.sqrt", "f32x4.ceil", "f32x4.floor", "f32x4.trunc", "f32x4.nearest", "f32x4.demote_f64x2_zero",
        "f64x2.sqrt", "f64x2.ceil", "f64x2.floor", "f64x2.trunc", "f64x2.nearest", "f64x2.promote_low_f32x4",
    ];

    /// <summary>
    /// Makes the NaN lanes of a NaN-producing operation's result deterministic without hiding a wrong
    /// quiet bit: a NaN lane becomes its bits ANDed with the positive canonical NaN, so an arithmetic NaN
    /// (what the spec requires of these operations) gives the canonical NaN and a signaling one infinity.
    /// Other lanes pass unchanged. Uses the local $nan (v128), which every function declares; nested
    /// uses are safe because an operand is complete before the local.tee around it runs.
    /// </summary>
    private static string FixNaNLanes(string op, string expr)
    {
        if (!NaNProducing.Contains(op)) return expr;
        string shape = op[..5];
        string mask = shape == "f32x4"
            ? "(v128.const i32x4 0x7fc00000 0x7fc00000 0x7fc00000 0x7fc00000)"
            : "(v128.const i64x2 0x7ff8000000000000 0x7ff8000000000000)";
        return $"(v128.bitselect (local.tee $nan {expr}) (v128.and (local.get $nan) {mask}) ({shape}.eq (local.get $nan) (local.get $nan)))";
    }

    private string V128(Func f, int d)
    {
        switch (_rng.Int(12))
        {
            case < 4:
            {
                string op = _rng.Pick(V128Binary);
                return FixNaNLanes(op, $"({op} {Expr(f, "v128", d)} {Expr(f, "v128", d)})");
            }
            case < 6:
            {
                string op = _rng.Pick(V128Unary);
                return FixNaNLanes(op, $"({op} {Expr(f, "v128", d)})");
            }
            case 6:
            {
                string shift = _rng.Chance(50) ? $"(i32.const {_rng.Pick<int>([0, 1, 7, 8, 15, 16, 31, 32, 63, 64, 65, -1])})" : Expr(f, "i32", d);
                return $"({_rng.Pick(V128Shifts)} {Expr(f, "v128", d)} {shift})";
            }
            case 7:
            {
                (string shape, string t) = _rng.Pick<(string, string)>([("i8x16", "i32"), ("i16x8", "i32"), ("i32x4", "i32"), ("i64x2", "i64"), ("f32x4", "f32"), ("f64x2", "f64")]);
                return $"({shape}.splat {Expr(f, t, d)})";
            }
            case 8:
            {
                (string shape, string t, int lanes) = _rng.Pick<(string, string, int)>([("i8x16", "i32", 16), ("i16x8", "i32", 8), ("i32x4", "i32", 4), ("i64x2", "i64", 2), ("f32x4", "f32", 4), ("f64x2", "f64", 2)]);
                return $"({shape}.replace_lane {_rng.Int(lanes)} {Expr(f, "v128", d)} {Expr(f, t, d)})";
            }
            case 9:
            {
                var lanes = new string[16];
                for (int i = 0; i < 16; i++) lanes[i] = _rng.Int(32).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return $"(i8x16.shuffle {string.Join(' ', lanes)} {Expr(f, "v128", d)} {Expr(f, "v128", d)})";
            }
            case 10: return $"(v128.bitselect {Expr(f, "v128", d)} {Expr(f, "v128", d)} {Expr(f, "v128", d)})";
            default:
            {
                string[] widths = ["8", "16", "32", "64"];
                int w = _rng.Int(4);
                return $"(v128.load{widths[w]}_lane{MemArg()} {_rng.Int(16 >> w)} {Addr(f)} {Expr(f, "v128", d)})";
            }
        }
    }
}
