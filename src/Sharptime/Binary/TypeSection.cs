namespace Sharptime.Binary;

/// <summary>Decodes the type section (id 1, Wasm 3.0 section 5.5.4): recursion groups of sub types.</summary>
internal static class TypeSection
{
    private const byte Rec = 0x4E;
    private const byte Sub = 0x50;
    private const byte SubFinal = 0x4F;
    private const byte Func = 0x60;
    private const byte Struct = 0x5F;
    private const byte Array = 0x5E;

    /// <summary>Reads the section contents.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module)
    {
        uint count = reader.ReadCount();
        List<SubType> types = module.Types;
        types.EnsureCapacity(types.Count + (int)count);
        for (uint i = 0; i < count; i++)
        {
            uint start = (uint)types.Count;
            if (reader.PeekByte() == Rec)
            {
                reader.ReadByte();
                uint size = reader.ReadCount();
                for (uint j = 0; j < size; j++) types.Add(ReadSubType(ref reader, start, size));
            }
            else
            {
                types.Add(ReadSubType(ref reader, start, 1));
            }
        }
    }

    private static SubType ReadSubType(ref WasmReader reader, uint groupStart, uint groupSize)
    {
        byte b = reader.PeekByte();
        if (b is Sub or SubFinal)
        {
            reader.ReadByte();
            uint count = reader.ReadCount();
            uint[] supertypes = count == 0 ? [] : new uint[count];
            for (int i = 0; i < supertypes.Length; i++) supertypes[i] = reader.ReadU32();
            return new SubType(b == SubFinal, supertypes, ReadCompositeType(ref reader), groupStart, groupSize);
        }
        return new SubType(true, [], ReadCompositeType(ref reader), groupStart, groupSize);
    }

    private static CompositeType ReadCompositeType(ref WasmReader reader)
    {
        int at = reader.Offset;
        byte form = reader.ReadByte();
        switch (form)
        {
            case Func:
                return new FuncCompositeType(ReadResultType(ref reader), ReadResultType(ref reader));
            case Struct:
            {
                uint count = reader.ReadCount();
                var fields = count == 0 ? [] : new FieldType[count];
                for (int i = 0; i < fields.Length; i++) fields[i] = ReadFieldType(ref reader);
                return new StructCompositeType(fields);
            }
            case Array:
                return new ArrayCompositeType(ReadFieldType(ref reader));
        }
        if (form >= 0x80) WasmReader.Throw("integer representation too long", at + 1);
        WasmReader.Throw($"malformed definition type 0x{form:x2}", at);
        return null;
    }

    private static ValueType[] ReadResultType(ref WasmReader reader)
    {
        uint count = reader.ReadCount();
        if (count == 0) return [];
        var types = new ValueType[count];
        for (int i = 0; i < types.Length; i++) types[i] = reader.ReadValueType();
        return types;
    }

    private static FieldType ReadFieldType(ref WasmReader reader)
    {
        ValueType storage = reader.ReadStorageType();
        return new FieldType(storage, ExternTypeReader.ReadMutability(ref reader));
    }
}
