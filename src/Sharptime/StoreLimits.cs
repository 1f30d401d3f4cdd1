namespace Sharptime;

/// <summary>
/// Limits on what one store may hold, as Wasmtime's <c>StoreLimits</c> built by its
/// <c>StoreLimitsBuilder</c>: <c>store.SetLimits(new StoreLimits { MemorySize = 1 &lt;&lt; 20, Instances = 1 })</c>.
/// Every limit is off (or Wasmtime's default) unless set.
/// </summary>
public sealed record StoreLimits : IResourceLimiter
{
    /// <summary>The default of the count limits (instances, tables, memories): 10,000, as Wasmtime.</summary>
    public const int DefaultCount = 10_000;

    /// <summary>The largest size in bytes any linear memory of the store may reach, or null for no limit.</summary>
    public ulong? MemorySize { get; init; }

    /// <summary>The most elements any table of the store may hold, or null for no limit.</summary>
    public ulong? TableElements { get; init; }

    /// <inheritdoc/>
    public int Instances { get; init; } = DefaultCount;

    /// <inheritdoc/>
    public int Tables { get; init; } = DefaultCount;

    /// <inheritdoc/>
    public int Memories { get; init; } = DefaultCount;

    /// <summary>
    /// When true, a memory or table growth that is denied or fails traps (<see cref="TrapCode.GrowFailed"/>)
    /// instead of returning -1 to the guest.
    /// </summary>
    public bool TrapOnGrowFailure { get; init; }

    /// <inheritdoc/>
    public bool MemoryGrowing(ulong currentBytes, ulong desiredBytes, ulong? maximumBytes)
    {
        bool allow = MemorySize is not ulong limit || desiredBytes <= limit;
        if (!allow && TrapOnGrowFailure)
        {
            throw new TrapException(TrapCode.GrowFailed, $"forcing trap when growing memory to {desiredBytes} bytes (the store's limit is {MemorySize} bytes)");
        }
        return allow;
    }

    /// <inheritdoc/>
    public bool TableGrowing(ulong currentElements, ulong desiredElements, ulong? maximumElements)
    {
        bool allow = TableElements is not ulong limit || desiredElements <= limit;
        if (!allow && TrapOnGrowFailure)
        {
            throw new TrapException(TrapCode.GrowFailed, $"forcing trap when growing table to {desiredElements} elements (the store's limit is {TableElements} elements)");
        }
        return allow;
    }

    /// <inheritdoc/>
    public void MemoryGrowFailed(ulong desiredBytes)
    {
        if (TrapOnGrowFailure) throw new TrapException(TrapCode.GrowFailed, $"forcing a memory growth failure to be a trap (growing to {desiredBytes} bytes)");
    }

    /// <inheritdoc/>
    public void TableGrowFailed(ulong desiredElements)
    {
        if (TrapOnGrowFailure) throw new TrapException(TrapCode.GrowFailed, $"forcing a table growth failure to be a trap (growing to {desiredElements} elements)");
    }
}
