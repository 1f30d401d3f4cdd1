using System.Buffers.Binary;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

/// <summary>A WASI <c>filestat</c>, read with statx(2) and written in the guest's 64-byte layout.</summary>
internal readonly record struct FileStat(ulong Dev, ulong Ino, Filetype Type, ulong Nlink, ulong Size, ulong Atim, ulong Mtim, ulong Ctim)
{
    private const uint StatxBasicStats = 0x7FF;

    public const uint Size64 = 64;

    /// <summary>statx of the entry <c>nameZ</c> under <paramref name="dirfd"/>, never following a final symlink; or of the descriptor itself when name is empty.</summary>
    public static unsafe FileStat Of(int dirfd, byte[] nameZ)
    {
        byte* buffer = stackalloc byte[256];
        int r;
        int flags = LibC.AT_SYMLINK_NOFOLLOW | (nameZ.Length <= 1 ? LibC.AT_EMPTY_PATH : 0);
        fixed (byte* name = nameZ) r = LibC.StatX(dirfd, name, flags, StatxBasicStats, buffer);
        if (r < 0) throw new WasiErrnoException(ErrnoMapping.FromLinux(LibC.Errno));
        var s = new ReadOnlySpan<byte>(buffer, 256);
        uint mode = BinaryPrimitives.ReadUInt16LittleEndian(s[28..]);
        uint major = BinaryPrimitives.ReadUInt32LittleEndian(s[136..]);
        uint minor = BinaryPrimitives.ReadUInt32LittleEndian(s[140..]);
        ulong dev = ((ulong)(major & 0xFFFFF000) << 32) | ((ulong)(major & 0xFFF) << 8) | ((ulong)(minor & 0xFFFFFF00) << 12) | (minor & 0xFF);
        return new FileStat(
            dev,
            BinaryPrimitives.ReadUInt64LittleEndian(s[32..]),
            TypeOfMode(mode),
            BinaryPrimitives.ReadUInt32LittleEndian(s[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(s[40..]),
            Time(s[64..]),
            Time(s[112..]),
            Time(s[96..]));
    }

    /// <summary>statx of an open descriptor.</summary>
    public static FileStat Of(int fd) => Of(fd, [0]);

    private static ulong Time(ReadOnlySpan<byte> ts)
    {
        long sec = BinaryPrimitives.ReadInt64LittleEndian(ts);
        uint nsec = BinaryPrimitives.ReadUInt32LittleEndian(ts[8..]);
        return sec < 0 ? 0 : (ulong)sec * 1_000_000_000UL + nsec;
    }

    public static Filetype TypeOfMode(uint mode) => (mode & LibC.S_IFMT) switch
    {
        LibC.S_IFREG => Filetype.RegularFile,
        LibC.S_IFDIR => Filetype.Directory,
        LibC.S_IFLNK => Filetype.SymbolicLink,
        LibC.S_IFCHR => Filetype.CharacterDevice,
        LibC.S_IFBLK => Filetype.BlockDevice,
        LibC.S_IFSOCK => Filetype.SocketStream,
        _ => Filetype.Unknown,
    };

    public void Write(GuestMemory m, uint address)
    {
        Span<byte> b = m.Span(address, Size64);
        b.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(b, Dev);
        BinaryPrimitives.WriteUInt64LittleEndian(b[8..], Ino);
        b[16] = (byte)Type;
        BinaryPrimitives.WriteUInt64LittleEndian(b[24..], Nlink);
        BinaryPrimitives.WriteUInt64LittleEndian(b[32..], Size);
        BinaryPrimitives.WriteUInt64LittleEndian(b[40..], Atim);
        BinaryPrimitives.WriteUInt64LittleEndian(b[48..], Mtim);
        BinaryPrimitives.WriteUInt64LittleEndian(b[56..], Ctim);
    }
}
