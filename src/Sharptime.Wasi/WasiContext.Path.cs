using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    private const uint LookupSymlinkFollow = 1;

    /// <summary>The directory descriptor a path function starts from, with the right it needs.</summary>
    private HostFd Dir(uint fd, Rights needed, bool mutates)
    {
        FdEntry e = Get(fd);
        if (e is not HostFd { IsDirectory: true } h) throw new WasiErrnoException(Errno.NotDir);
        // A read-only pre-open lacks the rights too; EPERM says why more plainly than ENOTCAPABLE.
        if (mutates && h.ReadOnly) throw new WasiErrnoException(Errno.Perm);
        h.Require(needed);
        return h;
    }

    internal Errno PathOpen(GuestMemory m, uint fd, uint dirflags, uint pathPtr, uint pathLen, ushort oflagsRaw,
        ulong rightsBase, ulong rightsInheriting, ushort fdflagsRaw, uint openedFd)
    {
        var oflags = (OFlags)oflagsRaw;
        var fdflags = (FdFlags)fdflagsRaw;
        if ((oflags & ~(OFlags.Creat | OFlags.Directory | OFlags.Excl | OFlags.Trunc)) != 0) return Errno.Inval;
        if ((fdflags & ~(FdFlags.Append | FdFlags.Dsync | FdFlags.Nonblock | FdFlags.Rsync | FdFlags.Sync)) != 0) return Errno.Inval;
        if ((oflags & OFlags.Directory) != 0 && (oflags & OFlags.Trunc) != 0) return Errno.Inval;
        HostFd dir = Dir(fd, Rights.PathOpen, mutates: false);
        string path = m.String(pathPtr, pathLen);
        var requested = (Rights)rightsBase & dir.RightsInheriting;
        var inheriting = (Rights)rightsInheriting & dir.RightsInheriting;
        bool changes = (oflags & (OFlags.Creat | OFlags.Trunc)) != 0 || (fdflags & FdFlags.Append) != 0;
        if (dir.ReadOnly && changes) return Errno.Perm;
        if ((oflags & OFlags.Creat) != 0) dir.Require(Rights.PathCreateFile);
        if ((oflags & OFlags.Trunc) != 0) dir.Require(Rights.PathFilestatSetSize);

        bool read = (requested & (Rights.FdRead | Rights.FdReaddir)) != 0;
        bool write = changes || (requested & (Rights.FdWrite | Rights.FdDatasync | Rights.FdAllocate | Rights.FdFilestatSetSize)) != 0;
        if (dir.ReadOnly) write = false;
        // A directory cannot be opened for writing (POSIX EISDIR), whatever the open flags.
        if ((oflags & OFlags.Directory) != 0 && (requested & Rights.FdWrite) != 0) return Errno.IsDir;
        int flags = (oflags & OFlags.Directory) != 0 ? LibC.O_RDONLY | LibC.O_DIRECTORY
            : write ? (read ? LibC.O_RDWR : LibC.O_WRONLY) : LibC.O_RDONLY;
        if ((oflags & OFlags.Creat) != 0) flags |= LibC.O_CREAT;
        if ((oflags & OFlags.Excl) != 0) flags |= LibC.O_EXCL;
        if ((oflags & OFlags.Trunc) != 0) flags |= LibC.O_TRUNC;
        if ((dirflags & LookupSymlinkFollow) == 0) flags |= LibC.O_NOFOLLOW;
        if ((fdflags & FdFlags.Append) != 0) flags |= LibC.O_APPEND;
        if ((fdflags & FdFlags.Nonblock) != 0) flags |= LibC.O_NONBLOCK;
        if ((fdflags & FdFlags.Dsync) != 0) flags |= LibC.O_DSYNC;
        if ((fdflags & (FdFlags.Sync | FdFlags.Rsync)) != 0) flags |= LibC.O_SYNC;
        flags |= LibC.O_NOCTTY;

        int host;
        try
        {
            host = Sandbox.OpenBeneath(dir, path, flags, 0x1B6 /* 0666 */);
        }
        catch (WasiErrnoException e) when (e.Errno == Errno.IsDir && write && !changes && (requested & Rights.FdWrite) == 0 && (flags & LibC.O_DIRECTORY) == 0)
        {
            // The guest asked for write-like rights (sync, allocate, set size; not fd_write) on what
            // turned out to be a directory: open it for reading, keeping the rights a directory has.
            host = Sandbox.OpenBeneath(dir, path, (flags & ~(LibC.O_WRONLY | LibC.O_RDWR)) | LibC.O_DIRECTORY);
        }
        Filetype type;
        try
        {
            type = FileStat.Of(host).Type;
        }
        catch
        {
            LibC.Close(host);
            throw;
        }
        Rights kind = type == Filetype.Directory ? Rights.Directory : Rights.RegularFile;
        var entry = new HostFd(host, type, requested & kind, type == Filetype.Directory ? inheriting : Rights.None, dir.ReadOnly)
        {
            Flags = fdflags,
        };
        if (dir.ReadOnly) entry.RightsBase &= ~WriteRights;
        uint guest = Add(entry);
        try
        {
            m.WriteU32(openedFd, guest);
        }
        catch
        {
            FdClose(guest);
            throw;
        }
        return Errno.Success;
    }

    internal unsafe Errno PathCreateDirectory(GuestMemory m, uint fd, uint pathPtr, uint pathLen)
    {
        HostFd dir = Dir(fd, Rights.PathCreateDirectory, mutates: true);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, m.String(pathPtr, pathLen), followFinal: false);
        fixed (byte* name = r.NameWithSlashZ) return Check(LibC.MkdirAt(r.Parent, name, 0x1FF /* 0777 */));
    }

    internal unsafe Errno PathRemoveDirectory(GuestMemory m, uint fd, uint pathPtr, uint pathLen)
    {
        HostFd dir = Dir(fd, Rights.PathRemoveDirectory, mutates: true);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, m.String(pathPtr, pathLen), followFinal: false);
        fixed (byte* name = r.NameWithSlashZ) return Check(LibC.UnlinkAt(r.Parent, name, LibC.AT_REMOVEDIR));
    }

    internal unsafe Errno PathUnlinkFile(GuestMemory m, uint fd, uint pathPtr, uint pathLen)
    {
        HostFd dir = Dir(fd, Rights.PathUnlinkFile, mutates: true);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, m.String(pathPtr, pathLen), followFinal: false);
        if (r.Name == ".") return Errno.IsDir;
        fixed (byte* name = r.NameWithSlashZ) return Check(LibC.UnlinkAt(r.Parent, name, 0));
    }

    internal Errno PathFilestatGet(GuestMemory m, uint fd, uint flags, uint pathPtr, uint pathLen, uint buf)
    {
        HostFd dir = Dir(fd, Rights.PathFilestatGet, mutates: false);
        string path = m.String(pathPtr, pathLen);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, path, followFinal: (flags & LookupSymlinkFollow) != 0 || path.EndsWith('/'));
        FileStat stat = FileStat.Of(r.Parent, r.NameZ);
        if (r.TrailingSlash && stat.Type != Filetype.Directory) return Errno.NotDir;
        stat.Write(m, buf);
        return Errno.Success;
    }

    internal unsafe Errno PathFilestatSetTimes(GuestMemory m, uint fd, uint flags, uint pathPtr, uint pathLen, ulong atim, ulong mtim, ushort fst)
    {
        LibC.Timespec* times = stackalloc LibC.Timespec[2];
        Errno bad = Times(atim, mtim, fst, times);
        if (bad != Errno.Success) return bad;
        HostFd dir = Dir(fd, Rights.PathFilestatSetTimes, mutates: true);
        string path = m.String(pathPtr, pathLen);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, path, followFinal: (flags & LookupSymlinkFollow) != 0 || path.EndsWith('/'));
        if (r.TrailingSlash && FileStat.Of(r.Parent, r.NameZ).Type != Filetype.Directory) return Errno.NotDir;
        fixed (byte* name = r.NameZ) return Check(LibC.UtimensAt(r.Parent, name, times, LibC.AT_SYMLINK_NOFOLLOW));
    }

    internal unsafe Errno PathLink(GuestMemory m, uint oldFd, uint oldFlags, uint oldPtr, uint oldLen, uint newFd, uint newPtr, uint newLen)
    {
        HostFd oldDir = Dir(oldFd, Rights.PathLinkSource, mutates: true);
        HostFd newDir = Dir(newFd, Rights.PathLinkTarget, mutates: true);
        string oldPath = m.String(oldPtr, oldLen);
        string newPath = m.String(newPtr, newLen);
        using Sandbox.Resolved o = Sandbox.Resolve(oldDir, oldPath, followFinal: (oldFlags & LookupSymlinkFollow) != 0);
        using Sandbox.Resolved n = Sandbox.Resolve(newDir, newPath, followFinal: false);
        if (o.TrailingSlash)
        {
            // linkat would follow "name/" itself; links to directories are refused anyway.
            return FileStat.Of(o.Parent, o.NameZ).Type == Filetype.Directory ? Errno.Perm : Errno.NotDir;
        }
        fixed (byte* a = o.NameZ)
        fixed (byte* b = n.NameWithSlashZ)
        {
            return Check(LibC.LinkAt(o.Parent, a, n.Parent, b, 0));
        }
    }

    internal unsafe Errno PathReadlink(GuestMemory m, uint fd, uint pathPtr, uint pathLen, uint buf, uint bufLen, uint bufUsed)
    {
        HostFd dir = Dir(fd, Rights.PathReadlink, mutates: false);
        using Sandbox.Resolved r = Sandbox.Resolve(dir, m.String(pathPtr, pathLen), followFinal: false);
        if (r.TrailingSlash) return FileStat.Of(r.Parent, r.NameZ).Type == Filetype.SymbolicLink ? Errno.NotDir : Errno.Inval;
        byte[] target = new byte[4096];
        nint n;
        fixed (byte* name = r.NameZ)
        fixed (byte* t = target)
        {
            n = LibC.ReadlinkAt(r.Parent, name, t, (nuint)target.Length);
        }
        if (n < 0) return ErrnoMapping.FromLinux(LibC.Errno);
        int copy = (int)Math.Min((uint)n, bufLen);
        target.AsSpan(0, copy).CopyTo(m.Span(buf, (uint)copy));
        m.WriteU32(bufUsed, (uint)copy);
        return Errno.Success;
    }

    internal unsafe Errno PathRename(GuestMemory m, uint fd, uint oldPtr, uint oldLen, uint newFd, uint newPtr, uint newLen)
    {
        HostFd oldDir = Dir(fd, Rights.PathRenameSource, mutates: true);
        HostFd newDir = Dir(newFd, Rights.PathRenameTarget, mutates: true);
        using Sandbox.Resolved o = Sandbox.Resolve(oldDir, m.String(oldPtr, oldLen), followFinal: false);
        using Sandbox.Resolved n = Sandbox.Resolve(newDir, m.String(newPtr, newLen), followFinal: false);
        if (o.Name == "." || n.Name == ".") return Errno.Busy;
        fixed (byte* a = o.NameWithSlashZ)
        fixed (byte* b = n.NameWithSlashZ)
        {
            if (LibC.RenameAt(o.Parent, a, n.Parent, b) == 0) return Errno.Success;
            int e = LibC.Errno;
            return e == LibC.EXDEV ? Errno.Xdev : ErrnoMapping.FromLinux(e);
        }
    }

    internal unsafe Errno PathSymlink(GuestMemory m, uint oldPtr, uint oldLen, uint fd, uint newPtr, uint newLen)
    {
        string target = m.String(oldPtr, oldLen);
        HostFd dir = Dir(fd, Rights.PathSymlink, mutates: true);
        // An absolute target could never be followed inside the sandbox; refuse it where it is made.
        if (target.StartsWith('/')) return Errno.Perm;
        if (target.Contains('\0', StringComparison.Ordinal)) return Errno.Ilseq;
        using Sandbox.Resolved n = Sandbox.Resolve(dir, m.String(newPtr, newLen), followFinal: false);
        byte[] t = NulTerminated(target);
        fixed (byte* a = t)
        fixed (byte* b = n.NameWithSlashZ)
        {
            return Check(LibC.SymlinkAt(a, n.Parent, b));
        }
    }

    private static Errno Check(int result) => result < 0 ? ErrnoMapping.FromLinux(LibC.Errno) : Errno.Success;

}
