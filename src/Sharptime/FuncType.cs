using System.Collections.ObjectModel;

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
        Params = new ReadOnlyCollection<ValType>([.. parameters]);
        Results = new ReadOnlyCollection<ValType>([.. results]);
    }

    internal FuncType(Binary.FuncCompositeType type) : this(Array.ConvertAll(type.Params, t => new ValType(t)), Array.ConvertAll(type.Results, t => new ValType(t))) { }

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
    public override string ToString() => $"(func (param {string.Join(' ', Params)}) (result {string.Join(' ', Results)}))";
}
