namespace Sharptime.Tests;

public sealed class MemoryTests
{
    private static Memory NewMemory() => new(new Store(new Engine()), 1);

    [Fact]
    public void Utf8_strings_round_trip_as_their_bytes()
    {
        Memory memory = NewMemory();
        Assert.Equal(6, Memory.GetByteCount("héllo"));
        Assert.Equal(6, memory.WriteString(100, "héllo"));
        Assert.Equal("h\u00e9llo"u8.ToArray(), memory.GetSpan(100, 6).ToArray());
        Assert.Equal("héllo", memory.ReadString(100, 6));
        Assert.Equal("héllo", memory.ReadString(100, 6, StringEncoding.Utf8));
    }

    [Fact]
    public void Utf16_strings_are_little_endian_code_units()
    {
        Memory memory = NewMemory();
        string text = "a€😀";
        Assert.Equal(8, Memory.GetByteCount(text, StringEncoding.Utf16));
        Assert.Equal(8, memory.WriteString(10, text, StringEncoding.Utf16));
        Assert.Equal([0x61, 0x00, 0xAC, 0x20, 0x3D, 0xD8, 0x00, 0xDE], memory.GetSpan(10, 8).ToArray());
        Assert.Equal(text, memory.ReadString(10, 8, StringEncoding.Utf16));
    }

    [Fact]
    public void An_odd_utf16_length_is_refused()
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => NewMemory().ReadString(0, 3, StringEncoding.Utf16));
        Assert.Contains("even number of bytes, 3 given (at address 0)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strings_outside_the_memory_name_address_length_and_size()
    {
        Memory memory = NewMemory();
        var write = Assert.Throws<ArgumentOutOfRangeException>(() => memory.WriteString(65530, "0123456789"));
        Assert.Contains("10 bytes at address 65530 are outside the memory of 65536 bytes", write.Message, StringComparison.Ordinal);
        var read = Assert.Throws<ArgumentOutOfRangeException>(() => memory.ReadString(ulong.MaxValue, 2, StringEncoding.Utf16));
        Assert.Contains($"2 bytes at address {ulong.MaxValue} are outside the memory of 65536 bytes", read.Message, StringComparison.Ordinal);
        Assert.Equal(0, memory.ReadByte(65535));
    }
}
