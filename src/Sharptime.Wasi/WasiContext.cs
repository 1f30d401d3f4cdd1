using System.Runtime.InteropServices;
using System.Text;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

/// <summary>
/// The state of one WASI guest: its descriptor table (standard streams, pre-opened directories and
/// sockets, and everything it opens), arguments and environment, and its exit status. One per
/// guest: it lives in the guest's store (<see cref="Store{T}"/> data, found by the functions
/// <see cref="WasiLinkerExtensions.AddWasi{T}"/> defines). Disposing it closes every host descriptor it holds.
/// </summary>
public sealed partial class WasiContext : IDisposable
{
    private readonly List<FdEntry?> _fds = [];
    private readonly byte[][] _args;
    private readonly byte[][] _env;
    private bool _disposed;

    /// <summary>Creates the state of one guest: opens the pre-opened directories, takes the streams and sockets.</summary>
    /// <param name="config">What the guest gets.</param>
    /// <exception cref="PlatformNotSupportedException">The host is not Linux x86-64, or its kernel refuses openat2 (needed by the sandbox).</exception>
    /// <exception cref="DirectoryNotFoundException">A pre-opened directory cannot be opened.</exception>
    public WasiContext(WasiConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        CheckPlatform();
        Config = config;
        _args = Encode(config.Args);
        var env = new string[config.Env.Length];
        for (int i = 0; i < env.Length; i++) env[i] = $"{config.Env[i].Key}={config.Env[i].Value}";
        _env = Encode(env);
        try
        {
            _fds.Add(new StreamFd(config.InheritStdin ? Console.OpenStandardInput() : config.Stdin, readable: true, owns: config.InheritStdin));
            _fds.Add(new StreamFd(config.InheritStdout ? Console.OpenStandardOutput() : config.Stdout, readable: false, owns: config.InheritStdout));
            _fds.Add(new StreamFd(config.InheritStderr ? Console.OpenStandardError() : config.Stderr, readable: false, owns: config.InheritStderr));
            foreach (WasiPreopenedDirectory d in config.PreopenedDirectories) _fds.Add(OpenPreopen(d));
            foreach (System.Net.Sockets.Socket s in config.PreopenedSockets) _fds.Add(new SocketFd(s, owns: false));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The sandbox needs Linux x86-64 (openat2, and the syscall numbers it uses).</summary>
    internal static void CheckPlatform()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"Sharptime.Wasi is not supported on this OS ({RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}): its sandbox needs Linux x86-64 (openat2)");
        }
    }

    /// <summary>The configuration it was created from.</summary>
    public WasiConfig Config { get; }

    /// <summary>
    /// Serializes the WASI calls of threads whose stores share this context (wasi-threads): a call that blocks
    /// (poll_oneoff sleeping, a read from a terminal) holds back the others until it returns.
    /// </summary>
    internal Lock CallLock { get; } = new();

    /// <summary>The exit status once the guest called <c>proc_exit</c>, or null.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>Closes every host descriptor the guest holds (pre-opened directories, opened files).</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (FdEntry? e in _fds) e?.Dispose();
        _fds.Clear();
    }

    private static unsafe HostFd OpenPreopen(WasiPreopenedDirectory d)
    {
        string full = Path.GetFullPath(d.HostPath);
        byte[] path = NulTerminated(full);
        int fd;
        fixed (byte* p = path) fd = LibC.OpenAt(AtFdCwd, p, LibC.O_RDONLY | LibC.O_DIRECTORY | LibC.O_CLOEXEC, 0);
        if (fd < 0)
        {
            int e = LibC.Errno;
            throw new DirectoryNotFoundException($"cannot pre-open directory {full} for the guest as {d.GuestPath}: {Marshal.GetPInvokeErrorMessage(e)}");
        }
        ProbeOpenAt2(fd, full);
        bool ro = d.Access == WasiDirectoryAccess.ReadOnly;
        Rights dir = ro ? ReadOnlyDirectoryRights : Rights.Directory;
        Rights inheriting = ro ? ReadOnlyDirectoryRights | (Rights.RegularFile & ~WriteRights) : Rights.Directory | Rights.RegularFile;
        return new HostFd(fd, Filetype.Directory, dir, inheriting, ro) { PreopenName = d.GuestPath };
    }

    /// <summary>
    /// The sandbox needs openat2 (Linux 5.6+); a container's seccomp filter may also refuse it.
    /// Without it no guest path could be resolved safely, so say so at set-up.
    /// </summary>
    private static unsafe void ProbeOpenAt2(int dirfd, string hostPath)
    {
        byte* dot = stackalloc byte[] { (byte)'.', 0 };
        var how = new LibC.OpenHow { Flags = (ulong)(LibC.O_PATH | LibC.O_DIRECTORY | LibC.O_CLOEXEC), Resolve = LibC.RESOLVE_BENEATH };
        int probe = LibC.OpenAt2(dirfd, dot, ref how);
        if (probe >= 0)
        {
            LibC.Close(probe);
            return;
        }
        int e = LibC.Errno;
        LibC.Close(dirfd);
        throw new PlatformNotSupportedException(
            $"Sharptime.Wasi cannot sandbox {hostPath}: openat2 failed ({Marshal.GetPInvokeErrorMessage(e)}); it needs Linux 5.6 or later without a seccomp filter that blocks openat2");
    }

    /// <summary>AT_FDCWD: only used for the host's own pre-open paths, never for a guest path.</summary>
    private const int AtFdCwd = -100;

    /// <summary>The rights that change the file system or a file.</summary>
    internal const Rights WriteRights = Rights.FdWrite | Rights.FdAllocate | Rights.FdFilestatSetSize | Rights.FdFilestatSetTimes
        | Rights.FdDatasync | Rights.FdSync | Rights.PathCreateDirectory | Rights.PathCreateFile | Rights.PathLinkSource | Rights.PathLinkTarget
        | Rights.PathRenameSource | Rights.PathRenameTarget | Rights.PathFilestatSetSize | Rights.PathFilestatSetTimes
        | Rights.PathSymlink | Rights.PathRemoveDirectory | Rights.PathUnlinkFile;

    private const Rights ReadOnlyDirectoryRights = Rights.Directory & ~WriteRights;

    internal static byte[] NulTerminated(string s)
    {
        int n = Encoding.UTF8.GetByteCount(s);
        var b = new byte[n + 1];
        Encoding.UTF8.GetBytes(s, b);
        return b;
    }

    private static byte[][] Encode(IReadOnlyList<string> strings)
    {
        var r = new byte[strings.Count][];
        for (int i = 0; i < r.Length; i++) r[i] = NulTerminated(strings[i]);
        return r;
    }

    /// <summary>The entry of guest descriptor <paramref name="fd"/>, or EBADF.</summary>
    internal FdEntry Get(uint fd)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (fd >= (uint)_fds.Count || _fds[(int)fd] is not FdEntry e) throw new WasiErrnoException(Errno.Badf);
        return e;
    }

    internal T Get<T>(uint fd, Errno otherwise) where T : FdEntry => Get(fd) as T ?? throw new WasiErrnoException(otherwise);

    /// <summary>Puts <paramref name="entry"/> in the lowest free slot.</summary>
    internal uint Add(FdEntry entry)
    {
        for (int i = 3; i < _fds.Count; i++)
        {
            if (_fds[i] is null)
            {
                _fds[i] = entry;
                return (uint)i;
            }
        }
        _fds.Add(entry);
        return (uint)(_fds.Count - 1);
    }

    internal FdEntry? Remove(uint fd)
    {
        FdEntry e = Get(fd);
        _fds[(int)fd] = null;
        return e;
    }
}
