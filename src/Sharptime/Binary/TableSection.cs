namespace Sharptime.Binary;

/// <summary>Decodes the table section (id 4, Wasm 3.0 section 5.5.7).</summary>
internal static class TableSection
{
    /// <summary>The first byte of a table with an explicit initializer (0x40 0x00 tabletype expr).</summary>
    private const byte WithInit = 0x40;

    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        module.DefinedTables.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++)
        {
            if (reader.PeekByte() == WithInit)
            {
                reader.ReadByte();
                int at = reader.Offset;
                if (reader.ReadByte() != 0) WasmReader.Throw("zero byte expected (table with initializer)", at);
                TableType type = ExternTypeReader.ReadTableType(ref reader);
                ConstExpr init = ConstExprReader.Read(ref code, module);
                module.TableTypes.Add(type);
                module.DefinedTables.Add(new DefinedTable(type, init));
            }
            else
            {
                TableType type = ExternTypeReader.ReadTableType(ref reader);
                module.TableTypes.Add(type);
                module.DefinedTables.Add(new DefinedTable(type, null));
            }
        }
    }
}
