namespace Sharptime.Text.Parsing;

/// <summary>
/// One index space of a text module (types, functions, tables, ...): the symbolic names bound to indices
/// (Wasm 3.0 section 6.6.1, the identifier context).
/// </summary>
internal sealed class IndexSpace
{
    private readonly Dictionary<string, int> _byName = new(StringComparer.Ordinal);
    private readonly List<string?> _names = [];

    /// <param name="keyword">The word used in "duplicate ..." errors (the text keyword, e.g. <c>func</c>).</param>
    /// <param name="description">The word used in "unknown ..." errors (e.g. <c>function</c>).</param>
    public IndexSpace(string keyword, string description)
    {
        Keyword = keyword;
        Description = description;
    }

    /// <summary>The text keyword of the space.</summary>
    public string Keyword { get; }

    /// <summary>The description used in "unknown ..." errors.</summary>
    public string Description { get; }

    /// <summary>The number of indices allocated.</summary>
    public int Count => _names.Count;

    /// <summary>The name of every index (null when unnamed).</summary>
    public IReadOnlyList<string?> Names => _names;

    /// <summary>Allocates the next index; returns false when <paramref name="name"/> is already bound.</summary>
    public bool TryAdd(string? name, out int index)
    {
        index = _names.Count;
        if (name != null && !_byName.TryAdd(name, index)) return false;
        _names.Add(name);
        return true;
    }

    /// <summary>Looks up a symbolic name.</summary>
    public bool TryGet(string name, out int index) => _byName.TryGetValue(name, out index);
}
