using Sharptime.Binary;
using static Sharptime.Tests.Binary.Wasm;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Binary;

public sealed class CodeSectionTests
{
    [Fact]
    public void Locals_are_kept_as_runs_and_the_code_range_covers_the_final_end()
    {
        byte[] locals = B(0x02, 0x03, 0x7F, 0x80, 0x01, 0x7E);
        WasmModule m = Decode(OneFunction(Body(locals, 0x41, 0x01, 0x1A, 0x0B)));
        FunctionBody body = m.Code[0];
        Assert.Equal([new LocalRun(3, ValueType.I32), new LocalRun(128, ValueType.I64)], body.Locals);
        Assert.Equal(131u, body.LocalCount);
        Assert.Equal(4, body.CodeLength);
        Assert.Equal([0x41, 0x01, 0x1A, 0x0B], m.Bytes.Slice(body.CodeOffset, body.CodeLength).ToArray());
    }

    [Fact]
    public void Too_many_locals()
    {
        // The spec's limit (2^32 in total) and Sharptime's (50,000).
        Malformed(OneFunction(Body(B(0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x02, 0x7E), 0x0B)), "too many locals");
        Malformed(OneFunction(Body(Concat(B(0x01), U32(CodeSection.MaxLocals + 1), B(0x7F)), 0x0B)), "too many locals");
        Assert.Equal(CodeSection.MaxLocals, Decode(OneFunction(Body(Concat(B(0x01), U32(CodeSection.MaxLocals), B(0x7F)), 0x0B))).Code[0].LocalCount);
    }

    [Fact]
    public void Huge_local_runs_allocate_nothing_per_local()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        Malformed(OneFunction(Body(B(0x04, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7F, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7E, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7D, 0x80, 0x80, 0x80, 0x80, 0x04, 0x7C), 0x0B)), "too many locals");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 100_000);
    }

    [Fact]
    public void Nested_blocks_decode()
    {
        // block (loop (if (else) end) end) try_table end, br_table, end
        WasmModule m = Decode(OneFunction(Body(
            0x02, 0x40, 0x03, 0x40, 0x41, 0x00, 0x04, 0x40, 0x05, 0x0B, 0x0B, 0x0B,
            0x1F, 0x40, 0x01, 0x02, 0x00, 0x0B,
            0x41, 0x00, 0x0E, 0x02, 0x00, 0x00, 0x00,
            0x0B)));
        Assert.Single(m.Code);
    }

    [Fact]
    public void Legacy_exception_blocks_decode()
    {
        byte[] module = Module(
            Section(1, Vec(B(0x60, 0x00, 0x00))),
            Section(3, Vec(B(0x00))),
            Section(13, Vec(B(0x00, 0x00))),
            Section(10, Vec(Body(
                0x06, 0x40, 0x07, 0x00, 0x07, 0x00, 0x19, 0x0B,   // try catch 0 catch 0 catch_all end
                0x06, 0x40, 0x06, 0x40, 0x18, 0x00, 0x0B,         // try (try delegate 0) end
                0x06, 0x40, 0x19, 0x09, 0x00, 0x0B,               // try catch_all rethrow 0 end
                0x0B))));
        Assert.Single(Decode(module).Code);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x0B })]                         // else in the function
    [InlineData(new byte[] { 0x02, 0x40, 0x05, 0x0B, 0x0B })]       // else in a block
    [InlineData(new byte[] { 0x41, 0x00, 0x04, 0x40, 0x05, 0x05, 0x0B, 0x0B })] // two elses
    [InlineData(new byte[] { 0x07, 0x00, 0x0B })]                   // catch outside try
    [InlineData(new byte[] { 0x19, 0x0B })]                         // catch_all outside try
    [InlineData(new byte[] { 0x06, 0x40, 0x19, 0x07, 0x00, 0x0B, 0x0B })] // catch after catch_all
    [InlineData(new byte[] { 0x06, 0x40, 0x07, 0x00, 0x18, 0x00, 0x0B })] // delegate after catch
    [InlineData(new byte[] { 0x02, 0x40, 0x18, 0x00, 0x0B })]       // delegate in a block
    public void Misplaced_block_instructions_are_malformed(byte[] code) =>
        Malformed(OneFunction(Body(code)), "END opcode expected");

    [Fact]
    public void Missing_end_reads_into_what_follows()
    {
        // Like the reference interpreter, the body is read from the module's stream.
        byte[] noEnd = Body(0x41, 0x01, 0x1A);
        Malformed(OneFunction(noEnd), "unexpected end of section or function");
        Malformed(OneFunction(noEnd, Section(11, Vec())), "section size mismatch");
        Malformed(Module(
            Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00), B(0x00))),
            Section(10, Vec(noEnd, Body(0x41, 0x01, 0x1A, 0x0B)))), "END opcode expected");
    }

    [Fact]
    public void Bytes_after_the_final_end_are_a_size_mismatch() =>
        Malformed(OneFunction(Body(0x0B, 0x01)), "section size mismatch");

    [Theory]
    [InlineData(new byte[] { 0xFF, 0x0B }, "illegal opcode ff")]
    [InlineData(new byte[] { 0x27, 0x0B }, "illegal opcode 27")]
    [InlineData(new byte[] { 0xFC, 0x7F, 0x0B }, "illegal opcode fc 7f")]
    [InlineData(new byte[] { 0xFD, 0xFF, 0x7F, 0x0B }, "illegal opcode fd 3fff")]
    public void Unknown_opcodes_are_illegal(byte[] code, string message) =>
        Malformed(OneFunction(Body(code)), message);

    [Fact]
    public void Prefixed_sub_opcodes_are_u32()
    {
        // i32.trunc_sat_f32_s with a padded sub-opcode.
        Decode(OneFunction(Body(0x43, 0x00, 0x00, 0x00, 0x00, 0xFC, 0x80, 0x80, 0x80, 0x80, 0x00, 0x1A, 0x0B)));
        Malformed(OneFunction(Body(0xFC, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B)), "integer representation too long");
    }

    [Fact]
    public void Memory_argument_flags()
    {
        byte[] memory = Section(5, Vec(B(0x00, 0x01), B(0x00, 0x01)));
        byte[] Load(params byte[] memarg) => Module(
            Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00))), memory,
            Section(10, Vec(Body(Concat(B(0x41, 0x00, 0x28), memarg, B(0x1A, 0x0B))))));
        Decode(Load(0x02, 0x00));
        Decode(Load(0x42, 0x01, 0x08));           // bit 6: memory index 1 follows
        Decode(Load(0x3F, 0x00));                 // alignment 2^63: the validator rejects it
        Malformed(Load(0x80, 0x01, 0x00), "malformed memop flags");
        Malformed(Load(0x80, 0x02, 0x00), "malformed memop flags");
    }

    [Fact]
    public void Gc_instructions_decode()
    {
        byte[] module = Module(
            Section(1, Vec(B(0x5F, 0x01, 0x7F, 0x01), B(0x60, 0x00, 0x00))),
            Section(3, Vec(B(0x01))),
            Section(10, Vec(Body(
                0x41, 0x01, 0xFB, 0x00, 0x00,                   // struct.new 0
                0xFB, 0x02, 0x00, 0x00,                         // struct.get 0 0
                0x1A,
                0xD0, 0x6E,                                     // ref.null any
                0x02, 0x63, 0x6E,                               // block (result anyref)
                0xFB, 0x18, 0x03, 0x00, 0x6E, 0x00,             // br_on_cast 0 any (ref null 0)
                0x0B, 0x1A,
                0x0B))));
        Assert.Single(Decode(module).Code);
        byte[] badFlags = Module(Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00))),
            Section(10, Vec(Body(0xD0, 0x6E, 0xFB, 0x18, 0x04, 0x00, 0x6E, 0x6E, 0x0B))));
        Malformed(badFlags, "malformed br_on_cast flags");
    }

    [Fact]
    public void Threads_and_wide_arithmetic_instructions_decode()
    {
        byte[] module = Module(
            Section(1, Vec(B(0x60, 0x00, 0x00))), Section(3, Vec(B(0x00))),
            Section(5, Vec(B(0x03, 0x01, 0x01))),
            Section(10, Vec(Body(
                0xFE, 0x03, 0x00,                               // atomic.fence
                0x41, 0x00, 0xFE, 0x10, 0x02, 0x00, 0x1A,       // i32.atomic.load
                0x42, 0x00, 0x42, 0x00, 0x42, 0x00, 0x42, 0x00, 0xFC, 0x13, 0x1A, 0x1A, // i64.add128
                0x0B))));
        Assert.True(Decode(module).Memories[0].Shared);
        Malformed(OneFunction(Body(0xFE, 0x03, 0x01, 0x0B)), "zero byte expected");
    }

    [Fact]
    public void Try_table_catch_clauses()
    {
        Decode(OneFunction(Body(0x1F, 0x40, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x02, 0x00, 0x03, 0x00, 0x0B, 0x0B)));
        Malformed(OneFunction(Body(0x1F, 0x40, 0x01, 0x04, 0x00, 0x0B, 0x0B)), "malformed catch clause");
    }

    [Fact]
    public void Deep_nesting_is_not_recursive()
    {
        const int depth = 100_000;
        var code = new List<byte>();
        for (int i = 0; i < depth; i++) code.AddRange([0x02, 0x40]);
        for (int i = 0; i <= depth; i++) code.Add(0x0B);
        Assert.Single(Decode(OneFunction(Body([.. code]))).Code);
    }
}
