namespace Sharptime;

/// <summary>A non-null <c>externref</c>: any .NET object handed to WebAssembly, which cannot look inside.</summary>
/// <param name="target">The object.</param>
public sealed class ExternRef(object? target)
{
    /// <summary>The object this reference stands for.</summary>
    public object? Target { get; } = target;

    /// <summary>True for the externref of a GC reference (<c>extern.convert_any</c>), whose <see cref="Target"/> is the <see cref="AnyRef"/>.</summary>
    internal bool WrapsAny { get; private init; }

    /// <summary>
    /// The externref of a GC reference, as <c>extern.convert_any</c> makes it: converting it back
    /// (<see cref="AnyRef.ConvertExtern"/>) gives <paramref name="reference"/> itself.
    /// </summary>
    /// <param name="reference">The reference, or null.</param>
    /// <returns>The externref, or null for null.</returns>
    public static ExternRef? ConvertAny(AnyRef? reference) => reference switch
    {
        null => null,
        Runtime.HostAnyRef h => h.Extern,
        _ => new ExternRef(reference) { WrapsAny = true },
    };

    /// <inheritdoc/>
    public override string ToString() => $"externref({Target})";
}
