namespace Sharptime.Wasi;

/// <summary>
/// wasi-threads (https://github.com/WebAssembly/wasi-threads): the <c>wasi</c> <c>thread-spawn</c> import,
/// (i32 start_arg) -> i32 thread id. Each spawned thread gets a new instance of the same module in a store of
/// its own (from the host's factory), linked by the same linker, so it shares the module's imported shared
/// memory and nothing else; the thread runs the module's <c>wasi_thread_start(tid, start_arg)</c> export on a
/// new operating-system thread. Thread ids count from 1 up to 0x1FFFFFFF; when no thread can be made,
/// <c>thread-spawn</c> returns a negative value (-EAGAIN), as the proposal says.
/// </summary>
/// <remarks>
/// A thread that ends with an exception (a trap, or <see cref="WasiExitException"/> from <c>proc_exit</c>)
/// ends the whole program in Wasmtime; here the host decides, through the <c>threadEnded</c> callback of
/// <see cref="WasiLinkerExtensions.AddWasiThreads"/>, which runs on the failing thread. Spawned threads are
/// background threads: they do not keep the process alive once the main thread returns, as in C.
/// </remarks>
internal sealed class WasiThreads
{
    /// <summary>The import module of <c>thread-spawn</c>.</summary>
    public const string ModuleName = "wasi";

    /// <summary>The export every spawned thread runs.</summary>
    public const string StartExport = "wasi_thread_start";

    private const int MaxThreadId = 0x1FFFFFFF;

    /// <summary>The stack of a spawned thread: what a Linux main thread has (8 MiB), as guests expect of pthreads.</summary>
    private const int StackSize = 8 << 20;

    private readonly Linker _linker;
    private readonly Module _module;
    private readonly Func<Store> _newStore;
    private readonly Action<Exception> _threadEnded;
    private InstancePre? _pre;
    private int _lastId;

    public WasiThreads(Linker linker, Module module, Func<Store> newStore, Action<Exception> threadEnded)
    {
        _linker = linker;
        _module = module;
        _newStore = newStore;
        _threadEnded = threadEnded;
    }

    /// <summary><c>thread-spawn</c>: instantiates the module in a new store and starts a thread on it.</summary>
    /// <returns>The new thread's id, or -EAGAIN (-6) when it cannot be made.</returns>
    public int Spawn(int startArg)
    {
        int id = Interlocked.Increment(ref _lastId);
        if (id > MaxThreadId) return -(int)Errno.Again;
        Store store = _newStore();
        Action<int, int> start;
        try
        {
            // Every import is defined by the time the guest spawns a thread: resolve them once.
            InstancePre pre = Volatile.Read(ref _pre) ?? Interlocked.CompareExchange(ref _pre, _linker.InstantiatePre(_module), null) ?? _pre!;
            start = pre.Instantiate(store).GetAction<int, int>(StartExport);
        }
        catch (WasmException)
        {
            // Out of memory for the instance, or a store limit: the guest sees EAGAIN, as pthread_create's caller does.
            store.Dispose();
            return -(int)Errno.Again;
        }
        var thread = new Thread(() => Run(store, start, id, startArg), StackSize)
        {
            IsBackground = true,
            Name = $"wasi thread {id}",
        };
        thread.Start();
        return id;
    }

    private void Run(Store store, Action<int, int> start, int id, int startArg)
    {
        try
        {
            start(id, startArg);
        }
#pragma warning disable CA1031 // Whatever ends a guest thread goes to the host, which decides how the program ends.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _threadEnded(e);
        }
        finally
        {
            store.Dispose();
        }
    }
}
