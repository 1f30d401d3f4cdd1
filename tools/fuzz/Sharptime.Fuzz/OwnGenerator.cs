using System.Globalization;
using System.Text;

namespace Sharptime.Fuzz;

/// <summary>How exception handlers are written: the legacy proposal (try/catch, which Node 20 runs) or try_table.</summary>
internal enum EhStyle
{
    Legacy,
    TryTable,
}

/// <summary>
/// The project's own module generator, for what binaryen 108's -ttf does not make: SIMD on edge values
/// (NaN, -0, integer extremes, saturating conversions, shuffles), memory64 (64-bit addresses, offsets
/// past 4 GiB), tail calls (return_call, return_call_indirect, deep tail recursion), exception handling
/// (throw across calls, catch with payloads, catch_all, uncaught exceptions) and call_indirect traps.
/// Seeded (<see cref="SplitMix"/>) and reproducible: a seed and a style give the same text every time.
/// Loops are bounded by counters, so every export terminates.
/// </summary>
internal sealed partial class OwnGenerator
{
    private readonly SplitMix _rng;
    private readonly EhStyle _style;
    private readonly bool _mem64;
    private readonly bool _canonicalNaNs;
    private readonly StringBuilder _out = new();
    private int _labels;
    private int _loopDepth;

    private OwnGenerator(ulong seed, EhStyle style, bool canonicalNaNs)
    {
        _rng = new SplitMix(seed);
        _style = style;
        _canonicalNaNs = canonicalNaNs;
        _mem64 = _rng.Chance(40);
    }

    /// <summary>
    /// The module of a seed. With <paramref name="canonicalNaNs"/> every scalar float operation that may make
    /// a NaN has its NaN replaced by the canonical one (see <see cref="CanonicalNaN"/>); the module is otherwise
    /// the same, choice for choice, so a divergence that goes away with it came from NaN bits the spec leaves open.
    /// </summary>
    public static string Generate(ulong seed, EhStyle style, bool canonicalNaNs = false) => new OwnGenerator(seed, style, canonicalNaNs).Module();

    public static int Command(string[] args)
    {
        ulong seed = 1;
        int count = 1;
        string? outDir = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--seed": seed = Campaign.ParseSeed(args[++i]); break;
                case "--count": count = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--out": outDir = args[++i]; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        for (int n = 0; n < count; n++)
        {
            ulong s = seed + (ulong)n;
            string legacy = Generate(s, EhStyle.Legacy), standard = Generate(s, EhStyle.TryTable);
            if (outDir is null)
            {
                Console.WriteLine(legacy);
                continue;
            }
            Directory.CreateDirectory(outDir);
            string name = Path.Combine(outDir, $"own-{s:x16}");
            File.WriteAllText(name + ".wat", legacy);
            File.WriteAllBytes(name + ".wasm", Sharptime.Text.Wat.Parse(legacy, name + ".wat"));
            File.WriteAllText(name + ".try_table.wat", standard);
            File.WriteAllBytes(name + ".try_table.wasm", Sharptime.Text.Wat.Parse(standard, name + ".try_table.wat"));
        }
        return 0;
    }

    private static readonly string[] Scalars = ["i32", "i64", "f32", "f64"];
    private static readonly string[] AllTypes = ["i32", "i64", "f32", "f64", "v128"];

    private string Module()
    {
        string addr = _mem64 ? "i64 " : "";
        W("(module");
        W("  (type $sig_a (func (param i32 i64) (result i32)))");
        W("  (type $sig_b (func (param f64) (result f64)))");
        foreach (string t in AllTypes) W($"  (import \"fuzzing-support\" \"log-{t}\" (func $log-{t} (param {t})))");
        W($"  (memory (export \"memory\") {addr}1 4)");
        W($"  (data ({(_mem64 ? "i64" : "i32")}.const 0) \"{DataBytes()}\")");
        W("  (tag $e0 (param i32))");
        W("  (tag $e1 (param i64 f64))");
        W($"  (global $g0 (export \"g0\") (mut i32) (i32.const {I32Const()}))");
        W($"  (global $g1 (export \"g1\") (mut i64) (i64.const {I64Const()}))");
        W($"  (global $g2 (mut f32) (f32.const {F32Const()}))");
        W($"  (global $g3 (mut f64) (f64.const {F64Const()}))");
        W($"  (global $g4 (mut v128) {V128Const()})");
        // Slot 6 has the wrong type and slot 7 is null: call_indirect to them traps, as do indexes 8 and 9.
        W("  (table $t 8 funcref)");
        W("  (elem (i32.const 0) $h0 $h1 $h2 $h3 $h0 $h1 $hb)");
        Helper("h0");
        Helper("h1");
        // Throws $e0 on odd arguments, $e1 on arguments divisible by 4, else returns.
        W("  (func $h2 (type $sig_a) (param i32 i64) (result i32)");
        W("    (if (i32.and (local.get 0) (i32.const 1)) (then (throw $e0 (local.get 0))))");
        W("    (if (i32.eqz (i32.and (local.get 0) (i32.const 3))) (then (throw $e1 (local.get 1) (f64.convert_i64_s (local.get 1)))))");
        W("    (i32.add (local.get 0) (i32.wrap_i64 (local.get 1))))");
        // Tail recursion far deeper than any stack: only real tail calls finish it.
        W("  (func $h3 (type $sig_a) (param i32 i64) (result i32)");
        W("    (if (result i32) (i32.gt_s (local.get 0) (i32.const 0))");
        W("      (then (return_call $h3 (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 3))))");
        W("      (else (i32.wrap_i64 (local.get 1)))))");
        W($"  (func $hb (type $sig_b) (param f64) (result f64){ScalarNaNLocals} {CanonicalNaN("f64.mul", "(f64.mul (local.get 0) (f64.const 2))")})");
        int n = 4 + _rng.Int(5);
        for (int i = 0; i < n; i++) TestFunction(i);
        W(")");
        return _out.ToString();
    }

    private void Helper(string name)
    {
        W($"  (func ${name} (type $sig_a) (param i32 i64) (result i32)");
        var f = new Func(["i32", "i64"], "i32", helper: true);
        W("    (local $nan v128)" + ScalarNaNLocals);
        W("    " + Expr(f, "i32", 3) + ")");
    }

    /// <summary>The state a function's expressions may read: its parameters and locals by type.</summary>
    private sealed class Func(string[] parameters, string result, bool helper)
    {
        public string[] Params { get; } = parameters;
        public string Result { get; } = result;
        public bool Helper { get; } = helper;

        public IEnumerable<string> Locals(string type)
        {
            for (int i = 0; i < Params.Length; i++) if (Params[i] == type) yield return i.ToString(CultureInfo.InvariantCulture);
            if (!Helper) yield return "$l_" + type;
        }
    }

    private void TestFunction(int index)
    {
        string result = _rng.Pick(Scalars);
        var f = new Func(["i32", "i64", "f32", "f64"], result, helper: false);
        W($"  (func $f{index} (export \"f{index}\") (param i32 i64 f32 f64) (result {result})");
        foreach (string t in AllTypes) W($"    (local $l_{t} {t})");
        W("    (local $c0 i32) (local $c1 i32) (local $c2 i32) (local $nan v128)" + ScalarNaNLocals);
        int statements = 3 + _rng.Int(10);
        for (int i = 0; i < statements; i++) Statement(f, 2, "    ");
        if (result == "i32" && _rng.Chance(30))
        {
            W(_rng.Chance(50)
                ? $"    (return_call $h{_rng.Int(4)} (i32.and {Expr(f, "i32", 2)} (i32.const 0xfffff)) {Expr(f, "i64", 2)}))"
                : $"    (return_call_indirect (type $sig_a) (i32.and {Expr(f, "i32", 2)} (i32.const 0xfff)) {Expr(f, "i64", 2)} (i32.const {_rng.Int(10)})))");
        }
        else
        {
            W("    " + Expr(f, result, 4) + ")");
        }
    }

    private void Statement(Func f, int depth, string indent)
    {
        int choice = _rng.Int(depth > 0 ? 100 : 60);
        string t = _rng.Pick(AllTypes);
        switch (choice)
        {
            case < 22:
                W($"{indent}(call $log-{t} {Expr(f, t, 4)})");
                break;
            case < 34:
                W($"{indent}(local.set $l_{t} {Expr(f, t, 4)})");
                break;
            case < 40:
                W($"{indent}(global.set $g{Array.IndexOf(AllTypes, t)} {Expr(f, t, 3)})");
                break;
            case < 52:
                W($"{indent}{Store(f)}");
                break;
            case < 56:
                W($"{indent}{Bulk(f)}");
                break;
            case < 60:
                W($"{indent}(local.set $l_i32 {Call(f)})");
                break;
            case < 70:
                W($"{indent}(if {Expr(f, "i32", 3)}");
                W($"{indent}  (then");
                Block(f, depth - 1, indent + "    ");
                W($"{indent}  )");
                W($"{indent}  (else");
                Block(f, depth - 1, indent + "    ");
                W($"{indent}  ))");
                break;
            case < 78 when _loopDepth < 3:
            {
                string counter = $"$c{_loopDepth}", label = Label();
                W($"{indent}(local.set {counter} (i32.const {1 + _rng.Int(6)}))");
                W($"{indent}(loop {label}");
                _loopDepth++;
                Block(f, depth - 1, indent + "  ");
                _loopDepth--;
                W($"{indent}  (br_if {label} (i32.ne (local.tee {counter} (i32.sub (local.get {counter}) (i32.const 1))) (i32.const 0))))");
                break;
            }
            case < 86:
            {
                string label = Label();
                W($"{indent}(block {label}");
                Block(f, depth - 1, indent + "  ");
                W($"{indent}  (br_if {label} {Expr(f, "i32", 2)})");
                Block(f, depth - 1, indent + "  ");
                W($"{indent})");
                break;
            }
            default:
                Try(f, depth, indent);
                break;
        }
    }

    private void Block(Func f, int depth, string indent)
    {
        int n = 1 + _rng.Int(3);
        for (int i = 0; i < n; i++) Statement(f, depth, indent);
    }

    private string Label() => "$L" + (_labels++).ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A handler for $e0 (logs the payload), $e1 (logs both payload values) and catch_all (logs -1), around
    /// statements that may throw (directly or from $h2). The legacy and try_table forms do the same.
    /// </summary>
    private void Try(Func f, int depth, string indent)
    {
        bool all = _rng.Chance(60);
        var body = new List<Action<string>>();
        int n = 1 + _rng.Int(3);
        for (int i = 0; i < n; i++)
        {
            int kind = _rng.Int(4);
            if (kind == 0)
            {
                string e = $"(throw $e0 {Expr(f, "i32", 2)})";
                body.Add(ind => W(ind + e));
            }
            else if (kind == 1)
            {
                string e = $"(drop (call $h2 {Expr(f, "i32", 2)} {Expr(f, "i64", 2)}))";
                body.Add(ind => W(ind + e));
            }
            else
            {
                // Generate now so the random choices do not depend on the style.
                var saved = _out.Length;
                Statement(f, depth - 1, "\u0001");
                string text = _out.ToString(saved, _out.Length - saved);
                _out.Length = saved;
                body.Add(ind => _out.Append(text.Replace("\u0001", ind, StringComparison.Ordinal)));
            }
        }
        if (_style == EhStyle.Legacy)
        {
            W($"{indent}try");
            foreach (Action<string> b in body) b(indent + "  ");
            W($"{indent}catch $e0");
            W($"{indent}  call $log-i32");
            W($"{indent}catch $e1");
            W($"{indent}  call $log-f64");
            W($"{indent}  call $log-i64");
            if (all)
            {
                W($"{indent}catch_all");
                W($"{indent}  (call $log-i32 (i32.const -1))");
            }
            W($"{indent}end");
            return;
        }
        string outL = Label(), allL = Label(), e0L = Label(), e1L = Label();
        W($"{indent}block {outL}");
        W($"{indent}  block {allL}");
        W($"{indent}    block {e1L} (result i64 f64)");
        W($"{indent}      block {e0L} (result i32)");
        W($"{indent}        try_table (catch $e0 {e0L}) (catch $e1 {e1L}){(all ? $" (catch_all {allL})" : "")}");
        foreach (Action<string> b in body) b(indent + "          ");
        W($"{indent}        end");
        W($"{indent}        br {outL}");
        W($"{indent}      end");
        W($"{indent}      call $log-i32");
        W($"{indent}      br {outL}");
        W($"{indent}    end");
        W($"{indent}    call $log-f64");
        W($"{indent}    call $log-i64");
        W($"{indent}    br {outL}");
        W($"{indent}  end");
        W($"{indent}  (call $log-i32 (i32.const -1))");
        W($"{indent}end");
    }

    private string Call(Func f)
    {
        string a = Expr(f, "i32", 2), b = Expr(f, "i64", 2);
        return _rng.Int(3) switch
        {
            0 => $"(call $h{_rng.Int(4)} (i32.and {a} (i32.const 0xfffff)) {b})",
            1 => $"(call_indirect (type $sig_a) (i32.and {a} (i32.const 0xfff)) {b} (i32.const {_rng.Int(10)}))",
            _ => $"(call $h2 {a} {b})",
        };
    }

    private void W(string line) => _out.Append(line).Append('\n');
}
