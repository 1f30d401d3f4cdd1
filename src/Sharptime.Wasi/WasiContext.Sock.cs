using System.Net.Sockets;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    private SocketFd Sock(uint fd) => Get(fd) as SocketFd ?? throw new WasiErrnoException(Errno.NotSock);

    internal Errno SockAccept(GuestMemory m, uint fd, ushort flags, uint resultFd)
    {
        SocketFd listener = Sock(fd);
        listener.Require(Rights.SockAccept);
        if ((flags & ~(ushort)FdFlags.Nonblock) != 0) return Errno.Inval;
        if ((listener.Flags & FdFlags.Nonblock) != 0 && !listener.Socket.Poll(0, SelectMode.SelectRead)) return Errno.Again;
        Socket accepted = listener.Socket.Accept();
        accepted.Blocking = (flags & (ushort)FdFlags.Nonblock) == 0;
        uint guest = Add(new SocketFd(accepted, owns: true) { Flags = (FdFlags)flags });
        m.WriteU32(resultFd, guest);
        return Errno.Success;
    }

    internal Errno SockRecv(GuestMemory m, uint fd, uint iovs, uint iovsLen, ushort riFlags, uint dataLen, uint roFlags)
    {
        SocketFd s = Sock(fd);
        s.Require(Rights.FdRead);
        if ((riFlags & ~3) != 0) return Errno.Inval;
        SocketFlags flags = ((riFlags & 1) != 0 ? SocketFlags.Peek : SocketFlags.None);
        bool waitAll = (riFlags & 2) != 0;
        (uint Pointer, uint Length)[] vecs = m.Iovecs(iovs, iovsLen);
        ulong total = 0;
        foreach ((uint p, uint l) in vecs)
        {
            if (l == 0) continue;
            Span<byte> span = m.Span(p, l);
            int got = 0;
            do
            {
                int n = s.Socket.Receive(span[got..], flags, out SocketError error);
                if (error != SocketError.Success)
                {
                    if (total + (ulong)got > 0) break;
                    return ErrnoMapping.FromSocket(error);
                }
                if (n == 0) break;
                got += n;
            }
            while (waitAll && got < span.Length);
            total += (ulong)got;
            if (got < span.Length || (flags & SocketFlags.Peek) != 0) break;
        }
        m.WriteU32(dataLen, (uint)total);
        m.WriteU16(roFlags, 0);
        return Errno.Success;
    }

    internal Errno SockSend(GuestMemory m, uint fd, uint iovs, uint iovsLen, ushort siFlags, uint dataLen)
    {
        SocketFd s = Sock(fd);
        s.Require(Rights.FdWrite);
        if (siFlags != 0) return Errno.Inval;
        (uint Pointer, uint Length)[] vecs = m.Iovecs(iovs, iovsLen);
        ulong total = 0;
        foreach ((uint p, uint l) in vecs)
        {
            if (l == 0) continue;
            int n = s.Socket.Send(m.Span(p, l), SocketFlags.None, out SocketError error);
            if (error != SocketError.Success)
            {
                if (total > 0) break;
                return ErrnoMapping.FromSocket(error);
            }
            total += (uint)n;
            if (n < l) break;
        }
        m.WriteU32(dataLen, (uint)total);
        return Errno.Success;
    }

    internal Errno SockShutdown(uint fd, byte how)
    {
        SocketFd s = Sock(fd);
        s.Require(Rights.SockShutdown);
        SocketShutdown mode = how switch
        {
            1 => SocketShutdown.Receive,
            2 => SocketShutdown.Send,
            3 => SocketShutdown.Both,
            _ => (SocketShutdown)(-1),
        };
        if ((int)mode < 0) return Errno.Inval;
        s.Socket.Shutdown(mode);
        return Errno.Success;
    }
}
