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

    /// <summary>Creates the exception for a failed stack probe (generated code throws it).</summary>
    /// <param name="ctx">The context of the probing function.</param>
    /// <returns>The trap.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception StackExhausted(VmContext ctx) =>
        ctx.StoreContext.Disposed ? new TrapException(TrapCode.Interrupt, DisposedMessage) : new TrapException(TrapCode.StackOverflow);

    /// <summary>Creates the exception for fuel found at zero or below (generated code throws it).</summary>
    /// <param name="store">The store context.</param>
    /// <returns>The trap.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception OutOfFuel(VmStoreContext store) =>
        store.Disposed ? new TrapException(TrapCode.Interrupt, DisposedMessage) : new TrapException(TrapCode.OutOfFuel);

    /// <summary>
    /// Called when the engine's epoch reached the store's deadline: traps, or runs the store's
    /// deadline callback, which may move the deadline and return to let the code continue.
    /// </summary>
    /// <param name="store">The store context.</param>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EpochDeadlineReached(VmStoreContext store)
    {
        if (store.Disposed || store.Store is null) throw new TrapException(TrapCode.Interrupt, DisposedMessage);
        store.Store.OnEpochDeadline();
    }
}
