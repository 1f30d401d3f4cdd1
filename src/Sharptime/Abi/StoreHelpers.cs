using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// The cold paths of the checks generated code makes against its <see cref="VmStoreContext"/>: stack
/// exhausted, fuel exhausted, epoch deadline reached. A disposed store makes every one of them trap
/// with <see cref="TrapCode.Interrupt"/>, which is how code running on another thread is stopped
/// when its store is disposed under it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class StoreHelpers
{
    /// <summary>The message of the trap that stops code whose store was disposed.</summary>
    internal const string DisposedMessage = "interrupt: the store was disposed while WebAssembly was running in it";

    /// <summary>The message of the trap that stops code whose async call was canceled.</summary>
    internal const string CanceledMessage = "interrupt: the cancellation token of the async call was canceled";

    /// <summary>
    /// Called by a function entry whose stack pointer is below <see cref="VmStoreContext.StackLimit"/>:
    /// traps when the store was disposed or the stack is exhausted; otherwise the limit was raised to
    /// interrupt the code (<see cref="Interrupted"/>), which returns when the code may go on.
    /// </summary>
    /// <param name="sp">The stack address the entry probed.</param>
    /// <param name="ctx">The context of the probing function.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void StackProbeFailed(nuint sp, VmContext ctx)
    {
        VmStoreContext store = ctx.StoreContext;
        if (!store.Disposed && sp < store.ThreadStackLimit) throw new TrapException(TrapCode.StackOverflow);
        Interrupted(store);
    }

    /// <summary>Creates the exception for fuel found at zero or below (generated code throws it).</summary>
    /// <param name="store">The store context.</param>
    /// <returns>The trap.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception OutOfFuel(VmStoreContext store) =>
        store.Disposed ? new TrapException(TrapCode.Interrupt, DisposedMessage) : new TrapException(TrapCode.OutOfFuel);

    /// <summary>
    /// Called where code found <see cref="VmStoreContext.StackLimit"/> at <see cref="VmStoreContext.Interrupt"/>
    /// (function entry, loop headers): traps when the store was disposed or its async call canceled; when the epoch deadline is
    /// reached, traps or runs the store's deadline callback, which may move the deadline and return
    /// to let the code continue; otherwise (the deadline moved meanwhile) re-arms the limit and returns.
    /// </summary>
    /// <param name="store">The store context.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Interrupted(VmStoreContext store)
    {
        if (store.Disposed || store.Store is null) throw new TrapException(TrapCode.Interrupt, DisposedMessage);
        if (store.Canceled) throw new TrapException(TrapCode.Interrupt, CanceledMessage);
        if (store.EpochDue && store.DeadlinePassed)
        {
            store.Store.OnEpochDeadline();
            return;
        }
        store.ClearEpochDue();
    }
}
