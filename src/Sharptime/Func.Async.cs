namespace Sharptime;

public sealed partial class Func
{
    /// <summary>
    /// Calls the function on a thread of its own, so that the async host functions it calls
    /// (<see cref="Linker.DefineFunctionAsync(string, string, FuncType, AsyncHostCallback)"/>) can block
    /// that thread while the caller awaits. The thread's stack fits <see cref="Config.MaxWasmStack"/>.
    /// The store is in use until the task completes: another call in it meanwhile, from any thread, is rejected.
    /// </summary>
    /// <param name="args">One argument per parameter, of the parameter's type; read before the task completes.</param>
    /// <param name="results">Receives one value per result when the task completes.</param>
    /// <param name="cancellationToken">
    /// Canceling it makes the guest trap at its next function entry (or loop header, with
    /// <see cref="Config.EpochInterruption"/>), and is passed to the async host functions; the task then ends canceled.
    /// </param>
    /// <returns>A task that completes when the call returns.</returns>
    /// <exception cref="ArgumentException">The arguments or the result span do not match the type (thrown at once).</exception>
    /// <exception cref="TrapException">Execution trapped (through the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before the call returned (through the task).</exception>
    /// <exception cref="WasmException">Another thread is running code in the store (through the task).</exception>
    public Task CallAsync(ReadOnlyMemory<Value> args, Memory<Value> results, CancellationToken cancellationToken = default) =>
        RunAsync(args, results, results, cancellationToken);

    /// <summary>Calls the function on a thread of its own and returns the results in a new array (see <see cref="CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/>).</summary>
    /// <param name="args">One argument per parameter.</param>
    /// <param name="cancellationToken">Interrupts the guest and is passed to the async host functions.</param>
    /// <returns>The results.</returns>
    /// <exception cref="ArgumentException">The arguments do not match the type (thrown at once).</exception>
    /// <exception cref="TrapException">Execution trapped (through the task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before the call returned (through the task).</exception>
    public Task<Value[]> CallAsync(Value[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var results = new Value[Type.Results.Count];
        return RunAsync(args, results, results, cancellationToken);
    }

    /// <summary>Checks the call at once, then makes it on an async call's thread; the task's result is <paramref name="value"/>.</summary>
    private Task<T> RunAsync<T>(ReadOnlyMemory<Value> args, Memory<Value> results, T value, CancellationToken cancellationToken)
    {
        CheckCall(args.Span, results.Span);
        return Runtime.AsyncCalls.Run(Store, () =>
        {
            CallChecked(args.Span, results.Span);
            return value;
        }, cancellationToken);
    }
}
