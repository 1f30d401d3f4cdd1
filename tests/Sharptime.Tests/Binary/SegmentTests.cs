using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

/// <summary>Element and data segments: every encoding.</summary>
public sealed class SegmentTests
{
    private static Element Elem(params byte[] segment) => Decode(Module(Section(9, Vec(segment)))).Elements[0];

    [Fact]
    public void All_eight_element_encodings_decode()
    {
        ValueType refFunc = ValueType.Ref(HeapKind.Func, nullable: false);
        Element e0 = Elem(0x00, 0x41, 0x01, 0x0B, 0x02, 0x05, 0x06);
        Assert.Equal((SegmentMode.Active, refFunc, 0u), (e0.Mode, e0.Type, e0.TableIndex));
        Assert.Equal([5u, 6u], e0.FunctionIndices!);
        Assert.NotNull(e0.Offset);

        Element e1 = Elem(0x01, 0x00, 0x01, 0x07);
        Assert.Equal((SegmentMode.Passive, refFunc), (e1.Mode, e1.Type));
        Assert.Null(e1.Offset);
        Assert.Equal([7u], e1.FunctionIndices!);

        Element e2 = Elem(0x02, 0x03, 0x41, 0x00, 0x0B, 0x00, 0x01, 0x07);
        Assert.Equal((SegmentMode.Active, 3u), (e2.Mode, e2.TableIndex));

        Element e3 = Elem(0x03, 0x00, 0x00);
        Assert.Equal(SegmentMode.Declarative, e3.Mode);
        Assert.Equal(0, e3.Count);

        Element e4 = Elem(0x04, 0x41, 0x00, 0x0B, 0x02, 0xD2, 0x00, 0x0B, 0xD0, 0x70, 0x0B);
        Assert.Equal((SegmentMode.Active, ValueType.FuncRef), (e4.Mode, e4.Type));
        Assert.Equal(2, e4.Expressions!.Length);
        Assert.Equal(new ConstExpr(e4.Expressions[0].Offset + 3, 3), e4.Expressions[1]);

        Element e5 = Elem(0x05, 0x6F, 0x01, 0xD0, 0x6F, 0x0B);
        Assert.Equal((SegmentMode.Passive, ValueType.ExternRef), (e5.Mode, e5.Type));

        Element e6 = Elem(0x06, 0x01, 0x41, 0x00, 0x0B, 0x64, 0x70, 0x01, 0xD2, 0x00, 0x0B);
        Assert.Equal((SegmentMode.Active, 1u, refFunc), (e6.Mode, e6.TableIndex, e6.Type));

        Element e7 = Elem(0x07, 0x70, 0x00);
        Assert.Equal((SegmentMode.Declarative, ValueType.FuncRef), (e7.Mode, e7.Type));
    }

    [Fact]
    public void Malformed_element_segments()
    {
        Malformed(Module(Section(9, Vec(B(0x08, 0x00)))), "malformed elements segment kind");
        Malformed(Module(Section(9, Vec(B(0x01, 0x01, 0x00)))), "malformed element kind");
        Malformed(Module(Section(9, Vec(B(0x05, 0x7F, 0x01, 0xD2, 0x00, 0x0B)))), "malformed reference type");
        Malformed(Module(Section(9, Vec(B(0x05, 0x70, 0x01, 0xF3, 0x00, 0x0B)))), "illegal opcode");
    }

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
