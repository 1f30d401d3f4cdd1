namespace Sharptime;

/// <summary>
/// A host function defined in a <see cref="Linker"/>, not yet bound to a store. Typed host
/// functions carry a thunk (a generic static method) whose signature is the generated-code
/// signature of the type; untyped ones have none, and the code of the module that imports them
/// calls them through its own shim. Both have an array-call entry written in C#.
/// </summary>
/// <param name="type">The function type.</param>
/// <param name="callback">The user's delegate (typed: with a leading Caller parameter; untyped: a <see cref="HostCallback"/>).</param>
/// <param name="thunk">The thunk's function pointer, or 0 for an untyped host function.</param>
/// <param name="arrayCall">The array-call entry.</param>
internal sealed class HostFunction(FuncType type, Delegate callback, nint thunk, nint arrayCall)
{
    public FuncType Type { get; } = type;

    public Delegate Callback { get; } = callback;

    public nint Thunk { get; } = thunk;

    public nint ArrayCall { get; } = arrayCall;

    private Tuple<Engine, int>? _typeId;

    /// <summary>The engine's canonical id of <see cref="Type"/>, computed once (a linker has one engine).</summary>
    public int TypeIdIn(Engine engine)
    {
        Tuple<Engine, int>? cached = Volatile.Read(ref _typeId);
        if (cached is not null && ReferenceEquals(cached.Item1, engine)) return cached.Item2;
        int id = engine.Types.InternHost(Type);
        Volatile.Write(ref _typeId, Tuple.Create(engine, id));
        return id;
    }
}
