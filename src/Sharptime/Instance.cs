using Sharptime.Abi;

namespace Sharptime;

/// <summary>An instantiated module: its exports, bound to a <see cref="Sharptime.Store"/>.</summary>
public sealed partial class Instance
{
    private readonly Dictionary<string, Extern> _exports = new(StringComparer.Ordinal);

    internal Instance(Store store, Module module)
    {
        Store = store;
        Module = module;
        Context = store.CreateContext(this, null);
    }

    /// <summary>The store.</summary>
    public Store Store { get; }

    /// <summary>The module.</summary>
    public Module Module { get; }

    internal VmContext Context { get; }

    /// <summary>The exports by name, in no particular order.</summary>
    public IReadOnlyDictionary<string, Extern> Exports => _exports;

    internal void AddExport(string name, Extern item) => _exports[name] = item;

    /// <summary>The export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Extern? GetExport(string name) => _exports.GetValueOrDefault(name);

    /// <summary>The function export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Func? GetFunction(string name) => GetExport(name) as Func;

    /// <summary>The memory export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    /// <summary>The table export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Table? GetTable(string name) => GetExport(name) as Table;

    /// <summary>The global export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Global? GetGlobal(string name) => GetExport(name) as Global;

    /// <summary>The tag export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Tag? GetTag(string name) => GetExport(name) as Tag;

    private Func RequireFunction(string name) =>
        GetFunction(name) ?? throw new WasmException($"unknown export: the instance has no function export named \"{name}\"");
}
