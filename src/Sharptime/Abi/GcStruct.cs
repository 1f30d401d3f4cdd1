using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using Sharptime.Runtime;

namespace Sharptime.Abi;

/// <summary>A struct or array object, with its defined type for casts.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class GcObject : AnyRef
{
    private protected GcObject(RuntimeType type) => Type = type ?? throw new ArgumentNullException(nameof(type));

    /// <summary>The object's defined type.</summary>
    internal RuntimeType Type { get; }
}

/// <summary>
/// A struct. Its fields live in the object itself, in a chain of classes that each add one reference
/// slot <c>R</c><i>k</i> and one 64-bit numeric slot <c>S</c><i>k</i> (a v128 takes two):
/// <see cref="GcStruct1"/> to <see cref="GcStruct8"/>, then <see cref="GcStructN"/> with arrays for
/// the rest. A struct is made as the class of its width (the larger of its reference and numeric
/// slot counts, <see cref="RuntimeType.Width"/>); a subtype's fields extend its supertype's, so a
/// field is in the same slot of every subtype and generated code reads it with one cast and one
/// field load (docs/rationale/0012-gc.md measures this against arrays of slots).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public class GcStruct : GcObject
{
    internal GcStruct(RuntimeType type) : base(type) { }
}

/// <summary>A struct of more than <see cref="InlineSlots"/> reference or numeric slots.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class GcStructN : GcStruct8
{
    /// <summary>The slots of each kind held in fields; the rest are in the arrays.</summary>
    public const int InlineSlots = 8;

    private static readonly object?[] NoRefs = [];
    private static readonly long[] NoScalars = [];

    /// <summary>A struct of <paramref name="type"/> with every slot zero (null).</summary>
    /// <param name="type">Its type, which generated code takes from <see cref="VmContext.Types"/>.</param>
    public GcStructN(RuntimeType type) : base(type)
    {
        MoreRefs = type.RefSlots > InlineSlots ? new object?[type.RefSlots - InlineSlots] : NoRefs;
        MoreScalars = type.ScalarSlots > InlineSlots ? new long[type.ScalarSlots - InlineSlots] : NoScalars;
    }

    /// <summary>Reference slots from <see cref="InlineSlots"/> on.</summary>
    public readonly object?[] MoreRefs;

    /// <summary>Numeric slots from <see cref="InlineSlots"/> on.</summary>
    public readonly long[] MoreScalars;
}

/// <summary>
/// An array: its elements in a .NET array of the element's storage (<c>byte[]</c> for i8,
/// <c>ushort[]</c> for i16, <c>int[]</c>, <c>long[]</c>, <c>float[]</c>, <c>double[]</c>,
/// <c>Vector128&lt;byte&gt;[]</c>, <c>object?[]</c>), which generated code indexes directly.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Design", "CA1051", Justification = "Generated code reads this field directly.")]
public sealed class GcArray : GcObject
{
    internal GcArray(RuntimeType type, Array data) : base(type) => Data = data;

    /// <summary>The elements.</summary>
    public readonly Array Data;

    /// <summary>The number of elements.</summary>
    public int Length => Data.Length;
}
