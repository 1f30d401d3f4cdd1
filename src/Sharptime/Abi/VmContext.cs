using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>
/// The state of one instance that generated code reaches through its last parameter. Fields, not
/// properties, so that generated code reads them with one load; only the runtime writes them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class VmContext
{
    /// <summary>The state of the store (stack limit, fuel, epoch deadline), shared by every context of the store.</summary>
    public VmStoreContext StoreContext = null!;

    /// <summary>Memory 0, or null when the module has no memory.</summary>
    public MemoryInstance? Memory0;

    /// <summary>Every memory, imported first.</summary>
    public MemoryInstance[] Memories = [];

    /// <summary>Every global, imported first.</summary>
    public GlobalInstance[] Globals = [];

    /// <summary>Every table, imported first.</summary>
    public TableInstance[] Tables = [];

    /// <summary>Every function, imported first; a defined function's entry is null until it first escapes (see <see cref="GetFunction"/>).</summary>
    public Func?[] Functions = [];

    /// <summary>The canonical type id of every type index of the module.</summary>
    public int[] TypeIds = [];

    /// <summary>Passive data segments by index; empty once dropped.</summary>
    public ReadOnlyMemory<byte>[] DataSegments = [];

    /// <summary>Passive element segments by index; empty once dropped.</summary>
    public object?[][] ElementSegments = [];

    /// <summary>
    /// The context of the Wasm code that last called through this context's <see cref="Func"/>
    /// (imports, call_indirect, call_ref): what a host function reports as its <see cref="Sharptime.Caller"/>.
    /// Null when the host called directly.
    /// </summary>
    public VmContext? CallerContext;

    /// <summary>Every tag, imported first; generated code reaches them through <see cref="Exceptions"/>.</summary>
    internal Tag[] Tags = [];

    /// <summary>The runtime type of every type index of the module (GC object layouts, casts).</summary>
    public Runtime.RuntimeType[] Types = [];

    /// <summary>
    /// Written, never read: the compiler stores a rotated value here when the JIT could otherwise
    /// test it with flags that the rotate did not set (dotnet/runtime issue 129288, see the
    /// compiler's JitWorkarounds.EmitRotateByConstant).
    /// </summary>
    public int FlagsFence;

    internal Store? Store;
    internal Instance? Instance;
    internal HostFunction? Host;

    /// <summary>Keeps generated code (possibly in a collectible assembly) alive while functions of this context are reachable.</summary>
    internal object? Code;

    /// <summary><see cref="Strategy.Tiered"/>: the instance's functions, tables and segments now hold its compiled functions.</summary>
    internal bool RunsCompiled;

    /// <summary>
    /// Drops what a released instance held but keeps its arrays and the objects of its defined globals,
    /// for the pooling allocator to hand them to the next instance of the module. Nothing runs in the
    /// instance any more; its Funcs may live on in the host, but calls through them check their store.
    /// </summary>
    internal void Reset(int importedGlobals)
    {
        // A Func the host kept (or a table of the store held) must not reach the next instance:
        // it now enters a context that traps at once, as a disposed store's code does.
        foreach (Func? f in Functions)
        {
            if (f is not null && f.Context == this) f.Context = Released;
        }
        Store = null;
        StoreContext = null!;
        Instance = null;
        CallerContext = null;
        Memory0 = null;
        RunsCompiled = false;
        Array.Clear(Functions);
        Array.Clear(Memories);
        Array.Clear(Tables);
        Array.Clear(Tags);
        Array.Clear(Globals, 0, importedGlobals);
        for (int i = importedGlobals; i < Globals.Length; i++) Globals[i].Ref = null;
        DataSegments = [];
        ElementSegments = [];
    }

    /// <summary>
    /// Cuts a context of a freed store that is not reused (host functions, interpreted instances)
    /// from the store's context and memories, which the pooling allocator may hand to other stores:
    /// code entered through it traps at once.
    /// </summary>
    internal void Detach()
    {
        StoreContext = VmStoreContext.Released;
        Memory0 = null;
        Array.Clear(Memories);
    }

    /// <summary>What the Funcs of a released instance enter: every function entry traps (the store is disposed).</summary>
    internal static VmContext Released { get; } = new() { StoreContext = VmStoreContext.Released };

    /// <summary>The function with index <paramref name="index"/>, made on first use for defined functions.</summary>
    internal Func GetFunction(int index) => Functions[index] ?? Runtime.Instantiator.DefinedFunction(this, index);
}
