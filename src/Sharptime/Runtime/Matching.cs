using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Runtime;

/// <summary>Type checks at the boundary between the host and WebAssembly.</summary>
internal static class Matching
{
    /// <summary>The value type a typed delegate's CLR type stands for, or null when none does.</summary>
    public static ValueType? ValueTypeOf(Type clr) =>
        clr == typeof(int) ? ValueType.I32
        : clr == typeof(long) ? ValueType.I64
        : clr == typeof(float) ? ValueType.F32
        : clr == typeof(double) ? ValueType.F64
        : clr == typeof(Func) ? ValueType.FuncRef
        : clr == typeof(ExternRef) ? ValueType.ExternRef
        : clr == typeof(AnyRef) ? ValueType.Ref(HeapKind.Any, nullable: true)
        : null;

    /// <summary>
    /// True when the CLR types can stand for the value types: numbers exactly; <see cref="Func"/> for
    /// func references, <see cref="ExternRef"/> for extern references, <see cref="AnyRef"/> for the any
    /// hierarchy. A concrete reference type is accepted only among <paramref name="results"/>, where
    /// WebAssembly made the value: typed calls pass host values without checking them against a
    /// defined type. <paramref name="types"/>' concrete indices are resolved in <paramref name="module"/>.
    /// </summary>
    public static bool ClrTypesMatch(Type[] clr, IReadOnlyList<ValType> types, bool results, RuntimeType[] module)
    {
        if (clr.Length != types.Count) return false;
        for (int i = 0; i < clr.Length; i++)
        {
            ValueType? t = ValueTypeOf(clr[i]);
            if (t is null) return false;
            ValueType w = types[i].Inner;
            if (!t.Value.IsRef)
            {
                if (t.Value != w) return false;
                continue;
            }
            if (!w.IsRef) return false;
            HeapKind expected = w.Heap.Kind switch
            {
                HeapKind.Func or HeapKind.NoFunc => HeapKind.Func,
                HeapKind.Extern or HeapKind.NoExtern => HeapKind.Extern,
                HeapKind.Any => HeapKind.Any,
                HeapKind.Eq or HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None when results => HeapKind.Any,
                HeapKind.Concrete when results && w.Heap.TypeIndex < module.Length =>
                    module[w.Heap.TypeIndex].Kind == CompositeKind.Func ? HeapKind.Func : HeapKind.Any,
                _ => HeapKind.Bottom,
            };
            if (expected != t.Value.Heap.Kind) return false;
        }
        return true;
    }

    /// <summary>
    /// True when <paramref name="value"/> may be passed where <paramref name="type"/> is expected. A
    /// concrete reference type is checked against the defined type, which needs the module's
    /// <paramref name="types"/>; without them (a host-made global, table or tag) only null passes.
    /// </summary>
    public static bool ValueMatches(Value value, ValType type, RuntimeType[]? types = null, Engine? engine = null)
    {
        ValueType v = value.Type.Inner;
        ValueType t = type.Inner;
        if (!t.IsRef) return v == t;
        if (!v.IsRef) return false;
        object? r = value.RawRef;
        if (r is null) return t.Nullable;
        return t.Heap.Kind switch
        {
            HeapKind.Func => r is Func,
            HeapKind.Concrete => types is not null && t.Heap.TypeIndex < types.Length && r switch
            {
                GcObject o => o.Type.IsSubtypeOf(types[t.Heap.TypeIndex]),
                Func f => engine is not null && engine.TypeOf(f.TypeId).IsSubtypeOf(types[t.Heap.TypeIndex]),
                _ => false,
            },
            HeapKind.Extern => r is ExternRef,
            HeapKind.Exn => r is ThrownException,
            HeapKind.Any => r is AnyRef,
            HeapKind.Eq => r is GcObject or I31Ref,
            HeapKind.I31 => r is I31Ref,
            HeapKind.Struct => r is GcStruct,
            HeapKind.Array => r is GcArray,
            _ => false,
        };
    }

    /// <summary>The spec's limits matching: an actual size and maximum against the expected ones.</summary>
    public static bool LimitsMatch(ulong actualMin, ulong? actualMax, Limits expected) =>
        actualMin >= expected.Min && (expected.Max is not ulong max || actualMax is ulong am && am <= max);
}
