using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sharptime.Runtime;

/// <summary>
/// Conversions between the CLR types of typed calls (int, long, float, double, Func, ExternRef, and
/// value tuples of them for several results) and <see cref="Value"/>s, for the array-call path.
/// </summary>
internal static class TypedValues
{
    private static class Shape<T>
    {
        /// <summary>The element types when <typeparamref name="T"/> is a value tuple, else null. A tuple of
        /// more than 7 elements nests the rest in an eighth, which is no Wasm type, so it fails the type check.</summary>
        public static readonly Type[]? Elements =
            typeof(T).IsGenericType && typeof(T).Namespace == "System" && typeof(T).Name.StartsWith("ValueTuple`", StringComparison.Ordinal)
                ? typeof(T).GetGenericArguments()
                : null;
    }

    public static bool IsTuple<T>() => Shape<T>.Elements is not null;

    /// <summary>The CLR types of the results a delegate returning <typeparamref name="T"/> stands for.</summary>
    public static Type[] ResultTypes<T>() => Shape<T>.Elements ?? [typeof(T)];

    public static T FromValue<T>(in Value v)
    {
        if (typeof(T) == typeof(int)) return (T)(object)v.AsI32();
        if (typeof(T) == typeof(long)) return (T)(object)v.AsI64();
        if (typeof(T) == typeof(float)) return (T)(object)v.AsF32();
        if (typeof(T) == typeof(double)) return (T)(object)v.AsF64();
        return (T)v.RawRef!;
    }

    /// <summary>Wraps a typed value; a reference gets the declared type <paramref name="declared"/>.</summary>
    public static Value ToValue<T>(T v, ValType declared)
    {
        if (typeof(T) == typeof(int)) return Value.I32((int)(object)v!);
        if (typeof(T) == typeof(long)) return Value.I64((long)(object)v!);
        if (typeof(T) == typeof(float)) return Value.F32((float)(object)v!);
        if (typeof(T) == typeof(double)) return Value.F64((double)(object)v!);
        return Value.FromRaw(v, declared);
    }

    /// <summary>Writes the elements of a value tuple returned by a typed host function as results.</summary>
    public static void WriteTuple<T>(T tuple, Span<Value> results)
    {
        var elements = (ITuple)tuple!;
        for (int i = 0; i < elements.Length; i++)
        {
            results[i] = elements[i] switch
            {
                int x => Value.I32(x),
                long x => Value.I64(x),
                float x => Value.F32(x),
                double x => Value.F64(x),
                ExternRef x => Value.ExternRef(x),
                AnyRef x => Value.AnyRef(x),
                var x => Value.FuncRef((Func?)x),
            };
        }
    }

    /// <summary>Reads results into <typeparamref name="T"/>: one value, or a value tuple of them.</summary>
    public static T FromResults<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] T>(ReadOnlySpan<Value> results)
    {
        if (!IsTuple<T>()) return FromValue<T>(results[0]);
        object tuple = default(T)!;
        for (int i = 0; i < results.Length; i++)
        {
            Value v = results[i];
            object? element = v.Type.Kind switch
            {
                ValKind.I32 => v.AsI32(),
                ValKind.I64 => v.AsI64(),
                ValKind.F32 => v.AsF32(),
                ValKind.F64 => v.AsF64(),
                _ => v.RawRef,
            };
            typeof(T).GetField($"Item{i + 1}")!.SetValue(tuple, element);
        }
        return (T)tuple;
    }
}
