namespace Sharptime.Binary;

/// <summary>Decodes the export section (id 7, Wasm 3.0 section 5.5.11).</summary>
internal static class ExportSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        module.Exports.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++)
        {
            string name = reader.ReadName();
            int at = reader.Offset;
            byte kind = reader.ReadByte();
            if (kind > (byte)ExternKind.Tag) WasmReader.Throw($"malformed export kind 0x{kind:x2}", at);
            module.Exports.Add(new Export(name, (ExternKind)kind, reader.ReadU32()));
        }
    }
}
