using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

/// <summary>Memory and table types: limits flags, memory64/table64, shared memories, custom page sizes.</summary>
public sealed class ExternTypeReaderTests
{
    private static MemoryType Memory(byte[] type, WasmFeatures features = WasmFeatures.All) =>
        Decode(Module(Section(5, Vec(type))), features).Memories[0];

    [Fact]
    public void Memory_limits_flags_decode()
    {
        Assert.Equal(new MemoryType(new Limits(1, null), false, false), Memory(B(0x00, 0x01)));
        Assert.Equal(new MemoryType(new Limits(1, 2), false, false), Memory(B(0x01, 0x01, 0x02)));
        Assert.Equal(new MemoryType(new Limits(1, 2), false, true), Memory(B(0x03, 0x01, 0x02)));
        Assert.Equal(new MemoryType(new Limits(0x1_0000_0000, null), true, false), Memory(Concat(B(0x04), U32(0x1_0000_0000))));
        Assert.Equal(new MemoryType(new Limits(1, 2), true, true), Memory(B(0x07, 0x01, 0x02)));
    }

    [Fact]
    public void Shared_and_64_bit_memories_are_kept_for_the_validator_even_when_disabled()
    {
        Assert.True(Memory(B(0x03, 0x00, 0x01), WasmFeatures.Wasm2).Shared);
        Assert.True(Memory(B(0x04, 0x00), WasmFeatures.Wasm2).Is64);
    }

    [Fact]
    public void Custom_page_size_needs_the_proposal()
    {
        Assert.Equal(new MemoryType(new Limits(0, null), false, false, 0), Memory(B(0x08, 0x00, 0x00)));
        Assert.Equal(new MemoryType(new Limits(1, 5), false, false, 16), Memory(B(0x09, 0x01, 0x05, 0x10)));
        Assert.Equal(17, Memory(B(0x08, 0x00, 0x11)).PageSizeLog2); // decodes; the validator rejects it
        Malformed(Module(Section(5, Vec(B(0x08, 0x00, 0x00)))), "malformed limits flags", WasmFeatures.All & ~WasmFeatures.CustomPageSizes);
        Malformed(Module(Section(5, Vec(B(0x08, 0x00, 0x41)))), "invalid custom page size");
    }

    [Theory]
    [InlineData(new byte[] { 0x10, 0x00 })]
    [InlineData(new byte[] { 0x81, 0x00, 0x00, 0x00 })]
    [InlineData(new byte[] { 0x81, 0x01, 0x00, 0x00 })]
    public void Unknown_memory_flags_are_malformed(byte[] type) =>
        Malformed(Module(Section(5, Vec(type))), "malformed limits flags");

    [Theory]
    [InlineData(new byte[] { 0x70, 0x02, 0x00, 0x00 })] // no shared tables
    [InlineData(new byte[] { 0x70, 0x08, 0x00 })]
    [InlineData(new byte[] { 0x70, 0x81, 0x00, 0x00, 0x00 })]
    public void Unknown_table_flags_are_malformed(byte[] type) =>
        Malformed(Module(Section(4, Vec(type))), "malformed limits flags");

    [Fact]
    public void Limits_are_u64_even_for_32_bit_types()
    {
        // The validator, not the decoder, bounds 32-bit limits.
        Assert.Equal(0x1_0000_0000ul, Memory(Concat(B(0x00), U32(0x1_0000_0000))).Limits.Min);
        Malformed(Module(Section(5, Vec(B(0x00, 0x82, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00)))), "integer representation too long");
    }

    [Fact]
    public void Tables_decode_with_and_without_initializer()
    {
        WasmModule m = Decode(Module(Section(4, Vec(
            B(0x70, 0x00, 0x01),
            B(0x6F, 0x05, 0x02, 0x03),
            B(0x40, 0x00, 0x64, 0x70, 0x00, 0x01, 0xD2, 0x00, 0x0B)))));
        Assert.Equal(new TableType(ValueType.FuncRef, new Limits(1, null), false), m.TableTypes[0]);
        Assert.Equal(new TableType(ValueType.ExternRef, new Limits(2, 3), true), m.TableTypes[1]);
        Assert.Null(m.DefinedTables[0].Init);
        ConstExpr init = m.DefinedTables[2].Init!.Value;
        Assert.Equal([0xD2, 0x00, 0x0B], m.Bytes.Slice(init.Offset, init.Length).ToArray());
        Assert.Equal(ValueType.Ref(HeapKind.Func, nullable: false), m.TableTypes[2].ElementType);
    }

    [Fact]
    public void Table_element_type_must_be_a_reference_type()
    {
        Malformed(Module(Section(4, Vec(B(0x7F, 0x00, 0x01)))), "malformed reference type");
        Malformed(Module(Section(4, Vec(B(0x40, 0x01, 0x70, 0x00, 0x01, 0x0B)))), "zero byte expected");
    }
}
