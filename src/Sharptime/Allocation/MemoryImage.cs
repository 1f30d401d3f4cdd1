using Sharptime.Binary;

namespace Sharptime.Allocation;

/// <summary>
/// The active data segments of memory 0 laid out once per module: the bytes of the page-aligned range
/// <c>[Offset, Offset + Length)</c> as memory holds them after instantiation. With copy-on-write
/// (<see cref="Config.MemoryInitCow"/>, Linux) the bytes live in a memfd that each new instance maps
/// privately over its memory (<c>mmap(MAP_PRIVATE | MAP_FIXED)</c>): pages are shared until an
/// instance writes one, and <c>madvise(MADV_DONTNEED)</c> on the range restores the image. Elsewhere,
/// or when mapping fails, the segments are copied as usual.
/// </summary>
internal sealed unsafe class MemoryImage
{
    private readonly byte[] _bytes;
    private int _fd = -1;
    private int _fdState;

    private MemoryImage(ulong offset, byte[] bytes)
    {
        Offset = offset;
        _bytes = bytes;
    }

    /// <summary>The first byte of memory the image covers (page-aligned).</summary>
    public ulong Offset { get; }

    /// <summary>The bytes the image covers (a whole number of pages).</summary>
    public ulong Length => (ulong)_bytes.Length;

    /// <summary>
    /// The image of <paramref name="module"/>'s memory 0, or null when its data is empty or so sparse
    /// that an image would be more than twice its size plus 1 MiB (then copying is cheaper).
    /// </summary>
    public static MemoryImage? Create(WasmModule module, ulong?[] offsets)
    {
        ulong start = ulong.MaxValue, end = 0, total = 0;
        for (int i = 0; i < module.Data.Length; i++)
        {
            Data d = module.Data[i];
            if (d.Mode != SegmentMode.Active || d.Bytes.Length == 0) continue;
            ulong o = offsets[i]!.Value;
            start = Math.Min(start, o);
            end = Math.Max(end, o + (ulong)d.Bytes.Length);
            total += (ulong)d.Bytes.Length;
        }
        if (end == 0) return null;
        start = Mmap.RoundDown(start);
        end = Mmap.RoundUp(end);
        if (end - start > 2 * total + (1 << 20) || end - start > int.MaxValue) return null;
        var bytes = new byte[end - start];
        for (int i = 0; i < module.Data.Length; i++)
        {
            Data d = module.Data[i];
            if (d.Mode != SegmentMode.Active || d.Bytes.Length == 0) continue;
            d.Bytes.Span.CopyTo(bytes.AsSpan((int)(offsets[i]!.Value - start)));
        }
        return new MemoryImage(start, bytes);
    }

    /// <summary>
    /// Maps the image privately over <c>[Offset, Offset + Length)</c> of the memory at
    /// <paramref name="memoryBase"/>, which must be mapped read-write there. False when copy-on-write
    /// is unavailable (then the caller copies).
    /// </summary>
    public bool TryMap(byte* memoryBase)
    {
        int fd = Fd();
        if (fd < 0) return false;
        void* p = Mmap.mmap(memoryBase + Offset, (nuint)Length, Mmap.ProtReadWrite, Mmap.MapPrivate | Mmap.MapFixed, fd, 0);
        return p != (void*)-1;
    }

    /// <summary>Copies the image's bytes of <c>[from, to)</c> (memory addresses inside the image's range) into the memory at <paramref name="memoryBase"/>.</summary>
    public void CopyTo(byte* memoryBase, ulong from, ulong to) =>
        _bytes.AsSpan((int)(from - Offset), (int)(to - from)).CopyTo(new Span<byte>(memoryBase + from, (int)(to - from)));

    /// <summary>The memfd holding the image, made on first use; -1 when it cannot be made.</summary>
    private int Fd()
    {
        if (Volatile.Read(ref _fdState) != 0) return _fd;
        lock (this)
        {
            if (_fdState != 0) return _fd;
            _fd = Mmap.Supported ? CreateFd(_bytes) : -1;
            Volatile.Write(ref _fdState, 1);
            return _fd;
        }
    }

    private static int CreateFd(byte[] bytes)
    {
        int fd;
        try
        {
            fd = Mmap.memfd_create("sharptime-memory-image", 1 /* MFD_CLOEXEC */);
        }
        catch (EntryPointNotFoundException)
        {
            return -1;
        }
        if (fd < 0) return -1;
        if (Mmap.ftruncate(fd, bytes.Length) != 0) return Fail(fd);
        fixed (byte* p = bytes)
        {
            // Pages of zeros stay holes: the file reads as zero there and holds no memory.
            for (long page = 0; page < bytes.Length; page += (long)Mmap.Page)
            {
                if (!bytes.AsSpan((int)page, (int)Mmap.Page).ContainsAnyExcept((byte)0)) continue;
                if (Mmap.pwrite(fd, p + page, (nuint)Mmap.Page, page) != (nint)Mmap.Page) return Fail(fd);
            }
        }
        return fd;
    }

    private static int Fail(int fd)
    {
        Mmap.close(fd);
        return -1;
    }

    /// <summary>Closes the memfd; mappings made from it stay valid.</summary>
    ~MemoryImage()
    {
        if (_fd >= 0) Mmap.close(_fd);
    }
}
