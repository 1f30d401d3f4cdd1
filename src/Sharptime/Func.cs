using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// A WebAssembly or host function in a <see cref="Sharptime.Store"/>; also the value of a non-null
/// <c>funcref</c>. Call it with <see cref="Call(ReadOnlySpan{Value}, Span{Value})"/> or get a typed,
/// allocation-free delegate with <see cref="Instance.GetFunction{T1, TResult}(string)"/> and friends.
/// </summary>
public sealed unsafe partial class Func : Extern
{
    /// <summary>The native entry, with the generated-code signature of the type; 0 for untyped host functions.</summary>
    internal readonly nint Code;

    /// <summary>The array-call entry: <c>static void (nint code, VmContext ctx, ReadOnlySpan&lt;Value&gt; args, Span&lt;Value&gt; results)</c>.</summary>
    internal readonly nint ArrayCall;
    /// <summary>The callee's context; <see cref="VmContext.Released"/> once the pooling allocator took the instance's back.</summary>
    internal VmContext Context;
    internal readonly int TypeId;

    /// <summary>Keeps the code behind <see cref="Code"/> and <see cref="ArrayCall"/> alive when it is collectible.</summary>
    internal readonly object? Owner;

    internal Func(Store store, FuncType type, int typeId, nint code, nint arrayCall, VmContext context, object? owner) : base(store)
    {
        Type = type;
        TypeId = typeId;
        Code = code;
        ArrayCall = arrayCall;
        Context = context;
        Owner = owner;
    }

    /// <summary>The function's type.</summary>
    public FuncType Type { get; }

    internal override string KindName => "func";

    internal override string TypeText => Type.ToString();

    /// <summary>Calls the function with boxed values.</summary>
    /// <param name="args">One argument per parameter, of the parameter's type.</param>
    /// <param name="results">Receives one value per result.</param>
    /// <exception cref="TrapException">Execution trapped.</exception>
    /// <exception cref="ArgumentException">The arguments or the result span do not match the type.</exception>
    public void Call(ReadOnlySpan<Value> args, Span<Value> results)
    {
        CheckCall(args, results);
        CallChecked(args, results);
    }

    /// <summary>Checks the arguments and the result span of <see cref="Call(ReadOnlySpan{Value}, Span{Value})"/> against the type.</summary>
    private void CheckCall(ReadOnlySpan<Value> args, Span<Value> results)
    {
        Store.ThrowIfReleased();
        if (args.Length != Type.Params.Count) throw new ArgumentException($"the function takes {Type.Params.Count} arguments, {args.Length} given", nameof(args));
        for (int i = 0; i < args.Length; i++)
        {
            if (!Runtime.Matching.ValueMatches(args[i], Type.Params[i], Context.Types, Store.Engine))
            {
                throw new ArgumentException($"argument {i} is {args[i].Type}, the function expects {Type.Params[i]}", nameof(args));
            }
        }
        if (results.Length < Type.Results.Count) throw new ArgumentException($"the function returns {Type.Results.Count} results, the span holds {results.Length}", nameof(results));
    }

    /// <summary>Calls the function with arguments and a result span already checked against the type.</summary>
    private void CallChecked(ReadOnlySpan<Value> args, Span<Value> results)
    {
        CallThroughArray(args, results);
        for (int i = 0; i < Type.Results.Count; i++)
        {
            // Trampolines box references without their static type; give them the declared one.
            if (Type.Results[i].Kind == ValKind.Ref) results[i] = Value.FromRaw(results[i].RawRef, Type.Results[i]);
        }
    }

    /// <summary>Calls the array-call entry with arguments already checked against the type.</summary>
    private void CallThroughArray(ReadOnlySpan<Value> args, Span<Value> results)
    {
        using Store.Entry entry = Store.Enter();
        Context.CallerContext = null;
        try
        {
            ((delegate*<nint, VmContext, ReadOnlySpan<Value>, Span<Value>, void>)ArrayCall)(Code, Context, args, results);
        }
        catch (TrapException e) when (e.AttachEngine(Store.Engine))
        {
            throw;
        }
        catch (OutOfMemoryException e)
        {
            throw TrapException.HeapOutOfMemory(e);
        }
    }

    /// <summary>Calls the function with boxed values and returns the results in a new array.</summary>
    /// <param name="args">One argument per parameter.</param>
    /// <returns>The results.</returns>
    /// <exception cref="TrapException">Execution trapped.</exception>
    public Value[] Call(params Value[] args)
    {
        var results = new Value[Type.Results.Count];
        Call(args, results);
        return results;
    }
}
