using System.Collections.Frozen;
using Sharptime.Binary;

namespace Sharptime.Text.Parsing;

/// <summary>
/// The keywords of the text and script formats. A keyword in the wrong place is an "unexpected token";
/// a word that is no keyword at all is an "unknown operator", as the reference interpreter reports them.
/// </summary>
internal static class Keywords
{
    private static readonly FrozenSet<string> Structural = new[]
    {
        "module", "type", "func", "param", "result", "local", "import", "export", "table", "memory", "global",
        "elem", "data", "start", "tag", "offset", "item", "declare", "mut", "then", "else", "do", "catch",
        "catch_all", "catch_ref", "catch_all_ref", "delegate", "end", "field", "struct", "array", "sub", "final",
        "rec", "ref", "null", "i8", "i16", "i32", "i64", "f32", "f64", "v128", "funcref", "externref", "anyref",
        "eqref", "i31ref", "structref", "arrayref", "exnref", "nullexnref", "nullref", "nullfuncref",
        "nullexternref", "extern", "any", "eq", "i31", "exn", "noexn", "none", "nofunc", "noextern", "shared",
        "unshared", "pagesize", "definition", "binary", "quote", "instance", "register", "invoke", "get",
        "assert_return", "assert_trap", "assert_exhaustion", "assert_invalid", "assert_malformed",
        "assert_unlinkable", "assert_exception", "nan:canonical", "nan:arithmetic", "ref.extern", "ref.host",
        "either", "inf", "nan", "i8x16", "i16x8", "i32x4", "i64x2", "f32x4", "f64x2", "block", "loop", "if",
        "try", "try_table", "before", "after", "first", "last",
        // Words of the custom-descriptors proposal (not supported): misplaced, they are unexpected tokens.
        "exact", "descriptor", "describes",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>True for any keyword of the text format, an instruction name included.</summary>
    public static bool IsKnown(string word) =>
        Structural.Contains(word) || OpcodeTable.TryGetByName(word, out _)
        || word.StartsWith("offset=", StringComparison.Ordinal) || word.StartsWith("align=", StringComparison.Ordinal)
        || word.StartsWith("nan:0x", StringComparison.Ordinal);

    /// <summary>True for structural keywords that can never start an instruction.</summary>
    public static bool IsStructural(string word) => Structural.Contains(word);
}
