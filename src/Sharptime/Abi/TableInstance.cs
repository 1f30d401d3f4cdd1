using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>A table of references: <see cref="Func"/> or null for funcref tables, <see cref="ExternRef"/> or null for externref.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class TableInstance
{
    /// <summary>The elements; the length is the table's size.</summary>
    public object?[] Elements;

    internal TableInstance(Binary.TableType type, object? init, Store? owner = null)
    {
        Owner = owner;
        Type = type;
        ulong absoluteMax = type.Is64 ? ulong.MaxValue : uint.MaxValue;
        Max = Math.Min(type.Limits.Max ?? absoluteMax, absoluteMax);
        if (type.Limits.Min > MaxElements) throw new WasmException($"table of {type.Limits.Min} elements is larger than the limit of {MaxElements}");
        Elements = new object?[type.Limits.Min];
        if (init is not null) Array.Fill(Elements, init);
    }

    /// <summary>The most elements a table may hold in this implementation.</summary>
    internal const int MaxElements = 10_000_000;

    internal Binary.TableType Type { get; }

    /// <summary>The store whose limiter is asked before growing, or null.</summary>
    internal Store? Owner { get; }

    internal ulong Max { get; }

    /// <summary>Grows by <paramref name="delta"/> elements set to <paramref name="init"/>.</summary>
    /// <returns>The old size, or -1 when the table cannot grow.</returns>
    public long Grow(ulong delta, object? init)
    {
        int old = Elements.Length;
        IResourceLimiter? limiter = Owner?.Limiter;
        if (delta == 0) return old;
        if (delta > Max - (ulong)old || (ulong)old + delta > MaxElements)
        {
            limiter?.TableGrowFailed(delta > ulong.MaxValue - (ulong)old ? ulong.MaxValue : (ulong)old + delta);
            return -1;
        }
        if (limiter is not null && !limiter.TableGrowing((ulong)old, (ulong)old + delta, Type.Limits.Max)) return -1;
        var grown = new object?[old + (int)delta];
        Array.Copy(Elements, grown, old);
        if (init is not null) Array.Fill(grown, init, old, (int)delta);
        Elements = grown;
        return old;
    }
}
