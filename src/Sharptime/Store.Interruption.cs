using Sharptime.Abi;

namespace Sharptime;

public partial class Store
{
    private Func<Store, EpochDeadlineAction>? _epochCallback;

    /// <summary>
    /// Sets the fuel left for WebAssembly code in this store (<see cref="Config.ConsumeFuel"/>). Every
    /// instruction costs 1 except <c>nop</c>, <c>drop</c>, <c>block</c>, <c>loop</c>, <c>end</c> and
    /// <c>else</c>, which cost 0 (Wasmtime's defaults); code that runs out traps with
    /// <see cref="TrapCode.OutOfFuel"/>. Fuel is checked at function entry and loop headers, so
    /// code may overrun by the cost of the straight-line code since the last check. A new store has 0 fuel.
    /// </summary>
    /// <param name="fuel">The fuel; values above <see cref="long.MaxValue"/> are taken as <see cref="long.MaxValue"/>.</param>
    /// <exception cref="WasmException">The engine was created without <see cref="Config.ConsumeFuel"/>.</exception>
    public void SetFuel(ulong fuel)
    {
        RequireFuel();
        ThrowIfReleased();
        _context.Fuel = fuel > long.MaxValue ? long.MaxValue : (long)fuel;
    }

    /// <summary>The fuel left (see <see cref="SetFuel"/>).</summary>
    /// <returns>The fuel left; 0 once exhausted.</returns>
    /// <exception cref="WasmException">The engine was created without <see cref="Config.ConsumeFuel"/>.</exception>
    public ulong GetFuel()
    {
        RequireFuel();
        ThrowIfReleased();
        long fuel = _context.Fuel;
        return fuel > 0 ? (ulong)fuel : 0;
    }

    private void RequireFuel()
    {
        if (!Engine.Config.ConsumeFuel) throw new WasmException("fuel is not configured in this store: create the engine with Config.ConsumeFuel = true");
    }

    /// <summary>
    /// Sets the epoch deadline of this store <paramref name="ticksBeyondCurrent"/> ticks beyond the
    /// engine's current epoch (<see cref="Config.EpochInterruption"/>). Code running when the epoch
    /// (<see cref="Engine.IncrementEpoch"/>) reaches the deadline traps with <see cref="TrapCode.Interrupt"/>
    /// at its next function entry or loop header, or calls <see cref="EpochDeadlineCallback"/> when one is set.
    /// As in Wasmtime, a new store's deadline is the current epoch: set one before running code.
    /// </summary>
    /// <param name="ticksBeyondCurrent">The ticks until the deadline.</param>
    /// <exception cref="WasmException">The engine was created without <see cref="Config.EpochInterruption"/>.</exception>
    public void SetEpochDeadline(ulong ticksBeyondCurrent)
    {
        if (!Engine.Config.EpochInterruption) throw new WasmException("epoch interruption is not configured in this store: create the engine with Config.EpochInterruption = true");
        ThrowIfReleased();
        long now = Volatile.Read(ref Engine.Epoch.Value);
        long deadline = ticksBeyondCurrent >= (ulong)(long.MaxValue - now) ? long.MaxValue : now + (long)ticksBeyondCurrent;
        Volatile.Write(ref _context.EpochDeadline, deadline);
        Engine.EpochWatch.Watch(_context, deadline);
    }

    /// <summary>Makes reaching the epoch deadline trap with <see cref="TrapCode.Interrupt"/> (the default); removes the callback.</summary>
    public void EpochDeadlineTrap() => _epochCallback = null;

    /// <summary>
    /// Calls <paramref name="callback"/> on the running thread when the epoch deadline is reached, instead
    /// of trapping: it returns <see cref="EpochDeadlineAction.Trap"/> or
    /// <see cref="EpochDeadlineAction.Continue"/> with the next deadline; it may also throw (a
    /// <see cref="TrapException"/> traps the guest).
    /// </summary>
    /// <param name="callback">The callback, given this store.</param>
    public void EpochDeadlineCallback(Func<Store, EpochDeadlineAction> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        _epochCallback = callback;
    }

    /// <summary>The epoch deadline was reached in running code (<see cref="StoreHelpers.Interrupted"/>).</summary>
    internal void OnEpochDeadline()
    {
        Func<Store, EpochDeadlineAction>? callback = _epochCallback;
        if (callback is null) throw new TrapException(TrapCode.Interrupt);
        EpochDeadlineAction action = callback(this);
        if (!action.Continues) throw new TrapException(TrapCode.Interrupt);
        SetEpochDeadline(action.Ticks);
    }
}
