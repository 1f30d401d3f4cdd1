namespace Sharptime.Binary;

/// <summary>Decodes the tag section (id 13, Wasm 3.0 section 5.5.9), which sits between the memory and global sections.</summary>
internal static class TagSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        module.Tags.EnsureCapacity(module.Tags.Count + (int)count);
        for (uint i = 0; i < count; i++) module.Tags.Add(ExternTypeReader.ReadTagType(ref reader));
    }
}
