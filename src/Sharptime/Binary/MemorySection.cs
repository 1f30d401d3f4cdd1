namespace Sharptime.Binary;

/// <summary>Decodes the memory section (id 5, Wasm 3.0 section 5.5.8).</summary>
internal static class MemorySection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        module.Memories.EnsureCapacity(module.Memories.Count + (int)count);
        for (uint i = 0; i < count; i++) module.Memories.Add(ExternTypeReader.ReadMemoryType(ref reader, module.Features));
    }
}
