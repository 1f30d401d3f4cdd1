using Sharptime.Binary;
using Sharptime.Validation;

namespace Sharptime;

/// <summary>
/// A decoded and validated WebAssembly module, ready to be instantiated. Modules are immutable and
/// can be shared across threads and stores.
/// </summary>
public sealed class Module
{
    private Runtime.CompiledModule? _compiled;


    private Module(Engine engine, WasmModule info)
    {
        Engine = engine;
        Info = info;
    }

    /// <summary>The engine the module belongs to.</summary>
    public Engine Engine { get; }

    /// <summary>The decoded module.</summary>
    internal WasmModule Info { get; }

    /// <summary>The module as the runtime runs it: type ids, function types, code.</summary>
    internal Runtime.CompiledModule Compiled => _compiled!;

    /// <summary>The engine-wide canonical id of every type index.</summary>
    internal int[] TypeIds => Compiled.TypeIds;

    /// <summary>The bytes of the module binary this module was made from.</summary>
    internal ReadOnlyMemory<byte> Bytes => Info.Bytes;

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
    internal FuncType FuncTypeAt(uint typeIndex) => Compiled.FuncTypeAt(typeIndex);

    /// <summary>
    /// Decodes, validates and compiles a module binary. With no code generator in the engine's
    /// settings, or with <see cref="Strategy.Interpreter"/> or <see cref="Strategy.Tiered"/>, the module is
    /// decoded and validated only; the interpreter translates each function at its first call.
    /// </summary>
    /// <param name="engine">The engine whose settings (enabled proposals, code generator) apply.</param>
    /// <param name="bytes">The module binary; it is copied.</param>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    /// <exception cref="CompilerLimitException">With <see cref="Strategy.Compiler"/>: a function exceeds a limit of .NET IL (<see cref="Strategy.Auto"/> interprets such a module).</exception>
    public static Module FromBytes(Engine engine, ReadOnlySpan<byte> bytes)
    {
        Module module = Decode(engine, bytes);
        Abi.ICodeGenerator? generator = engine.Config.CodeGenerator;
        if (engine.Config.Compiles)
        {
            try
            {
                module.Compiled.AttachCode(generator!.Compile(module));
            }
            catch (CompilerLimitException) when (engine.Config.Strategy == Strategy.Auto)
            {
                // The interpreter runs what the compiler cannot take.
            }
        }
        else if (engine.Config.Tiers)
        {
            module.Compiled.TierUp = () => generator!.Compile(module);
        }
        return module;
    }

    /// <summary>Decodes and validates, without compiling.</summary>
    internal static Module Decode(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        WasmModule info = ModuleDecoder.Decode(bytes.ToArray(), engine.Config.Features);
        ModuleValidator.Validate(info, engine.Config.Features);
        return new Module(engine, info) { _compiled = new Runtime.CompiledModule(engine, info) };
    }

    /// <summary>A module whose code was loaded from an artifact; the module binary was validated when the artifact was made.</summary>
    internal static Module FromArtifact(Engine engine, WasmModule info, Abi.CompiledCode code, Func<byte[]>? artifact)
    {
        var module = new Module(engine, info) { _compiled = new Runtime.CompiledModule(engine, info), _artifact = artifact };
        module.Compiled.AttachCode(code);
        return module;
    }

    /// <summary>Reads the artifact the module was loaded from (its bytes, or its file again).</summary>
    private Func<byte[]>? _artifact;

    /// <summary>
    /// The module as an artifact that <see cref="Deserialize"/> loads without compiling: the artifact
    /// it was loaded from, or else a new one compiled by the engine's code generator.
    /// </summary>
    /// <returns>The artifact's bytes.</returns>
    /// <exception cref="WasmException">The module was not loaded from an artifact and the engine has no code generator.</exception>
    public byte[] Serialize() => _artifact is { } a ? (byte[])a().Clone() : Precompile(this);

    /// <summary>A new artifact of <paramref name="module"/>: its code, then its memory image (mapped from the file when loaded with <see cref="DeserializeFile"/>).</summary>
    internal static byte[] Precompile(Module module) =>
        Artifacts.ArtifactFormat.AppendMemoryImage(module.Engine.RequireCodeGenerator().Precompile(module), module);

    /// <summary>
    /// Loads a module pre-compiled by <see cref="Engine.PrecompileModule"/>, <see cref="Serialize"/> or
    /// <c>sharptime compile</c>. No compiler is needed. The artifact's compatibility stamp must match
    /// this engine: Sharptime and ABI versions, target platform, proposals and every setting that
    /// changes generated code; a mismatch names the setting and both values.
    /// </summary>
    /// <remarks>
    /// An artifact is .NET code that runs with the full trust of the process, like Wasmtime's
    /// <c>unsafe</c> deserialization: load only artifacts you made or trust. Its code stays loaded
    /// for the life of the process. ReadyToRun native code in the artifact is used only when the
    /// runtime can map the image from a file; this method writes a temporary file for that, which
    /// <see cref="DeserializeFile"/> avoids.
    /// </remarks>
    /// <param name="engine">The engine.</param>
    /// <param name="artifact">The artifact's bytes.</param>
    /// <returns>The module.</returns>
    /// <exception cref="WasmException">The bytes are not an artifact, or it does not match the engine.</exception>
    public static Module Deserialize(Engine engine, ReadOnlySpan<byte> artifact)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Artifacts.ArtifactLoader.Load(engine, artifact.ToArray());
    }

    /// <summary>Loads a module pre-compiled into the file at <paramref name="path"/>; see <see cref="Deserialize"/>.</summary>
    /// <param name="engine">The engine.</param>
    /// <param name="path">The artifact's path (by convention a .cwasm file).</param>
    /// <returns>The module.</returns>
    /// <exception cref="WasmException">The file is not an artifact, or it does not match the engine.</exception>
    public static Module DeserializeFile(Engine engine, string path)
    {
        ArgumentNullException.ThrowIfNull(engine);
        return Artifacts.ArtifactLoader.LoadFile(engine, path);
    }

    /// <summary>
    /// Loads a module compiled into an assembly of the app at build time: the <c>WasmModule</c> item of
    /// the Sharptime.Build package (or <c>sharptime compile --assembly</c>) makes the assembly, which the
    /// app references, and a typed class whose <c>Load</c> method calls this one. No compiler and no
    /// JIT are needed: it works in a NativeAOT app. The compatibility stamp is checked as by
    /// <see cref="Deserialize"/>, except for the target.
    /// </summary>
    /// <param name="engine">The engine; its settings must be those the module was compiled with.</param>
    /// <param name="assembly">The compiled module's assembly, e.g. <c>typeof(MyApp.Wasm.Plugin.FunctionTable).Assembly</c>.</param>
    /// <returns>The module.</returns>
    /// <exception cref="WasmException">The assembly holds no compiled module, or it does not match the engine.</exception>
    public static Module FromCompiledAssembly(Engine engine, System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(assembly);
        return Artifacts.ArtifactLoader.LoadAssembly(engine, assembly);
    }

    /// <summary>Reads, decodes, validates and compiles a module binary file (see <see cref="FromBytes"/>).</summary>
    /// <remarks>
    /// The runtime reads binaries only. A text module (a .wat file, or one whose first character after
    /// whitespace and comments is an opening parenthesis) is refused with a message that says how to
    /// parse it: <c>Module.FromBytes(engine, Sharptime.Text.Wat.Parse(File.ReadAllBytes(path), path))</c>.
    /// </remarks>
    /// <param name="engine">The engine whose settings apply.</param>
    /// <param name="path">The path of a .wasm file.</param>
    /// <returns>The module.</returns>
    /// <exception cref="MalformedModuleException">The file is not a well-formed module, or is WebAssembly text.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public static Module FromFile(Engine engine, string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (!bytes.AsSpan().StartsWith("\0asm"u8) && (path.EndsWith(".wat", StringComparison.OrdinalIgnoreCase) || LooksLikeText(bytes)))
        {
            throw new MalformedModuleException($"{path} is WebAssembly text, and the runtime reads binaries: reference the Sharptime.Text package and load it with Module.FromBytes(engine, Sharptime.Text.Wat.Parse(File.ReadAllBytes(path), path))");
        }
        return FromBytes(engine, bytes);
    }

    /// <summary>True when the first character after a byte-order mark, whitespace and <c>;;</c> comments is '(' (block comments start with it too).</summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\uFEFF"u8)) bytes = bytes[3..];
        while (true)
        {
            bytes = bytes.TrimStart(" \t\r\n"u8);
            if (!bytes.StartsWith(";;"u8)) return bytes.StartsWith("("u8);
            int end = bytes.IndexOf((byte)'\n');
            if (end < 0) return false;
            bytes = bytes[(end + 1)..];
        }
    }

    /// <summary>Checks that a module binary decodes and validates, without keeping the result.</summary>
    /// <param name="engine">The engine whose settings apply.</param>
    /// <param name="bytes">The module binary.</param>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    /// <exception cref="InvalidModuleException">The module does not validate.</exception>
    public static void Validate(Engine engine, ReadOnlySpan<byte> bytes) => Decode(engine, bytes);
}
