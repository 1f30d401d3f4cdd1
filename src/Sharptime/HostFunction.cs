namespace Sharptime;

/// <summary>
/// A host function defined in a <see cref="Linker"/>, not yet bound to a store. Typed host
/// functions carry a thunk (a generic static method) whose signature is the generated-code
/// signature of the type; untyped ones go through a trampoline made by the code generator.
/// </summary>
/// <param name="type">The function type.</param>
/// <param name="callback">The user's delegate (typed: with a leading Caller parameter; untyped: a <see cref="HostCallback"/>).</param>
/// <param name="thunk">The thunk's function pointer, or 0 when the trampoline must be generated.</param>
internal sealed class HostFunction(FuncType type, Delegate callback, nint thunk)
{
    public FuncType Type { get; } = type;

    public Delegate Callback { get; } = callback;

    public nint Thunk { get; } = thunk;
}
