namespace Sharptime;

/// <summary>Something an instance exports or a linker defines: a <see cref="Func"/>, <see cref="Memory"/>, <see cref="Table"/>, <see cref="Global"/> or <see cref="Tag"/>.</summary>
public abstract class Extern
{
    private protected Extern(Store store) => Store = store;

    /// <summary>The store that owns this object.</summary>
    public Store Store { get; }

    /// <summary>The kind, for messages: "func", "memory", "table", "global" or "tag".</summary>
    internal abstract string KindName { get; }

    /// <summary>The type in text format, for messages.</summary>
    internal abstract string TypeText { get; }
}
