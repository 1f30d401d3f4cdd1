namespace Sharptime.Binary;

/// <summary>
/// Reads the types that imports and definitions share (Wasm 3.0 section 5.3): limits, table,
/// memory, global and tag types.
/// </summary>
internal static class ExternTypeReader
{
    private const byte HasMax = 0x01;
    private const byte Shared = 0x02;
    private const byte Is64 = 0x04;
    private const byte CustomPageSize = 0x08;

    /// <summary>The largest page size exponent whose page size still fits in a u64.</summary>
    private const uint MaxPageSizeLog2 = 63;

    /// <summary>Reads a table type: a reference type, then limits (bit 2 of the flags: table64).</summary>
    public static TableType ReadTableType(ref WasmReader reader)
    {
        ValueType element = reader.ReadRefType();
        int at = reader.Offset;
        byte flags = reader.ReadByte();
        if ((flags & ~(HasMax | Is64)) != 0) WasmReader.Throw($"malformed limits flags 0x{flags:x2} of a table", at);
        Limits limits = ReadLimits(ref reader, flags);
        return new TableType(element, limits, (flags & Is64) != 0);
    }

    /// <summary>
    /// Reads a memory type. The flags may say shared (threads) and 64-bit (memory64); both are kept
    /// for the validator, which rejects them when the proposal is disabled. A custom page size
    /// (bit 3) is a different encoding, so without the custom-page-sizes proposal it is malformed,
    /// as the core testsuite expects.
    /// </summary>
    public static MemoryType ReadMemoryType(ref WasmReader reader, WasmFeatures features)
    {
        int at = reader.Offset;
        byte flags = reader.ReadByte();
        int allowed = HasMax | Shared | Is64 | ((features & WasmFeatures.CustomPageSizes) != 0 ? CustomPageSize : 0);
        if ((flags & ~allowed) != 0) WasmReader.Throw($"malformed limits flags 0x{flags:x2} of a memory", at);
        Limits limits = ReadLimits(ref reader, flags);
        byte pageSizeLog2 = 16;
        if ((flags & CustomPageSize) != 0)
        {
            int pageAt = reader.Offset;
            uint log2 = reader.ReadU32();
            if (log2 > MaxPageSizeLog2) WasmReader.Throw($"invalid custom page size 2^{log2}", pageAt);
            pageSizeLog2 = (byte)log2;
        }
        return new MemoryType(limits, (flags & Is64) != 0, (flags & Shared) != 0, pageSizeLog2);
    }

    /// <summary>Reads a global type: a value type and a mutability byte.</summary>
    public static GlobalType ReadGlobalType(ref WasmReader reader)
    {
        ValueType type = reader.ReadValueType();
        return new GlobalType(type, ReadMutability(ref reader));
    }

    /// <summary>Reads a mutability byte: 0 for const, 1 for var.</summary>
    public static bool ReadMutability(ref WasmReader reader)
    {
        int at = reader.Offset;
        byte b = reader.ReadByte();
        if (b > 1) WasmReader.Throw($"malformed mutability 0x{b:x2}", at);
        return b == 1;
    }

    /// <summary>Reads a tag type: a zero attribute byte, then a type index.</summary>
    public static TagType ReadTagType(ref WasmReader reader)
    {
        int at = reader.Offset;
        if (reader.ReadByte() != 0) WasmReader.Throw("zero byte expected (tag attribute)", at);
        return new TagType(reader.ReadU32());
    }

    // Limits are u64 in Wasm 3.0 whatever the address type; the validator bounds them.
    private static Limits ReadLimits(ref WasmReader reader, byte flags)
    {
        ulong min = reader.ReadU64();
        ulong? max = (flags & HasMax) != 0 ? reader.ReadU64() : null;
        return new Limits(min, max);
    }
}
