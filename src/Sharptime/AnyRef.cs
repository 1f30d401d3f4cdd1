namespace Sharptime;

/// <summary>
/// A WebAssembly GC reference: a struct, an array or an <c>i31</c> made by WebAssembly code. The host
/// cannot look inside; it can hold one, compare it and pass it back (as <see cref="Value.AnyRef"/>).
/// The .NET garbage collector frees it when nothing refers to it any more.
/// </summary>
public abstract class AnyRef
{
    private protected AnyRef() { }
}
