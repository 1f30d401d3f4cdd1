using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime;

/// <summary>The kinds of WebAssembly values.</summary>
public enum ValKind
{
    /// <summary>32-bit integer.</summary>
    I32,
    /// <summary>64-bit integer.</summary>
    I64,
    /// <summary>32-bit float.</summary>
    F32,
    /// <summary>64-bit float.</summary>
    F64,
    /// <summary>128-bit vector.</summary>
    V128,
    /// <summary>A reference (funcref, externref and the GC proposal's references).</summary>
    Ref,
}

/// <summary>A WebAssembly value type, e.g. <c>i32</c> or <c>funcref</c>.</summary>
public readonly struct ValType : IEquatable<ValType>
{
    internal ValType(ValueType inner) => Inner = inner;

    internal ValueType Inner { get; }

    /// <summary><c>i32</c></summary>
    public static ValType I32 => new(ValueType.I32);

    /// <summary><c>i64</c></summary>
    public static ValType I64 => new(ValueType.I64);

    /// <summary><c>f32</c></summary>
    public static ValType F32 => new(ValueType.F32);

    /// <summary><c>f64</c></summary>
    public static ValType F64 => new(ValueType.F64);

    /// <summary><c>v128</c></summary>
    public static ValType V128 => new(ValueType.V128);

    /// <summary><c>funcref</c></summary>
    public static ValType FuncRef => new(ValueType.FuncRef);

    /// <summary><c>externref</c></summary>
    public static ValType ExternRef => new(ValueType.ExternRef);

    /// <summary><c>anyref</c></summary>
    public static ValType AnyRef => new(ValueType.Ref(HeapKind.Any, nullable: true));

    /// <summary><c>eqref</c></summary>
    public static ValType EqRef => new(ValueType.Ref(HeapKind.Eq, nullable: true));

    /// <summary>The kind of the type.</summary>
    public ValKind Kind => Inner.Kind switch
    {
        ValueKind.I32 => ValKind.I32,
        ValueKind.I64 => ValKind.I64,
        ValueKind.F32 => ValKind.F32,
        ValueKind.F64 => ValKind.F64,
        ValueKind.V128 => ValKind.V128,
        _ => ValKind.Ref,
    };

    /// <summary>True for reference types whose heap type is (a subtype of) <c>func</c>.</summary>
    public bool IsFuncRef => Inner.IsRef && Inner.Heap.Kind is HeapKind.Func or HeapKind.NoFunc or HeapKind.Concrete;

    /// <summary>True for nullable reference types.</summary>
    public bool IsNullable => Inner.IsRef && Inner.Nullable;

    /// <inheritdoc/>
    public bool Equals(ValType other) => Inner == other.Inner;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is ValType other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Inner.GetHashCode();

    /// <summary>The text format name, e.g. <c>i32</c>, <c>funcref</c>.</summary>
    /// <returns>The name.</returns>
    public override string ToString() => Inner.ToString();

    /// <summary>Compares two types.</summary>
    public static bool operator ==(ValType left, ValType right) => left.Equals(right);

    /// <summary>Compares two types.</summary>
    public static bool operator !=(ValType left, ValType right) => !left.Equals(right);
}
