namespace Sharptime.Runtime;

/// <summary>
/// A struct or array object: one shape per kind of composite type rather than a .NET class per Wasm
/// type (docs/rationale/0011-gc.md), with its <see cref="RuntimeType"/> for casts.
/// </summary>
internal abstract class GcObject(RuntimeType type) : AnyRef
{
    /// <summary>The object's defined type.</summary>
    public readonly RuntimeType Type = type;
}

/// <summary>
/// A struct: its numeric fields in one array of 64-bit words (a v128 takes two), its reference fields
/// in another; <see cref="RuntimeType.Slots"/> maps a field to its index.
/// </summary>
internal sealed class GcStruct(RuntimeType type) : GcObject(type)
{
    private static readonly long[] NoScalars = [];
    private static readonly object?[] NoRefs = [];

    /// <summary>The numeric fields.</summary>
    public readonly long[] Scalars = type.ScalarSlots == 0 ? NoScalars : new long[type.ScalarSlots];

    /// <summary>The reference fields.</summary>
    public readonly object?[] Refs = type.RefSlots == 0 ? NoRefs : new object?[type.RefSlots];
}

/// <summary>
/// An array: its elements in a .NET array of the element's storage (<c>byte[]</c> for i8,
/// <c>ushort[]</c> for i16, <c>int[]</c>, <c>long[]</c>, <c>float[]</c>, <c>double[]</c>,
/// <c>Vector128&lt;byte&gt;[]</c>, <c>object?[]</c>).
/// </summary>
internal sealed class GcArray(RuntimeType type, Array data) : GcObject(type)
{
    /// <summary>The elements.</summary>
    public readonly Array Data = data;

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;
}

/// <summary>An <c>i31ref</c>: a 31-bit integer, kept in the low bits of <see cref="Value"/>.</summary>
internal sealed class I31Ref(int value) : AnyRef
{
    private static readonly I31Ref[] Small = CreateSmall();

    /// <summary>The 31 bits, zero-extended.</summary>
    public readonly int Value = value & 0x7fff_ffff;

    /// <summary>The i31 of the low 31 bits of <paramref name="value"/>; values from -256 to 1023 are shared, not allocated.</summary>
    public static I31Ref Of(int value) => (uint)(value + 256) < (uint)Small.Length ? Small[value + 256] : new I31Ref(value);

    /// <inheritdoc/>
    public override string ToString() => $"i31({(Value << 1) >> 1})";

    private static I31Ref[] CreateSmall()
    {
        var small = new I31Ref[1280];
        for (int i = 0; i < small.Length; i++) small[i] = new I31Ref(i - 256);
        return small;
    }
}
