using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime;

/// <summary>A table of references.</summary>
public sealed class Table : Extern
{
    internal Table(Store store, TableInstance instance) : base(store) => Instance = instance;

    /// <summary>Creates a table in <paramref name="store"/>.</summary>
    /// <param name="store">The owner.</param>
    /// <param name="elementType">A reference type, e.g. <see cref="ValType.FuncRef"/>.</param>
    /// <param name="minimum">The initial size.</param>
    /// <param name="maximum">The maximum size, or null.</param>
    /// <param name="init">The initial value of every element (null if omitted).</param>
    /// <param name="is64">True for a table64 table (indexed by i64).</param>
    public Table(Store store, ValType elementType, ulong minimum, ulong? maximum = null, Value? init = null, bool is64 = false)
        : this(store, store.CreateTable(new TableType(elementType.Inner, new Limits(minimum, maximum), is64), init?.RawRef)) { }

    internal TableInstance Instance { get; }

    internal override string KindName => "table";

    internal override string TypeText => $"(table{(Instance.Type.Is64 ? " i64" : "")} {Instance.Size}{(Instance.Type.Limits.Max is ulong m ? $" {m}" : "")} {Instance.Type.ElementType})";

    /// <summary>The element type.</summary>
    public ValType ElementType => new(Instance.Type.ElementType);

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
