using System.Text;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    internal Errno FdClose(uint fd)
    {
        FdEntry? e = Remove(fd);
        e?.Dispose();
        return Errno.Success;
    }

    internal Errno FdRenumber(uint from, uint to)
    {
        FdEntry e = Get(from);
        FdEntry old = Get(to);
        if (from == to) return Errno.Success;
        _fds[(int)from] = null;
        _fds[(int)to] = e;
        old.Dispose();
        return Errno.Success;
    }

    internal Errno FdPrestatGet(GuestMemory m, uint fd, uint buf)
    {
        FdEntry e = Get(fd);
        if (e.PreopenName is not string name) return Errno.Badf;
        m.WriteU32(buf, 0);
        m.WriteU32(buf + 4, (uint)Encoding.UTF8.GetByteCount(name));
        return Errno.Success;
    }

    internal Errno FdPrestatDirName(GuestMemory m, uint fd, uint path, uint pathLen)
    {
        FdEntry e = Get(fd);
        if (e.PreopenName is not string name) return Errno.Badf;
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        if (pathLen < bytes.Length) return Errno.NameTooLong;
        bytes.CopyTo(m.Span(path, (uint)bytes.Length));
        return Errno.Success;
    }

    internal Errno FdFdstatGet(GuestMemory m, uint fd, uint buf)
    {
        FdEntry e = Get(fd);
        Span<byte> b = m.Span(buf, 24);
        b.Clear();
        b[0] = (byte)e.Type;
        FdFlags flags = e.Flags;
        if (e is HostFd h && !h.IsDirectory)
        {
            int fl = LibC.FCntl(h.Fd, LibC.F_GETFL, 0);
            if (fl >= 0)
            {
                flags &= ~(FdFlags.Append | FdFlags.Nonblock);
                if ((fl & LibC.O_APPEND) != 0) flags |= FdFlags.Append;
                if ((fl & LibC.O_NONBLOCK) != 0) flags |= FdFlags.Nonblock;
            }
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(b[2..], (ushort)flags);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b[8..], (ulong)e.RightsBase);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(b[16..], (ulong)e.RightsInheriting);
        return Errno.Success;
    }

    internal Errno FdFdstatSetFlags(uint fd, ushort raw)
    {
        FdEntry e = Get(fd);
        var flags = (FdFlags)raw;
        if ((flags & ~(FdFlags.Append | FdFlags.Dsync | FdFlags.Nonblock | FdFlags.Rsync | FdFlags.Sync)) != 0) return Errno.Inval;
        if (e is HostFd h)
        {
            if ((flags & (FdFlags.Dsync | FdFlags.Rsync | FdFlags.Sync)) != 0) return Errno.NotSup;
            if (h.ReadOnly && (flags & FdFlags.Append) != 0) return Errno.Perm;
            int fl = LibC.FCntl(h.Fd, LibC.F_GETFL, 0);
            if (fl < 0) return ErrnoMapping.FromLinux(LibC.Errno);
            fl &= ~(LibC.O_APPEND | LibC.O_NONBLOCK);
            if ((flags & FdFlags.Append) != 0) fl |= LibC.O_APPEND;
            if ((flags & FdFlags.Nonblock) != 0) fl |= LibC.O_NONBLOCK;
            if (LibC.FCntl(h.Fd, LibC.F_SETFL, fl) < 0) return ErrnoMapping.FromLinux(LibC.Errno);
        }
        else if (e is SocketFd s)
        {
            s.Socket.Blocking = (flags & FdFlags.Nonblock) == 0;
        }
        e.Flags = flags;
        return Errno.Success;
    }

    internal Errno FdFdstatSetRights(uint fd, ulong rightsBase, ulong rightsInheriting)
    {
        FdEntry e = Get(fd);
        var b = (Rights)rightsBase;
        var i = (Rights)rightsInheriting;
        // Rights can only be dropped, never gained back.
        if ((b & ~e.RightsBase) != 0 || (i & ~e.RightsInheriting) != 0) return Errno.NotCapable;
        e.RightsBase = b;
        e.RightsInheriting = i;
        return Errno.Success;
    }

    internal Errno FdFilestatGet(GuestMemory m, uint fd, uint buf)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdFilestatGet);
        FileStat stat = e is HostFd h ? FileStat.Of(h.Fd) : new FileStat(0, 0, e.Type, 1, 0, 0, 0, 0);
        stat.Write(m, buf);
        return Errno.Success;
    }

    internal Errno FdFilestatSetSize(uint fd, ulong size)
    {
        HostFd h = Get<HostFd>(fd, Errno.Inval);
        h.Require(Rights.FdFilestatSetSize);
        if (h.ReadOnly) return Errno.Perm;
        if (h.IsDirectory) return Errno.IsDir;
        if (size > long.MaxValue) return Errno.Fbig;
        return LibC.FTruncate(h.Fd, (long)size) < 0 ? ErrnoMapping.FromLinux(LibC.Errno) : Errno.Success;
    }

    internal unsafe Errno FdFilestatSetTimes(uint fd, ulong atim, ulong mtim, ushort fstFlags)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdFilestatSetTimes);
        LibC.Timespec* times = stackalloc LibC.Timespec[2];
        Errno bad = Times(atim, mtim, fstFlags, times);
        if (bad != Errno.Success) return bad;
        if (e is not HostFd h) return Errno.Success;
        if (h.ReadOnly) return Errno.Perm;
        // Guest descriptors are never O_PATH, so futimens works for files and directories alike.
        return LibC.FUtimens(h.Fd, times) < 0 ? ErrnoMapping.FromLinux(LibC.Errno) : Errno.Success;
    }

    /// <summary>Converts (atim, mtim, fstflags) to utimensat's two timespecs; EINVAL for contradictory flags.</summary>
    internal static unsafe Errno Times(ulong atim, ulong mtim, ushort raw, LibC.Timespec* times)
    {
        var f = (FstFlags)raw;
        if ((f & ~(FstFlags.Atim | FstFlags.AtimNow | FstFlags.Mtim | FstFlags.MtimNow)) != 0) return Errno.Inval;
        if ((f & (FstFlags.Atim | FstFlags.AtimNow)) == (FstFlags.Atim | FstFlags.AtimNow)) return Errno.Inval;
        if ((f & (FstFlags.Mtim | FstFlags.MtimNow)) == (FstFlags.Mtim | FstFlags.MtimNow)) return Errno.Inval;
        times[0] = Timespec(atim, (f & FstFlags.Atim) != 0, (f & FstFlags.AtimNow) != 0);
        times[1] = Timespec(mtim, (f & FstFlags.Mtim) != 0, (f & FstFlags.MtimNow) != 0);
        return Errno.Success;

        static LibC.Timespec Timespec(ulong ns, bool set, bool now) => now
            ? new LibC.Timespec { Sec = 0, Nsec = LibC.UTIME_NOW }
            : set ? new LibC.Timespec { Sec = (long)(ns / 1_000_000_000), Nsec = (long)(ns % 1_000_000_000) }
            : new LibC.Timespec { Sec = 0, Nsec = LibC.UTIME_OMIT };
    }

    internal Errno FdSeek(GuestMemory m, uint fd, long offset, byte whence, uint newOffset)
    {
        FdEntry e = Get(fd);
        if (e is StreamFd || e is SocketFd) return Errno.Spipe;
        var h = (HostFd)e;
        if (h.IsDirectory) return Errno.Badf;
        e.Require(whence == 1 && offset == 0 ? Rights.FdTell : Rights.FdSeek);
        if (whence > 2) return Errno.Inval;
        long r = LibC.LSeek(h.Fd, offset, whence);
        if (r < 0) return ErrnoMapping.FromLinux(LibC.Errno);
        m.WriteU64(newOffset, (ulong)r);
        return Errno.Success;
    }

    internal Errno FdTell(GuestMemory m, uint fd, uint offset) => FdSeek(m, fd, 0, 1, offset);

    internal Errno FdSync(uint fd, bool dataOnly)
    {
        FdEntry e = Get(fd);
        e.Require(dataOnly ? Rights.FdDatasync : Rights.FdSync);
        if (e is not HostFd h) return Errno.Inval;
        int r = dataOnly ? LibC.FDataSync(h.Fd) : LibC.FSync(h.Fd);
        return r < 0 ? ErrnoMapping.FromLinux(LibC.Errno) : Errno.Success;
    }

    internal Errno FdAdvise(uint fd, ulong offset, ulong len, byte advice)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdAdvise);
        if (advice > 5) return Errno.Inval;
        if (e is not HostFd h) return Errno.Spipe;
        if (h.IsDirectory) return Errno.Badf;
        if (offset > long.MaxValue || len > long.MaxValue) return Errno.Inval;
        // WASI: normal, sequential, random, willneed, dontneed, noreuse; Linux swaps sequential and random.
        int linux = advice switch { 1 => 2, 2 => 1, _ => advice };
        int r = LibC.PosixFAdvise(h.Fd, (long)offset, (long)len, linux);
        return r != 0 ? ErrnoMapping.FromLinux(r) : Errno.Success;
    }

    internal Errno FdAllocate(uint fd, ulong offset, ulong len)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdAllocate);
        if (e is not HostFd h) return Errno.Spipe;
        if (h.IsDirectory) return Errno.Badf;
        if (h.ReadOnly) return Errno.Perm;
        if (offset > long.MaxValue || len > long.MaxValue || offset + len > long.MaxValue) return Errno.Fbig;
        if (len == 0) return Errno.Inval;
        int r = LibC.PosixFAllocate(h.Fd, (long)offset, (long)len);
        return r != 0 ? ErrnoMapping.FromLinux(r) : Errno.Success;
    }
}
