namespace Sharptime;

/// <summary>
/// An untyped async host function (<see cref="Linker.DefineFunctionAsync(string, string, FuncType, AsyncHostCallback)"/>):
/// reads <paramref name="args"/> and writes one value per result before its task completes. The guest
/// waits for the task; the callback runs on the thread of the async call until its first await.
/// </summary>
/// <param name="caller">The caller.</param>
/// <param name="args">The arguments (a copy, valid until the task completes).</param>
/// <param name="results">The results to fill before the task completes.</param>
/// <param name="cancellationToken">The token of the async call: canceled when the caller of <see cref="Func.CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/> cancels.</param>
/// <returns>The task the guest waits for.</returns>
public delegate Task AsyncHostCallback(Caller caller, ReadOnlyMemory<Value> args, Memory<Value> results, CancellationToken cancellationToken);
