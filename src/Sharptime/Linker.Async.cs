using Sharptime.Runtime;

namespace Sharptime;

// The typed overloads of DefineFunctionAsync are generated (Linker.AsyncFunctions.g.cs, tools/gen-typed.py).
public sealed unsafe partial class Linker
{
    /// <summary>
    /// Defines an untyped async host function: the guest waits for the task it returns. Only an async
    /// call (<see cref="Func.CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/>,
    /// <see cref="InstantiateAsync"/>) may call it; a synchronous call that reaches it throws an
    /// <see cref="InvalidOperationException"/>. Exceptions of the task (a <see cref="TrapException"/> among
    /// them) propagate as those of a synchronous host function do.
    /// </summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="type">The function type.</param>
    /// <param name="callback">The function.</param>
    /// <returns>This linker.</returns>
    /// <exception cref="LinkException">The name is already defined and shadowing is off.</exception>
    public Linker DefineFunctionAsync(string module, string name, FuncType type, AsyncHostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        return AddUntyped(module, name, type, (caller, args, results) =>
        {
            CancellationToken token = AsyncCalls.Token(module, name);
            var r = new Value[results.Length];
            AsyncCalls.Wait(callback(caller, args.ToArray(), r, token), module, name);
            r.CopyTo(results);
        });
    }

    /// <summary>
    /// Instantiates <paramref name="module"/> in <paramref name="store"/> on the thread of an async
    /// call, so that its start function may call async host functions (see <see cref="Func.CallAsync(ReadOnlyMemory{Value}, Memory{Value}, CancellationToken)"/>).
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="module">The module.</param>
    /// <param name="cancellationToken">Interrupts the start function and is passed to the async host functions it calls.</param>
    /// <returns>The instance.</returns>
    /// <exception cref="LinkException">An import is undefined or has the wrong type (thrown at once).</exception>
    /// <exception cref="TrapException">A segment was out of bounds or the start function trapped.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was canceled before the start function returned.</exception>
    public Task<Instance> InstantiateAsync(Store store, Module module, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        InstancePre pre = InstantiatePre(module);
        return AsyncCalls.Run(store, () => pre.Instantiate(store), cancellationToken);
    }

    /// <summary>A typed async host function with one result or several (a value tuple): waits for its task and writes the result.</summary>
    private Linker DefineAsyncHost<TResult>(string module, string name, Type[] parameters, TypedAsyncStart<TResult> start)
    {
        FuncType type = TypeOf(parameters, TypedValues.ResultTypes<TResult>());
        return AddUntyped(module, name, type, (caller, args, results) =>
        {
            TResult value = AsyncCalls.Wait(start(caller, args, AsyncCalls.Token(module, name)), module, name);
            if (TypedValues.IsTuple<TResult>()) TypedValues.WriteTuple(value, results);
            else results[0] = TypedValues.ToValue(value, type.Results[0]);
        });
    }

    /// <summary>A typed async host function with no result: waits for its task.</summary>
    private Linker DefineAsyncHost(string module, string name, Type[] parameters, TypedAsyncStart start) =>
        AddUntyped(module, name, TypeOf(parameters, []),
            (caller, args, results) => AsyncCalls.Wait(start(caller, args, AsyncCalls.Token(module, name)), module, name));

    /// <summary>Starts a typed async host function: converts the arguments and calls the user's delegate.</summary>
    private delegate Task<TResult> TypedAsyncStart<TResult>(Caller caller, ReadOnlySpan<Value> args, CancellationToken cancellationToken);

    /// <summary>Starts a typed async host function that returns nothing.</summary>
    private delegate Task TypedAsyncStart(Caller caller, ReadOnlySpan<Value> args, CancellationToken cancellationToken);
}
