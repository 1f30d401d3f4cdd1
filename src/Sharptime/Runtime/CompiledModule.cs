using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Runtime;

/// <summary>
/// What a <see cref="Module"/> is at run time, whether it was compiled in memory or loaded from an
/// artifact: the decoded module, the engine's type ids of its types, its public function types and
/// its code. Entry points are resolved from metadata tokens on first use, so a module with a hundred
/// thousand functions pays only for the functions that escape to tables, exports and the host.
/// </summary>
internal sealed class CompiledModule
{
    private readonly FuncType?[] _funcTypes;
    private nint[] _entries = [];
    private nint[] _arrayCalls = [];
    private nint[] _hostCalls = [];
    private ModuleHandle _handle;

    public CompiledModule(Engine engine, WasmModule module)
    {
        Engine = engine;
        Module = module;
        _funcTypes = new FuncType?[module.Types.Length];
        TypeIds = ComputeTypeIds(engine, module, out RuntimeType[] types);
        Types = types;
    }

    /// <summary>Gives the module its code, once (from any thread: the code is published last).</summary>
    public void AttachCode(CompiledCode code)
    {
        if (Code is not null) throw new InvalidOperationException("the module already has code");
        // NativeAOT has no module handles: there the code comes with its entry points.
        if (code.Pointers is null) _handle = code.Code.ModuleHandle;
        _entries = new nint[Module.Code.Length];
        _arrayCalls = new nint[Module.Types.Length];
        _hostCalls = new nint[Module.Types.Length];
        Engine.RegisterCode(code.Code, new CodeFrames(code.Map, Module));
        Volatile.Write(ref _code, code);
    }

    /// <summary>
    /// <see cref="Strategy.Tiered"/>: the compiled entry of defined function <paramref name="defined"/>
    /// at the loop at <paramref name="loopOffset"/> (<see cref="CodeMap.LoopEntries"/>), or 0 when
    /// there is no compiled code yet or no such entry.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tokens belong to generated assemblies, which are never trimmed.")]
    public nint LoopEntry(int defined, int loopOffset)
    {
        if (Code?.Map.LoopEntries is not { } entries) return 0;
        (int token, int[] loops) = entries[defined];
        if (token == 0 || Array.BinarySearch(loops, loopOffset) < 0) return 0;
        return _handle.ResolveMethodHandle(token).GetFunctionPointer();
    }

    /// <summary><see cref="Strategy.Tiered"/>: compiles the module (on a background thread, once it is hot).</summary>
    public System.Func<CompiledCode>? TierUp { get; set; }

    public Engine Engine { get; }

    private InstanceLayout? _layout;

    /// <summary>The memory image in the artifact file the module was loaded from, or null; set before the first instantiation.</summary>
    public Artifacts.ArtifactImage? ArtifactImage { get; set; }

    /// <summary>What instantiation precomputes for this module (made on first use; a race builds it twice, harmlessly).</summary>
    public InstanceLayout Layout => _layout ??= new InstanceLayout(this);

    public WasmModule Module { get; }

    /// <summary>The generated code, or null when the engine has no code generator.</summary>
    private CompiledCode? _code;

    public CompiledCode? Code => Volatile.Read(ref _code);

    private Interpreter.InterpretedModule? _interpreted;

    /// <summary>The interpreter's translations of this module's functions (made lazily).</summary>
    public Interpreter.InterpretedModule Interpreted =>
        _interpreted ??= new Interpreter.InterpretedModule(this, Engine.Config);

    /// <summary>The engine-wide canonical id of every type index.</summary>
    public int[] TypeIds { get; }

    /// <summary>The runtime type of each type index (struct layouts, supertype chains).</summary>
    public RuntimeType[] Types { get; }

    /// <summary>The public function type of type index <paramref name="typeIndex"/>.</summary>
    public FuncType FuncTypeAt(uint typeIndex) =>
        _funcTypes[typeIndex] ??= new FuncType((FuncCompositeType)Module.Types[typeIndex].Composite);

    public CompiledCode RequireCode() => Code ?? throw new WasmException(
        "this engine cannot run code: no code generator is configured; create the engine with Config.Default.UseCompiler() (package Sharptime.Compiler), or load a pre-compiled module with Module.Deserialize");

    /// <summary>The native entry of defined function <paramref name="defined"/>.</summary>
    public nint Entry(int defined)
    {
        nint p = _entries[defined];
        return p != 0 ? p : _entries[defined] = Resolve(RequireCode().Map.EntryTokens[defined], defined);
    }

    /// <summary>The array-call shim of type index <paramref name="typeIndex"/>.</summary>
    public nint ArrayCall(uint typeIndex)
    {
        nint p = _arrayCalls[typeIndex];
        return p != 0 ? p : _arrayCalls[typeIndex] = Resolve(RequireCode().Map.ArrayCallTokens[typeIndex], Module.Code.Length + (int)typeIndex);
    }

    /// <summary>The shim through which this module's code calls an untyped host function of type index <paramref name="typeIndex"/>.</summary>
    public nint HostCall(uint typeIndex)
    {
        nint p = _hostCalls[typeIndex];
        return p != 0 ? p : _hostCalls[typeIndex] = Resolve(RequireCode().Map.HostCallTokens[typeIndex], Module.Code.Length + Module.Types.Length + (int)typeIndex);
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tokens belong to generated or artifact assemblies, which are never trimmed.")]
    private nint Resolve(int token, int slot)
    {
        if (token == 0) throw new WasmException("internal error: the compiled module has no code for this function type");
        return RequireCode().Pointers is { } pointers ? pointers[slot] : _handle.ResolveMethodHandle(token).GetFunctionPointer();
    }

    /// <summary>Has the JIT compile every function now rather than at its first call (benchmarks, warm-up).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The tokens belong to generated or artifact assemblies, which are never trimmed.")]
    public void PrepareAll()
    {
        // Code that comes with its entry points is native already.
        if (RequireCode().Pointers is not null) return;
        int[] bodies = RequireCode().Map.BodyTokens;
        foreach (int token in bodies) System.Runtime.CompilerServices.RuntimeHelpers.PrepareMethod(_handle.ResolveMethodHandle(token));
    }

    private static int[] ComputeTypeIds(Engine engine, WasmModule module, out RuntimeType[] types) => engine.Types.Intern(module, out types);
}
