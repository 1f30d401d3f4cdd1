namespace Sharptime;

/// <summary>
/// An exception tag (exception handling, Wasm 3.0): the identity a <c>throw</c> names and a
/// <c>catch</c> clause tests, with a function type whose parameters are the payload. Each tag a
/// module defines is a new tag per instance; <see cref="Tag(Store, FuncType)"/> creates one for the
/// host. Two tags with the same type are still different tags.
/// </summary>
public sealed class Tag : Extern
{
    /// <summary>Creates a tag in <paramref name="store"/>.</summary>
    /// <param name="store">The owner.</param>
    /// <param name="type">The tag's type: its parameters are the payload; the spec requires no results.</param>
    /// <exception cref="ArgumentException">The type has results.</exception>
    public Tag(Store store, FuncType type) : base(store)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        if (type.Results.Count != 0) throw new ArgumentException($"a tag type has no results, {type} has {type.Results.Count}", nameof(type));
        Type = type;
        TypeId = store.Engine.Types.InternHost(type);
    }

    internal Tag(Store store, FuncType type, int typeId) : base(store)
    {
        Type = type;
        TypeId = typeId;
    }

    /// <summary>The tag's type: the parameters are the payload of exceptions with this tag.</summary>
    public FuncType Type { get; }

    /// <summary>The canonical id of <see cref="Type"/> in the engine, for exact matching of imports.</summary>
    internal int TypeId { get; }

    internal override string KindName => "tag";

    internal override string TypeText => $"(tag {Type})";
}
