namespace Sharptime;

/// <summary>
/// The limits of the pooling allocator (<see cref="InstanceAllocationStrategy.Pooling"/>), with
/// Wasmtime's names and defaults. They are validated when the engine is created; running out of
/// slots, or a memory or table larger than a slot, is a <see cref="WasmException"/> that names the limit.
/// </summary>
public sealed record PoolingAllocationConfig
{
    /// <summary>The most linear memories alive at once across all stores of the engine (<c>total_memories</c>). Defaults to 1,000.</summary>
    public int TotalMemories { get; init; } = 1000;

    /// <summary>The most tables alive at once across all stores of the engine (<c>total_tables</c>). Defaults to 1,000.</summary>
    public int TotalTables { get; init; } = 1000;

    /// <summary>
    /// The most bytes one memory may reach (<c>max_memory_size</c>): the size of a slot's address-space
    /// reservation, rounded up to the OS page. Defaults to 4 GiB. A memory whose minimum is larger
    /// cannot be instantiated; growing beyond fails as <c>memory.grow</c> failures do.
    /// </summary>
    public ulong MaxMemorySize { get; init; } = 4UL << 30;

    /// <summary>The most elements one table may hold (<c>table_elements</c>). Defaults to 20,000.</summary>
    public int MaxTableElements { get; init; } = 20_000;

    /// <summary>
    /// How many bytes at the start of a released memory slot are zeroed with memset and stay resident
    /// (<c>linear_memory_keep_resident</c>); the rest of the used range is returned to the kernel with
    /// <c>madvise(MADV_DONTNEED)</c>. Defaults to 0. Keeping pages resident avoids page faults in the
    /// next instance at the price of a memset of the range on every release.
    /// </summary>
    public ulong LinearMemoryKeepResident { get; init; }

    /// <summary>
    /// How many released slots keep their state (the memory image mapped, pages resident) for the
    /// next instance of the same module (<c>max_unused_warm_slots</c>); slots released beyond that
    /// are decommitted completely. Defaults to 100.
    /// </summary>
    public int MaxUnusedWarmSlots { get; init; } = 100;
}
