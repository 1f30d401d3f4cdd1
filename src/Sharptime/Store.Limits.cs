namespace Sharptime;

public partial class Store
{
    /// <summary>
    /// The limiter asked before every memory and table creation and growth and before every new
    /// instance, memory and table of this store, or null for none (then only the engine's
    /// <see cref="Config.MaxMemoryBytes"/> applies). Set it before instantiating.
    /// </summary>
    public IResourceLimiter? Limiter { get; set; }

    /// <summary>Limits this store with <paramref name="limits"/> (the same as setting <see cref="Limiter"/>).</summary>
    /// <param name="limits">The limits.</param>
    public void SetLimits(StoreLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limiter = limits;
    }
}
