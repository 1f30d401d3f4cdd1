using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime;

/// <summary>A table of references.</summary>
public sealed class Table : Extern
{
    private readonly TableInstance _instance;
    private readonly TableType _type;

    internal Table(Store store, TableInstance instance) : base(store)
    {
        _instance = instance;
        _type = instance.Type;
    }

    /// <summary>Creates a table in <paramref name="store"/>.</summary>
    /// <param name="store">The owner.</param>
    /// <param name="elementType">A reference type, e.g. <see cref="ValType.FuncRef"/>.</param>
    /// <param name="minimum">The initial size.</param>
    /// <param name="maximum">The maximum size, or null.</param>
    /// <param name="init">The initial value of every element (null if omitted).</param>
    /// <param name="is64">True for a table64 table (indexed by i64).</param>
    public Table(Store store, ValType elementType, ulong minimum, ulong? maximum = null, Value? init = null, bool is64 = false)
        : this(store, store.CreateTable(new TableType(elementType.Inner, new Limits(minimum, maximum), is64), init?.RawRef)) { }

    /// <summary>
    /// The table, or an empty one once the store's resources are freed: the pooling allocator may
    /// then have given the table's object to another store, so a stale Table reads as empty.
    /// </summary>
    internal TableInstance Instance => Store.Released ? TableInstance.Released : _instance;

    internal override string KindName => "table";

    internal override string TypeText => $"(table{(_type.Is64 ? " i64" : "")} {Instance.Size}{(_type.Limits.Max is ulong m ? $" {m}" : "")} {_type.ElementType})";

    /// <summary>The element type.</summary>
    public ValType ElementType => new(_type.ElementType);

    /// <summary>The current size.</summary>
    public ulong Size => (ulong)Instance.Size;

    /// <summary>Reads element <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the table.</exception>
    public Value Get(ulong index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        return Value.FromRaw(Instance.Get((int)index), ElementType);
    }

    /// <summary>Writes element <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the table.</exception>
    /// <exception cref="WasmException">The value is not of the table's element type.</exception>
    public void Set(ulong index, Value value)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Size);
        CheckElement(value);
        Instance.Items[index] = value.RawRef;
    }

    /// <summary>Grows the table.</summary>
    /// <param name="delta">Elements to add.</param>
    /// <param name="init">Their value.</param>
    /// <returns>The old size.</returns>
    /// <exception cref="WasmException">The table cannot grow that much.</exception>
    public ulong Grow(ulong delta, Value init)
    {
        CheckElement(init);
        long old = Instance.Grow(delta, init.RawRef);
        if (old < 0) throw new WasmException($"table cannot grow by {delta} elements from {Size}");
        return (ulong)old;
    }

    private void CheckElement(Value value)
    {
        if (!Runtime.Matching.ValueMatches(value, ElementType, Instance.ModuleTypes, Store.Engine))
        {
            throw new WasmException($"cannot store a value of type {value.Type} in a table of {ElementType}");
        }
    }
}
