namespace Sharptime.Text.Scripts;

/// <summary>The kinds of script values and result patterns.</summary>
internal enum WastValueKind : byte
{
    /// <summary><c>(i32.const n)</c>: <see cref="WastValue.Bits"/> holds the value.</summary>
    I32,
    /// <summary><c>(i64.const n)</c></summary>
    I64,
    /// <summary><c>(f32.const z)</c>: the binary32 bits, or a NaN pattern.</summary>
    F32,
    /// <summary><c>(f64.const z)</c>: the binary64 bits, or a NaN pattern.</summary>
    F64,
    /// <summary><c>(v128.const shape lane*)</c>: <see cref="WastValue.Lanes"/> holds one value per lane.</summary>
    V128,
    /// <summary><c>(ref.null ht?)</c>: <see cref="WastValue.HeapType"/> is null for the bare result form.</summary>
    RefNull,
    /// <summary><c>(ref.extern n?)</c>: a host reference to be passed through externref.</summary>
    RefExtern,
    /// <summary><c>(ref.host n)</c>: a host reference (reference interpreter's name).</summary>
    RefHost,
    /// <summary><c>(ref.func idx?)</c>: any (or the given) function reference.</summary>
    RefFunc,
    /// <summary><c>(ref.struct)</c>: any struct reference.</summary>
    RefStruct,
    /// <summary><c>(ref.array)</c>: any array reference.</summary>
    RefArray,
    /// <summary><c>(ref.eq)</c>: any eq reference.</summary>
    RefEq,
    /// <summary><c>(ref.i31)</c>: any i31 reference.</summary>
    RefI31,
    /// <summary><c>(ref.any)</c>: any non-null internal reference.</summary>
    RefAny,
    /// <summary><c>(ref.exn)</c>: any exception reference.</summary>
    RefExn,
    /// <summary><c>(either result+)</c>: one of <see cref="WastValue.Alternatives"/>.</summary>
    Either,
}

/// <summary>What a NaN result pattern accepts.</summary>
internal enum WastNan : byte
{
    /// <summary>Not a pattern: the bits must match exactly.</summary>
    None,
    /// <summary><c>nan:canonical</c>: a NaN with only the quiet bit set in the payload, either sign.</summary>
    Canonical,
    /// <summary><c>nan:arithmetic</c>: a NaN with the quiet bit set, any payload, either sign.</summary>
    Arithmetic,
}

/// <summary>
/// A script constant (an argument of <c>invoke</c>) or an expected result of <c>assert_return</c>.
/// Results may use the pattern forms (NaN patterns, reference kinds, <c>either</c>).
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Line">The 1-based line of the value in the script.</param>
internal sealed record WastValue(WastValueKind Kind, int Line)
{
    /// <summary>Scalar bits: integers zero-extended, floats as IEEE bits; for references, the number (extern/host/func index) or -1.</summary>
    public ulong Bits { get; init; }

    /// <summary>For floats: the NaN pattern, if any.</summary>
    public WastNan Nan { get; init; }

    /// <summary>For v128: the shape (<c>i8x16</c>…<c>f64x2</c>).</summary>
    public string? Shape { get; init; }

    /// <summary>For v128: one value per lane, of kind I32 (for i8/i16/i32 lanes), I64, F32 or F64.</summary>
    public IReadOnlyList<WastValue>? Lanes { get; init; }

    /// <summary>For <c>ref.null</c>: the heap type as written (<c>func</c>, <c>extern</c>, <c>$t</c>, <c>0</c>); for <c>ref.func</c>: the function id or index, if any.</summary>
    public string? HeapType { get; init; }

    /// <summary>For <c>ref.extern</c>/<c>ref.host</c>: true when a number was given.</summary>
    public bool HasNumber { get; init; }

    /// <summary>For <c>either</c>: the accepted results.</summary>
    public IReadOnlyList<WastValue>? Alternatives { get; init; }
}
