using System.Buffers.Binary;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    private const int DirentHeader = 24;

    internal Errno FdReaddir(GuestMemory m, uint fd, uint buf, uint bufLen, ulong cookie, uint bufUsed)
    {
        FdEntry e = Get(fd);
        if (e is not HostFd h) return Errno.NotDir;
        h.Require(Rights.FdReaddir);
        if (!h.IsDirectory) return Errno.NotDir;
        // Cookie 0 starts a new listing (rewinddir); later cookies index the listing read then.
        if (cookie == 0 || h.Listing is null) h.Listing = List(h.Fd);
        List<DirEntry> list = h.Listing;
        Span<byte> output = m.Span(buf, bufLen);
        int used = 0;
        Span<byte> header = stackalloc byte[DirentHeader];
        for (ulong i = cookie; i < (ulong)list.Count && used < output.Length; i++)
        {
            DirEntry d = list[(int)i];
            header.Clear();
            BinaryPrimitives.WriteUInt64LittleEndian(header, i + 1);
            BinaryPrimitives.WriteUInt64LittleEndian(header[8..], d.Inode);
            BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)d.Name.Length);
            header[20] = (byte)d.Type;
            // The last entry may be cut: a full buffer tells the guest to ask again from its cookie.
            int n = Math.Min(DirentHeader, output.Length - used);
            header[..n].CopyTo(output[used..]);
            used += n;
            n = Math.Min(d.Name.Length, output.Length - used);
            d.Name.AsSpan(0, n).CopyTo(output[used..]);
            used += n;
        }
        m.WriteU32(bufUsed, (uint)used);
        return Errno.Success;
    }

    private static unsafe List<DirEntry> List(int dirfd)
    {
        var list = new List<DirEntry>();
        if (LibC.LSeek(dirfd, 0, 0) < 0) throw new WasiErrnoException(ErrnoMapping.FromLinux(LibC.Errno));
        byte[] buffer = new byte[32768];
        while (true)
        {
            nint n;
            fixed (byte* b = buffer) n = LibC.GetDents64(dirfd, b, (nuint)buffer.Length);
            if (n < 0) throw new WasiErrnoException(ErrnoMapping.FromLinux(LibC.Errno));
            if (n == 0) break;
            for (int off = 0; off < n;)
            {
                ReadOnlySpan<byte> rec = buffer.AsSpan(off);
                ulong ino = BinaryPrimitives.ReadUInt64LittleEndian(rec);
                ushort reclen = BinaryPrimitives.ReadUInt16LittleEndian(rec[16..]);
                byte dtype = rec[18];
                ReadOnlySpan<byte> name = rec[19..reclen];
                int nul = name.IndexOf((byte)0);
                if (nul >= 0) name = name[..nul];
                byte[] nameBytes = name.ToArray();
                Filetype type = dtype switch
                {
                    1 => Filetype.Unknown, 2 => Filetype.CharacterDevice, 4 => Filetype.Directory, 6 => Filetype.BlockDevice,
                    8 => Filetype.RegularFile, 10 => Filetype.SymbolicLink, 12 => Filetype.SocketStream,
                    _ => StatType(dirfd, nameBytes),
                };
                list.Add(new DirEntry(ino, type, nameBytes));
                off += reclen;
            }
        }
        return list;
    }

    private static Filetype StatType(int dirfd, byte[] name)
    {
        byte[] z = new byte[name.Length + 1];
        name.CopyTo(z, 0);
        try
        {
            return FileStat.Of(dirfd, z).Type;
        }
        catch (WasiErrnoException)
        {
            return Filetype.Unknown;
        }
    }
}
