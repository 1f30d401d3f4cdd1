namespace Sharptime;

/// <summary>A non-null <c>externref</c>: any .NET object handed to WebAssembly, which cannot look inside.</summary>
/// <param name="target">The object.</param>
public sealed class ExternRef(object? target)
{
    /// <summary>The object this reference stands for.</summary>
    public object? Target { get; } = target;

    /// <inheritdoc/>
    public override string ToString() => $"externref({Target})";
}
