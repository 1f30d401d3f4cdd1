using System.Runtime.InteropServices;
using Sharptime.Abi;

namespace Sharptime.Allocation;

/// <summary>
/// The default allocator: every memory gets its own mappings when it is created and gives them back
/// when its store is disposed. On 64-bit Linux the address space for the maximum size is reserved up
/// front and pages are committed as the memory grows, so the base never moves. When the reservation
/// fails (huge limits, or the kernel's limit on mappings reached) a memory is one read-write mapping
/// of its current size with MAP_NORESERVE that grows with mremap: untouched pages cost no RAM and
/// the base can move. Elsewhere (or when even that mapping fails) the memory lives in the native
/// heap and growing reallocates. Tables are managed arrays.
/// </summary>
internal sealed unsafe class OnDemandAllocator(bool copyOnWrite) : IInstanceAllocator
{
    /// <summary>An allocator for memories the host creates (never copy-on-write: they have no image).</summary>
    public static OnDemandAllocator Host { get; } = new(copyOnWrite: false);

    /// <summary>Tests switch reservation off to reach the fallbacks.</summary>
    internal bool Reserve { get; init; } = true;

    public MemoryInstance AllocateMemory(Store owner, Binary.MemoryType type, ulong maxBytesLimit, object? affinity, MemoryImage? image, out bool initialized)
    {
        initialized = false;
        var memory = new MemoryInstance(type, maxBytesLimit, this) { Owner = owner };
        ulong bytes = type.Limits.Min << type.PageSizeLog2;
        if (Reserve && Mmap.Supported && TryReserve(memory.MaxBytes, bytes, out byte* reserved, out ulong size))
        {
            memory.Base = reserved;
            memory.Reserved = size;
            initialized = copyOnWrite && image is not null && image.TryMap(reserved);
        }
        else if (type.Shared)
        {
            // Other threads read a shared memory's base without synchronization: it must never move.
            throw new WasmException($"cannot reserve {memory.MaxBytes} bytes of address space for a shared memory{MemoryInstance.MappingLimitHint()}: "
                + "a shared memory is reserved at its maximum size up front (64-bit Linux only); lower its maximum or Config.MaxMemoryBytes");
        }
        else if (Mmap.Supported && TryMap(bytes, out byte* mapped, out ulong mappedSize))
        {
            memory.Base = mapped;
            memory.Mapped = mappedSize;
        }
        else
        {
            try
            {
                memory.Base = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
            }
            catch (OutOfMemoryException e)
            {
                throw new WasmException($"cannot allocate a memory of {bytes} bytes{MemoryInstance.MappingLimitHint()}", e);
            }
        }
        memory.Length = bytes;
        return memory;
    }

    public bool GrowMemory(MemoryInstance memory, ulong newBytes)
    {
        if (memory.Reserved != 0)
        {
            // Fresh pages of an anonymous mapping read as zero: committing them is all there is to do.
            return newBytes <= memory.Reserved && Mmap.Commit(memory.Base, memory.Length, newBytes);
        }
        if (memory.Mapped != 0)
        {
            // The kernel moves the pages (no copy) and maps the new ones lazily, zero-filled.
            ulong size = Math.Max(Mmap.RoundUp(newBytes), Mmap.Page);
            if (size > memory.Mapped)
            {
                void* moved = Mmap.mremap(memory.Base, (nuint)memory.Mapped, (nuint)size, Mmap.MremapMayMove);
                if (moved == (void*)-1) return false;
                memory.Base = (byte*)moved;
                memory.Mapped = size;
            }
            return true;
        }
        byte* grown;
        try
        {
            grown = (byte*)NativeMemory.Realloc(memory.Base, (nuint)newBytes);
        }
        catch (OutOfMemoryException)
        {
            // memory.grow reports failure with -1; the old memory is still valid.
            return false;
        }
        NativeMemory.Clear(grown + memory.Length, (nuint)(newBytes - memory.Length));
        memory.Base = grown;
        return true;
    }

    public void ReleaseMemory(MemoryInstance memory, bool reusable)
    {
        byte* b = memory.Base;
        if (b == null) return;
        memory.Base = null;
        memory.Length = 0;
        if (memory.Reserved != 0) _ = Mmap.munmap(b, (nuint)memory.Reserved);
        else if (memory.Mapped != 0) _ = Mmap.munmap(b, (nuint)memory.Mapped);
        else NativeMemory.Free(b);
    }

    public TableInstance AllocateTable(Store owner, Binary.TableType type, object? init) => new(type, init, owner);

    public void ReleaseTable(TableInstance table) { }

    // Nothing is kept for reuse: every store and instance gets new objects.
    public bool ReusesContexts => false;

    public VmStoreContext? TakeStoreContext() => null;

    public void ReleaseStoreContext(VmStoreContext context) { }

    public VmContext? TakeInstanceContext(Runtime.InstanceLayout layout) => null;

    public void ReleaseInstanceContext(VmContext context, Runtime.InstanceLayout layout) { }

    private static bool TryReserve(ulong maxBytes, ulong initialBytes, out byte* address, out ulong size)
    {
        address = null;
        size = Math.Max(Mmap.RoundUp(maxBytes), Mmap.Page);
        try
        {
            void* p = Mmap.mmap(null, (nuint)size, Mmap.ProtNone, Mmap.MapPrivate | Mmap.MapAnonymous | Mmap.MapNoReserve, -1, 0);
            if (p == (void*)-1 || p == null) return false;
            if (!Mmap.Commit((byte*)p, 0, initialBytes))
            {
                _ = Mmap.munmap(p, (nuint)size);
                return false;
            }
            address = (byte*)p;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The fallback on Linux: one read-write mapping of the current size, never touched here, so
    /// the kernel provides zero pages on first access and grown-but-unused memory costs no RAM.
    /// </summary>
    private static bool TryMap(ulong bytes, out byte* address, out ulong size)
    {
        address = null;
        size = Math.Max(Mmap.RoundUp(bytes), Mmap.Page);
        try
        {
            void* p = Mmap.mmap(null, (nuint)size, Mmap.ProtReadWrite, Mmap.MapPrivate | Mmap.MapAnonymous | Mmap.MapNoReserve, -1, 0);
            if (p == (void*)-1 || p == null) return false;
            address = (byte*)p;
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
