using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;

namespace Sharptime.Tests.Binary;

public sealed class ModuleDecoderTests
{
    [Fact]
    public void Empty_module_decodes()
    {
        WasmModule m = Decode(Header);
        Assert.Empty(m.Types);
        Assert.Empty(m.Code);
        Assert.Null(m.Start);
        Assert.Null(m.DataCount);
        Assert.Null(m.Names);
    }

    [Theory]
    [InlineData(new byte[] { }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00 }, "magic header not detected")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x00, 0x61, 0x73, 0x6D, 0x01 }, "magic header not detected")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x0D, 0x00, 0x00, 0x00 }, "unknown binary version")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x01, 0x00 }, "unknown binary version")]
    public void Header_errors(byte[] bytes, string message) => Malformed(bytes, message);

    [Theory]
    [InlineData(14)]
    [InlineData(0x7F)]
    [InlineData(0x80)]
    [InlineData(0xFF)]
    public void Unknown_section_ids_are_malformed(byte id) =>
        Malformed(Module(B(id, 0x01, 0x00)), "malformed section id");

    [Theory]
    [InlineData(3, 2)]  // function before import
    [InlineData(6, 13)] // global before tag
    [InlineData(10, 12)] // code before data count
    [InlineData(11, 10)] // data before code
    [InlineData(1, 1)]  // duplicate
    public void Sections_out_of_order_leave_content_after_the_last_section(byte first, byte second) =>
        Malformed(Module(EmptySection(first), EmptySection(second)), "unexpected content after last section");

    private static byte[] EmptySection(byte id) => id switch
    {
        8 => Section(8, B(0x00)),
        12 => Section(12, B(0x00)),
        _ => Section(id, Vec()),
    };

    [Fact]
    public void Every_section_in_order_with_custom_sections_between_decodes()
    {
        byte[] custom = Section(0, Name("x"), B(1, 2, 3));
        WasmModule m = Decode(Module(
            custom,
            Section(1, Vec(B(0x60, 0x00, 0x00))), custom,
            Section(2, Vec()), custom,
            Section(3, Vec(B(0x00))), custom,
            Section(4, Vec(B(0x70, 0x00, 0x01))), custom,
            Section(5, Vec(B(0x00, 0x01))), custom,
            Section(13, Vec(B(0x00, 0x00))), custom,
            Section(6, Vec(B(0x7F, 0x00, 0x41, 0x07, 0x0B))), custom,
            Section(7, Vec(Concat(Name("f"), B(0x00, 0x00)))), custom,
            Section(8, B(0x00)), custom,
            Section(9, Vec(B(0x01, 0x00, 0x01, 0x00))), custom,
            Section(12, B(0x01)), custom,
            Section(10, Vec(Body(0x0B))), custom,
            Section(11, Vec(B(0x01, 0x02, 0xAA, 0xBB))), custom));
        Assert.Single(m.Types);
        Assert.Equal([0u], m.Functions);
        Assert.Single(m.TableTypes);
        Assert.Single(m.Memories);
        Assert.Single(m.Tags);
        Assert.Single(m.DefinedGlobals);
        Assert.Equal(new Export("f", ExternKind.Func, 0), m.Exports[0]);
        Assert.Equal(0u, m.Start);
        Assert.Single(m.Elements);
        Assert.Equal(1u, m.DataCount);
        Assert.Single(m.Code);
        Assert.Equal([0xAA, 0xBB], m.Data[0].Bytes.ToArray());
        Assert.Equal(14, m.CustomSections.Length);
        Assert.All(m.CustomSections, c => Assert.Equal([1, 2, 3], c.Contents.ToArray()));
    }

    [Fact]
    public void Section_size_larger_than_the_module_is_out_of_bounds() =>
        Malformed(Module(B(0x01, 0x07, 0x02, 0x60, 0x00, 0x00)), "length out of bounds");

    [Fact]
    public void Section_size_smaller_than_its_contents_is_a_mismatch() =>
        Malformed(Module(B(0x01, 0x07, 0x01, 0x60, 0x00, 0x00, 0x60, 0x00, 0x00)), "section size mismatch");

    [Fact]
    public void Section_size_larger_than_its_contents_is_a_mismatch() =>
        Malformed(Module(B(0x06, 0x0B, 0x01, 0x7F, 0x00, 0x41, 0x00, 0x0B, 0x7F, 0x00, 0x41, 0x00, 0x0B)), "section size mismatch");

    [Fact]
    public void Vector_running_past_the_end_of_the_module_is_an_unexpected_end() =>
        Malformed(Module(B(0x06, 0x06, 0x02, 0x7F, 0x00, 0x41, 0x00, 0x0B)), "unexpected end of section or function");

    [Fact]
    public void Huge_counts_fail_fast_without_allocating()
    {
        // 2^32 - 1 functions, types, imports, code bodies, data segments and a 4 GiB name.
        byte[] max = U32(uint.MaxValue);
        foreach (byte id in new byte[] { 1, 2, 3, 5, 6, 7, 9, 10, 11, 13 })
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Malformed(Module(Section(id, max)), "length out of bounds");
            Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
        }
        Malformed(Module(Section(0, max)), "length out of bounds");
        Malformed(Module(Section(2, U32(1), max)), "length out of bounds");
    }

    [Fact]
    public void Function_and_code_counts_must_agree()
    {
        Malformed(Module(Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00), B(0x00)))),
            "function and code section have inconsistent lengths");
        Malformed(Module(Section(10, Vec(Body(0x0B)))), "function and code section have inconsistent lengths");
    }

    [Fact]
    public void Data_count_must_match_the_data_section()
    {
        Malformed(Module(Section(12, B(0x03)), Section(11, Vec(B(0x01, 0x00), B(0x01, 0x00)))),
            "data count and data section have inconsistent lengths");
        Malformed(Module(Section(5, Vec(B(0x00, 0x01))), Section(12, B(0x01))),
            "data count and data section have inconsistent lengths");
        Assert.Equal(2u, Decode(Module(Section(12, B(0x02)), Section(11, Vec(B(0x01, 0x00), B(0x01, 0x00))))).DataCount);
    }

    [Fact]
    public void Data_index_instructions_require_a_data_count_section()
    {
        byte[] memory = Section(5, Vec(B(0x00, 0x01)));
        byte[] data = Section(11, Vec(B(0x01, 0x00)));
        byte[] memoryInit = Body(0x41, 0x00, 0x41, 0x00, 0x41, 0x00, 0xFC, 0x08, 0x00, 0x00, 0x0B);
        byte[] dataDrop = Body(0xFC, 0x09, 0x00, 0x0B);
        foreach (byte[] body in new[] { memoryInit, dataDrop })
        {
            Malformed(Module(Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00))), memory, Section(10, Vec(body)), data),
                "data count section required");
            Decode(Module(Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00))), memory, Section(12, B(0x01)), Section(10, Vec(body)), data));
        }
    }

    [Fact]
    public void Import_and_definition_index_spaces_start_with_imports()
    {
        WasmModule m = Decode(Module(
            Section(1, Vec(B(0x60, 0x00, 0x00), B(0x60, 0x01, 0x7F, 0x00))),
            Section(2, Vec(
                Concat(Name("m"), Name("f"), B(0x00, 0x01)),
                Concat(Name("m"), Name("t"), B(0x01, 0x6F, 0x00, 0x00)),
                Concat(Name("m"), Name("mem"), B(0x02, 0x00, 0x01)),
                Concat(Name("m"), Name("g"), B(0x03, 0x7E, 0x01)),
                Concat(Name("m"), Name("e"), B(0x04, 0x00, 0x01)))),
            Section(3, Vec(B(0x00))),
            Section(10, Vec(Body(0x0B)))));
        Assert.Equal([1u, 0u], m.Functions);
        Assert.Equal(1, m.ImportedFunctionCount);
        Assert.Equal(1, m.ImportedTableCount);
        Assert.Equal(1, m.ImportedMemoryCount);
        Assert.Equal(1, m.ImportedGlobalCount);
        Assert.Equal(1, m.ImportedTagCount);
        Assert.Equal(ValueKindRef(HeapKind.Extern), m.TableTypes[0].ElementType);
        Assert.Equal(new Sharptime.Binary.GlobalType(Sharptime.Binary.ValueType.I64, true), m.GlobalTypes[0]);
        Assert.Equal(new TagType(1), m.Tags[0]);
        Assert.Equal(ExternKind.Tag, m.Imports[4].Kind);
        Assert.Equal(1u, m.Imports[4].TypeIndex);
        Assert.Equal([Sharptime.Binary.ValueType.I32], m.FuncTypeOf(0).Params);
    }

    private static Sharptime.Binary.ValueType ValueKindRef(HeapKind kind) => Sharptime.Binary.ValueType.Ref(kind, nullable: true);

    [Theory]
    [InlineData(0x05)]
    [InlineData(0x80)]
    public void Unknown_import_kind_is_malformed(byte kind) =>
        Malformed(Module(Section(2, Vec(Concat(Name("a"), Name("b"), B(kind, 0x00))))), "malformed import kind");

    [Fact]
    public void Unknown_export_kind_is_malformed() =>
        Malformed(Module(Section(7, Vec(Concat(Name("a"), B(0x05, 0x00))))), "malformed export kind");

    [Fact]
    public void Names_must_be_utf8()
    {
        Malformed(Module(Section(2, Vec(Concat(B(0x01, 0x80), Name("b"), B(0x00, 0x00))))), "malformed UTF-8 encoding");
        Malformed(Module(Section(7, Vec(Concat(B(0x02, 0xC0, 0xAF), B(0x00, 0x00))))), "malformed UTF-8 encoding");
        Malformed(Module(Section(0, B(0x01, 0xFF))), "malformed UTF-8 encoding");
    }

    [Fact]
    public void Custom_section_name_longer_than_the_section_is_an_unexpected_end() =>
        Malformed(Module(B(0x00, 0x00, 0x05, 0x01, 0x00, 0x07, 0x00, 0x00)), "unexpected end");

    [Fact]
    public void Global_mutability_must_be_0_or_1()
    {
        Malformed(Module(Section(6, Vec(B(0x7F, 0x02, 0x41, 0x00, 0x0B)))), "malformed mutability");
        Malformed(Module(Section(2, Vec(Concat(Name("a"), Name("b"), B(0x03, 0x7F, 0xFF))))), "malformed mutability");
    }

    [Fact]
    public void Constant_expression_without_end_runs_into_the_end_of_the_module() =>
        Malformed(Module(Section(6, Vec(B(0x7F, 0x00, 0x41, 0x00)))), "unexpected end of section or function");

    [Fact]
    public void Tag_attribute_must_be_zero() =>
        Malformed(Module(Section(13, Vec(B(0x01, 0x00)))), "zero byte expected");

    [Fact]
    public void Decoder_never_throws_anything_but_malformed_on_mutated_modules()
    {
        byte[] seed = Module(
            Section(1, Vec(B(0x60, 0x01, 0x7F, 0x01, 0x7F), B(0x4E, 0x02, 0x50, 0x00, 0x5F, 0x01, 0x78, 0x01, 0x4F, 0x01, 0x01, 0x5E, 0x7F, 0x00))),
            Section(2, Vec(Concat(Name("m"), Name("t"), B(0x01, 0x70, 0x05, 0x00, 0x10)))),
            Section(3, Vec(B(0x00))),
            Section(5, Vec(B(0x03, 0x01, 0x02))),
            Section(6, Vec(B(0x7F, 0x01, 0x41, 0x2A, 0x0B))),
            Section(9, Vec(B(0x06, 0x00, 0x41, 0x00, 0x0B, 0x70, 0x01, 0xD2, 0x00, 0x0B))),
            Section(12, B(0x01)),
            Section(10, Vec(Body(B(0x01, 0x02, 0x7E), 0x02, 0x40, 0x20, 0x00, 0x04, 0x7F, 0x41, 0x01, 0x05, 0x41, 0x02, 0x0B, 0x0E, 0x01, 0x00, 0x00, 0x0B,
                0x20, 0x00, 0x28, 0x02, 0x04, 0x1F, 0x40, 0x01, 0x02, 0x00, 0x0B, 0xFC, 0x09, 0x00, 0x0B))),
            Section(11, Vec(B(0x00, 0x41, 0x00, 0x0B, 0x02, 0x01, 0x02))),
            Section(0, Name("name"), B(0x01, 0x04, 0x01, 0x00, 0x01, 0x66)));
        Decode(seed);
        var random = new Random(12345);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] bytes = (byte[])seed.Clone();
            int mutations = 1 + random.Next(3);
            for (int k = 0; k < mutations; k++)
            {
                int at = 8 + random.Next(bytes.Length - 8);
                bytes[at] = random.Next(3) switch { 0 => (byte)random.Next(256), 1 => 0xFF, _ => (byte)(bytes[at] ^ (1 << random.Next(8))) };
            }
            if (random.Next(4) == 0) bytes = bytes[..random.Next(bytes.Length)];
            try
            {
                Decode(bytes);
            }
            catch (MalformedModuleException)
            {
                // Expected for most mutations.
            }
        }
    }
}
