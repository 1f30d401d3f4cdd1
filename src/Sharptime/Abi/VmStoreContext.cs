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
    /// <summary>The lowest stack address generated code may reach before trapping with <see cref="TrapCode.StackOverflow"/>.</summary>
    public nuint StackLimit;

    /// <summary>
    /// The fuel left when <see cref="Config.ConsumeFuel"/> is on. Generated code subtracts the cost of
    /// each straight-line run of instructions and calls <see cref="StoreHelpers.OutOfFuel"/> at function
    /// entry and loop headers when it is zero or less.
    /// </summary>
    public long Fuel;

    /// <summary>
    /// The epoch at which code checking <see cref="Config.EpochInterruption"/> calls
    /// <see cref="StoreHelpers.EpochDeadlineReached"/> (at function entry and loop headers).
    /// </summary>
    public long EpochDeadline;

    /// <summary>The engine's epoch counter (<see cref="Engine.IncrementEpoch"/>); generated code reads it with a volatile load.</summary>
    public EpochCounter Epoch = null!;

    /// <summary>The store; null only while it is being constructed.</summary>
    internal Store? Store;

    /// <summary>Set once the store is disposed: the slow paths of the checks then trap with <see cref="TrapCode.Interrupt"/>.</summary>
    internal volatile bool Disposed;
}

/// <summary>The epoch counter of an <see cref="Engine"/>; one object shared by every store of the engine.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads the field directly.")]
public sealed class EpochCounter
{
    /// <summary>The current epoch; written with interlocked increments, read with volatile loads.</summary>
    public long Value;
}
