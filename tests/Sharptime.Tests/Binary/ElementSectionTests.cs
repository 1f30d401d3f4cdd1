using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

/// <summary>Element segments: all eight encodings.</summary>
public sealed class ElementSectionTests
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
}
