using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// Owns instances, memories, tables, globals and functions. A store is not thread-safe: use it from
/// one thread at a time. Dispose it to free the native memory of its memories at once (otherwise
/// the finalizer frees it).
/// </summary>
public class Store : IDisposable
{
    private readonly List<VmContext> _contexts = [];
    private readonly List<MemoryInstance> _memories = [];
    private int _threadId;
    private nuint _stackLimit;

    /// <summary>Creates an empty store.</summary>
    /// <param name="engine">The engine whose modules will be instantiated in the store.</param>
    public Store(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>The engine.</summary>
    public Engine Engine { get; }

    internal VmContext CreateContext(Instance? instance, HostFunction? host)
    {
        var ctx = new VmContext { Store = this, Instance = instance, Host = host, StackLimit = _stackLimit };
        _contexts.Add(ctx);
        return ctx;
    }

    internal MemoryInstance CreateMemory(Binary.MemoryType type)
    {
        var memory = new MemoryInstance(type, Engine.Config.MaxMemoryBytes);
        _memories.Add(memory);
        return memory;
    }

    /// <summary>
    /// Called before every host-to-Wasm call: the stack limit in every context must be the current
    /// thread's. Cheap when the thread has not changed.
    /// </summary>
    internal void EnterWasm()
    {
        if (_threadId == Environment.CurrentManagedThreadId) return;
        _threadId = Environment.CurrentManagedThreadId;
        _stackLimit = Runtime.StackLimits.ForCurrentThread();
        foreach (VmContext ctx in _contexts) ctx.StackLimit = _stackLimit;
    }

    /// <summary>Frees the native memory of every memory in the store.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the native memory of every memory in the store.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (!disposing) return;
        foreach (MemoryInstance m in _memories) m.Dispose();
        _memories.Clear();
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
