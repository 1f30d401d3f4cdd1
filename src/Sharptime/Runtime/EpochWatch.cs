using Sharptime.Abi;

namespace Sharptime.Runtime;

/// <summary>
/// The stores of an engine that have an epoch deadline, ordered by it, so that
/// <see cref="Engine.IncrementEpoch"/> interrupts exactly the stores whose deadline it reaches
/// (<see cref="VmStoreContext.RequestInterrupt"/>) and costs one compare when it reaches none.
/// Generated code then checks one field (<see cref="VmStoreContext.StackLimit"/>) instead of comparing
/// the engine's counter with the store's deadline. A store is queued at most once per deadline it
/// lowers to (<see cref="VmStoreContext.WatchedDeadline"/>); an entry whose store moved its deadline
/// later is queued again at the new deadline when it comes up, and a disposed store's entry is dropped.
/// </summary>
internal sealed class EpochWatch
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<VmStoreContext, long> _queue = new();

    /// <summary>The earliest deadline queued (<see cref="long.MaxValue"/>: none): the epoch's fast path reads it without the lock.</summary>
    private long _next = long.MaxValue;

    /// <summary>
    /// After a store's deadline changed (the store's thread): queues it when the new deadline is
    /// earlier than the one queued, then interrupts it at once when the epoch is already there.
    /// </summary>
    public void Watch(VmStoreContext store, long deadline)
    {
        if (deadline != long.MaxValue)
        {
            lock (_lock)
            {
                if (deadline < store.WatchedDeadline)
                {
                    store.WatchedDeadline = deadline;
                    _queue.Enqueue(store, deadline);
                    if (deadline < _next) Volatile.Write(ref _next, deadline);
                }
            }
        }
        // Pairs with the fence of the increment in Advance's caller: if that increment read the old
        // _next and skipped this store, this read sees the new epoch.
        Interlocked.MemoryBarrier();
        store.ClearEpochDue();
    }

    /// <summary>After the engine's epoch moved to <paramref name="epoch"/> (any thread).</summary>
    public void Advance(long epoch)
    {
        if (epoch < Volatile.Read(ref _next)) return;
        lock (_lock)
        {
            while (_queue.TryPeek(out VmStoreContext? store, out long deadline) && deadline <= epoch)
            {
                _queue.Dequeue();
                if (deadline != store.WatchedDeadline || store.Disposed) continue;
                store.WatchedDeadline = long.MaxValue;
                long current = Volatile.Read(ref store.EpochDeadline);
                if (current <= epoch)
                {
                    store.RequestInterrupt();
                }
                else if (current != long.MaxValue)
                {
                    store.WatchedDeadline = current;
                    _queue.Enqueue(store, current);
                }
            }
            Volatile.Write(ref _next, _queue.TryPeek(out _, out long next) ? next : long.MaxValue);
        }
    }
}
