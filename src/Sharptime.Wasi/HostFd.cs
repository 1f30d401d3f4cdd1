using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

/// <summary>
/// A host file or directory, held as an OS descriptor. A directory descriptor is the root every
/// guest path given with it is resolved beneath (see <c>Sandbox</c>).
/// </summary>
internal sealed class HostFd : FdEntry
{
    private int _fd;

    public HostFd(int fd, Filetype type, Rights rightsBase, Rights rightsInheriting, bool readOnly)
        : base(type, rightsBase, rightsInheriting)
    {
        _fd = fd;
        ReadOnly = readOnly;
    }

    /// <summary>The OS descriptor.</summary>
    public int Fd => _fd >= 0 ? _fd : throw new WasiErrnoException(Errno.Badf);

    public bool IsDirectory => Type == Filetype.Directory;

    /// <summary>True when it lies in a read-only pre-open: every change is EPERM.</summary>
    public bool ReadOnly { get; }

    /// <summary>The entries of the last fd_readdir listing, indexed by cookie.</summary>
    public List<DirEntry>? Listing { get; set; }

    public override void Dispose()
    {
        int fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0) LibC.Close(fd);
    }
}

/// <summary>One directory entry as fd_readdir reports it.</summary>
internal readonly record struct DirEntry(ulong Inode, Filetype Type, byte[] Name);
