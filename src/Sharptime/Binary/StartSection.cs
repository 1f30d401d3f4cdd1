namespace Sharptime.Binary;

/// <summary>Decodes the start section (id 8, Wasm 3.0 section 5.5.12): one function index.</summary>
internal static class StartSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module) => module.Start = reader.ReadU32();
}
