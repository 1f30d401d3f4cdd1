using System.Diagnostics.CodeAnalysis;

namespace Sharptime;

// The typed wrappers themselves are generated (Func.Typed.g.cs, tools/gen-typed.py).
public sealed partial class Func
{
    private void CheckSignature(Type[] parameters, Type[] results)
    {
        Store.ThrowIfReleased();
        if (!Runtime.Matching.ClrTypesMatch(parameters, Type.Params, results: false, Context.Types)
            || !Runtime.Matching.ClrTypesMatch(results, Type.Results, results: true, Context.Types))
        {
            throw new WasmException($"type mismatch: the function's type is {Type}, the delegate's is ({string.Join(", ", parameters.Select(p => p.Name))}) -> ({string.Join(", ", results.Select(p => p.Name))})");
        }
    }

    /// <summary>The typed wrappers' path when there is no native entry (untyped host functions) or the results are a tuple.</summary>
    private TResult CallThroughArray<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] TResult>(ReadOnlySpan<Value> args)
    {
        Runtime.ValueBuffer results = default;
        Span<Value> r = results[..Type.Results.Count];
        CallThroughArray(args, r);
        return Runtime.TypedValues.FromResults<TResult>(r);
    }

    private void CallThroughArray(ReadOnlySpan<Value> args) => CallThroughArray(args, []);
}
