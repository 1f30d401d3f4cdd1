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
        : null;

    /// <summary>True when the CLR types are exactly the value types (references by their abstract heap type).</summary>
    public static bool ClrTypesMatch(Type[] clr, IReadOnlyList<ValType> types)
    {
        if (clr.Length != types.Count) return false;
        for (int i = 0; i < clr.Length; i++)
        {
            ValueType? t = ValueTypeOf(clr[i]);
            if (t is null) return false;
            ValueType w = types[i].Inner;
            if (t.Value.IsRef)
            {
                if (!w.IsRef) return false;
                bool func = w.Heap.Kind is HeapKind.Func or HeapKind.NoFunc or HeapKind.Concrete;
                if (func != (t.Value.Heap.Kind == HeapKind.Func)) return false;
            }
            else if (t.Value != w)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>True when <paramref name="value"/> may be passed where <paramref name="type"/> is expected.</summary>
    public static bool ValueMatches(Value value, ValType type)
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
            // A concrete type is checked by kind only: the GC instructions check their operand's shape themselves.
            HeapKind.Concrete => r is Func or GcObject,
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
