using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Subtyping (Wasm 3.0 section 3.3): value, heap, composite and defined types.</summary>
internal sealed partial class TypeSpace
{
    /// <summary>True when <paramref name="sub"/> matches <paramref name="super"/>.</summary>
    public bool IsSubtype(ValueType sub, ValueType super)
    {
        if (sub.Kind == ValueKind.Bottom) return true;
        if (sub.Kind != super.Kind) return false;
        if (sub.Kind != ValueKind.Ref) return true;
        if (sub.Nullable && !super.Nullable) return false;
        return IsHeapSubtype(sub.Heap, super.Heap);
    }

    /// <summary>True when two value types are equal (concrete types compared by canonical id).</summary>
    public bool AreEqual(ValueType a, ValueType b)
    {
        if (a.Kind != b.Kind) return false;
        if (a.Kind != ValueKind.Ref) return true;
        if (a.Nullable != b.Nullable || a.Heap.Kind != b.Heap.Kind) return false;
        return a.Heap.Kind != HeapKind.Concrete || _canonical[a.Heap.TypeIndex] == _canonical[b.Heap.TypeIndex];
    }

    /// <summary>True when heap type <paramref name="sub"/> matches <paramref name="super"/>.</summary>
    public bool IsHeapSubtype(HeapType sub, HeapType super)
    {
        if (sub.Kind == HeapKind.Bottom) return true;
        if (sub.Kind == HeapKind.Concrete)
        {
            if (super.Kind == HeapKind.Concrete) return IsDefinedSubtype(sub.TypeIndex, super.TypeIndex);
            return super.Kind switch
            {
                HeapKind.Func => _types[sub.TypeIndex].Composite is FuncCompositeType,
                HeapKind.Struct => _types[sub.TypeIndex].Composite is StructCompositeType,
                HeapKind.Array => _types[sub.TypeIndex].Composite is ArrayCompositeType,
                HeapKind.Eq or HeapKind.Any => _types[sub.TypeIndex].Composite is StructCompositeType or ArrayCompositeType,
                _ => false,
            };
        }
        if (super.Kind == HeapKind.Concrete)
        {
            CompositeType c = _types[super.TypeIndex].Composite;
            return sub.Kind switch
            {
                HeapKind.None => c is StructCompositeType or ArrayCompositeType,
                HeapKind.NoFunc => c is FuncCompositeType,
                _ => false,
            };
        }
        if (sub.Kind == super.Kind) return true;
        return sub.Kind switch
        {
            HeapKind.Eq => super.Kind == HeapKind.Any,
            HeapKind.I31 or HeapKind.Struct or HeapKind.Array => super.Kind is HeapKind.Eq or HeapKind.Any,
            HeapKind.None => super.Kind is HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.Eq or HeapKind.Any,
            HeapKind.NoFunc => super.Kind == HeapKind.Func,
            HeapKind.NoExtern => super.Kind == HeapKind.Extern,
            HeapKind.NoExn => super.Kind == HeapKind.Exn,
            _ => false,
        };
    }

    /// <summary>True when defined type <paramref name="sub"/> is (a declared subtype of) <paramref name="super"/>.</summary>
    public bool IsDefinedSubtype(uint sub, uint super)
    {
        int target = _canonical[super];
        // Only an ancestor at the supertype's depth can be equal to it; the depth is at most 63.
        int steps = _depth[sub] - _depth[super];
        if (steps < 0) return false;
        for (; steps > 0; steps--) sub = _types[sub].Supertypes[0];
        return _canonical[sub] == target;
    }

    /// <summary>The top of the hierarchy of a heap type: any, func, extern or exn.</summary>
    public HeapKind TopOf(HeapType h) => h.Kind switch
    {
        HeapKind.Concrete => _types[h.TypeIndex].Composite is FuncCompositeType ? HeapKind.Func : HeapKind.Any,
        HeapKind.Func or HeapKind.NoFunc => HeapKind.Func,
        HeapKind.Extern or HeapKind.NoExtern => HeapKind.Extern,
        HeapKind.Exn or HeapKind.NoExn => HeapKind.Exn,
        HeapKind.Bottom => HeapKind.Bottom,
        _ => HeapKind.Any,
    };

    /// <summary>The bottom of the hierarchy of a heap type: none, nofunc, noextern or noexn.</summary>
    public HeapKind BottomOf(HeapType h) => TopOf(h) switch
    {
        HeapKind.Func => HeapKind.NoFunc,
        HeapKind.Extern => HeapKind.NoExtern,
        HeapKind.Exn => HeapKind.NoExn,
        HeapKind.Bottom => HeapKind.Bottom,
        _ => HeapKind.None,
    };

    /// <summary>True when values of <paramref name="t"/> have a default (numbers, vectors, nullable references).</summary>
    public static bool IsDefaultable(ValueType t) => t.Kind != ValueKind.Ref || t.Nullable;

    private bool CompositeMatches(CompositeType sub, CompositeType super)
    {
        switch (sub)
        {
            case FuncCompositeType f when super is FuncCompositeType g:
                if (f.Params.Length != g.Params.Length || f.Results.Length != g.Results.Length) return false;
                for (int i = 0; i < f.Params.Length; i++)
                {
                    if (!IsSubtype(g.Params[i], f.Params[i])) return false;
                }
                for (int i = 0; i < f.Results.Length; i++)
                {
                    if (!IsSubtype(f.Results[i], g.Results[i])) return false;
                }
                return true;
            case StructCompositeType s when super is StructCompositeType t:
                if (s.Fields.Length < t.Fields.Length) return false;
                for (int i = 0; i < t.Fields.Length; i++)
                {
                    if (!FieldMatches(s.Fields[i], t.Fields[i])) return false;
                }
                return true;
            case ArrayCompositeType a when super is ArrayCompositeType b:
                return FieldMatches(a.Element, b.Element);
            default:
                return false;
        }
    }

    private bool FieldMatches(FieldType sub, FieldType super)
    {
        if (sub.Mutable != super.Mutable) return false;
        if (sub.Storage.IsPacked || super.Storage.IsPacked) return sub.Storage.Kind == super.Storage.Kind;
        return sub.Mutable ? AreEqual(sub.Storage, super.Storage) : IsSubtype(sub.Storage, super.Storage);
    }
}
