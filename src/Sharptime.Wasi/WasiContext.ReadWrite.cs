using System.Net.Sockets;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    internal Errno FdWrite(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nwritten) =>
        WriteCore(m, fd, iovs, iovsLen, nwritten, offset: null);

    internal Errno FdPwrite(GuestMemory m, uint fd, uint iovs, uint iovsLen, ulong offset, uint nwritten)
    {
        FdEntry e = Get(fd);
        if (e is not HostFd) return e is SocketFd || e is StreamFd ? Errno.Spipe : Errno.Badf;
        e.Require(Rights.FdSeek);
        if (offset > long.MaxValue) return Errno.Inval;
        return WriteCore(m, fd, iovs, iovsLen, nwritten, (long)offset);
    }

    internal Errno FdRead(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nread) =>
        ReadCore(m, fd, iovs, iovsLen, nread, offset: null);

    internal Errno FdPread(GuestMemory m, uint fd, uint iovs, uint iovsLen, ulong offset, uint nread)
    {
        FdEntry e = Get(fd);
        if (e is not HostFd) return e is SocketFd || e is StreamFd ? Errno.Spipe : Errno.Badf;
        e.Require(Rights.FdSeek);
        if (offset > long.MaxValue) return Errno.Inval;
        return ReadCore(m, fd, iovs, iovsLen, nread, (long)offset);
    }

    private unsafe Errno WriteCore(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nwritten, long? offset)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdWrite);
        (uint Pointer, uint Length)[] vecs = m.Iovecs(iovs, iovsLen);
        ulong total = 0;
        switch (e)
        {
            case StreamFd s:
                foreach ((uint p, uint l) in vecs) s.Write(m.Span(p, l));
                foreach ((uint _, uint l) in vecs) total += l;
                break;
            case SocketFd k:
                foreach ((uint p, uint l) in vecs)
                {
                    int sent = k.Socket.Send(m.Span(p, l), SocketFlags.None, out SocketError error);
                    if (error != SocketError.Success) return total > 0 ? Finish() : ErrnoMapping.FromSocket(error);
                    total += (uint)sent;
                    if (sent < l) break;
                }
                break;
            case HostFd h:
                if (h.IsDirectory) return Errno.IsDir;
                long position = offset ?? 0;
                foreach ((uint p, uint l) in vecs)
                {
                    if (l == 0) continue;
                    nint n;
                    fixed (byte* b = m.Span(p, l))
                    {
                        n = offset is null ? LibC.Write(h.Fd, b, l) : LibC.PWrite(h.Fd, b, l, position);
                    }
                    if (n < 0)
                    {
                        int err = LibC.Errno;
                        if (total > 0) break;
                        return ErrnoMapping.FromLinux(err);
                    }
                    total += (ulong)n;
                    position += n;
                    if ((ulong)n < l) break;
                }
                break;
            default:
                return Errno.Badf;
        }
        return Finish();

        Errno Finish()
        {
            m.WriteU32(nwritten, (uint)total);
            return Errno.Success;
        }
    }

    private unsafe Errno ReadCore(GuestMemory m, uint fd, uint iovs, uint iovsLen, uint nread, long? offset)
    {
        FdEntry e = Get(fd);
        e.Require(Rights.FdRead);
        (uint Pointer, uint Length)[] vecs = m.Iovecs(iovs, iovsLen);
        ulong total = 0;
        switch (e)
        {
            case StreamFd s:
                foreach ((uint p, uint l) in vecs)
                {
                    if (l == 0) continue;
                    int n = s.Read(m.Span(p, l));
                    total += (uint)n;
                    if (n < l) break;
                }
                break;
            case SocketFd k:
                foreach ((uint p, uint l) in vecs)
                {
                    if (l == 0) continue;
                    int n = k.Socket.Receive(m.Span(p, l), SocketFlags.None, out SocketError error);
                    if (error != SocketError.Success) return total > 0 ? Finish() : ErrnoMapping.FromSocket(error);
                    total += (uint)n;
                    if (n < l) break;
                }
                break;
            case HostFd h:
                if (h.IsDirectory) return Errno.IsDir;
                long position = offset ?? 0;
                foreach ((uint p, uint l) in vecs)
                {
                    if (l == 0) continue;
                    nint n;
                    fixed (byte* b = m.Span(p, l))
                    {
                        n = offset is null ? LibC.Read(h.Fd, b, l) : LibC.PRead(h.Fd, b, l, position);
                    }
                    if (n < 0)
                    {
                        int err = LibC.Errno;
                        if (total > 0) break;
                        return ErrnoMapping.FromLinux(err);
                    }
                    total += (ulong)n;
                    position += n;
                    if ((ulong)n < l) break;
                }
                break;
            default:
                return Errno.Badf;
        }
        return Finish();

        Errno Finish()
        {
            m.WriteU32(nread, (uint)total);
            return Errno.Success;
        }
    }
}
