using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

public sealed class TypeSectionTests
{
    [Fact]
    public void Function_struct_and_array_types_decode()
    {
        WasmModule m = Decode(Module(Section(1, Vec(
            B(0x60, 0x02, 0x7F, 0x7E, 0x01, 0x7D),
            B(0x5F, 0x03, 0x78, 0x00, 0x77, 0x01, 0x64, 0x00, 0x01),
            B(0x5E, 0x63, 0x6E, 0x01)))));
        var func = Assert.IsType<FuncCompositeType>(m.Types[0].Composite);
        Assert.Equal([ValueType.I32, ValueType.I64], func.Params);
        Assert.Equal([ValueType.F32], func.Results);
        var str = Assert.IsType<StructCompositeType>(m.Types[1].Composite);
        Assert.Equal([new FieldType(ValueType.I8, false), new FieldType(ValueType.I16, true), new FieldType(ValueType.Ref(HeapType.Concrete(0), false), true)], str.Fields);
        var array = Assert.IsType<ArrayCompositeType>(m.Types[2].Composite);
        Assert.Equal(new FieldType(ValueType.Ref(HeapKind.Any, true), true), array.Element);
        Assert.All(m.Types, t => Assert.True(t.Final));
        Assert.Equal(2u, m.Types[2].RecGroupStart);
        Assert.Equal(1u, m.Types[2].RecGroupSize);
    }

    [Fact]
    public void Rec_groups_and_sub_types_decode()
    {
        WasmModule m = Decode(Module(Section(1, Vec(
            B(0x60, 0x00, 0x00),
            B(0x4E, 0x03,
                0x50, 0x00, 0x5F, 0x00,             // sub (struct)
                0x50, 0x01, 0x01, 0x5F, 0x00,       // sub 1 (struct)
                0x4F, 0x01, 0x02, 0x5F, 0x00),      // sub final 2 (struct)
            B(0x4E, 0x00)))));                      // an empty rec group
        Assert.Equal(4, m.Types.Length);
        Assert.Equal((0u, 1u), (m.Types[0].RecGroupStart, m.Types[0].RecGroupSize));
        for (int i = 1; i <= 3; i++) Assert.Equal((1u, 3u), (m.Types[i].RecGroupStart, m.Types[i].RecGroupSize));
        Assert.False(m.Types[1].Final);
        Assert.Empty(m.Types[1].Supertypes);
        Assert.False(m.Types[2].Final);
        Assert.Equal([1u], m.Types[2].Supertypes);
        Assert.True(m.Types[3].Final);
        Assert.Equal([2u], m.Types[3].Supertypes);
    }

    [Fact]
    public void Unknown_composite_type_is_malformed()
    {
        Malformed(Module(Section(1, Vec(B(0x40)))), "malformed definition type");
        Malformed(Module(Section(1, Vec(B(0xE0, 0x7F, 0x00, 0x00)))), "integer representation too long");
    }

    [Fact]
    public void Field_mutability_must_be_0_or_1() =>
        Malformed(Module(Section(1, Vec(B(0x5E, 0x78, 0x02)))), "malformed mutability");

    [Fact]
    public void Parameter_types_must_be_value_types()
    {
        Malformed(Module(Section(1, Vec(B(0x60, 0x01, 0x78, 0x00)))), "malformed value type");
        Malformed(Module(Section(1, Vec(B(0x60, 0x01, 0x64, 0x40, 0x00)))), "malformed heap type");
    }
}
