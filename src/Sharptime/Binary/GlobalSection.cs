namespace Sharptime.Binary;

/// <summary>Decodes the global section (id 6, Wasm 3.0 section 5.5.10).</summary>
internal static class GlobalSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        module.DefinedGlobals.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++)
        {
            GlobalType type = ExternTypeReader.ReadGlobalType(ref reader);
            ConstExpr init = ConstExprReader.Read(ref code, module);
            module.GlobalTypes.Add(type);
            module.DefinedGlobals.Add(new DefinedGlobal(type, init));
        }
    }
}
