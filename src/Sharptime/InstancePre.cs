namespace Sharptime;

/// <summary>
/// A module whose imports a <see cref="Linker"/> has already resolved and type-checked: instantiating
/// it only allocates, initializes and runs the start function. Create one with
/// <see cref="Linker.InstantiatePre(Module)"/> and instantiate it in as many stores as needed, from
/// any number of threads at once (it is immutable; each store is still used by one thread at a time).
/// </summary>
public sealed class InstancePre
{
    private readonly Runtime.PreparedImport[] _imports;

    internal InstancePre(Module module, object[] definitions)
    {
        Module = module;
        _imports = Runtime.Instantiator.Prepare(module, definitions);
        // Computed now, not by the first instantiation.
        _ = module.Compiled.Layout;
    }

    /// <summary>The module.</summary>
    public Module Module { get; }

    /// <summary>Instantiates the module in <paramref name="store"/>.</summary>
    /// <param name="store">The store; externs among the definitions must belong to it.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="LinkException">An import belongs to another store (types were checked when the InstancePre was made).</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    public Instance Instantiate(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Runtime.Instantiator.Instantiate(store, Module, _imports);
    }
}
