using System.Globalization;

namespace Sharptime.Fuzz;

/// <summary>The first place two traces differ.</summary>
/// <param name="Line">1-based line number (in both traces: they agree up to it).</param>
/// <param name="Export">The export being called there, or null before the first call.</param>
/// <param name="Left">The line of the first trace (null past its end).</param>
/// <param name="Right">The line of the second trace (null past its end).</param>
/// <param name="CallsBefore">How many export calls had started at that line.</param>
internal sealed record TraceDifference(int Line, string? Export, string? Left, string? Right, int CallsBefore = 0)
{
    public override string ToString() =>
        $"line {Line}{(Export is null ? "" : $" (in call {Export})")}:\n  - {Left ?? "<end>"}\n  + {Right ?? "<end>"}";
}

/// <summary>
/// Compares traces bit-exactly except where the spec allows nondeterminism: any NaN equals any NaN
/// (sign and payload are free: spec 4.3.3 "NaN propagation", and NaNs lose their payload crossing into
/// JavaScript), lane by lane inside v128 values; a trap kind one engine cannot name ("?") matches any, and V8's one trap for float-to-int truncation
/// ("trunc") matches both "overflow" and "conversion".
/// Lines starting with '#' are comments.
/// </summary>
internal static class TraceComparer
{
    public static TraceDifference? Compare(string left, string right)
    {
        string[] a = Lines(left), b = Lines(right);
        string? export = null;
        int calls = 0;
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string? x = i < a.Length ? a[i] : null, y = i < b.Length ? b[i] : null;
            if (x is not null && x.StartsWith("call ", StringComparison.Ordinal))
            {
                export = x[5..];
                calls++;
            }
            if (x is null || y is null || !LineEquals(x, y)) return new TraceDifference(i + 1, export, x, y, calls);
        }
        return null;
    }

    private static string[] Lines(string trace) =>
        trace.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();

    public static bool LineEquals(string x, string y)
    {
        if (x == y) return true;
        string[] p = x.Split(' '), q = y.Split(' ');
        if (p.Length != q.Length) return false;
        if (p[0] == "trap" && q[0] == "trap" && p.Length == 2) return TrapKindsMatch(p[1], q[1]);
        for (int i = 0; i < p.Length; i++) if (!ValueEquals(p[i], q[i])) return false;
        return true;
    }

    /// <summary>"?" matches any kind; V8's "trunc" (float unrepresentable) is either "overflow" or "conversion".</summary>
    private static bool TrapKindsMatch(string a, string b) =>
        a == b || a == "?" || b == "?" || (a == "trunc" && b is "overflow" or "conversion") || (b == "trunc" && a is "overflow" or "conversion");

    public static bool ValueEquals(string x, string y)
    {
        if (x == y) return true;
        if (x.Length != y.Length || x.Length < 5 || x[..4] != y[..4]) return false;
        switch (x[..4])
        {
            case "f32:": return IsNaN32(Hex32(x[4..])) && IsNaN32(Hex32(y[4..]));
            case "f64:": return IsNaN64(Hex64(x[4..])) && IsNaN64(Hex64(y[4..]));
        }
        if (!x.StartsWith("v128:", StringComparison.Ordinal)) return false;
        string[] l = x[5..].Split('_'), r = y[5..].Split('_');
        for (int half = 0; half < 2; half++)
        {
            uint l0 = Hex32(l[2 * half]), l1 = Hex32(l[2 * half + 1]), r0 = Hex32(r[2 * half]), r1 = Hex32(r[2 * half + 1]);
            bool asF32 = Same32(l0, r0) && Same32(l1, r1);
            ulong lw = l0 | ((ulong)l1 << 32), rw = r0 | ((ulong)r1 << 32);
            bool asF64 = lw == rw || (IsNaN64(lw) && IsNaN64(rw));
            if (!asF32 && !asF64) return false;
        }
        return true;
    }

    private static bool Same32(uint a, uint b) => a == b || (IsNaN32(a) && IsNaN32(b));

    public static bool IsNaN32(uint bits) => (bits & 0x7f800000) == 0x7f800000 && (bits & 0x007fffff) != 0;

    public static bool IsNaN64(ulong bits) => (bits & 0x7ff0000000000000) == 0x7ff0000000000000 && (bits & 0x000fffffffffffff) != 0;

    private static uint Hex32(string s) => uint.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static ulong Hex64(string s) => ulong.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
