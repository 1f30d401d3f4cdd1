using Sharptime.Binary;
using Sharptime.Validation;

namespace Sharptime;

/// <summary>
/// A decoded and validated WebAssembly module, ready to be instantiated. Modules are immutable and
/// can be shared across threads and stores.
/// </summary>
public sealed class Module
{
    private Module(Engine engine, WasmModule info)
    {
        Engine = engine;
        Info = info;
    }

    /// <summary>The engine the module belongs to.</summary>
    public Engine Engine { get; }

    /// <summary>The decoded module.</summary>
    internal WasmModule Info { get; }

    private readonly Lock _compileLock = new();
    private Abi.CompiledCode? _code;
    private int[]? _typeIds;
    private FunctionType?[]? _funcTypes;

    /// <summary>The compiled code, compiled on first use by the engine's code generator.</summary>
    internal Abi.CompiledCode GetCode()
    {
        lock (_compileLock)
        {
            if (_code is null)
            {
                _code = Engine.RequireCodeGenerator().Compile(this);
                if (_code.CodeType is Type type) Runtime.Backtraces.Register(type, this);
            }
            return _code;
        }
    }

    /// <summary>The engine-wide canonical id of every type index.</summary>
    internal int[] TypeIds
    {
        get
        {
            if (_typeIds is not null) return _typeIds;
            var ids = new int[Info.Types.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = Info.Types[i].Composite is Binary.FuncType f
                    ? Engine.TypeIdOf(new FunctionType(f).Key)
                    : Engine.TypeIdOf($"module {System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(this)} type {i}");
            }
            return _typeIds = ids;
        }
    }

    /// <summary>The public function type of type index <paramref name="typeIndex"/>.</summary>
    internal FunctionType FuncTypeAt(uint typeIndex)
    {
        _funcTypes ??= new FunctionType?[Info.Types.Length];
        return _funcTypes[typeIndex] ??= new FunctionType((Binary.FuncType)Info.Types[typeIndex].Composite);
    }

    /// <summary>Decodes and validates a module binary.</summary>
    /// <param name="engine">The engine whose settings (enabled proposals) apply.</param>
    /// <param name="bytes">The module binary; it is copied.</param>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public static Module FromBytes(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        WasmModule info = ModuleDecoder.Decode(bytes.ToArray(), engine.Config.Features);
        ModuleValidator.Validate(info, engine.Config.Features);
        return new Module(engine, info);
    }

    /// <summary>Reads, decodes and validates a module binary file.</summary>
    /// <param name="engine">The engine whose settings apply.</param>
    /// <param name="path">The path of a .wasm file.</param>
    /// <exception cref="MalformedModuleException">The file is not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public static Module FromFile(Engine engine, string path) => FromBytes(engine, File.ReadAllBytes(path));

    /// <summary>Checks that a module binary decodes and validates, without keeping the result.</summary>
    /// <param name="engine">The engine whose settings apply.</param>
    /// <param name="bytes">The module binary.</param>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public static void Validate(Engine engine, ReadOnlySpan<byte> bytes) => FromBytes(engine, bytes);
}
