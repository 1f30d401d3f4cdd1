namespace Sharptime.Binary;

/// <summary>Decodes the function section (id 3, Wasm 3.0 section 5.5.6): the type index of each defined function.</summary>
internal static class FunctionSection
{
    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        module.DeclaredFunctionCount = count;
        ValueList<uint> functions = module.Functions;
        functions.EnsureCapacity(functions.Count + (int)count);
        for (uint i = 0; i < count; i++) functions.Add(reader.ReadU32());
    }
}
