namespace Sharptime;

/// <summary>
/// How an engine allocates the memories and tables of instances (Wasmtime's
/// <c>InstanceAllocationStrategy</c>): <see cref="OnDemand"/> (the default) reserves and frees them
/// with every instance; <see cref="Pooling"/> takes them from pre-reserved slots that are reset, not
/// freed, between uses.
/// </summary>
public abstract record InstanceAllocationStrategy
{
    private protected InstanceAllocationStrategy() { }

    /// <summary>Allocates every memory and table when an instance is created and frees it when its store is disposed.</summary>
    public static InstanceAllocationStrategy OnDemand { get; } = new OnDemandStrategy();

    /// <summary>Takes memories and tables from a pool whose address space is reserved when the engine is created.</summary>
    /// <param name="config">The pool's limits.</param>
    /// <returns>The strategy.</returns>
    public static InstanceAllocationStrategy Pooling(PoolingAllocationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new PoolingStrategy(config);
    }

    internal sealed record OnDemandStrategy : InstanceAllocationStrategy;

    internal sealed record PoolingStrategy(PoolingAllocationConfig Config) : InstanceAllocationStrategy;
}
