namespace Sharptime.Binary;

/// <summary>Decodes the data section (id 11, Wasm 3.0 section 5.5.15): data segments of kinds 0-2.</summary>
internal static class DataSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        module.Data.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++)
        {
            int at = reader.Offset;
            uint flags = reader.ReadU32();
            SegmentMode mode;
            uint memory = 0;
            ConstExpr? offset = null;
            switch (flags)
            {
                case 0:
                    mode = SegmentMode.Active;
                    offset = ConstExprReader.Read(ref code, module);
                    break;
                case 1:
                    mode = SegmentMode.Passive;
                    break;
                case 2:
                    mode = SegmentMode.Active;
                    memory = reader.ReadU32();
                    offset = ConstExprReader.Read(ref code, module);
                    break;
                default:
                    WasmReader.Throw($"malformed data segment kind {flags}", at);
                    return;
            }
            int length = reader.ReadByteString().Length;
            ReadOnlyMemory<byte> bytes = module.Bytes.Slice(reader.Offset - length, length);
            module.Data.Add(new Data(mode, memory, offset, bytes));
        }
    }
}
