using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>A table of references: <see cref="Func"/> or null for funcref tables, <see cref="ExternRef"/> or null for externref.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class TableInstance
{
    /// <summary>
    /// The elements in <c>[0, <see cref="Size"/>)</c>; the array is the capacity and may be longer
    /// (entries past the size are null). Growing doubles the capacity, so a sequence of table.grow
    /// by one costs amortized O(1) each instead of a copy of the whole table. Generated call_indirect
    /// checks an index against the array's length only and relies on the null past the size.
    /// </summary>
    public object?[] Items;

    /// <summary>The table's size in elements.</summary>
    public int Size;

    /// <summary>The types of the module that defined the table, for host writes of defined reference types; null for a host-made table.</summary>
    internal Runtime.RuntimeType[]? ModuleTypes { get; set; }

    /// <param name="type">The table type.</param>
    /// <param name="init">The value of every element.</param>
    /// <param name="owner">The store whose limiter is asked before growing, or null.</param>
    /// <param name="pooled">A pooled array (all null, at least the minimum size long) to start from, or null to allocate one.</param>
    /// <param name="slot">The pool slot, or -1.</param>
    /// <param name="maxElements">The pool's limit on the table's size.</param>
    internal TableInstance(Binary.TableType type, object? init, Store? owner = null, object?[]? pooled = null, int slot = -1, ulong maxElements = ulong.MaxValue)
    {
        Items = [];
        Initialize(type, init, owner, pooled, slot, maxElements);
    }

    /// <summary>
    /// Gives the object the type and elements of a new table: at creation, and when the pooling
    /// allocator hands a released one out again with its slot.
    /// </summary>
    internal void Initialize(Binary.TableType type, object? init, Store? owner, object?[]? pooled, int slot, ulong maxElements)
    {
        if (type.Limits.Min > MaxElements) throw new WasmException($"table of {type.Limits.Min} elements is larger than the limit of {MaxElements}");
        Owner = owner;
        Type = type;
        Slot = slot;
        ulong absoluteMax = type.Is64 ? ulong.MaxValue : uint.MaxValue;
        Max = Math.Min(type.Limits.Max ?? absoluteMax, absoluteMax);
        Max = Math.Min(Max, maxElements);
        ModuleTypes = null;
        LazyContext = null;
        Items = pooled ?? new object?[type.Limits.Min];
        Size = (int)type.Limits.Min;
        if (init is not null) Array.Fill(Items, init, 0, Size);
    }

    /// <summary>What a <see cref="Table"/> of a freed store reads: an empty table that cannot grow.</summary>
    internal static TableInstance Released { get; } = new(new Binary.TableType(Binary.ValueType.FuncRef, new Binary.Limits(0, 0), Is64: false), null);

    /// <summary>The pool slot of the table, or -1 when it is not pooled.</summary>
    internal int Slot { get; private set; }

    /// <summary>The most elements a table may hold in this implementation.</summary>
    internal const int MaxElements = 10_000_000;

    internal Binary.TableType Type { get; private set; }

    /// <summary>The store whose limiter is asked before growing, or null.</summary>
    internal Store? Owner { get; private set; }

    internal ulong Max { get; private set; }

    /// <summary>The elements in <c>[0, Size)</c>; some may still be <see cref="LazyFunction"/>s.</summary>
    internal Span<object?> Span => Items.AsSpan(0, Size);

    /// <summary>
    /// The instance whose active element segments filled the table with <see cref="LazyFunction"/>s
    /// (lazy table initialization), or null: what <see cref="Materialize"/> makes their functions in.
    /// </summary>
    internal VmContext? LazyContext;

    /// <summary>Element <paramref name="i"/>, a <see cref="LazyFunction"/>, replaced by its function's <see cref="Func"/>.</summary>
    internal Func Materialize(int i)
    {
        Func f = LazyContext!.GetFunction(((LazyFunction)Items[i]!).Index);
        Items[i] = f;
        return f;
    }

    /// <summary>Element <paramref name="i"/> (below <see cref="Size"/>), its function made if it is still lazy.</summary>
    internal object? Get(int i)
    {
        object? item = Items[i];
        return item is LazyFunction ? Materialize(i) : item;
    }

    /// <summary>Makes the functions of every lazy element in <c>[from, from + count)</c>, before the elements leave the table.</summary>
    internal void MaterializeRange(int from, int count)
    {
        if (LazyContext is null) return;
        for (int i = from; i < from + count; i++)
        {
            if (Items[i] is LazyFunction) Materialize(i);
        }
    }

    /// <summary>Grows by <paramref name="delta"/> elements set to <paramref name="init"/>.</summary>
    /// <returns>The old size, or -1 when the table cannot grow.</returns>
    public long Grow(ulong delta, object? init)
    {
        int old = Size;
        IResourceLimiter? limiter = Owner?.Limiter;
        if (delta == 0) return old;
        if (delta > Max - (ulong)old || (ulong)old + delta > MaxElements)
        {
            limiter?.TableGrowFailed(delta > ulong.MaxValue - (ulong)old ? ulong.MaxValue : (ulong)old + delta);
            return -1;
        }
        if (limiter is not null && !limiter.TableGrowing((ulong)old, (ulong)old + delta, Type.Limits.Max)) return -1;
        int size = old + (int)delta;
        if (size > Items.Length)
        {
            // Doubling (capped by the table's maximum and the implementation limit) keeps repeated
            // small grows linear overall.
            long capacity = Math.Max(size, Math.Min(Math.Max(2L * Items.Length, 4), (long)Math.Min(Max, MaxElements)));
            var grown = new object?[capacity];
            Array.Copy(Items, grown, old);
            Items = grown;
        }
        if (init is not null) Array.Fill(Items, init, old, (int)delta);
        Size = size;
        return old;
    }
}

/// <summary>
/// An element of a table whose function is made on first use (Wasmtime's lazy table initialization):
/// an instance's active element segments copy the module's array of these into its tables instead of
/// making a <see cref="Func"/> per element. Every read of a table element (call_indirect, table.get,
/// table.copy out of the table, the host's <see cref="Table.Get"/>) replaces it with the function of
/// <see cref="TableInstance.LazyContext"/>; a write simply overwrites it. One object per function
/// index, shared by every instance of the module.
/// </summary>
/// <param name="index">The function index.</param>
internal sealed class LazyFunction(int index)
{
    /// <summary>The function index in the module.</summary>
    public int Index { get; } = index;
}
