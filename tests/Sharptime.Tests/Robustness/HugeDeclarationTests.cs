namespace Sharptime.Tests.Robustness;

/// <summary>
/// A module that declares more than it contains (2^32 functions, a 4 GiB data segment, 2^32 locals)
/// must fail with the documented exception, without allocating what it declares.
/// </summary>
public sealed class HugeDeclarationTests
{
    private const long AllocationBudget = 4 << 20;

    private static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    public static TheoryData<string, byte[]> Cases => new()
    {
        // Section 1 (types): a count of 2^32-1 with no types following.
        { "2^32-1 types", WithSection(0x01, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Section 3 (functions): 2^32-1 function declarations.
        { "2^32-1 functions", WithSection(0x03, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Section 2 (imports): 2^32-1 imports.
        { "2^32-1 imports", WithSection(0x02, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Section 11 (data): one passive segment claiming 4 GiB of bytes.
        { "4 GiB data segment", WithSection(0x0B, [0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Section 0 (custom): a name of 2^32-1 bytes.
        { "4 GiB custom section name", WithSection(0x00, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) },
        // Type () -> (), one function, and a body declaring 2^32-1 i32 locals.
        {
            "2^32-1 locals",
            [.. Header, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                0x0A, 0x0A, 0x01, 0x08, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x7F, 0x0B]
        },
        // A br_table claiming 2^32-1 targets.
        {
            "2^32-1 br_table targets",
            [.. Header, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00,
                0x0A, 0x0C, 0x01, 0x0A, 0x00, 0x41, 0x00, 0x0E, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B]
        },
        // Element segment 0 (active, funcref, function indices) claiming 2^32-1 entries.
        {
            "2^32-1 element entries",
            [.. Header, 0x09, 0x0A, 0x01, 0x00, 0x41, 0x00, 0x0B, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Huge_declarations_fail_without_allocating_them(string what, byte[] module)
    {
        var engine = new Engine(Config.Default with { Features = WasmFeatures.All });
        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Record.Exception(() => Module.FromBytes(engine, module));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(error is MalformedModuleException or InvalidModuleException,
            $"{what}: expected a malformed or invalid module, got {error?.GetType().Name ?? "success"}: {error?.Message}");
        Assert.True(allocated < AllocationBudget, $"{what}: allocated {allocated} bytes");
    }

    [Fact]
    public void Deeply_nested_blocks_do_not_overflow_the_stack()
    {
        const int depth = 200_000;
        var body = new List<byte> { 0x00 }; // no locals
        for (int i = 0; i < depth; i++) body.AddRange([0x02, 0x40]); // block (empty)
        for (int i = 0; i < depth; i++) body.Add(0x0B);
        body.Add(0x0B);
        byte[] code = [0x01, .. Leb(body.Count), .. body];
        byte[] module = [.. Header, 0x01, 0x04, 0x01, 0x60, 0x00, 0x00, 0x03, 0x02, 0x01, 0x00, 0x0A, .. Leb(code.Length), .. code];

        Module.FromBytes(new Engine(), module);
    }

    private static byte[] WithSection(byte sectionId, byte[] contents) =>
        [.. Header, sectionId, .. Leb(contents.Length), .. contents];

    private static byte[] Leb(int value)
    {
        var bytes = new List<byte>();
        uint v = (uint)value;
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            if (v != 0) b |= 0x80;
            bytes.Add(b);
        }
        while (v != 0);
        return [.. bytes];
    }
}
