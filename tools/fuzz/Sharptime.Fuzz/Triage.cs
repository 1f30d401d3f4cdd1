namespace Sharptime.Fuzz;

/// <summary>
/// Names the cause of a divergence when it is one already known: a detector per cause looks for the
/// code pattern in the functions reachable from the export where the traces part (the whole module when
/// they part at instantiation). Detectors read binaryen's folded text of the module.
/// </summary>
internal static class Triage
{
    public const string ReinterpretNarrowLoad = "jit-reinterpret-narrow-load";
    public const string RotateConstFlags = "jit-rotate-const-flags";
    public const string CtzWithoutBmi1 = "jit-ctz-no-bmi1";
    public const string NaNNondeterminism = "nan-nondeterminism";
    public const string Unexplained = "unexplained";

    /// <summary>The known cause whose pattern the reachable code contains, or null.</summary>
    public static string? Classify(string moduleText, string? export, bool hwIntrinsics)
    {
        List<SExpr> roots = SExpr.Parse(moduleText);
        SExpr? module = roots.FirstOrDefault(r => r.Head == "module");
        if (module is null) return null;
        List<SExpr> funcs = Reachable(module, export);
        var nodes = funcs.SelectMany(f => f.Descendants()).ToList();
        if (nodes.Any(n => IsReinterpretOfNarrowLoad(n, hwIntrinsics))) return ReinterpretNarrowLoad;
        if (nodes.Any(IsFlagUseOfConstRotate)) return RotateConstFlags;
        if (!hwIntrinsics && nodes.Any(IsFlagUseOfCtz)) return CtzWithoutBmi1;
        return null;
    }

    private static bool IsReinterpretOfNarrowLoad(SExpr n, bool hwIntrinsics)
    {
        if (n.Head is not ("f32.reinterpret_i32" or "f64.reinterpret_i64") || n.Children.Count != 1) return false;
        SExpr operand = n.Children[0];
        // local.tee passes the loaded value straight through; the JIT sees through it.
        while (operand.Head is "local.tee" && operand.Children.Count == 1) operand = operand.Children[0];
        // Without hardware intrinsics, Vector128 lane reads are narrow loads from the vector's stack slot
        // (found by this fuzzer: reinterpret of i8x16.extract_lane_s reads four bytes).
        return IsNarrowLoad(operand.Head) || (!hwIntrinsics && operand.Head.StartsWith("i8x16.extract_lane", StringComparison.Ordinal))
            || (!hwIntrinsics && operand.Head.StartsWith("i16x8.extract_lane", StringComparison.Ordinal));
    }

    private static bool IsNarrowLoad(string head) =>
        head.Contains(".load", StringComparison.Ordinal) && (head.Contains("load8", StringComparison.Ordinal)
            || head.Contains("load16", StringComparison.Ordinal) || head.Contains("load32", StringComparison.Ordinal));

    private static bool IsFlagUse(string head) => head is "i32.eqz" or "i64.eqz" or "if" or "br_if" or "select";

    private static bool IsFlagUseOfConstRotate(SExpr n) =>
        n.Head is "i32.rotl" or "i32.rotr" or "i64.rotl" or "i64.rotr"
        && n.Children.Count == 2 && n.Children[1].Head is "i32.const" or "i64.const"
        && n.Parent is not null && (IsFlagUse(n.Parent.Head) || IsZeroTest(n.Parent));

    /// <summary>
    /// An equality or unsigned comparison: with 0 on the other side it is a zero test, which the fuzzer found
    /// hits the rotate-flags bug too (tools/fuzz/repro/rotate-const-compare-zero.wat). The other operand need
    /// not be a literal 0 (the JIT folds e.g. extend16_s of a zeroed local), so any such comparison counts.
    /// </summary>
    private static bool IsZeroTest(SExpr compare) =>
        compare.Head.Length > 4 && compare.Head[4..] is "eq" or "ne" or "lt_u" or "le_u" or "gt_u" or "ge_u"
        && compare.Children.Count == 2;

    private static bool IsFlagUseOfCtz(SExpr n) =>
        n.Head is "i32.ctz" or "i64.ctz" && n.Parent is not null
        && (n.Parent.Head is "if" or "br_if" or "select"
            || (n.Parent.Head is "i32.eqz" or "i64.eqz" && n.Parent.Parent?.Head is "if" or "br_if" or "select"));

    /// <summary>The functions an export reaches through calls; an indirect call reaches every function.</summary>
    private static List<SExpr> Reachable(SExpr module, string? export)
    {
        var funcs = module.Children.Where(c => c.Head == "func").ToList();
        if (export is null) return funcs;
        var byName = new Dictionary<string, SExpr>();
        foreach (SExpr f in funcs) if (f.Atoms.Count > 0 && f.Atoms[0].StartsWith('$')) byName[f.Atoms[0]] = f;
        string? start = null;
        foreach (SExpr e in module.Children.Where(c => c.Head == "export"))
        {
            if (e.Atoms.Count > 0 && e.Atoms[0] == "\"" + export + "\"" && e.Children.Count == 1 && e.Children[0].Head == "func")
            {
                start = e.Children[0].Atoms.FirstOrDefault();
            }
        }
        // Inline exports: (func $f (export "name") ...).
        start ??= funcs.FirstOrDefault(f => f.Children.Any(c => c.Head == "export" && c.Atoms.FirstOrDefault() == "\"" + export + "\""))?.Atoms.FirstOrDefault();
        if (start is null || !byName.ContainsKey(start)) return funcs;
        var seen = new HashSet<string> { start };
        var work = new Stack<string>();
        work.Push(start);
        while (work.Count > 0)
        {
            foreach (SExpr n in byName[work.Pop()].Descendants())
            {
                if (n.Head.StartsWith("call_indirect", StringComparison.Ordinal) || n.Head.StartsWith("return_call_indirect", StringComparison.Ordinal)
                    || n.Head == "call_ref" || n.Head == "return_call_ref")
                {
                    return funcs;
                }
                if (n.Head is "call" or "return_call" && n.Atoms.Count > 0 && byName.ContainsKey(n.Atoms[0]) && seen.Add(n.Atoms[0]))
                {
                    work.Push(n.Atoms[0]);
                }
            }
        }
        return funcs.Where(f => f.Atoms.Count > 0 && seen.Contains(f.Atoms[0])).ToList();
    }
}
