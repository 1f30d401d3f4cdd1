using Sharptime.Abi;

namespace Sharptime.Runtime;

/// <summary>
/// Async calls into WebAssembly and async host functions. Sharptime cannot suspend WebAssembly in the
/// middle of its stack, so an async call (<see cref="Func.CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/>,
/// <see cref="Linker.InstantiateAsync"/>) runs the guest on a thread of its own, sized for
/// <see cref="Config.MaxWasmStack"/>; an async host function the guest calls blocks that thread until
/// its task completes, while the .NET caller awaits a task and blocks none of its threads. Canceling
/// the call's token interrupts the guest (<see cref="VmStoreContext.RequestCancel"/>) and is passed
/// to the host functions.
/// </summary>
internal static class AsyncCalls
{
    /// <summary>Whether this thread runs an async call: async host functions may block it.</summary>
    [ThreadStatic] private static bool t_async;

    /// <summary>The cancellation token of the async call this thread runs.</summary>
    [ThreadStatic] private static CancellationToken t_token;

    /// <summary>Runs <paramref name="call"/> in <paramref name="store"/> on a new thread; the task ends as the call does.</summary>
    public static Task<T> Run<T>(Store store, Func<T> call, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() => RunOnThread(store, call, completion, cancellationToken), StackLimits.AsyncThreadSize(store.Engine.Config.MaxWasmStack))
        {
            IsBackground = true,
            Name = "Sharptime async call",
        };
        thread.Start();
        return completion.Task;
    }

    private static void RunOnThread<T>(Store store, Func<T> call, TaskCompletionSource<T> completion, CancellationToken cancellationToken)
    {
        t_async = true;
        t_token = cancellationToken;
        try
        {
            completion.SetResult(RunInStore(store, call, cancellationToken));
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or TrapException { Code: TrapCode.Interrupt })
        {
            completion.SetCanceled(cancellationToken);
        }
        catch (Exception e)
        {
            completion.SetException(e);
        }
    }

    /// <summary>
    /// Enters the store first, so that a store in use by another thread is rejected before the token
    /// can interrupt that thread's code; the cancellation request ends with the call.
    /// </summary>
    private static T RunInStore<T>(Store store, Func<T> call, CancellationToken cancellationToken)
    {
        using Store.Entry entry = store.EnterNewThread();
        VmStoreContext context = store.StoreContext;
        try
        {
            // Disposing the registration waits for a callback in progress: none can run after the flag is cleared.
            using CancellationTokenRegistration registration = cancellationToken.Register(static c => ((VmStoreContext)c!).RequestCancel(), context);
            return call();
        }
        finally
        {
            context.Canceled = false;
        }
    }

    /// <summary>
    /// The cancellation token an async host function gets: the token of the async call running on this thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">This thread runs no async call.</exception>
    public static CancellationToken Token(string module, string name) => t_async
        ? t_token
        : throw new InvalidOperationException($"cannot call the async host function {module}::{name} from a synchronous call: "
            + "call WebAssembly with Func.CallAsync (and instantiate with Linker.InstantiateAsync when the start function calls it), or define the import with Linker.DefineFunction");

    /// <summary>Blocks the async call's thread until <paramref name="task"/> completes; rethrows its exception unwrapped.</summary>
    public static void Wait(Task? task, string module, string name) =>
        (task ?? throw NullTask(module, name)).GetAwaiter().GetResult();

    /// <summary>Blocks the async call's thread until <paramref name="task"/> completes and returns its result.</summary>
    public static T Wait<T>(Task<T>? task, string module, string name) =>
        (task ?? throw NullTask(module, name)).GetAwaiter().GetResult();

    private static InvalidOperationException NullTask(string module, string name) =>
        new($"the async host function {module}::{name} returned a null task: return a Task (an async lambda does)");
}
