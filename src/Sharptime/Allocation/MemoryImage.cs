using Sharptime.Binary;

namespace Sharptime.Allocation;

/// <summary>
/// The active data segments of memory 0 laid out once per module: the bytes of the page-aligned range
/// <c>[Offset, Offset + Length)</c> as memory holds them after instantiation. With copy-on-write
/// (<see cref="Config.MemoryInitCow"/>, Linux) each new instance maps the image privately over its
/// memory (<c>mmap(MAP_PRIVATE | MAP_FIXED)</c>): pages are shared until an instance writes one, and
/// <c>madvise(MADV_DONTNEED)</c> on the range restores the image. The mapping comes straight from the
/// artifact file when the module was loaded from one that holds the image
/// (<see cref="Artifacts.ArtifactFormat.AppendMemoryImage"/>), else from a memfd the image's bytes are
/// written into once. Elsewhere, or when mapping fails, the segments are copied as usual.
/// </summary>
internal sealed unsafe class MemoryImage
{
    private readonly WasmModule _module;
    private readonly ulong?[] _offsets;
    private readonly Artifacts.ArtifactImage? _file;
    private byte[]? _bytes;
    private Microsoft.Win32.SafeHandles.SafeFileHandle? _fileHandle;
    private int _fd = -1;
    private int _fdState;

    private MemoryImage(WasmModule module, ulong?[] offsets, ulong offset, ulong length, Artifacts.ArtifactImage? file)
    {
        _module = module;
        _offsets = offsets;
        Offset = offset;
        Length = length;
        _file = file;
    }

    /// <summary>The first byte of memory the image covers (page-aligned).</summary>
    public ulong Offset { get; }

    /// <summary>The bytes the image covers (a whole number of pages).</summary>
    public ulong Length { get; }

    /// <summary>Whether instances map the image from the artifact file (rather than from a memfd).</summary>
    public bool MapsFile => _file is not null;

    /// <summary>
    /// The image of <paramref name="module"/>'s memory 0, or null when its data is empty or so sparse
    /// that an image would be more than twice its size plus 1 MiB (then copying is cheaper).
    /// <paramref name="file"/>, the image an artifact file holds, is used when it covers the same range.
    /// </summary>
    public static MemoryImage? Create(WasmModule module, ulong?[] offsets, Artifacts.ArtifactImage? file = null)
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
        bool fits = file is not null && file.MemoryOffset == start && file.Length == end - start;
        return new MemoryImage(module, offsets, start, end - start, fits ? file : null);
    }

    /// <summary>The image's bytes, laid out from the data segments on first use.</summary>
    public byte[] Bytes
    {
        get
        {
            if (Volatile.Read(ref _bytes) is byte[] bytes) return bytes;
            bytes = new byte[Length];
            for (int i = 0; i < _module.Data.Length; i++)
            {
                Data d = _module.Data[i];
                if (d.Mode != SegmentMode.Active || d.Bytes.Length == 0) continue;
                d.Bytes.Span.CopyTo(bytes.AsSpan((int)(_offsets[i]!.Value - Offset)));
            }
            // A race lays the bytes out twice, alike.
            Volatile.Write(ref _bytes, bytes);
            return bytes;
        }
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
        void* p = Mmap.mmap(memoryBase + Offset, (nuint)Length, Mmap.ProtReadWrite, Mmap.MapPrivate | Mmap.MapFixed, fd, _file is null ? 0 : (nint)_file.FileOffset);
        return p != (void*)-1;
    }

    /// <summary>Copies the image's bytes of <c>[from, to)</c> (memory addresses inside the image's range) into the memory at <paramref name="memoryBase"/>.</summary>
    public void CopyTo(byte* memoryBase, ulong from, ulong to) =>
        Bytes.AsSpan((int)(from - Offset), (int)(to - from)).CopyTo(new Span<byte>(memoryBase + from, (int)(to - from)));

    /// <summary>The file descriptor to map: the artifact file, or a memfd made on first use; -1 when there is none.</summary>
    private int Fd()
    {
        if (Volatile.Read(ref _fdState) != 0) return _fd;
        lock (this)
        {
            if (_fdState != 0) return _fd;
            if (!Mmap.Supported) _fd = -1;
            else if (_file is null) _fd = CreateFd(Bytes);
            else _fd = OpenFile(_file.Path, out _fileHandle);
            Volatile.Write(ref _fdState, 1);
            return _fd;
        }
    }

    /// <summary>
    /// Opens the artifact file for mapping; -1 when it cannot be opened (then a memfd serves). The
    /// file must not be rewritten in place while the module is in use (private mappings show later
    /// writes to pages no instance wrote): `sharptime compile` and the compile cache rename new files into place.
    /// </summary>
    private static int OpenFile(string path, out Microsoft.Win32.SafeHandles.SafeFileHandle? handle)
    {
        try
        {
            handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            return (int)handle.DangerousGetHandle();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle = null;
            return -1;
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

    /// <summary>Closes the memfd (the artifact file's handle closes itself); mappings made from them stay valid.</summary>
    ~MemoryImage()
    {
        if (_fd >= 0 && _fileHandle is null) Mmap.close(_fd);
    }
}
