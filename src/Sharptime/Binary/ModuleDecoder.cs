namespace Sharptime.Binary;

/// <summary>Decodes a module binary into a <see cref="WasmModule"/> (Wasm 3.0 chapter 5).</summary>
internal static class ModuleDecoder
{
    /// <summary>Decodes <paramref name="bytes"/>; the result keeps a reference to them.</summary>
    public static WasmModule Decode(ReadOnlyMemory<byte> bytes, WasmFeatures features) =>
        throw new MalformedModuleException("the decoder is being written");
}
