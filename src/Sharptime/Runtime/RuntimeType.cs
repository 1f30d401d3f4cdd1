using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Runtime;

/// <summary>How a struct field or an array element is stored in a GC object.</summary>
internal enum StorageKind : byte
{
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    V128,
    Ref,
}

/// <summary>
/// A defined type as the engine knows it (public only so that generated code can pass it to the
/// constructors of <see cref="Abi.GcStruct"/>; it has no public members): one object per canonical type id (equal types of any
/// module of the engine share it), with its supertype chain for O(1) subtype checks and, for struct
/// and array types, how their objects store fields. <see cref="Supertypes"/> runs from the root of
/// the chain to the type itself, so <c>sub</c> is a subtype of <c>super</c> exactly when
/// <c>sub.Supertypes[super.Depth]</c> is <c>super</c> (the check Wasmtime's type registry makes).
/// </summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public sealed class RuntimeType
{
    private static readonly StorageKind[] NoFields = [];

    private RuntimeType(int id, RuntimeType? super, CompositeKind kind, StorageKind[] fields)
    {
        Id = id;
        Kind = kind;
        Fields = fields;
        if (super is null)
        {
            Supertypes = [this];
        }
        else
        {
            Supertypes = new RuntimeType[super.Supertypes.Length + 1];
            super.Supertypes.CopyTo(Supertypes, 0);
            Supertypes[^1] = this;
        }
        Slots = SlotsOf(fields, out int refSlots, out int scalarSlots);
        RefSlots = refSlots;
        ScalarSlots = scalarSlots;
    }

    /// <summary>
    /// The slot of each struct field: references and numbers are counted apart, in field order, a v128
    /// taking two numeric slots. The compiler uses the same layout to address fields directly.
    /// </summary>
    internal static int[] SlotsOf(StorageKind[] fields, out int refSlots, out int scalarSlots)
    {
        var slots = new int[fields.Length];
        refSlots = scalarSlots = 0;
        for (int i = 0; i < fields.Length; i++)
        {
            if (fields[i] == StorageKind.Ref)
            {
                slots[i] = refSlots++;
            }
            else
            {
                slots[i] = scalarSlots;
                scalarSlots += fields[i] == StorageKind.V128 ? 2 : 1;
            }
        }
        return slots;
    }

    /// <summary>The canonical type id (<see cref="TypeRegistry"/>).</summary>
    internal int Id { get; }

    /// <summary>Function, struct or array.</summary>
    internal CompositeKind Kind { get; }

    /// <summary>The chain of declared supertypes, from the root to this type.</summary>
    internal RuntimeType[] Supertypes { get; }

    /// <summary>The depth of this type in its chain (0 for a type without supertype).</summary>
    internal int Depth => Supertypes.Length - 1;

    /// <summary>A struct's fields, or an array's one element; empty for functions.</summary>
    internal StorageKind[] Fields { get; }

    /// <summary>For each field of a struct: its reference or numeric slot (<see cref="Abi.GcStruct"/>).</summary>
    internal int[] Slots { get; }

    /// <summary>The 64-bit words a struct's numeric fields take (a v128 takes two).</summary>
    internal int ScalarSlots { get; }

    /// <summary>The reference fields of a struct.</summary>
    internal int RefSlots { get; }

    /// <summary>The slots of a struct's object class: the larger of <see cref="RefSlots"/> and <see cref="ScalarSlots"/>.</summary>
    internal int Width => Math.Max(RefSlots, ScalarSlots);

    /// <summary>An array's element storage.</summary>
    internal StorageKind Element => Fields[0];

    /// <summary>True when this type is <paramref name="super"/> or declares it as an ancestor.</summary>
    internal bool IsSubtypeOf(RuntimeType super) =>
        ReferenceEquals(this, super) || (super.Depth < Supertypes.Length && ReferenceEquals(Supertypes[super.Depth], super));

    /// <summary>The runtime type of a module's defined type whose supertype (if any) is registered already.</summary>
    internal static RuntimeType Of(int id, SubType type, RuntimeType? super) => type.Composite switch
    {
        StructCompositeType s => new RuntimeType(id, super, CompositeKind.Struct, Array.ConvertAll(s.Fields, f => StorageOf(f.Storage))),
        ArrayCompositeType a => new RuntimeType(id, super, CompositeKind.Array, [StorageOf(a.Element.Storage)]),
        _ => new RuntimeType(id, super, CompositeKind.Func, NoFields),
    };

    /// <summary>The runtime type of a function type written by the host: final, without supertype.</summary>
    internal static RuntimeType OfHostFunction(int id) => new(id, null, CompositeKind.Func, NoFields);

    internal static StorageKind StorageOf(ValueType t) => t.Kind switch
    {
        ValueKind.I8 => StorageKind.I8,
        ValueKind.I16 => StorageKind.I16,
        ValueKind.I32 => StorageKind.I32,
        ValueKind.I64 => StorageKind.I64,
        ValueKind.F32 => StorageKind.F32,
        ValueKind.F64 => StorageKind.F64,
        ValueKind.V128 => StorageKind.V128,
        _ => StorageKind.Ref,
    };
}

/// <summary>The three kinds of composite types.</summary>
internal enum CompositeKind : byte
{
    Func,
    Struct,
    Array,
}
