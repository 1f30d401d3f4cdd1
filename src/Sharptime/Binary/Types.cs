namespace Sharptime.Binary;

/// <summary>A field of a struct, or the element of an array (Wasm 3.0 section 2.3.8).</summary>
/// <param name="Storage">The storage type: a value type or a packed type.</param>
/// <param name="Mutable">Whether the field can be set.</param>
internal readonly record struct FieldType(ValueType Storage, bool Mutable);

/// <summary>A composite type: func, struct or array (Wasm 3.0 section 2.3.7).</summary>
internal abstract class CompositeType;

/// <summary>A function type.</summary>
internal sealed class FuncCompositeType(ValueType[] parameters, ValueType[] results) : CompositeType
{
    /// <summary>The parameter types.</summary>
    public ValueType[] Params { get; } = parameters;

    /// <summary>The result types.</summary>
    public ValueType[] Results { get; } = results;

    /// <inheritdoc/>
    public override string ToString() => $"(func (param {string.Join(' ', Params)}) (result {string.Join(' ', Results)}))";
}

/// <summary>A struct type.</summary>
internal sealed class StructCompositeType(FieldType[] fields) : CompositeType
{
    /// <summary>The fields, in order.</summary>
    public FieldType[] Fields { get; } = fields;
}

/// <summary>An array type.</summary>
internal sealed class ArrayCompositeType(FieldType element) : CompositeType
{
    /// <summary>The element type.</summary>
    public FieldType Element { get; } = element;
}

/// <summary>A sub type: a composite type with its declared supertypes (Wasm 3.0 section 2.3.9).</summary>
/// <param name="Final">Whether the type may not be subtyped further.</param>
/// <param name="Supertypes">Indices of the declared supertypes (at most one is valid).</param>
/// <param name="Composite">The composite type.</param>
/// <param name="RecGroupStart">The type index of the first type of this type's rec group.</param>
/// <param name="RecGroupSize">The number of types in this type's rec group.</param>
internal sealed record SubType(bool Final, uint[] Supertypes, CompositeType Composite, uint RecGroupStart, uint RecGroupSize);

/// <summary>Size limits of a memory or table, in pages or elements.</summary>
/// <param name="Min">The initial size.</param>
/// <param name="Max">The maximum size, or null when unbounded.</param>
internal readonly record struct Limits(ulong Min, ulong? Max);

/// <summary>A memory type (Wasm 3.0 section 2.3.13, plus threads and custom-page-sizes).</summary>
/// <param name="Limits">The size limits in pages.</param>
/// <param name="Is64">True for a 64-bit (memory64) memory.</param>
/// <param name="Shared">True for a shared memory (threads).</param>
/// <param name="PageSizeLog2">log2 of the page size: 16 (64 KiB) unless custom-page-sizes says 0.</param>
internal readonly record struct MemoryType(Limits Limits, bool Is64, bool Shared, byte PageSizeLog2 = 16);

/// <summary>A table type.</summary>
/// <param name="ElementType">The reference type of the elements.</param>
/// <param name="Limits">The size limits in elements.</param>
/// <param name="Is64">True for a 64-bit (table64) table.</param>
internal readonly record struct TableType(ValueType ElementType, Limits Limits, bool Is64);

/// <summary>A global type.</summary>
/// <param name="Type">The value type.</param>
/// <param name="Mutable">Whether the global can be set.</param>
internal readonly record struct GlobalType(ValueType Type, bool Mutable);

/// <summary>A tag type: an exception tag whose payload is the parameters of a function type.</summary>
/// <param name="TypeIndex">The index of a function type with no results.</param>
internal readonly record struct TagType(uint TypeIndex);
