using Sharptime.Abi;

namespace Sharptime;

/// <summary>An instantiated module: its exports, bound to a <see cref="Sharptime.Store"/>.</summary>
public sealed partial class Instance
{
    // Exports are made on first use, by index; the name → index map is the module's (InstanceLayout).
    // Only non-function exports need this array (functions are cached in VmContext.Functions).
    private Extern?[]? _exports;
    private Dictionary<string, Extern>? _all;

    /// <param name="store">The store.</param>
    /// <param name="module">The module.</param>
    /// <param name="context">A new context, or a released one of the module from the pooling allocator.</param>
    internal Instance(Store store, Module module, VmContext context)
    {
        Store = store;
        Module = module;
        Layout = module.Compiled.Layout;
        store.AddInstance(this, context);
        _context = context;
    }

    /// <summary>The store.</summary>
    public Store Store { get; }

    /// <summary>The module.</summary>
    public Module Module { get; }

    private readonly VmContext _context;

    /// <summary>
    /// The instance's state. With the pooling allocator a disposed store's instance contexts serve
    /// later instances, so an instance of a disposed store no longer reaches its own.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    internal VmContext Context
    {
        get
        {
            Store.ThrowIfReleased();
            return _context;
        }
    }

    /// <summary>The context, for the store releasing it.</summary>
    internal VmContext OwnContext => _context;

    /// <summary>What the module precomputes for instantiation.</summary>
    internal Runtime.InstanceLayout Layout { get; }

    /// <summary>The exports by name, in no particular order.</summary>
    public IReadOnlyDictionary<string, Extern> Exports
    {
        get
        {
            if (_all is not null) return _all;
            var all = new Dictionary<string, Extern>(Layout.ExportIndex.Count, StringComparer.Ordinal);
            foreach (KeyValuePair<string, int> e in Layout.ExportIndex) all[e.Key] = ExportAt(e.Value);
            return _all = all;
        }
    }

    /// <summary>The export named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The export name.</param>
    public Extern? GetExport(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Layout.ExportIndex.TryGetValue(name, out int index) ? ExportAt(index) : null;
    }

    private Extern ExportAt(int index)
    {
        // A function export is kept in the context's function array already.
        Binary.Export export = Module.Info.Exports[index];
        return export.Kind == Binary.ExternKind.Func ? Context.GetFunction((int)export.Index) : OtherExportAt(index);
    }

    private Extern OtherExportAt(int index)
    {
        Extern?[] exports = _exports ??= new Extern?[Layout.ExportIndex.Count];
        return exports[index] ??= Runtime.Instantiator.MakeExport(this, index);
    }

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
