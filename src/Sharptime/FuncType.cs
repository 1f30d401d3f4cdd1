using System.Collections;
using System.Text;

namespace Sharptime;

/// <summary>A function type: parameter and result types.</summary>
public sealed class FuncType : IEquatable<FuncType>
{
    /// <summary>Creates a function type.</summary>
    /// <param name="parameters">The parameter types.</param>
    /// <param name="results">The result types.</param>
    public FuncType(IEnumerable<ValType> parameters, IEnumerable<ValType> results)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(results);
        Params = new ValTypeList(parameters);
        Results = new ValTypeList(results);
    }

    /// <summary>Creates a function type from arrays (which it copies); collection expressions such as <c>[ValType.I32]</c> choose this overload.</summary>
    /// <param name="parameters">The parameter types.</param>
    /// <param name="results">The result types.</param>
    public FuncType(ValType[] parameters, ValType[] results)
        : this((IEnumerable<ValType>)parameters, results)
    {
    }

    internal FuncType(Binary.FuncCompositeType type)
    {
        Params = new ValTypeList(type.Params);
        Results = new ValTypeList(type.Results);
    }

    /// <summary>The parameter types.</summary>
    public IReadOnlyList<ValType> Params { get; }

    /// <summary>The result types.</summary>
    public IReadOnlyList<ValType> Results { get; }

    /// <summary>A key that is equal for equal types, used to canonicalize type ids.</summary>
    internal string Key => _key ??= ToString();

    private string? _key;

    /// <inheritdoc/>
    public bool Equals(FuncType? other) => other is not null && Key == other.Key;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as FuncType);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Key);

    /// <summary>The text format, e.g. <c>(func (param i32) (result i64))</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var text = new StringBuilder("(func (param");
        foreach (ValType t in ((ValTypeList)Params).Items) text.Append(' ').Append(t.ToString());
        text.Append(") (result");
        foreach (ValType t in ((ValTypeList)Results).Items) text.Append(' ').Append(t.ToString());
        return text.Append("))").ToString();
    }

    /// <summary>
    /// The read-only list behind <see cref="Params"/> and <see cref="Results"/>. A class of this
    /// assembly rather than <c>ReadOnlyCollection&lt;ValType&gt;</c>: ReadyToRun cannot pre-compile
    /// CoreLib's generic code over this assembly's value types, so every engine start paid the JIT
    /// for that collection, its enumerators and <c>string.Join</c> (measured: a few milliseconds of
    /// a 75 ms hello-world run).
    /// </summary>
    private sealed class ValTypeList : IReadOnlyList<ValType>
    {
        public ValTypeList(IEnumerable<ValType> types)
        {
            if (types is ValType[] array)
            {
                Items = new ValType[array.Length];
                Array.Copy(array, Items, array.Length);
                return;
            }
            var items = new List<ValType>();
            foreach (ValType t in types) items.Add(t);
            Items = items.ToArray();
        }

        public ValTypeList(Binary.ValueType[] types)
        {
            Items = new ValType[types.Length];
            for (int i = 0; i < types.Length; i++) Items[i] = new ValType(types[i]);
        }

        public ValType[] Items { get; }

        public int Count => Items.Length;

        public ValType this[int index] => Items[index];

        public IEnumerator<ValType> GetEnumerator()
        {
            for (int i = 0; i < Items.Length; i++) yield return Items[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
