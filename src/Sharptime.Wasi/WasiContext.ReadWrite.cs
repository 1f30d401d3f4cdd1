using System.Net.Sockets;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    internal Errno FdWrite(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nwritten) =>
        Transfer(m, fd, iovs, iovsLen, nwritten, offset: null, write: true);

    internal Errno FdPwrite(GuestMemory m, uint fd, uint iovs, uint iovsLen, ulong offset, uint nwritten) =>
        TransferAt(m, fd, iovs, iovsLen, offset, nwritten, write: true);

    internal Errno FdRead(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nread) =>
        Transfer(m, fd, iovs, iovsLen, nread, offset: null, write: false);

    internal Errno FdPread(GuestMemory m, uint fd, uint iovs, uint iovsLen, ulong offset, uint nread) =>
        TransferAt(m, fd, iovs, iovsLen, offset, nread, write: false);

    /// <summary>pread/pwrite: only files have positions.</summary>
    private Errno TransferAt(GuestMemory m, uint fd, uint iovs, uint iovsLen, ulong offset, uint count, bool write)
    {
        FdEntry e = Get(fd);
        if (e is not HostFd) return e is SocketFd || e is StreamFd ? Errno.Spipe : Errno.Badf;
        e.Require(Rights.FdSeek);
        if (offset > long.MaxValue) return Errno.Inval;
        return Transfer(m, fd, iovs, iovsLen, count, (long)offset, write);
    }

    /// <summary>
    /// Reads into or writes from the guest's buffers in order, stopping at the first short transfer. An
    /// error after some bytes moved reports those bytes (as POSIX readv/writev do); an error before any
    /// is the call's errno. The count goes to <paramref name="count"/>.
    /// </summary>
    private unsafe Errno Transfer(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint count, long? offset, bool write)
    {
        FdEntry e = Get(fd);
        e.Require(write ? Rights.FdWrite : Rights.FdRead);
        (uint Pointer, uint Length)[] vecs = m.Iovecs(iovs, iovsLen);
        if (e is HostFd { IsDirectory: true }) return Errno.IsDir;
        if (e is not (StreamFd or SocketFd or HostFd)) return Errno.Badf;
        ulong total = 0;
        long position = offset ?? 0;
        foreach ((uint p, uint l) in vecs)
        {
            if (l == 0) continue;
            Span<byte> buffer = m.Span(p, l);
            long n;
            Errno error = Errno.Success;
            switch (e)
            {
                case StreamFd s when write:
                    s.Write(buffer);
                    n = l;
                    break;
                case StreamFd s:
                    n = s.Read(buffer);
                    break;
                case SocketFd k:
                    n = write ? k.Socket.Send(buffer, SocketFlags.None, out SocketError socketError)
                        : k.Socket.Receive(buffer, SocketFlags.None, out socketError);
                    if (socketError != SocketError.Success) error = ErrnoMapping.FromSocket(socketError);
                    break;
                default:
                    int handle = ((HostFd)e).Fd;
                    fixed (byte* b = buffer)
                    {
                        n = (write, offset is null) switch
                        {
                            (true, true) => LibC.Write(handle, b, l),
                            (true, false) => LibC.PWrite(handle, b, l, position),
                            (false, true) => LibC.Read(handle, b, l),
                            (false, false) => LibC.PRead(handle, b, l, position),
                        };
                    }
                    if (n < 0) error = ErrnoMapping.FromLinux(LibC.Errno);
                    break;
            }
            if (error != Errno.Success)
            {
                if (total > 0) break;
                return error;
            }
            total += (ulong)n;
            position += n;
            if ((ulong)n < l) break;
        }
        m.WriteU32(count, (uint)total);
        return Errno.Success;
    }
}
