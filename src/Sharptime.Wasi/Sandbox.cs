using System.Text;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

/// <summary>
/// Resolves guest paths beneath a directory descriptor so that nothing outside it is reachable
/// (docs/rationale/0005-wasi-sandbox.md). Every directory walk is done by the kernel with
/// openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS): "..", absolute paths and symlinks that leave
/// the directory fail with EXDEV (reported as ENOTCAPABLE), and because the kernel checks during the
/// walk, a directory swapped for a symlink between two calls cannot lead outside either. Operations
/// on a name then use the *at() calls on the resolved parent's descriptor, with the final component
/// never followed by the kernel: when the guest asks to follow it, <see cref="Resolve"/> reads the
/// link itself and resolves the target beneath the same root again.
/// </summary>
internal static unsafe class Sandbox
{
    private const int MaxSymlinks = 40;

    /// <summary>The parent directory of a guest path (an owned descriptor) and its last component.</summary>
    internal sealed class Resolved : IDisposable
    {
        public Resolved(int parent, string name, bool trailingSlash)
        {
            Parent = parent;
            Name = name;
            TrailingSlash = trailingSlash;
            NameZ = WasiContext.NulTerminated(name);
            NameWithSlashZ = trailingSlash ? WasiContext.NulTerminated(name + "/") : NameZ;
        }

        public int Parent { get; private set; }

        /// <summary>The last component, without trailing slashes; never "..", never contains '/'.</summary>
        public string Name { get; }

        public bool TrailingSlash { get; }

        /// <summary>The NUL-terminated name, for lookups that must not follow it.</summary>
        public byte[] NameZ { get; }

        /// <summary>The NUL-terminated name with the guest's trailing slash, for create/remove calls.</summary>
        public byte[] NameWithSlashZ { get; }

        public void Dispose()
        {
            if (Parent >= 0) LibC.Close(Parent);
            Parent = -1;
        }
    }

    /// <summary>Checks a guest path for what the kernel cannot: NUL bytes and absolute paths.</summary>
    private static void Check(string path)
    {
        if (path.Length == 0) throw new WasiErrnoException(Errno.NoEnt);
        if (path.Contains('\0', StringComparison.Ordinal)) throw new WasiErrnoException(Errno.Ilseq);
        if (path[0] == '/') throw new WasiErrnoException(Errno.NotCapable);
    }

    /// <summary>
    /// Resolves <paramref name="path"/> beneath <paramref name="root"/> to (parent, name). With
    /// <paramref name="followFinal"/>, a symlink in the last position is followed (beneath the same
    /// root); the returned name is then not a symlink (unless it was swapped since, which the
    /// callers' AT_SYMLINK_NOFOLLOW makes harmless).
    /// </summary>
    public static Resolved Resolve(HostFd root, string path, bool followFinal)
    {
        Check(path);
        for (int hops = 0; ; hops++)
        {
            Resolved r = Split(root, path);
            if (!followFinal || r.Name == ".") return r;
            string? target = TryReadLink(r.Parent, r.NameZ);
            if (target is null) return r;
            r.Dispose();
            if (hops >= MaxSymlinks) throw new WasiErrnoException(Errno.Loop);
            if (target.Length == 0) throw new WasiErrnoException(Errno.NoEnt);
            if (target[0] == '/') throw new WasiErrnoException(Errno.NotCapable);
            string trimmed = path.TrimEnd('/');
            int slash = trimmed.LastIndexOf('/');
            string dir = slash < 0 ? "" : trimmed[..(slash + 1)];
            path = dir + target + (r.TrailingSlash ? "/" : "");
        }
    }

    private static Resolved Split(HostFd root, string path)
    {
        string trimmed = path.TrimEnd('/');
        bool trailing = trimmed.Length != path.Length;
        if (trimmed.Length == 0) throw new WasiErrnoException(Errno.NotCapable);
        int slash = trimmed.LastIndexOf('/');
        string parent = slash < 0 ? "." : trimmed[..slash];
        string name = trimmed[(slash + 1)..];
        if (name is "." or "..")
        {
            // "a/.." names a directory, never an entry of one: resolve all of it as the parent so the
            // caller works on "." inside the sandbox instead of on ".." (which could be outside it).
            return new Resolved(OpenBeneath(root, trimmed, LibC.O_PATH | LibC.O_DIRECTORY), ".", trailing);
        }
        return new Resolved(OpenBeneath(root, parent, LibC.O_PATH | LibC.O_DIRECTORY), name, trailing);
    }

    /// <summary>openat2 beneath <paramref name="root"/>; the descriptor is the caller's to close.</summary>
    public static int OpenBeneath(HostFd root, string path, int flags, uint mode = 0)
    {
        Check(path);
        byte[] p = WasiContext.NulTerminated(path);
        var how = new LibC.OpenHow
        {
            Flags = (ulong)(uint)(flags | LibC.O_CLOEXEC),
            Mode = (flags & LibC.O_CREAT) != 0 ? mode : 0,
            Resolve = LibC.RESOLVE_BENEATH | LibC.RESOLVE_NO_MAGICLINKS,
        };
        int fd;
        fixed (byte* b = p) fd = LibC.OpenAt2(root.Fd, b, ref how);
        if (fd < 0) throw new WasiErrnoException(ErrnoMapping.FromLinux(LibC.Errno));
        return fd;
    }

    /// <summary>The target of the symlink (parent, name), or null when it is not a symlink.</summary>
    public static string? TryReadLink(int parent, byte[] nameZ)
    {
        byte[] buffer = new byte[4096];
        nint n;
        fixed (byte* name = nameZ)
        fixed (byte* b = buffer)
        {
            n = LibC.ReadlinkAt(parent, name, b, (nuint)buffer.Length);
        }
        if (n < 0)
        {
            int e = LibC.Errno;
            // EINVAL: not a symlink; ENOENT: nothing there (the operation reports it itself).
            if (e is LibC.EINVAL or 2 or LibC.ENOTDIR) return null;
            throw new WasiErrnoException(ErrnoMapping.FromLinux(e));
        }
        return Encoding.UTF8.GetString(buffer, 0, (int)n);
    }
}
