namespace Sharptime.Binary;

/// <summary>
/// A growable list of this assembly's value types, for the decoder and the interpreter's translator. ReadyToRun pre-compiles every
/// instantiation of a generic of this assembly that the assembly uses, but <c>List&lt;T&gt;</c> (and
/// CoreLib's generic helpers such as <c>Array.Resize&lt;T&gt;</c>) over one of its value types is
/// compiled by the JIT at run time, as CoreLib is outside the assembly's version bubble: for a small
/// module that was a visible share of the start of <c>sharptime run</c>. Hence only plain array
/// operations here.
/// </summary>
internal sealed class ValueList<T>
    where T : struct
{
    private T[] _items = new T[4];

    public int Count { get; private set; }

    /// <summary>The element at <paramref name="index"/>, which must be below <see cref="Count"/>.</summary>
    public ref T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return ref _items[index];
        }
    }

    public void Add(T item)
    {
        if (Count == _items.Length) Grow(Count * 2);
        _items[Count++] = item;
    }

    public void EnsureCapacity(int capacity)
    {
        if (capacity > _items.Length) Grow(capacity);
    }

    /// <summary>Keeps the first <paramref name="count"/> elements.</summary>
    public void Truncate(int count)
    {
        if ((uint)count > (uint)Count) throw new ArgumentOutOfRangeException(nameof(count));
        Count = count;
    }

    public void Clear() => Count = 0;

    public T[] ToArray()
    {
        var array = new T[Count];
        Array.Copy(_items, array, Count);
        return array;
    }

    private void Grow(int capacity)
    {
        var items = new T[capacity];
        Array.Copy(_items, items, Count);
        _items = items;
    }
}
