namespace Sharptime.Binary;

/// <summary>Decodes the data count section (id 12, Wasm 3.0 section 5.5.16): the number of data segments.</summary>
internal static class DataCountSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module) => module.DataCount = reader.ReadU32();
}
