using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>
/// What is per store (and so per running thread) rather than per instance: the stack limit, the
/// remaining fuel, the epoch deadline. One per <see cref="Store"/>; every <see cref="VmContext"/> of
/// the store points to it (<see cref="VmContext.StoreContext"/>), so entering the store from another
/// thread rewrites one field, not one per instance (Wasmtime's <c>VMStoreContext</c>).
/// Fields, not properties, so that generated code reads them with one load; only the runtime writes
/// them, except <see cref="Fuel"/>, which generated code decrements.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class VmStoreContext
{
    /// <summary>
    /// The lowest stack address generated code may reach: every function entry compares its stack
    /// pointer with it and calls <see cref="StoreHelpers.StackProbeFailed"/> below it. It is the
    /// running thread's limit, or <see cref="Interrupt"/> (the highest address) while an interrupt is
    /// pending: the epoch deadline is reached or the store is disposed. So one compare at function
    /// entry checks the stack and the epoch (as V8's stack guard does), and a loop header checks the
    /// epoch with one load.
    /// </summary>
    public nuint StackLimit;

    /// <summary>The value of <see cref="StackLimit"/> while an interrupt is pending.</summary>
    public static readonly nuint Interrupt = nuint.MaxValue;

    /// <summary>The context of every freed store whose own context went back to the pooling allocator: code entered with it traps.</summary>
    internal static VmStoreContext Released { get; } = new() { StackLimit = Interrupt, Fuel = long.MinValue, EpochDeadline = long.MinValue, Disposed = true };

    /// <summary>
    /// The fuel left when <see cref="Config.ConsumeFuel"/> is on. Generated code subtracts the cost of
    /// each straight-line run of instructions and calls <see cref="StoreHelpers.OutOfFuel"/> at function
    /// entry and loop headers when it is zero or less.
    /// </summary>
    public long Fuel;

    /// <summary>The stack limit of the thread running the store (<see cref="StackLimit"/> when no interrupt is pending).</summary>
    internal nuint ThreadStackLimit;

    /// <summary>The epoch at which code in the store is interrupted (<see cref="Config.EpochInterruption"/>).</summary>
    internal long EpochDeadline;

    /// <summary>The deadline the engine's epoch watch holds for this store (<see cref="long.MaxValue"/>: none).</summary>
    internal long WatchedDeadline = long.MaxValue;

    /// <summary>The engine's epoch counter (<see cref="Engine.IncrementEpoch"/>).</summary>
    internal EpochCounter Epoch = null!;

    /// <summary>The store; null only while it is being constructed.</summary>
    internal Store? Store;

    /// <summary>Set once the store is disposed: the slow paths of the checks then trap with <see cref="TrapCode.Interrupt"/>.</summary>
    internal volatile bool Disposed;

    /// <summary>Set when the epoch deadline is reached, until the deadline moves.</summary>
    internal volatile bool EpochDue;

    /// <summary>
    /// Set when the cancellation token of the async call running in the store (<see cref="Func.CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/>)
    /// is canceled, until that call ends: the slow paths of the checks then trap with <see cref="TrapCode.Interrupt"/>.
    /// </summary>
    internal volatile bool Canceled;

    /// <summary>
    /// Makes a disposed store's context read as a new one's, for the pooling allocator to hand it to
    /// the next store (nothing runs in the old store any more; a stale epoch-watch entry is ignored
    /// because its deadline no longer matches <see cref="WatchedDeadline"/>).
    /// </summary>
    internal void Reset()
    {
        StackLimit = 0;
        Fuel = 0;
        ThreadStackLimit = 0;
        EpochDeadline = 0;
        WatchedDeadline = long.MaxValue;
        Store = null;
        EpochDue = false;
        Canceled = false;
        Disposed = false;
    }

    /// <summary>Whether the engine's epoch has reached the deadline.</summary>
    internal bool DeadlinePassed => Volatile.Read(ref Epoch.Value) >= Volatile.Read(ref EpochDeadline);

    /// <summary>Makes the code running in the store take its slow path at the next function entry or loop header; any thread.</summary>
    internal void RequestInterrupt()
    {
        EpochDue = true;
        Volatile.Write(ref StackLimit, Interrupt);
    }

    /// <summary>Makes the code running in the store trap at the next function entry or loop header (<see cref="Canceled"/>); any thread.</summary>
    internal void RequestCancel()
    {
        Canceled = true;
        Volatile.Write(ref StackLimit, Interrupt);
    }

    /// <summary>
    /// Sets <see cref="StackLimit"/> back to the thread's limit unless an interrupt is pending. The
    /// full fence orders the write before the reads of the flags, so an interrupt requested by another
    /// thread meanwhile is never lost: either this sees its flag or its write comes after this one.
    /// </summary>
    internal void Rearm()
    {
        Interlocked.Exchange(ref StackLimit, ThreadStackLimit);
        if (EpochDue || Disposed || Canceled) Volatile.Write(ref StackLimit, Interrupt);
    }

    /// <summary>Clears a pending epoch interrupt whose deadline has moved past the epoch (the owner thread).</summary>
    internal void ClearEpochDue()
    {
        EpochDue = false;
        Interlocked.MemoryBarrier();
        if (DeadlinePassed) EpochDue = true;
        Rearm();
    }
}

/// <summary>The epoch counter of an <see cref="Engine"/>; one object shared by every store of the engine.</summary>
internal sealed class EpochCounter
{
    /// <summary>The current epoch; written with interlocked increments, read with volatile loads.</summary>
    public long Value;
}
