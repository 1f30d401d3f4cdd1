using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// Owns instances, memories, tables, globals and functions. A store runs WebAssembly on one thread
/// at a time: entering it from a second thread while a first one runs code in it (or waits in a host
/// function called from it) throws a <see cref="WasmException"/>; using it from different threads one
/// after the other is fine. Dispose it to free the native memory of its memories (or give pooled memories and tables back to the pool) at once (otherwise
/// the finalizer frees it); disposing it while another thread runs code in it makes that code trap
/// with <see cref="TrapCode.Interrupt"/> at its next check and frees the memory once it has left.
/// </summary>
public partial class Store : IDisposable
{
    // The first memory has a field of its own: most stores hold one, and then need no list.
    private MemoryInstance? _memory;
    private List<MemoryInstance>? _moreMemories;
    // Pooled tables, given back when the store is freed (the first has a field of its own).
    private TableInstance? _pooledTable;
    private List<TableInstance>? _morePooledTables;
    // With the pooling allocator, the instances whose contexts go back to it when the store is freed
    // (the first has a field of its own, as the first memory).
    private Instance? _instance;
    private List<Instance>? _moreInstances;
    private List<VmContext>? _hostContexts;
    // A released context serves another store: the store keeps its own disposed flag.
    private readonly VmStoreContext _context;
    private volatile bool _disposed;
    private int _owner;
    private int _depth;
    private int _limitThread;
    private int _freed;
    private int _instances;
    private int _tables;

    /// <summary>Creates an empty store.</summary>
    /// <param name="engine">The engine whose modules will be instantiated in the store.</param>
    public Store(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
        _context = engine.Allocator.TakeStoreContext() ?? new VmStoreContext();
        _context.Store = this;
        _context.Epoch = engine.Epoch;
        // As in Wasmtime, a new store's deadline is the current epoch: code traps until one is set.
        if (engine.Config.EpochInterruption) _context.RequestInterrupt();
    }

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    /// <summary>The per-store state generated code reads.</summary>
    internal VmStoreContext StoreContext => _context;

    /// <summary>A context for host function <paramref name="host"/>, called by <paramref name="instance"/>'s code or the host.</summary>
    internal VmContext CreateContext(Instance? instance, HostFunction host)
    {
        ThrowIfDisposed();
        return NewContext(instance, host);
    }

    /// <summary><see cref="CreateContext"/> for code already running in the store (which may be disposed meanwhile and trap at its next check).</summary>
    internal VmContext NewContext(Instance? instance, HostFunction host)
    {
        var context = new VmContext { Store = this, StoreContext = _context, Instance = instance, Host = host };
        if (Engine.Allocator.ReusesContexts) (_hostContexts ??= []).Add(context);
        return context;
    }

    /// <summary>Counts a new instance against the limiter and binds its context to the store.</summary>
    internal void AddInstance(Instance instance, VmContext context)
    {
        ThrowIfDisposed();
        CheckCount(ref _instances, Limiter?.Instances ?? int.MaxValue, "instance");
        context.Store = this;
        context.StoreContext = _context;
        context.Instance = instance;
        if (!Engine.Allocator.ReusesContexts) return;
        if (_instance is null) _instance = instance;
        else (_moreInstances ??= []).Add(instance);
    }

    /// <summary>
    /// Throws once the store's resources are freed (after <see cref="Dispose()"/>, when no code runs
    /// in it): the pooling allocator may then have handed its memories and contexts to other stores.
    /// </summary>
    internal void ThrowIfReleased() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _freed) != 0, this);

    /// <summary>Whether the store's resources are freed (see <see cref="ThrowIfReleased"/>).</summary>
    internal bool Released => Volatile.Read(ref _freed) != 0;

    /// <summary>A memory the host creates (<see cref="Memory"/>'s constructor): always on demand.</summary>
    internal MemoryInstance CreateMemory(Binary.MemoryType type) => CreateMemory(type, Allocation.OnDemandAllocator.Host, null, null, out _);

    /// <summary>A memory of an instance, from the engine's allocator; <paramref name="initialized"/> when it mapped <paramref name="image"/>.</summary>
    internal MemoryInstance CreateMemory(Binary.MemoryType type, Allocation.IInstanceAllocator allocator, object? affinity, Allocation.MemoryImage? image, out bool initialized)
    {
        ThrowIfDisposed();
        int count = (_memory is null ? 0 : 1) + (_moreMemories?.Count ?? 0) + 1;
        if (Limiter is IResourceLimiter limiter && count > limiter.Memories)
        {
            throw new WasmException($"resource limit exceeded: memory count too high at {count} (the store's limit is {limiter.Memories})");
        }
        if (Limiter is IResourceLimiter l)
        {
            ulong? max = type.Limits.Max is ulong m && m <= ulong.MaxValue >> type.PageSizeLog2 ? m << type.PageSizeLog2 : null;
            ulong bytes = type.Limits.Min <= ulong.MaxValue >> type.PageSizeLog2 ? type.Limits.Min << type.PageSizeLog2 : ulong.MaxValue;
            if (!l.MemoryGrowing(0, bytes, max))
            {
                throw new WasmException($"memory minimum size of {type.Limits.Min} pages exceeds memory limits (the store's limiter denied {bytes} bytes)");
            }
        }
        // A shared memory outlives the store when other stores import it, so it never takes a pool slot.
        MemoryInstance memory = type.Shared
            ? Allocation.OnDemandAllocator.Host.AllocateMemory(this, type, Engine.Config.MaxMemoryBytes, affinity, null, out initialized)
            : allocator.AllocateMemory(this, type, Engine.Config.MaxMemoryBytes, affinity, image, out initialized);
        if (_memory is null) _memory = memory;
        else (_moreMemories ??= []).Add(memory);
        return memory;
    }

    /// <summary>
    /// Holds a shared memory of another store that an instance of this store imports: the memory stays
    /// alive until both stores let it go.
    /// </summary>
    internal void AdoptSharedMemory(MemoryInstance memory)
    {
        ThrowIfDisposed();
        if (_memory == memory || _moreMemories?.Contains(memory) == true) return;
        memory.AddUser();
        if (_memory is null) _memory = memory;
        else (_moreMemories ??= []).Add(memory);
    }

    /// <summary>A table the host creates: always on demand.</summary>
    internal TableInstance CreateTable(Binary.TableType type, object? init) => CreateTable(type, init, Allocation.OnDemandAllocator.Host);

    /// <summary>A table of an instance, from <paramref name="allocator"/>.</summary>
    internal TableInstance CreateTable(Binary.TableType type, object? init, Allocation.IInstanceAllocator allocator)
    {
        ThrowIfDisposed();
        CheckCount(ref _tables, Limiter?.Tables ?? int.MaxValue, "table");
        if (Limiter is IResourceLimiter l && !l.TableGrowing(0, type.Limits.Min, type.Limits.Max))
        {
            throw new WasmException($"table minimum size of {type.Limits.Min} elements exceeds table limits");
        }
        TableInstance table = allocator.AllocateTable(this, type, init);
        if (table.Slot < 0) return table;
        if (_pooledTable is null) _pooledTable = table;
        else (_morePooledTables ??= []).Add(table);
        return table;
    }

    private static void CheckCount(ref int count, int limit, string what)
    {
        if (count >= limit) throw new WasmException($"resource limit exceeded: {what} count too high at {count + 1} (the store's limit is {limit})");
        count++;
    }

    /// <summary>
    /// Enters the store before host code calls into WebAssembly: takes the store for the current
    /// thread (nested entries on the same thread, host → Wasm → host → Wasm, only count) and sets the
    /// stack limit for it. Dispose the result to leave.
    /// </summary>
    /// <exception cref="WasmException">Another thread is running code in the store.</exception>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    internal Entry Enter()
    {
        int me = Environment.CurrentManagedThreadId;
        if (_owner == me)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _depth++;
            return new Entry(this);
        }
        int other = Interlocked.CompareExchange(ref _owner, me, 0);
        if (other != 0)
        {
            throw new WasmException($"the store is in use by another thread (managed thread {other}, this is {me}): a store runs WebAssembly on one thread at a time; give each thread its own store");
        }
        if (_disposed)
        {
            Volatile.Write(ref _owner, 0);
            throw new ObjectDisposedException(GetType().Name);
        }
        _depth = 1;
        if (Engine.Config.MaxWasmStack is ulong maxStack)
        {
            _context.ThreadStackLimit = Runtime.StackLimits.ForCurrentThread(maxStack);
            _context.Rearm();
            _limitThread = 0;
        }
        else if (_limitThread != me)
        {
            _context.ThreadStackLimit = Runtime.StackLimits.ForCurrentThread();
            _context.Rearm();
            _limitThread = me;
        }
        return new Entry(this);
    }

    /// <summary>
    /// <see cref="Enter"/> from a thread started for the call (<see cref="Runtime.AsyncCalls"/>): such a
    /// thread may have the managed id of a dead thread whose stack limit the store still holds.
    /// </summary>
    internal Entry EnterNewThread()
    {
        int me = Environment.CurrentManagedThreadId;
        // No live thread but this one has this id: the store holds a dead thread's limit, or another id.
        Interlocked.CompareExchange(ref _limitThread, 0, me);
        return Enter();
    }

    private void Exit()
    {
        if (--_depth > 0) return;
        Interlocked.Exchange(ref _owner, 0);
        if (_disposed) FreeResources();
    }

    /// <summary>Leaves the store when disposed (see <see cref="Enter"/>).</summary>
    internal readonly ref struct Entry
    {
        private readonly Store _store;

        internal Entry(Store store) => _store = store;

        /// <summary>Leaves the store.</summary>
        public void Dispose() => _store.Exit();
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Frees the native memory of every memory in the store (see the remarks of <see cref="Store"/> for a store in use).</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native memory of every memory in the store, now or, when a thread is running code in it, once that thread has left.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing || _disposed) return;
        _disposed = true;
        _context.Disposed = true;
        // Code still running in the store reaches a slow path at its next call, loop header (with
        // fuel or epochs) and traps there: the slow paths check Disposed.
        _context.StackLimit = VmStoreContext.Interrupt;
        _context.Fuel = long.MinValue;
        _context.EpochDeadline = long.MinValue;
        Interlocked.MemoryBarrier();
        // Memory freed under running code would crash the process: the last thread to leave frees it.
        if (Volatile.Read(ref _owner) == 0) FreeResources();
    }

    private void FreeResources()
    {
        if (Interlocked.Exchange(ref _freed, 1) != 0) return;
        Allocation.IInstanceAllocator allocator = Engine.Allocator;
        // Contexts first: they point to the memories and the store context, which may go to another store at once.
        if (_instance is not null)
        {
            ReleaseContext(allocator, _instance);
            _instance = null;
            if (_moreInstances is not null)
            {
                foreach (Instance i in _moreInstances) ReleaseContext(allocator, i);
                _moreInstances = null;
            }
        }
        if (_hostContexts is not null)
        {
            foreach (VmContext c in _hostContexts) c.Detach();
            _hostContexts = null;
        }
        _memory?.Dispose();
        _memory = null;
        if (_moreMemories is not null)
        {
            foreach (MemoryInstance m in _moreMemories) m.Dispose();
            _moreMemories.Clear();
        }
        if (_pooledTable is not null)
        {
            allocator.ReleaseTable(_pooledTable);
            _pooledTable = null;
            if (_morePooledTables is not null)
            {
                foreach (TableInstance t in _morePooledTables) allocator.ReleaseTable(t);
                _morePooledTables = null;
            }
        }
        if (allocator.ReusesContexts) allocator.ReleaseStoreContext(_context);
    }

    /// <summary>
    /// Gives an instance's context back to the allocator when only compiled code uses it; an
    /// interpreted instance's context is detached instead: interpreted functions the host may hold
    /// (even replaced ones, after tiering) point to it, and nothing can redirect them.
    /// </summary>
    private void ReleaseContext(Allocation.IInstanceAllocator allocator, Instance instance)
    {
        if (Engine.Config.Tiers || instance.Module.Compiled.Code is null) instance.OwnContext.Detach();
        else allocator.ReleaseInstanceContext(instance.OwnContext, instance.Layout);
    }
}

/// <summary>A store with host data of type <typeparamref name="T"/>, available to host functions through <see cref="Caller.GetData{T}"/>.</summary>
/// <typeparam name="T">The type of the host data.</typeparam>
public sealed class Store<T> : Store
{
    /// <summary>Creates a store with host data.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="data">The host data.</param>
    public Store(Engine engine, T data) : base(engine) => Data = data;

    /// <summary>The host data.</summary>
    public T Data { get; set; }
}
