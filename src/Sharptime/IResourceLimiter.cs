namespace Sharptime;

/// <summary>
/// Decides how far the memories and tables of a store may grow and how many instances, memories and
/// tables it may hold (Wasmtime's <c>ResourceLimiter</c>). Set one with <see cref="Store.Limiter"/>;
/// <see cref="StoreLimits"/> is the ready-made implementation.
/// </summary>
/// <remarks>
/// It is asked when a memory or table is created (current size 0) and before every growth, by
/// <c>memory.grow</c>/<c>table.grow</c> and by the host (<see cref="Memory.Grow"/>, <see cref="Table.Grow"/>).
/// A denied growth makes <c>memory.grow</c> and <c>table.grow</c> return -1 and a creation fail; a
/// method may instead throw a <see cref="TrapException"/> to trap the guest.
/// </remarks>
public interface IResourceLimiter
{
    /// <summary>Whether a linear memory may grow from <paramref name="currentBytes"/> to <paramref name="desiredBytes"/>.</summary>
    /// <param name="currentBytes">The current size in bytes (0 when the memory is being created).</param>
    /// <param name="desiredBytes">The size in bytes asked for.</param>
    /// <param name="maximumBytes">The memory's declared maximum in bytes, or null when it has none.</param>
    /// <returns>True to allow the growth.</returns>
    bool MemoryGrowing(ulong currentBytes, ulong desiredBytes, ulong? maximumBytes);

    /// <summary>Whether a table may grow from <paramref name="currentElements"/> to <paramref name="desiredElements"/>.</summary>
    /// <param name="currentElements">The current number of elements (0 when the table is being created).</param>
    /// <param name="desiredElements">The number of elements asked for.</param>
    /// <param name="maximumElements">The table's declared maximum, or null when it has none.</param>
    /// <returns>True to allow the growth.</returns>
    bool TableGrowing(ulong currentElements, ulong desiredElements, ulong? maximumElements);

    /// <summary>Called when a memory growth the limiter allowed (or was not asked about) failed anyway, e.g. past the declared maximum. Throw to trap.</summary>
    /// <param name="desiredBytes">The size in bytes asked for.</param>
    void MemoryGrowFailed(ulong desiredBytes) { }

    /// <summary>Called when a table growth failed for another reason than the limiter, e.g. past the declared maximum. Throw to trap.</summary>
    /// <param name="desiredElements">The number of elements asked for.</param>
    void TableGrowFailed(ulong desiredElements) { }

    /// <summary>The most instances the store may hold (Wasmtime's default: 10,000).</summary>
    int Instances => StoreLimits.DefaultCount;

    /// <summary>The most tables the store may hold, imported and host-created ones included.</summary>
    int Tables => StoreLimits.DefaultCount;

    /// <summary>The most linear memories the store may hold, host-created ones included.</summary>
    int Memories => StoreLimits.DefaultCount;
}
