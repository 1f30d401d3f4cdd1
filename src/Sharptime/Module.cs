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
