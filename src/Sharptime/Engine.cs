using System.Collections.Concurrent;
using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// The shared context in which modules are decoded, validated and compiled. An engine is
/// immutable and thread-safe; create one per configuration and share it.
/// </summary>
public sealed class Engine
{
    private readonly ConcurrentDictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, nint> _entryTrampolines = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, nint> _hostTrampolines = new(StringComparer.Ordinal);

    /// <summary>Creates an engine with <see cref="Config.Default"/>.</summary>
    public Engine() : this(Config.Default) { }

    /// <summary>Creates an engine with the given settings.</summary>
    /// <param name="config">The settings.</param>
    /// <exception cref="WasmException">The code generator was built for another ABI version.</exception>
    public Engine(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.CodeGenerator is { } generator && generator.AbiVersion != AbiVersion.Current)
        {
            throw new WasmException($"the code generator was built for ABI version {generator.AbiVersion}, this runtime has version {AbiVersion.Current}");
        }
        Config = config;
    }

    /// <summary>The settings of this engine.</summary>
    public Config Config { get; }

    /// <summary>The epoch counter every store of the engine reads (<see cref="Config.EpochInterruption"/>).</summary>
    internal EpochCounter Epoch { get; } = new();

    /// <summary>
    /// Advances the engine's epoch by one; safe from any thread (a timer thread, typically). Code in a
    /// store whose deadline (<see cref="Store.SetEpochDeadline"/>) is now reached is interrupted at its
    /// next function entry or loop header, when <see cref="Config.EpochInterruption"/> is on.
    /// </summary>
    public void IncrementEpoch() => Interlocked.Increment(ref Epoch.Value);

    /// <summary>The canonical id of a type key: equal types get equal ids in every module of the engine.</summary>
    internal int TypeIdOf(string key) => _typeIds.GetOrAdd(key, static (_, ids) => ids.Count + 1, _typeIds);

    private readonly ConcurrentDictionary<int, int> _supertypes = new();

    /// <summary>Records the declared supertype of a canonical type (GC and function-references subtyping).</summary>
    internal void SetSupertype(int typeId, int supertypeId) => _supertypes[typeId] = supertypeId;

    /// <summary>True when canonical type <paramref name="sub"/> is <paramref name="super"/> or declares it as an ancestor.</summary>
    internal bool IsSubtype(int sub, int super)
    {
        for (int t = sub, depth = 0; depth < 1_000_000; depth++)
        {
            if (t == super) return true;
            if (!_supertypes.TryGetValue(t, out t)) return false;
        }
        return false;
    }

    internal ICodeGenerator RequireCodeGenerator() => Config.CodeGenerator
        ?? throw new WasmException("this engine cannot run code: no code generator is configured; create the engine with Config.Default.UseCompiler() (package Sharptime.Compiler)");

    internal nint GetEntryTrampoline(FuncType type) =>
        _entryTrampolines.GetOrAdd(type.Key, static (_, arg) => arg.Engine.RequireCodeGenerator().CreateEntryTrampoline(arg.Type), (Engine: this, Type: type));

    internal nint GetHostTrampoline(FuncType type) =>
        _hostTrampolines.GetOrAdd(type.Key, static (_, arg) => arg.Engine.RequireCodeGenerator().CreateHostTrampoline(arg.Type), (Engine: this, Type: type));
}
