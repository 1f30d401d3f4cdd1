using System.Globalization;
using System.Text;

namespace Sharptime.Fuzz;

internal sealed partial class OwnGenerator
{
    private static readonly uint[] EdgeI32 = [0, 1, 2, 0xffffffff, 0x7fffffff, 0x80000000, 0x80, 0x7f, 0xff, 0x8000, 0x7fff, 0xffff, 0x10000, 31, 32, 33, 63, 64, 0xfffffffe, 0x80000001, 0x55555555, 0xaaaaaaaa];
    private static readonly ulong[] EdgeI64 = [0, 1, 0xffffffffffffffff, 0x7fffffffffffffff, 0x8000000000000000, 0xffffffff, 0x80000000, 0x7fffffff, 0x100000000, 63, 64, 65, 0xffffffff80000000, 0x8000000000000001, 0x5555555555555555];
    private static readonly uint[] EdgeF32 =
    [
        0x00000000, 0x80000000, 0x3f800000, 0xbf800000, 0x3f000000, 0x3fc00000, 0x40200000, 0xc0200000, 0x3effffff,
        0x7f800000, 0xff800000, 0x7fc00000, 0xffc00000, 0x7f800001, 0x7fa00000, 0xffbfffff, 0x00000001, 0x80000001,
        0x007fffff, 0x00800000, 0x7f7fffff, 0xff7fffff, 0x4f000000, 0xcf000000, 0x4effffff, 0x4f800000, 0x5f000000,
        0xdf000000, 0x5effffff, 0xcf000001, 0x4b000001, 0x4b7fffff,
    ];
    private static readonly ulong[] EdgeF64 =
    [
        0x0000000000000000, 0x8000000000000000, 0x3ff0000000000000, 0xbff0000000000000, 0x3fe0000000000000,
        0x3ff8000000000000, 0x4004000000000000, 0xc004000000000000, 0x7ff0000000000000, 0xfff0000000000000,
        0x7ff8000000000000, 0xfff8000000000000, 0x7ff0000000000001, 0x7ff4000000000000, 0x0000000000000001,
        0x000fffffffffffff, 0x0010000000000000, 0x7fefffffffffffff, 0x41dfffffffc00000, 0x41e0000000000000,
        0xc1e0000000000000, 0xc1e0000000200000, 0x41efffffffe00000, 0x41f0000000000000, 0x43e0000000000000,
        0xc3e0000000000000, 0x43dfffffffffffff, 0x43f0000000000000, 0x4330000000000001, 0x47efffffe0000000,
        0x36a0000000000000,
    ];

    private string I32Const() => ((int)(_rng.Chance(75) ? _rng.Pick(EdgeI32) : (uint)_rng.NextU64())).ToString(CultureInfo.InvariantCulture);

    private string I64Const() => ((long)(_rng.Chance(75) ? _rng.Pick(EdgeI64) : _rng.NextU64())).ToString(CultureInfo.InvariantCulture);

    private uint F32Bits() => _rng.Chance(75) ? _rng.Pick(EdgeF32) : (uint)_rng.NextU64();

    private ulong F64Bits() => _rng.Chance(75) ? _rng.Pick(EdgeF64) : _rng.NextU64();

    private string F32Const() => F32Text(F32Bits());

    private string F64Const() => F64Text(F64Bits());

    /// <summary>Exact text for any bit pattern, NaN payloads included.</summary>
    internal static string F32Text(uint bits)
    {
        string sign = (bits >> 31) != 0 ? "-" : "";
        uint mantissa = bits & 0x7fffff;
        if ((bits & 0x7f800000) == 0x7f800000) return sign + (mantissa == 0 ? "inf" : $"nan:0x{mantissa:x}");
        return BitConverter.Int32BitsToSingle((int)bits).ToString("R", CultureInfo.InvariantCulture);
    }

    internal static string F64Text(ulong bits)
    {
        string sign = (bits >> 63) != 0 ? "-" : "";
        ulong mantissa = bits & 0xfffffffffffff;
        if ((bits & 0x7ff0000000000000) == 0x7ff0000000000000) return sign + (mantissa == 0 ? "inf" : $"nan:0x{mantissa:x}");
        return BitConverter.Int64BitsToDouble((long)bits).ToString("R", CultureInfo.InvariantCulture);
    }

    private string V128Const() => _rng.Int(4) switch
    {
        0 => $"(v128.const i32x4 {I32Const()} {I32Const()} {I32Const()} {I32Const()})",
        1 => $"(v128.const i64x2 {I64Const()} {I64Const()})",
        2 => $"(v128.const f32x4 {F32Const()} {F32Const()} {F32Const()} {F32Const()})",
        _ => $"(v128.const f64x2 {F64Const()} {F64Const()})",
    };

    /// <summary>256 bytes of edge values for the data segment (loads read them).</summary>
    private string DataBytes()
    {
        var sb = new StringBuilder();
        for (int i = 0; i < 32; i++)
        {
            ulong v = _rng.Int(3) switch
            {
                0 => _rng.Pick(EdgeF64),
                1 => _rng.Pick(EdgeF32) | ((ulong)_rng.Pick(EdgeF32) << 32),
                _ => _rng.Pick(EdgeI64),
            };
            for (int b = 0; b < 8; b++) sb.Append(CultureInfo.InvariantCulture, $"\\{(byte)(v >> (8 * b)):x2}");
        }
        return sb.ToString();
    }

    private string Addr(Func f)
    {
        string it = _mem64 ? "i64" : "i32";
        int r = _rng.Int(100);
        if (r < 5) return Expr(f, it, 2); // usually out of bounds: traps
        if (r < 10 && _mem64) return $"(i64.const {_rng.Pick<string>(["0x100000000", "0xffffffffffffffff", "0x10000", "0xfffffffffff0", "0x40000"])})";
        if (r < 40) return $"({it}.const {_rng.Int(300)})";
        return $"({it}.and {Expr(f, it, 2)} ({it}.const 0x3ff))";
    }

    private string MemArg()
    {
        if (_mem64 && _rng.Chance(3)) return " offset=4294967296"; // past 4 GiB: traps, unless truncated to 32 bits
        return _rng.Chance(40) ? $" offset={_rng.Int(70)}" : "";
    }

    private static readonly string[] StoreOps = ["i32.store", "i32.store8", "i32.store16", "i64.store", "i64.store8", "i64.store16", "i64.store32", "f32.store", "f64.store", "v128.store"];

    private string Store(Func f)
    {
        string op = _rng.Pick(StoreOps);
        if (_rng.Chance(10))
        {
            string[] lanes = ["8", "16", "32", "64"];
            int w = _rng.Int(4);
            return $"(v128.store{lanes[w]}_lane{MemArg()} {_rng.Int(16 >> w)} {Addr(f)} {Expr(f, "v128", 3)})";
        }
        return $"({op}{MemArg()} {Addr(f)} {Expr(f, op[..op.IndexOf('.', StringComparison.Ordinal)], 3)})";
    }

    private string Bulk(Func f)
    {
        string it = _mem64 ? "i64" : "i32";
        string Len() => _rng.Chance(10) ? $"({it}.const 0x10001)" : $"({it}.const {_rng.Int(64)})";
        return _rng.Int(3) switch
        {
            0 => $"(memory.fill {Addr(f)} {Expr(f, "i32", 2)} {Len()})",
            1 => $"(memory.copy {Addr(f)} {Addr(f)} {Len()})",
            _ => $"(drop (memory.grow ({it}.const {_rng.Int(2)})))",
        };
    }

    private string Expr(Func f, string type, int depth)
    {
        if (depth <= 0 || _rng.Chance(20)) return Leaf(f, type);
        return type switch
        {
            "i32" => I32(f, depth - 1),
            "i64" => I64(f, depth - 1),
            "f32" => F32(f, depth - 1),
            "f64" => F64(f, depth - 1),
            _ => V128(f, depth - 1),
        };
    }

    private string Leaf(Func f, string type)
    {
        int r = _rng.Int(100);
        var locals = f.Locals(type).ToList();
        if (r < 25 && locals.Count > 0) return $"(local.get {_rng.Pick(locals)})";
        if (r < 32 && !f.Helper) return $"(global.get $g{Array.IndexOf(AllTypes, type)})";
        if (r < 45) return Load(f, type);
        return type switch
        {
            "i32" => $"(i32.const {I32Const()})",
            "i64" => $"(i64.const {I64Const()})",
            "f32" => $"(f32.const {F32Const()})",
            "f64" => $"(f64.const {F64Const()})",
            _ => V128Const(),
        };
    }

    private string Load(Func f, string type)
    {
        string op = type switch
        {
            "i32" => _rng.Pick<string>(["i32.load", "i32.load8_s", "i32.load8_u", "i32.load16_s", "i32.load16_u"]),
            "i64" => _rng.Pick<string>(["i64.load", "i64.load8_s", "i64.load8_u", "i64.load16_s", "i64.load16_u", "i64.load32_s", "i64.load32_u"]),
            "f32" => "f32.load",
            "f64" => "f64.load",
            _ => _rng.Pick<string>(["v128.load", "v128.load", "v128.load8x8_s", "v128.load8x8_u", "v128.load16x4_s", "v128.load16x4_u",
                "v128.load32x2_s", "v128.load32x2_u", "v128.load8_splat", "v128.load16_splat", "v128.load32_splat",
                "v128.load64_splat", "v128.load32_zero", "v128.load64_zero"]),
        };
        return $"({op}{MemArg()} {Addr(f)})";
    }

    private static readonly string[] I32Binary = ["add", "sub", "mul", "div_s", "div_u", "rem_s", "rem_u", "and", "or", "xor", "shl", "shr_s", "shr_u", "rotl", "rotr", "eq", "ne", "lt_s", "lt_u", "gt_s", "gt_u", "le_s", "le_u", "ge_s", "ge_u"];
    private static readonly string[] I32Unary = ["clz", "ctz", "popcnt", "eqz", "extend8_s", "extend16_s"];
    private static readonly string[] FloatCompare = ["eq", "ne", "lt", "gt", "le", "ge"];
    private static readonly string[] AllTrue = ["v128.any_true", "i8x16.all_true", "i16x8.all_true", "i32x4.all_true", "i64x2.all_true", "i8x16.bitmask", "i16x8.bitmask", "i32x4.bitmask", "i64x2.bitmask"];

    private string I32(Func f, int d)
    {
        switch (_rng.Int(14))
        {
            case < 4: return $"(i32.{_rng.Pick(I32Binary)} {Expr(f, "i32", d)} {Operand(f, "i32", d)})";
            case 4: return $"(i32.{_rng.Pick(I32Unary)} {Expr(f, "i32", d)})";
            case 5: return $"(i32.wrap_i64 {Expr(f, "i64", d)})";
            case 6:
            {
                string ft = _rng.Pick<string>(["f32", "f64"]);
                string op = _rng.Pick<string>(["trunc_sat", "trunc_sat", "trunc"]) + "_" + ft + _rng.Pick<string>(["_s", "_u"]);
                return $"(i32.{op} {Expr(f, ft, d)})";
            }
            case 7: return $"(i32.reinterpret_f32 {Expr(f, "f32", d)})";
            case 8:
            {
                string ft = _rng.Pick<string>(["f32", "f64"]);
                return $"({ft}.{_rng.Pick(FloatCompare)} {Expr(f, ft, d)} {Expr(f, ft, d)})";
            }
            case 9: return $"(i64.{_rng.Pick<string>(["eq", "ne", "lt_s", "lt_u", "gt_s", "ge_u"])} {Expr(f, "i64", d)} {Expr(f, "i64", d)})";
            case 10: return $"({_rng.Pick(AllTrue)} {Expr(f, "v128", d)})";
            case 11:
            {
                (string shape, int lanes, string suffix) = _rng.Pick<(string, int, string)>([("i8x16", 16, "_s"), ("i8x16", 16, "_u"), ("i16x8", 8, "_s"), ("i16x8", 8, "_u"), ("i32x4", 4, "")]);
                return $"({shape}.extract_lane{suffix} {_rng.Int(lanes)} {Expr(f, "v128", d)})";
            }
            case 12: return $"(select {Expr(f, "i32", d)} {Expr(f, "i32", d)} {Expr(f, "i32", d)})";
            default: return $"(f64.{_rng.Pick(FloatCompare)} {Expr(f, "f64", d)} {Expr(f, "f64", d)})";
        }
    }

    /// <summary>The second operand of an integer binary operation: often a constant (shift counts, divisors).</summary>
    private string Operand(Func f, string type, int d) => _rng.Chance(35) ? $"({type}.const {(type == "i32" ? I32Const() : I64Const())})" : Expr(f, type, d);

    private string I64(Func f, int d)
    {
        switch (_rng.Int(10))
        {
            case < 4: return $"(i64.{_rng.Pick(I32Binary.Where(o => o is not ("eq" or "ne") && !o.StartsWith('l') && !o.StartsWith('g')).ToArray())} {Expr(f, "i64", d)} {Operand(f, "i64", d)})";
            case 4: return $"(i64.{_rng.Pick<string>(["clz", "ctz", "popcnt", "extend8_s", "extend16_s", "extend32_s"])} {Expr(f, "i64", d)})";
            case 5: return $"(i64.extend_i32_{_rng.Pick<string>(["s", "u"])} {Expr(f, "i32", d)})";
            case 6:
            {
                string ft = _rng.Pick<string>(["f32", "f64"]);
                string op = _rng.Pick<string>(["trunc_sat", "trunc_sat", "trunc"]) + "_" + ft + _rng.Pick<string>(["_s", "_u"]);
                return $"(i64.{op} {Expr(f, ft, d)})";
            }
            case 7: return $"(i64.reinterpret_f64 {Expr(f, "f64", d)})";
            case 8: return $"(i64x2.extract_lane {_rng.Int(2)} {Expr(f, "v128", d)})";
            default: return $"(select {Expr(f, "i64", d)} {Expr(f, "i64", d)} {Expr(f, "i32", d)})";
        }
    }

    private static readonly string[] FloatBinary = ["add", "sub", "mul", "div", "min", "max", "copysign"];
    private static readonly string[] FloatUnary = ["abs", "neg", "ceil", "floor", "trunc", "nearest", "sqrt"];

    private string F32(Func f, int d) => _rng.Int(8) switch
    {
        < 3 => FloatOp("f32", _rng.Pick(FloatBinary), $"{Expr(f, "f32", d)} {Expr(f, "f32", d)}"),
        3 => FloatOp("f32", _rng.Pick(FloatUnary), Expr(f, "f32", d)),
        4 => ConvertTo("f32", f, d),
        5 => FloatOp("f32", "demote_f64", Expr(f, "f64", d)),
        6 => $"(f32x4.extract_lane {_rng.Int(4)} {Expr(f, "v128", d)})",
        _ => $"(f32.reinterpret_i32 {Expr(f, "i32", d)})",
    };

    private string F64(Func f, int d) => _rng.Int(8) switch
    {
        < 3 => FloatOp("f64", _rng.Pick(FloatBinary), $"{Expr(f, "f64", d)} {Expr(f, "f64", d)}"),
        3 => FloatOp("f64", _rng.Pick(FloatUnary), Expr(f, "f64", d)),
        4 => $"(f64.convert_i64_{_rng.Pick<string>(["s", "u"])} {Expr(f, "i64", d)})",
        5 => FloatOp("f64", "promote_f32", Expr(f, "f32", d)),
        6 => $"(f64x2.extract_lane {_rng.Int(2)} {Expr(f, "v128", d)})",
        _ => ConvertTo("f64", f, d),
    };

    private string FloatOp(string type, string op, string operands) => CanonicalNaN($"{type}.{op}", $"({type}.{op} {operands})");

    /// <summary>The operations whose NaN results may carry any sign and payload (spec 4.3.3): arithmetic, not bit operations.</summary>
    private static readonly HashSet<string> ScalarNaNProducing =
    [
        "f32.add", "f32.sub", "f32.mul", "f32.div", "f32.min", "f32.max", "f32.sqrt", "f32.ceil", "f32.floor", "f32.trunc", "f32.nearest", "f32.demote_f64",
        "f64.add", "f64.sub", "f64.mul", "f64.div", "f64.min", "f64.max", "f64.sqrt", "f64.ceil", "f64.floor", "f64.trunc", "f64.nearest", "f64.promote_f32",
    ];

    private string ScalarNaNLocals => _canonicalNaNs ? " (local $nan32 f32) (local $nan64 f64)" : "";

    /// <summary>
    /// In the canonical-NaN rendering (triage only), the scalar counterpart of <see cref="FixNaNLanes"/>: a NaN
    /// result becomes its bits ANDed with the positive canonical NaN, so an arithmetic NaN gives the canonical
    /// NaN and a signaling one infinity; other values pass unchanged. Uses the locals $nan32 and $nan64.
    /// </summary>
    private string CanonicalNaN(string op, string expr)
    {
        if (!_canonicalNaNs || !ScalarNaNProducing.Contains(op)) return expr;
        (string t, string i, string local, string mask) = op[..3] == "f32"
            ? ("f32", "i32", "$nan32", "0x7fc00000")
            : ("f64", "i64", "$nan64", "0x7ff8000000000000");
        return $"(select ({t}.reinterpret_{i} ({i}.and ({i}.reinterpret_{t} (local.tee {local} {expr})) ({i}.const {mask}))) "
            + $"(local.get {local}) ({t}.ne (local.get {local}) (local.get {local})))";
    }

    private string ConvertTo(string ft, Func f, int d)
    {
        string it = _rng.Pick<string>(["i32", "i64"]);
        return $"({ft}.convert_{it}_{_rng.Pick<string>(["s", "u"])} {Expr(f, it, d)})";
    }
}
