using System.Runtime.Intrinsics;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

/// <summary>The CLR type of each Wasm value type in generated code.</summary>
internal static class ClrTypes
{
    public static Type Of(ValueType t) => t.Kind switch
    {
        ValueKind.I32 => typeof(int),
        ValueKind.I64 => typeof(long),
        ValueKind.F32 => typeof(float),
        ValueKind.F64 => typeof(double),
        ValueKind.V128 => typeof(Vector128<byte>),
        ValueKind.Ref => typeof(object),
        _ => throw new NotSupportedException($"value type {t} has no CLR type"),
    };

    public static Type Of(ValType t) => Of(t.Inner);

    /// <summary>The parameter types of the generated-code signature: params, a byref per extra result, the context.</summary>
    public static Type[] Parameters(ValueType[] parameters, ValueType[] results)
    {
        int extra = Math.Max(0, results.Length - 1);
        var types = new Type[parameters.Length + extra + 1];
        for (int i = 0; i < parameters.Length; i++) types[i] = Of(parameters[i]);
        for (int i = 0; i < extra; i++) types[parameters.Length + i] = Of(results[i + 1]).MakeByRefType();
        types[^1] = typeof(Abi.VmContext);
        return types;
    }

    /// <summary>Equal for function types whose shims are the same: one letter per parameter and result kind.</summary>
    public static string SignatureKey(FuncType f)
    {
        var key = new System.Text.StringBuilder(f.Params.Count + f.Results.Count + 1);
        foreach (ValType t in f.Params) key.Append((char)('a' + (int)t.Inner.Kind));
        key.Append('>');
        foreach (ValType t in f.Results) key.Append((char)('a' + (int)t.Inner.Kind));
        return key.ToString();
    }

    public static Type Return(ValueType[] results) => results.Length == 0 ? typeof(void) : Of(results[0]);

    public static ValueType[] Inner(IReadOnlyList<ValType> types)
    {
        var inner = new ValueType[types.Count];
        for (int i = 0; i < inner.Length; i++) inner[i] = types[i].Inner;
        return inner;
    }
}
