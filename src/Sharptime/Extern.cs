namespace Sharptime;

/// <summary>Something an instance exports or a linker defines: a <see cref="Func"/>, <see cref="Memory"/>, <see cref="Table"/> or <see cref="Global"/>.</summary>
public abstract class Extern
{
    private protected Extern(Store store) => Store = store;

    /// <summary>The store that owns this object.</summary>
    public Store Store { get; }

    /// <summary>The kind, for messages: "func", "memory", "table" or "global".</summary>
    internal abstract string KindName { get; }

    /// <summary>The type in text format, for messages.</summary>
    internal abstract string TypeText { get; }
}
