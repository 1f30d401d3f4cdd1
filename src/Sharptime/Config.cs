namespace Sharptime;

/// <summary>
/// Immutable engine settings. Start from <see cref="Config.Default"/> and derive variants with
/// <c>with</c> expressions: <c>Config.Default with { Features = WasmFeatures.All }</c>.
/// </summary>
public sealed record Config
{
    /// <summary>WebAssembly 3.0 with no extra proposals.</summary>
    public static Config Default { get; } = new();

    /// <summary>The proposals modules may use. Defaults to <see cref="WasmFeatures.Wasm3"/>.</summary>
    public WasmFeatures Features { get; init; } = WasmFeatures.Wasm3;

    /// <summary>
    /// The code generator that compiles modules, or null when none is plugged in (then modules can
    /// be decoded and validated but not instantiated). Set it with <c>config.UseCompiler()</c> from
    /// Sharptime.Compiler rather than by hand.
    /// </summary>
    public Abi.ICodeGenerator? CodeGenerator { get; init; }

    /// <summary>Compiler or interpreter (<see cref="Sharptime.Strategy"/>); by default the compiler when there is a code generator.</summary>
    public Strategy Strategy { get; init; }

    /// <summary>
    /// <see cref="Strategy.Tiered"/>: how many calls plus loop iterations of one function start the
    /// background compilation of its module (default 1,000; 0 compiles at the first call).
    /// </summary>
    public int TierUpThreshold { get; init; } = 1000;

    /// <summary>Whether modules are compiled when they are created (rather than interpreted first).</summary>
    internal bool Compiles => CodeGenerator is not null && Strategy is Strategy.Auto or Strategy.Compiler;

    /// <summary>Whether interpreted modules are compiled in the background once hot.</summary>
    internal bool Tiers => CodeGenerator is not null && Strategy == Strategy.Tiered;

    /// <summary>The largest size in bytes any linear memory may reach; growing beyond fails. Defaults to 4 GiB.</summary>
    public ulong MaxMemoryBytes { get; init; } = 4UL << 30;

    /// <summary>
    /// Whether generated code counts fuel (Wasmtime's <c>consume_fuel</c>): each store then has a fuel
    /// budget (<see cref="Store.SetFuel"/>, 0 in a new store) and code that exhausts it traps with
    /// <see cref="TrapCode.OutOfFuel"/>. Makes code slower; changes generated code.
    /// </summary>
    public bool ConsumeFuel { get; init; }

    /// <summary>
    /// Whether generated code checks the engine's epoch against its store's deadline at function entry
    /// and loop headers (Wasmtime's <c>epoch_interruption</c>): <see cref="Engine.IncrementEpoch"/> from any
    /// thread then interrupts code that runs past <see cref="Store.SetEpochDeadline"/>. Cheaper than fuel,
    /// not deterministic. Changes generated code.
    /// </summary>
    public bool EpochInterruption { get; init; }

    /// <summary>
    /// The most stack in bytes WebAssembly may use below the host frame that called it, or null for
    /// what the thread's stack allows (minus a margin kept for the host). Deeper recursion traps with
    /// <see cref="TrapCode.StackOverflow"/>. Wasmtime's <c>max_wasm_stack</c>.
    /// </summary>
    public ulong? MaxWasmStack { get; init; }

    /// <summary>
    /// How memories and tables of instances are allocated: <see cref="InstanceAllocationStrategy.OnDemand"/>
    /// (the default) or <see cref="InstanceAllocationStrategy.Pooling"/>. Does not change generated code.
    /// </summary>
    public InstanceAllocationStrategy AllocationStrategy { get; init; } = InstanceAllocationStrategy.OnDemand;

    /// <summary>
    /// Whether a new instance maps its module's memory image (the data segments laid out once per
    /// module) copy-on-write instead of copying the segments (Wasmtime's <c>memory_init_cow</c>).
    /// On by default; it takes effect on Linux, elsewhere segments are copied. Only pages an instance
    /// writes are copied.
    /// </summary>
    public bool MemoryInitCow { get; init; } = true;
}
