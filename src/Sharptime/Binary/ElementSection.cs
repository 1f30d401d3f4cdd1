namespace Sharptime.Binary;

/// <summary>Decodes the element section (id 9, Wasm 3.0 section 5.5.14): all eight segment encodings.</summary>
internal static class ElementSection
{
    // Bit 0: passive or declarative (else active). Bit 1: declarative if bit 0, else an explicit
    // table index. Bit 2: elements are expressions with a reference type (else function indices
    // with an element kind).
    private const uint NotActive = 1;
    private const uint ExplicitTableOrDeclarative = 2;
    private const uint Expressions = 4;

    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        module.Elements.EnsureCapacity((int)count);
        for (uint i = 0; i < count; i++) module.Elements.Add(ReadElement(ref code, module));
    }

    private static Element ReadElement(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        int at = reader.Offset;
        uint flags = reader.ReadU32();
        if (flags > 7) WasmReader.Throw($"malformed elements segment kind {flags}", at);

        SegmentMode mode = (flags & NotActive) == 0 ? SegmentMode.Active
            : (flags & ExplicitTableOrDeclarative) != 0 ? SegmentMode.Declarative : SegmentMode.Passive;
        uint table = 0;
        ConstExpr? offset = null;
        if (mode == SegmentMode.Active)
        {
            if ((flags & ExplicitTableOrDeclarative) != 0) table = reader.ReadU32();
            offset = ConstExprReader.Read(ref code, module);
        }

        // Flags 0 and 4 leave the type implicit: (ref func) for indices, funcref for expressions.
        bool implicitType = flags is 0 or 4;
        if ((flags & Expressions) == 0)
        {
            ValueType type = ValueType.Ref(HeapKind.Func, nullable: false);
            if (!implicitType)
            {
                int kindAt = reader.Offset;
                byte kind = reader.ReadByte();
                if (kind != 0) WasmReader.Throw($"malformed element kind 0x{kind:x2}", kindAt);
            }
            uint n = reader.ReadCount();
            uint[] indices = n == 0 ? [] : new uint[n];
            for (int i = 0; i < indices.Length; i++) indices[i] = reader.ReadU32();
            return new Element(mode, type, table, offset, indices, null);
        }
        else
        {
            ValueType type = implicitType ? ValueType.FuncRef : reader.ReadRefType();
            uint n = reader.ReadCount();
            ConstExpr[] exprs = n == 0 ? [] : new ConstExpr[n];
            for (int i = 0; i < exprs.Length; i++) exprs[i] = ConstExprReader.Read(ref code, module);
            return new Element(mode, type, table, offset, null, exprs);
        }
    }
}
