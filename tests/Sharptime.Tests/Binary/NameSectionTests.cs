using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;

namespace Sharptime.Tests.Binary;

public sealed class NameSectionTests
{
    private static byte[] NameSection(params byte[][] subsections) => Section(0, Name("name"), Concat(subsections));

    private static byte[] Subsection(byte id, params byte[][] contents)
    {
        byte[] body = Concat(contents);
        return Concat(B(id), U32((uint)body.Length), body);
    }

    private static byte[] TwoFunctions(params byte[][] after) => Module(
        [
            Section(1, Vec(B(0x60, 0x01, 0x7F, 0x00))),
            Section(3, Vec(B(0x00), B(0x00))),
            Section(10, Vec(Body(0x0B), Body(0x0B))),
            .. after,
        ]);

    [Fact]
    public void Module_function_and_local_names_decode()
    {
        WasmModule m = Decode(TwoFunctions(NameSection(
            Subsection(0, Name("my module")),
            Subsection(1, Vec(Concat(B(0x00), Name("first")), Concat(B(0x01), Name("second")))),
            Subsection(2, Vec(Concat(B(0x01), Vec(Concat(B(0x00), Name("x")))))),
            Subsection(7, Vec(Concat(B(0x00), Name("global")))))));
        NameSection names = Assert.IsType<NameSection>(m.Names);
        Assert.Equal("my module", names.ModuleName);
        Assert.Equal("first", names.FunctionNames[0]);
        Assert.Equal("second", names.FunctionNames[1]);
        Assert.Equal("x", names.LocalNames[1][0]);
        Assert.Empty(m.CustomSections);
    }

    [Fact]
    public void Malformed_name_section_keeps_the_module_and_the_names_before_the_problem()
    {
        WasmModule m = Decode(TwoFunctions(NameSection(
            Subsection(0, Name("ok")),
            Subsection(1, B(0x05, 0x00, 0x01, 0xFF)))));
        Assert.Equal("ok", m.Names!.ModuleName);
        Assert.Empty(m.Names.FunctionNames);

        WasmModule truncated = Decode(TwoFunctions(NameSection(B(0x01, 0x7F, 0x00))));
        Assert.NotNull(truncated.Names);
        Assert.Null(truncated.Names.ModuleName);

        WasmModule badUtf8 = Decode(TwoFunctions(NameSection(Subsection(1, Vec(Concat(B(0x00), B(0x01, 0xFF)))))));
        Assert.Empty(badUtf8.Names!.FunctionNames);
    }

    [Fact]
    public void Subsections_out_of_order_stop_the_decoding()
    {
        WasmModule m = Decode(TwoFunctions(NameSection(
            Subsection(1, Vec(Concat(B(0x00), Name("f")))),
            Subsection(0, Name("late")))));
        Assert.Equal("f", m.Names!.FunctionNames[0]);
        Assert.Null(m.Names.ModuleName);
    }

    [Fact]
    public void Other_custom_sections_are_preserved_in_order()
    {
        WasmModule m = Decode(Module(Section(0, Name("a"), B(1)), Section(0, Name("b")), Section(0, Name("a"), B(2, 3))));
        Assert.Equal(["a", "b", "a"], m.CustomSections.Select(c => c.Name));
        Assert.Equal([2, 3], m.CustomSections[2].Contents.ToArray());
        Assert.Equal([2, 3], m.Bytes.Slice(m.CustomSections[2].Offset, 2).ToArray());
    }
}
