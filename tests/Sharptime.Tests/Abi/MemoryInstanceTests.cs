using System.Runtime.InteropServices;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Tests.Abi;

/// <summary>The unreserved on-demand memory (src/Sharptime/Allocation/OnDemandAllocator.cs), reached directly by switching reservation off.</summary>
public sealed unsafe partial class MemoryInstanceTests
{
    private const ulong GiB = 1UL << 30;

    [Fact]
    public void Unreserved_memory_grows_without_committing_the_new_pages()
    {
        if (!OperatingSystem.IsLinux()) return; // mincore, which counts resident pages, is Linux's.
        using var memory = Unreserved(new MemoryType(new Limits(1, null), Is64: false, Shared: false));
        memory.Base[100] = 42;
        // 2 GiB in 256 steps, the way a guest grows its heap.
        for (int i = 0; i < 256; i++) Assert.Equal(1 + 128 * i, memory.Grow(128));
        Assert.Equal(2 * GiB + 65536, memory.Length);
        Assert.Equal(32769UL, memory.Pages);
        // Grown and never touched: (almost) nothing of it is resident. Committing it all took 2.1 GB of RAM.
        Assert.InRange(ResidentPages(memory.Base, memory.Length), 0UL, 1024UL);
        Assert.Equal(42, memory.Base[100]);
        Assert.Equal(0, memory.Base[memory.Length - 1]);
        Assert.Equal(0, memory.Base[GiB]);
        memory.Base[memory.Length - 1] = 7;
        Assert.Equal(32769, memory.Grow(1));
        Assert.Equal(7, memory.Base[memory.Length - 65537]);
        Assert.Equal(0, memory.Base[memory.Length - 1]);
    }

    [Fact]
    public void Unreserved_memory_stops_at_its_maximum()
    {
        using var memory = Unreserved(new MemoryType(new Limits(0, 3), Is64: false, Shared: false));
        Assert.Equal(0, memory.Grow(2));
        Assert.Equal(-1, memory.Grow(2));
        Assert.Equal(2, memory.Grow(1));
        Assert.Equal(3UL << 16, memory.Length);
        memory.Base[memory.Length - 1] = 1;
    }

    private static MemoryInstance Unreserved(MemoryType type) =>
        new Sharptime.Allocation.OnDemandAllocator(copyOnWrite: false) { Reserve = false }.AllocateMemory(null!, type, 4 * GiB, null, null, out _);

    private static ulong ResidentPages(byte* start, ulong length)
    {
        const ulong Page = 4096;
        var vector = new byte[(length + Page - 1) / Page];
        fixed (byte* v = vector)
        {
            Assert.Equal(0, mincore(start, (nuint)length, v));
        }
        ulong resident = 0;
        foreach (byte b in vector) resident += (ulong)(b & 1);
        return resident;
    }

    [LibraryImport("libc")]
    private static partial int mincore(void* address, nuint length, byte* vector);
}
