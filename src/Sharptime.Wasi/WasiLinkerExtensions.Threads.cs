namespace Sharptime.Wasi;

public static partial class WasiLinkerExtensions
{
    /// <summary>
    /// Defines wasi-threads' <c>wasi</c> <c>thread-spawn</c> in <paramref name="linker"/> for
    /// <paramref name="module"/>, and the shared memory it imports: a memory of the import's type, created in
    /// <paramref name="store"/>, which every thread's instance imports too. Each spawned thread instantiates
    /// <paramref name="module"/> with this linker in a store from <paramref name="newStore"/> and runs its
    /// <c>wasi_thread_start(tid, start_arg)</c> export on a new thread (Wasmtime's <c>wasmtime_wasi_threads</c>).
    /// <code>
    /// linker.AddWasi();
    /// linker.AddWasiThreads(module, store, () => new Store&lt;WasiContext&gt;(engine, wasi), e => ended.TrySetResult(e));
    /// </code>
    /// </summary>
    /// <param name="linker">The linker, with WASI already added (threads share the WASI context of their stores).</param>
    /// <param name="module">The module every thread instantiates: it imports a shared memory and exports <c>wasi_thread_start</c>.</param>
    /// <param name="store">The main thread's store, which holds the shared memory.</param>
    /// <param name="newStore">Makes a store for a new thread (for WASI: a <see cref="Store{T}"/> with the same <see cref="WasiContext"/>, whose calls are serialized).</param>
    /// <param name="threadEnded">
    /// Called on a spawned thread that ends with an exception: a <see cref="WasiExitException"/> (the guest called
    /// <c>proc_exit</c>), a <see cref="TrapException"/>, or another <see cref="WasmException"/>. Wasmtime ends the
    /// whole program then, and so should the host.
    /// </param>
    /// <returns>The linker.</returns>
    /// <exception cref="ArgumentException">The module does not export <c>wasi_thread_start</c> as (i32, i32) -> (), or imports no shared memory.</exception>
    public static Linker AddWasiThreads(this Linker linker, Module module, Store store, Func<Store> newStore, Action<Exception> threadEnded)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(newStore);
        ArgumentNullException.ThrowIfNull(threadEnded);
        bool exported = false;
        foreach (ModuleExport e in module.Exports)
        {
            exported |= e.Name == WasiThreads.StartExport && e.FuncType is { Params: [{ Kind: ValKind.I32 }, { Kind: ValKind.I32 }], Results.Count: 0 };
        }
        if (!exported)
        {
            throw new ArgumentException($"a wasi-threads module exports {WasiThreads.StartExport} of type (func (param i32 i32)), which this module does not; build it for wasm32-wasip1-threads", nameof(module));
        }
        bool memory = false;
        foreach (ModuleImport import in module.Imports)
        {
            if (import.Kind != "memory" || !import.Type.EndsWith(" shared)", StringComparison.Ordinal)) continue;
            linker.Define(import.Module, import.Name, Memory.ForImport(store, module, import.Module, import.Name));
            memory = true;
        }
        if (!memory)
        {
            throw new ArgumentException("a wasi-threads module imports a shared memory, which this module does not; build it for wasm32-wasip1-threads (it links with --import-memory --shared-memory)", nameof(module));
        }
        var threads = new WasiThreads(linker, module, newStore, threadEnded);
        linker.DefineFunction(WasiThreads.ModuleName, "thread-spawn", (int startArg) => threads.Spawn(startArg));
        return linker;
    }
}
