namespace Sharptime;

/// <summary>
/// A WebAssembly GC reference: a struct, an array or an <c>i31</c> made by WebAssembly code. The host
/// cannot look inside; it can hold one, compare it and pass it back (as <see cref="Value.AnyRef"/>).
/// The .NET garbage collector frees it when nothing refers to it any more.
/// </summary>
public abstract class AnyRef
{
    private protected AnyRef() { }

    /// <summary>
    /// The anyref of a host reference, as <c>any.convert_extern</c> makes it: WebAssembly can hold it as
    /// <c>anyref</c> (it is no <c>eqref</c>), and converting it back (<see cref="ExternRef.ConvertAny"/>)
    /// gives <paramref name="reference"/> itself.
    /// </summary>
    /// <param name="reference">The reference, or null.</param>
    /// <returns>The anyref, or null for null.</returns>
    public static AnyRef? ConvertExtern(ExternRef? reference) => reference switch
    {
        null => null,
        { WrapsAny: true } => (AnyRef)reference.Target!,
        _ => new Runtime.HostAnyRef(reference),
    };
}
