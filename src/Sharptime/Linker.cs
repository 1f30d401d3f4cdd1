using Sharptime.Binary;

namespace Sharptime;

/// <summary>
/// Resolves a module's imports by (module, name) and instantiates it. Definitions are host
/// functions (store-independent) and externs of a store (functions, memories, tables, globals).
/// Redefining a name throws unless <see cref="AllowShadowing"/> is set.
/// </summary>
public sealed unsafe partial class Linker
{
    private readonly Dictionary<(string Module, string Name), object> _definitions = [];

    /// <summary>Creates an empty linker.</summary>
    /// <param name="engine">The engine of the modules it will instantiate.</param>
    public Linker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    /// <summary>Whether a definition may replace an earlier one of the same name. Off by default.</summary>
    public bool AllowShadowing { get; set; }

    /// <summary>Defines an extern (a function, memory, table or global of a store).</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="item">The definition.</param>
    /// <returns>This linker.</returns>
    /// <exception cref="LinkException">The name is already defined and shadowing is off.</exception>
    public Linker Define(string module, string name, Extern item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Add(module, name, item);
    }

    /// <summary>Defines an untyped host function that receives and returns boxed values.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="type">The function type.</param>
    /// <param name="callback">The function.</param>
    /// <returns>This linker.</returns>
    public Linker DefineFunction(string module, string name, FuncType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        return AddUntyped(module, name, type, callback);
    }

    /// <summary>Defines every export of <paramref name="instance"/> under the module name <paramref name="module"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="instance">The instance.</param>
    /// <returns>This linker.</returns>
    public Linker DefineInstance(string module, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        foreach (KeyValuePair<string, Extern> export in instance.Exports) Add(module, export.Key, export.Value);
        return this;
    }

    /// <summary>Defines every function import of <paramref name="module"/> that is still undefined as a function that traps.</summary>
    /// <param name="module">The module.</param>
    /// <returns>This linker.</returns>
    public Linker DefineUnknownImportsAsTraps(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        foreach (Import import in module.Info.Imports)
        {
            if (import.Kind != ExternKind.Func || _definitions.ContainsKey((import.Module, import.Name))) continue;
            string what = $"{import.Module}::{import.Name}";
            AddUntyped(import.Module, import.Name, module.FuncTypeAt(import.TypeIndex),
                (_, _, _) => throw new TrapException(TrapCode.UnknownImport, $"unknown import called: {what}"));
        }
        return this;
    }

    /// <summary>The definition of (<paramref name="module"/>, <paramref name="name"/>) as an extern of <paramref name="store"/>, or null.</summary>
    /// <param name="store">The store host functions are bound to.</param>
    /// <param name="module">The module name.</param>
    /// <param name="name">The field name.</param>
    public Extern? Get(Store store, string module, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (!_definitions.TryGetValue((module, name), out object? d)) return null;
        return d as Extern ?? Runtime.Instantiator.BindHost(store, (HostFunction)d, null);
    }

    /// <summary>Instantiates <paramref name="module"/> in <paramref name="store"/> with this linker's definitions.</summary>
    /// <param name="store">The store.</param>
    /// <param name="module">The module.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="LinkException">An import is undefined or has the wrong type.</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    public Instance Instantiate(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(store);
        return InstantiatePre(module).Instantiate(store);
    }

    /// <summary>Resolves and type-checks the imports of <paramref name="module"/> once, for fast repeated instantiation.</summary>
    /// <param name="module">The module.</param>
    /// <returns>The pre-linked module.</returns>
    /// <exception cref="LinkException">An import is undefined or has the wrong type.</exception>
    public InstancePre InstantiatePre(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        Import[] imports = module.Info.Imports;
        var resolved = new object[imports.Length];
        for (int i = 0; i < imports.Length; i++)
        {
            Import import = imports[i];
            if (!_definitions.TryGetValue((import.Module, import.Name), out object? d))
            {
                throw new LinkException($"unknown import: {import.Module}::{import.Name} ({KindText(import.Kind)}) is not defined");
            }
            resolved[i] = d;
        }
        return new InstancePre(module, resolved);
    }

    internal static string KindText(ExternKind kind) => kind.ToString().ToLowerInvariant();

    private Linker DefineHost(string module, string name, Delegate callback, nint thunk, nint arrayCall, Type[] parameters, Type[] results) =>
        Add(module, name, new HostFunction(TypeOf(parameters, results), callback, thunk, arrayCall));

    /// <summary>A typed host function with several results is an untyped one underneath: generated code cannot
    /// return a tuple, so <paramref name="callback"/> writes its elements as results.</summary>
    private Linker DefineTupleHost(string module, string name, Type[] parameters, Type[] results, HostCallback callback) =>
        AddUntyped(module, name, TypeOf(parameters, results), callback);

    /// <summary>Adds a host function called through <see cref="HostCallback"/> (no native entry).</summary>
    private Linker AddUntyped(string module, string name, FuncType type, HostCallback callback) =>
        Add(module, name, new HostFunction(type, callback, 0, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Abi.HostCalls.ArrayCallUntyped));

    /// <summary>The function type of a typed host function with these CLR parameter and result types.</summary>
    private static FuncType TypeOf(Type[] parameters, Type[] results)
    {
        var p = new ValType[parameters.Length];
        for (int i = 0; i < p.Length; i++) p[i] = new ValType(ClrToWasm(parameters[i]));
        var r = new ValType[results.Length];
        for (int i = 0; i < r.Length; i++) r[i] = new ValType(ClrToWasm(results[i]));
        return new FuncType(p, r);
    }

    private static Binary.ValueType ClrToWasm(Type t) => Runtime.Matching.ValueTypeOf(t)
        ?? throw new ArgumentException($"{t} is not a WebAssembly type: use int, long, float, double, Func, ExternRef or AnyRef");

    private Linker Add(string module, string name, object definition)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (!AllowShadowing && _definitions.ContainsKey((module, name)))
        {
            throw new LinkException($"{module}::{name} is already defined (set AllowShadowing to replace definitions)");
        }
        _definitions[(module, name)] = definition;
        return this;
    }
}
