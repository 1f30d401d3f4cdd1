namespace Sharptime.Binary;

/// <summary>The kinds of value and storage types (Wasm 3.0 sections 2.3.1-2.3.5, 2.3.8).</summary>
internal enum ValueKind : byte
{
    /// <summary><c>i32</c></summary>
    I32,
    /// <summary><c>i64</c></summary>
    I64,
    /// <summary><c>f32</c></summary>
    F32,
    /// <summary><c>f64</c></summary>
    F64,
    /// <summary><c>v128</c></summary>
    V128,
    /// <summary>A reference type; see <see cref="ValueType.Heap"/> and <see cref="ValueType.Nullable"/>.</summary>
    Ref,
    /// <summary>The packed storage type <c>i8</c> (struct and array fields only).</summary>
    I8,
    /// <summary>The packed storage type <c>i16</c> (struct and array fields only).</summary>
    I16,
    /// <summary>The bottom type of validation's unreachable stack; never in a module.</summary>
    Bottom,
}

/// <summary>Abstract heap types, or <see cref="Concrete"/> for a type index (Wasm 3.0 section 2.3.3).</summary>
internal enum HeapKind : byte
{
    /// <summary>A defined type, named by <see cref="HeapType.TypeIndex"/>.</summary>
    Concrete,
    /// <summary><c>func</c></summary>
    Func,
    /// <summary><c>nofunc</c></summary>
    NoFunc,
    /// <summary><c>extern</c></summary>
    Extern,
    /// <summary><c>noextern</c></summary>
    NoExtern,
    /// <summary><c>any</c></summary>
    Any,
    /// <summary><c>eq</c></summary>
    Eq,
    /// <summary><c>i31</c></summary>
    I31,
    /// <summary><c>struct</c></summary>
    Struct,
    /// <summary><c>array</c></summary>
    Array,
    /// <summary><c>none</c></summary>
    None,
    /// <summary><c>exn</c></summary>
    Exn,
    /// <summary><c>noexn</c></summary>
    NoExn,
    /// <summary>The bottom heap type of validation; never in a module.</summary>
    Bottom,
}

/// <summary>A heap type: abstract, or a module-relative type index.</summary>
/// <param name="Kind">The abstract kind, or <see cref="HeapKind.Concrete"/>.</param>
/// <param name="TypeIndex">The type index when <paramref name="Kind"/> is <see cref="HeapKind.Concrete"/>; otherwise 0.</param>
internal readonly record struct HeapType(HeapKind Kind, uint TypeIndex = 0)
{
    /// <summary>A concrete heap type.</summary>
    public static HeapType Concrete(uint typeIndex) => new(HeapKind.Concrete, typeIndex);

    // Written out (the generated members go through EqualityComparer<T>.Default, which ReadyToRun
    // code cannot inline for this assembly's types: each comparison was calls into JIT-compiled code).

    /// <inheritdoc/>
    public bool Equals(HeapType other) => Kind == other.Kind && TypeIndex == other.TypeIndex;

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind << 24) ^ (int)TypeIndex;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        HeapKind.Concrete => TypeIndex.ToString(System.Globalization.CultureInfo.InvariantCulture),
        HeapKind.NoFunc => "nofunc",
        HeapKind.NoExtern => "noextern",
        HeapKind.NoExn => "noexn",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}

/// <summary>
/// A value type or a storage type. Reference types carry a heap type and nullability; the others
/// ignore both.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="Nullable">For references: whether null is a value of the type.</param>
/// <param name="Heap">For references: the heap type.</param>
internal readonly record struct ValueType(ValueKind Kind, bool Nullable = false, HeapType Heap = default)
{
    public static readonly ValueType I32 = new(ValueKind.I32);
    public static readonly ValueType I64 = new(ValueKind.I64);
    public static readonly ValueType F32 = new(ValueKind.F32);
    public static readonly ValueType F64 = new(ValueKind.F64);
    public static readonly ValueType V128 = new(ValueKind.V128);
    public static readonly ValueType I8 = new(ValueKind.I8);
    public static readonly ValueType I16 = new(ValueKind.I16);
    public static readonly ValueType Bottom = new(ValueKind.Bottom);
    public static readonly ValueType FuncRef = Ref(HeapKind.Func, nullable: true);
    public static readonly ValueType ExternRef = Ref(HeapKind.Extern, nullable: true);
    public static readonly ValueType ExnRef = Ref(HeapKind.Exn, nullable: true);

    /// <summary>A reference to an abstract heap type.</summary>
    public static ValueType Ref(HeapKind kind, bool nullable) => new(ValueKind.Ref, nullable, new HeapType(kind));

    /// <inheritdoc/>
    public bool Equals(ValueType other) => Kind == other.Kind && Nullable == other.Nullable && Heap.Equals(other.Heap);

    /// <inheritdoc/>
    public override int GetHashCode() => ((int)Kind << 8 | (Nullable ? 1 : 0)) ^ (Heap.GetHashCode() * 31);

    /// <summary>A reference to a heap type.</summary>
    public static ValueType Ref(HeapType heap, bool nullable) => new(ValueKind.Ref, nullable, heap);

    /// <summary>True for reference types.</summary>
    public bool IsRef => Kind == ValueKind.Ref;

    /// <summary>True for the packed storage types i8 and i16.</summary>
    public bool IsPacked => Kind is ValueKind.I8 or ValueKind.I16;

    /// <summary>The spec's text form, e.g. <c>i32</c>, <c>funcref</c>, <c>(ref null 3)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ValueKind.Ref when Nullable && Heap.Kind != HeapKind.Concrete => Heap.Kind switch
        {
            HeapKind.NoFunc => "nullfuncref",
            HeapKind.NoExtern => "nullexternref",
            HeapKind.NoExn => "nullexnref",
            HeapKind.None => "nullref",
            _ => $"{Heap}ref",
        },
        ValueKind.Ref => Nullable ? $"(ref null {Heap})" : $"(ref {Heap})",
        ValueKind.Bottom => "bot",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
