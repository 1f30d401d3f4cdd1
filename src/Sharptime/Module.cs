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
    private FuncType?[]? _funcTypes;

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
            string[] keys = Runtime.TypeKeys.Compute(Info);
            var ids = new int[keys.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                ids[i] = Engine.TypeIdOf(keys[i]);
                uint[] supers = Info.Types[i].Supertypes;
                if (supers.Length > 0) Engine.SetSupertype(ids[i], Engine.TypeIdOf(keys[supers[0]]));
            }
            return _typeIds = ids;
        }
    }

    /// <summary>The imports, in order.</summary>
    public IReadOnlyList<ModuleImport> Imports
    {
        get
        {
            var imports = new ModuleImport[Info.Imports.Length];
            for (int i = 0; i < imports.Length; i++)
            {
                Import import = Info.Imports[i];
                FuncType? f = import.Kind == ExternKind.Func ? FuncTypeAt(import.TypeIndex) : null;
                string type = import.Kind switch
                {
                    ExternKind.Func => f!.ToString(),
                    ExternKind.Table => TableText(import.Table),
                    ExternKind.Memory => MemoryText(import.Memory),
                    ExternKind.Global => GlobalText(import.Global),
                    _ => $"(tag {FuncTypeAt(import.TypeIndex)})",
                };
                imports[i] = new ModuleImport(import.Module, import.Name, KindText(import.Kind), type, f);
            }
            return imports;
        }
    }

    /// <summary>The exports, in order.</summary>
    public IReadOnlyList<ModuleExport> Exports
    {
        get
        {
            var exports = new ModuleExport[Info.Exports.Length];
            for (int i = 0; i < exports.Length; i++)
            {
                Export export = Info.Exports[i];
                FuncType? f = export.Kind == ExternKind.Func ? FuncTypeAt(Info.Functions[export.Index]) : null;
                string type = export.Kind switch
                {
                    ExternKind.Func => f!.ToString(),
                    ExternKind.Table => TableText(Info.TableTypes[export.Index]),
                    ExternKind.Memory => MemoryText(Info.Memories[export.Index]),
                    ExternKind.Global => GlobalText(Info.GlobalTypes[export.Index]),
                    _ => $"(tag {FuncTypeAt(Info.Tags[export.Index].TypeIndex)})",
                };
                exports[i] = new ModuleExport(export.Name, KindText(export.Kind), type, f);
            }
            return exports;
        }
    }

    private static string KindText(ExternKind kind) => kind.ToString().ToLowerInvariant();

    private static string LimitsText(Limits limits) => limits.Max is ulong max ? $"{limits.Min} {max}" : $"{limits.Min}";

    private static string TableText(TableType t) => $"(table{(t.Is64 ? " i64" : "")} {LimitsText(t.Limits)} {t.ElementType})";

    private static string MemoryText(MemoryType m) => $"(memory{(m.Is64 ? " i64" : "")} {LimitsText(m.Limits)}{(m.Shared ? " shared" : "")})";

    private static string GlobalText(GlobalType g) => g.Mutable ? $"(mut {g.Type})" : g.Type.ToString();

    /// <summary>The public function type of type index <paramref name="typeIndex"/>.</summary>
    internal FuncType FuncTypeAt(uint typeIndex)
    {
        _funcTypes ??= new FuncType?[Info.Types.Length];
        return _funcTypes[typeIndex] ??= new FuncType((Binary.FuncCompositeType)Info.Types[typeIndex].Composite);
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
