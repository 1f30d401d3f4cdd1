using System.Collections.Concurrent;
using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// The shared context in which modules are decoded, validated and compiled. An engine is
/// immutable and thread-safe; create one per configuration and share it.
/// </summary>
public sealed class Engine
{
    /// <summary>What backtraces need of each .NET module of generated code (see <see cref="Runtime.CodeFrames"/>).</summary>
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<System.Reflection.Module, Runtime.CodeFrames> _code = [];

    /// <summary>Creates an engine with <see cref="Config.Default"/>.</summary>
    public Engine() : this(Config.Default) { }

    /// <summary>Creates an engine with the given settings.</summary>
    /// <param name="config">The settings.</param>
    /// <exception cref="WasmException">The code generator was built for another ABI version, <see cref="Strategy.Compiler"/> or <see cref="Strategy.Tiered"/> has no code generator, or the pooling allocator's limits are invalid.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Config.TierUpThreshold"/> is negative.</exception>
    /// <exception cref="PlatformNotSupportedException">The pooling allocator was asked for on an OS other than 64-bit Linux.</exception>
    public Engine(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.CodeGenerator is { } generator && generator.AbiVersion != AbiVersion.Current)
        {
            throw new WasmException($"the code generator was built for ABI version {generator.AbiVersion}, this runtime has version {AbiVersion.Current}");
        }
        if (config.Strategy is Strategy.Compiler or Strategy.Tiered && config.CodeGenerator is null)
        {
            throw new WasmException($"Strategy.{config.Strategy} needs a code generator: add Config.Default.UseCompiler() (package Sharptime.Compiler), or use Strategy.Interpreter");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(config.TierUpThreshold, nameof(config));
        Config = config;
        Allocator = config.AllocationStrategy switch
        {
            InstanceAllocationStrategy.PoolingStrategy p => new Allocation.PoolingAllocator(p.Config, config.MemoryInitCow),
            _ => new Allocation.OnDemandAllocator(config.MemoryInitCow),
        };
    }

    /// <summary>Where instances' memories and tables come from (<see cref="Config.AllocationStrategy"/>).</summary>
    internal Allocation.IInstanceAllocator Allocator { get; }

    /// <summary>The settings of this engine.</summary>
    public Config Config { get; }

    /// <summary>The epoch counter every store of the engine reads (<see cref="Config.EpochInterruption"/>).</summary>
    internal EpochCounter Epoch { get; } = new();

    /// <summary>
    /// Advances the engine's epoch by one; safe from any thread (a timer thread, typically). Code in a
    /// store whose deadline (<see cref="Store.SetEpochDeadline"/>) is now reached is interrupted at its
    /// next function entry or loop header, when <see cref="Config.EpochInterruption"/> is on.
    /// </summary>
    public void IncrementEpoch() => EpochWatch.Advance(Interlocked.Increment(ref Epoch.Value));

    /// <summary>The stores with an epoch deadline, by deadline (<see cref="Config.EpochInterruption"/>).</summary>
    internal Runtime.EpochWatch EpochWatch { get; } = new();

    /// <summary>The engine's types: equal types get equal ids in every module of the engine.</summary>
    internal Runtime.TypeRegistry Types { get; } = new();

    /// <summary>The runtime type of canonical type <paramref name="id"/>.</summary>
    internal Runtime.RuntimeType TypeOf(int id) => Types[id];

    /// <summary>True when canonical type <paramref name="sub"/> is <paramref name="super"/> or declares it as an ancestor (O(1)).</summary>
    internal bool IsSubtype(int sub, int super) => sub == super || TypeOf(sub).IsSubtypeOf(TypeOf(super));

    internal ICodeGenerator RequireCodeGenerator() => Config.CodeGenerator
        ?? throw new WasmException("this engine cannot compile: no code generator is configured; create the engine with Config.Default.UseCompiler() (package Sharptime.Compiler)");

    /// <summary>Records what backtraces need of a .NET module of generated code.</summary>
    internal void RegisterCode(System.Reflection.Module code, Runtime.CodeFrames frames)
    {
        _code.AddOrUpdate(code, frames);
        HasCode = true;
    }

    /// <summary>Whether any compiled code was registered: otherwise backtraces need no .NET stack trace.</summary>
    internal bool HasCode { get; private set; }

    /// <summary>What backtraces need of the code of this engine that lives in <paramref name="code"/>, or null.</summary>
    internal Runtime.CodeFrames? FindCode(System.Reflection.Module code) => _code.TryGetValue(code, out Runtime.CodeFrames? frames) ? frames : null;

    /// <summary>
    /// Compiles a module binary into an artifact that <see cref="Module.Deserialize"/> loads without
    /// compiling (Wasmtime's <c>Engine::precompile_module</c>). The artifact is a .NET assembly with IL
    /// code; <c>sharptime compile --target</c> adds ReadyToRun native code.
    /// </summary>
    /// <param name="bytes">The module binary.</param>
    /// <returns>The artifact's bytes.</returns>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    /// <exception cref="WasmException">The engine has no code generator.</exception>
    public byte[] PrecompileModule(ReadOnlySpan<byte> bytes)
    {
        RequireCodeGenerator();
        return Module.Precompile(Module.Decode(this, bytes));
    }
}
