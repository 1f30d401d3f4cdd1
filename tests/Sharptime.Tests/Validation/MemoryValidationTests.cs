using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

public sealed class MemoryValidationTests
{
    private static TestModule WithMemory(byte[] code, bool is64 = false, bool shared = false)
    {
        var m = TestModule.WithBody(code);
        m.Memory(1, shared ? 2 : null, is64, shared);
        return m;
    }

    [Fact]
    public void Loads_need_a_memory()
    {
        TestModule.WithBody([0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B]).Invalid("unknown memory");
        WithMemory([0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B]).Validate();
    }

    [Fact]
    public void Alignment_must_not_exceed_natural()
    {
        // i32.load align=8
        WithMemory([0x41, 0x00, 0x28, 0x03, 0x00, 0x1A, 0x0B]).Invalid("alignment must not be larger than natural");
        // i32.load8_u align=2
        WithMemory([0x41, 0x00, 0x2D, 0x01, 0x00, 0x1A, 0x0B]).Invalid("alignment must not be larger than natural");
        // v128.load align=16 is natural
        WithMemory([0x41, 0x00, 0xFD, 0x00, 0x04, 0x00, 0x1A, 0x0B]).Validate();
        // v128.load8x8_s align=16 is too large (natural 8)
        WithMemory([0x41, 0x00, 0xFD, 0x01, 0x04, 0x00, 0x1A, 0x0B]).Invalid("alignment must not be larger than natural");
    }

    [Fact]
    public void Atomic_alignment_must_equal_natural()
    {
        // i32.atomic.load align=4
        WithMemory([0x41, 0x00, 0xFE, 0x10, 0x02, 0x00, 0x1A, 0x0B], shared: true).Validate();
        // i32.atomic.load align=2
        WithMemory([0x41, 0x00, 0xFE, 0x10, 0x01, 0x00, 0x1A, 0x0B], shared: true).Invalid("atomic alignment must be natural");
    }

    [Fact]
    public void Memory64_addresses_are_i64()
    {
        WithMemory([0x42, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B], is64: true).Validate();
        WithMemory([0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B], is64: true).Invalid("type mismatch");
        // memory.size returns the address type
        WithMemory([0x3F, 0x00, 0x1A, 0x0B], is64: true).Validate();
        TestModule.WithBody([], [ValueType.I32], [0x3F, 0x00, 0x0B]).Invalid("unknown memory");
    }

    [Fact]
    public void Offsets_of_32_bit_memories_fit_32_bits()
    {
        // i32.load offset=2^32
        WithMemory([0x41, 0x00, 0x28, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1A, 0x0B]).Invalid("offset out of range");
        WithMemory([0x42, 0x00, 0x28, 0x02, 0x80, 0x80, 0x80, 0x80, 0x10, 0x1A, 0x0B], is64: true).Validate();
    }

    [Fact]
    public void Lane_indices_are_checked()
    {
        byte[] v128 = [0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        // i32x4.extract_lane 3 / 4
        TestModule.WithBody([.. v128, 0xFD, 0x1B, 0x03, 0x1A, 0x0B]).Validate();
        TestModule.WithBody([.. v128, 0xFD, 0x1B, 0x04, 0x1A, 0x0B]).Invalid("invalid lane index");
        // i8x16.shuffle with a lane of 32
        byte[] shuffle = [.. v128, .. v128, 0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 32, 0x1A, 0x0B];
        TestModule.WithBody(shuffle).Invalid("invalid lane index");
        // v128.load64_lane 2
        WithMemory([0x41, 0x00, .. v128, 0xFD, 0x57, 0x03, 0x00, 0x02, 0x1A, 0x0B]).Invalid("invalid lane index");
    }

    [Fact]
    public void Simd_needs_the_proposal()
    {
        byte[] v128 = [0xFD, 0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
        TestModule.WithBody([.. v128, 0x1A, 0x0B]).Invalid("proposal not enabled: v128.const requires the Simd proposal", WasmFeatures.None);
        TestModule.WithBody([0x0B], new Sharptime.Binary.LocalRun(1, ValueType.V128)).Invalid("proposal not enabled", WasmFeatures.None);
    }

    [Fact]
    public void Bulk_memory_segments()
    {
        // memory.init 0 without a data count section is malformed
        var m = WithMemory([0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0x00, 0x00, 0x0B]);
        m.PassiveData();
        Assert.Throws<MalformedModuleException>(() => m.Validate());
        m.DataCount = 1;
        m.Validate();
        // data.drop 1 with one segment
        var d = TestModule.WithBody([0xFC, 0x09, 0x01, 0x0B]);
        d.PassiveData();
        d.DataCount = 1;
        d.Invalid("unknown data segment");
        // elem.drop 0 without segments
        TestModule.WithBody([0xFC, 0x0D, 0x00, 0x0B]).Invalid("unknown elem segment");
    }
}
