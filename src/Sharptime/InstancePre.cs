namespace Sharptime;

/// <summary>
/// A module whose imports a <see cref="Linker"/> has already resolved: instantiating it only
/// allocates and initializes. Create one with <see cref="Linker.InstantiatePre(Module)"/> and
/// instantiate it in as many stores as needed.
/// </summary>
public sealed class InstancePre
{
    private readonly object[] _definitions;

    internal InstancePre(Module module, object[] definitions)
    {
        Module = module;
        _definitions = definitions;
    }

    /// <summary>The module.</summary>
    public Module Module { get; }

    /// <summary>Instantiates the module in <paramref name="store"/>.</summary>
    /// <param name="store">The store; externs among the definitions must belong to it.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="LinkException">An import has the wrong type or belongs to another store.</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    public Instance Instantiate(Store store)
    {
        ArgumentNullException.ThrowIfNull(store);
        return Runtime.Instantiator.Instantiate(store, Module, _definitions);
    }
}
