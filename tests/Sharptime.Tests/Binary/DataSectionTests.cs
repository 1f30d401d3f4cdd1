using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;

namespace Sharptime.Tests.Binary;

/// <summary>Data segments: kinds 0-2.</summary>
public sealed class DataSectionTests
{
    [Fact]
    public void Data_segments_decode()
    {
        WasmModule m = Decode(Module(Section(11, Vec(
            B(0x00, 0x41, 0x08, 0x0B, 0x02, 0x61, 0x62),
            B(0x01, 0x01, 0x63),
            B(0x02, 0x01, 0x41, 0x00, 0x0B, 0x00)))));
        Assert.Equal((SegmentMode.Active, 0u), (m.Data[0].Mode, m.Data[0].MemoryIndex));
        Assert.Equal("ab"u8.ToArray(), m.Data[0].Bytes.ToArray());
        Assert.Equal(SegmentMode.Passive, m.Data[1].Mode);
        Assert.Null(m.Data[1].Offset);
        Assert.Equal((SegmentMode.Active, 1u, 0), (m.Data[2].Mode, m.Data[2].MemoryIndex, m.Data[2].Bytes.Length));
    }

    [Fact]
    public void Malformed_data_segments()
    {
        Malformed(Module(Section(11, Vec(B(0x03, 0x00)))), "malformed data segment kind");
        Malformed(Module(Section(11, Vec(B(0x01, 0x07, 0x61)))), "length out of bounds");
        Malformed(Module(B(0x0B, 0x07, 0x01, 0x01, 0x05, 0x61, 0x62, 0x63, 0x64)), "unexpected end");
    }
}
