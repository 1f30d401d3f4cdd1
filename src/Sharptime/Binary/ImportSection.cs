namespace Sharptime.Binary;

/// <summary>Decodes the import section (id 2, Wasm 3.0 section 5.5.5).</summary>
internal static class ImportSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        module.Imports.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++)
        {
            string moduleName = reader.ReadName();
            string name = reader.ReadName();
            int at = reader.Offset;
            byte kind = reader.ReadByte();
            Import import;
            switch (kind)
            {
                case (byte)ExternKind.Func:
                {
                    uint typeIndex = reader.ReadU32();
                    import = new Import(moduleName, name, ExternKind.Func, TypeIndex: typeIndex);
                    module.Functions.Add(typeIndex);
                    module.ImportedFunctionCount++;
                    break;
                }
                case (byte)ExternKind.Table:
                {
                    TableType table = ExternTypeReader.ReadTableType(ref reader);
                    import = new Import(moduleName, name, ExternKind.Table, Table: table);
                    module.TableTypes.Add(table);
                    module.ImportedTableCount++;
                    break;
                }
                case (byte)ExternKind.Memory:
                {
                    MemoryType memory = ExternTypeReader.ReadMemoryType(ref reader, module.Features);
                    import = new Import(moduleName, name, ExternKind.Memory, Memory: memory);
                    module.Memories.Add(memory);
                    module.ImportedMemoryCount++;
                    break;
                }
                case (byte)ExternKind.Global:
                {
                    GlobalType global = ExternTypeReader.ReadGlobalType(ref reader);
                    import = new Import(moduleName, name, ExternKind.Global, Global: global);
                    module.GlobalTypes.Add(global);
                    module.ImportedGlobalCount++;
                    break;
                }
                case (byte)ExternKind.Tag:
                {
                    TagType tag = ExternTypeReader.ReadTagType(ref reader);
                    import = new Import(moduleName, name, ExternKind.Tag, TypeIndex: tag.TypeIndex);
                    module.Tags.Add(tag);
                    module.ImportedTagCount++;
                    break;
                }
                default:
                    WasmReader.Throw($"malformed import kind 0x{kind:x2}", at);
                    return;
            }
            module.Imports.Add(import);
        }
    }
}
