using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

public sealed class WasmReaderTests
{
    private static T Read<T>(byte[] bytes, ReadFunc<T> read, bool expectAtEnd = true)
    {
        var reader = new WasmReader(bytes);
        T value = read(ref reader);
        if (expectAtEnd) Assert.True(reader.AtEnd);
        return value;
    }

    private delegate T ReadFunc<T>(ref WasmReader reader);

    private static void Fails<T>(byte[] bytes, ReadFunc<T> read, string message)
    {
        var e = Assert.Throws<MalformedModuleException>(() =>
        {
            var reader = new WasmReader(bytes);
            read(ref reader);
        });
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0u)]
    [InlineData(new byte[] { 0x7F }, 127u)]
    [InlineData(new byte[] { 0x80, 0x01 }, 128u)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x00 }, 0u)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, uint.MaxValue)]
    [InlineData(new byte[] { 0x82, 0x80, 0x80, 0x80, 0x00 }, 2u)]
    public void ReadU32_accepts_every_valid_length(byte[] bytes, uint expected) =>
        Assert.Equal(expected, Read(bytes, (ref WasmReader r) => r.ReadU32()));

    [Theory]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, "integer representation too long")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x1F }, "integer too large")]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x10 }, "integer too large")]
    // Both wrong: the unused bits are checked first, as in the reference interpreter.
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x90, 0x00 }, "integer too large")]
    [InlineData(new byte[] { 0x80, 0x80 }, "unexpected end")]
    [InlineData(new byte[] { }, "unexpected end")]
    public void ReadU32_rejects_malformed_encodings(byte[] bytes, string message) =>
        Fails(bytes, (ref WasmReader r) => r.ReadU32(), message);

    [Theory]
    [InlineData(new byte[] { 0x7F }, -1)]
    [InlineData(new byte[] { 0x40 }, -64)]
    [InlineData(new byte[] { 0x3F }, 63)]
    [InlineData(new byte[] { 0xC0, 0x00 }, 64)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x07 }, int.MaxValue)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x78 }, int.MinValue)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, -1)]
    public void ReadS32_sign_extends(byte[] bytes, int expected) =>
        Assert.Equal(expected, Read(bytes, (ref WasmReader r) => r.ReadS32()));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, "integer too large")]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x70 }, "integer too large")]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F }, "integer representation too long")]
    public void ReadS32_rejects_malformed_encodings(byte[] bytes, string message) =>
        Fails(bytes, (ref WasmReader r) => r.ReadS32(), message);

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00 }, long.MaxValue)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x7F }, long.MinValue)]
    [InlineData(new byte[] { 0x7F }, -1L)]
    public void ReadS64_sign_extends(byte[] bytes, long expected) =>
        Assert.Equal(expected, Read(bytes, (ref WasmReader r) => r.ReadS64()));

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "integer too large")]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00 }, "integer representation too long")]
    public void ReadS64_rejects_malformed_encodings(byte[] bytes, string message) =>
        Fails(bytes, (ref WasmReader r) => r.ReadS64(), message);

    [Fact]
    public void ReadU64_reads_the_full_range()
    {
        Assert.Equal(ulong.MaxValue, Read([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01], (ref WasmReader r) => r.ReadU64()));
        Fails([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02], (ref WasmReader r) => r.ReadU64(), "integer too large");
        Fails([0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00], (ref WasmReader r) => r.ReadU64(), "integer representation too long");
    }

    [Theory]
    [InlineData(new byte[] { 0x40 }, -64L)]
    [InlineData(new byte[] { 0x80, 0x80, 0x80, 0x80, 0x70 }, -4294967296L)]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, 4294967295L)]
    public void ReadS33_covers_33_bits(byte[] bytes, long expected) =>
        Assert.Equal(expected, Read(bytes, (ref WasmReader r) => r.ReadS33()));

    [Fact]
    public void ReadS33_rejects_bits_beyond_33() =>
        Fails([0x80, 0x80, 0x80, 0x80, 0x10], (ref WasmReader r) => r.ReadS33(), "integer too large");

    [Fact]
    public void ReadCount_rejects_a_count_larger_than_the_input()
    {
        Fails([0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00], (ref WasmReader r) => r.ReadCount(), "length out of bounds");
        Fails([0x03, 0x00, 0x00], (ref WasmReader r) => r.ReadCount(), "unexpected end");
        Assert.Equal(2u, Read([0x02, 0x00, 0x00], (ref WasmReader r) => r.ReadCount(), expectAtEnd: false));
    }

    [Fact]
    public void ReadName_checks_length_and_utf8()
    {
        Assert.Equal("héllo", Read([0x06, 0x68, 0xC3, 0xA9, 0x6C, 0x6C, 0x6F], (ref WasmReader r) => r.ReadName()));
        Assert.Equal("", Read([0x00], (ref WasmReader r) => r.ReadName()));
        Fails([0x05, 0x61], (ref WasmReader r) => r.ReadName(), "length out of bounds");
        Fails([0x02, 0x61], (ref WasmReader r) => r.ReadName(), "unexpected end");
        Fails([0x02, 0xC0, 0x80], (ref WasmReader r) => r.ReadName(), "malformed UTF-8 encoding");      // overlong
        Fails([0x03, 0xED, 0xA0, 0x80], (ref WasmReader r) => r.ReadName(), "malformed UTF-8 encoding"); // surrogate
        Fails([0x01, 0xFF], (ref WasmReader r) => r.ReadName(), "malformed UTF-8 encoding");
    }

    [Fact]
    public void Value_and_reference_types_decode()
    {
        Assert.Equal(ValueType.I32, Read([0x7F], (ref WasmReader r) => r.ReadValueType()));
        Assert.Equal(ValueType.V128, Read([0x7B], (ref WasmReader r) => r.ReadValueType()));
        Assert.Equal(ValueType.FuncRef, Read([0x70], (ref WasmReader r) => r.ReadValueType()));
        Assert.Equal(ValueType.Ref(HeapType.Concrete(3), nullable: false), Read([0x64, 0x03], (ref WasmReader r) => r.ReadValueType()));
        Assert.Equal(ValueType.Ref(HeapKind.Any, nullable: true), Read([0x63, 0x6E], (ref WasmReader r) => r.ReadRefType()));
        Assert.Equal(ValueType.Ref(HeapKind.NoExn, nullable: true), Read([0x74], (ref WasmReader r) => r.ReadRefType()));
        Fails([0x7F], (ref WasmReader r) => r.ReadRefType(), "malformed reference type");
        Fails([0x00], (ref WasmReader r) => r.ReadValueType(), "malformed value type");
        Fails([0x63, 0x40], (ref WasmReader r) => r.ReadValueType(), "malformed heap type");
        Fails([0xF0, 0x7F], (ref WasmReader r) => r.ReadValueType(), "integer representation too long");
    }
}
