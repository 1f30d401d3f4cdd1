using System.Net.Sockets;

namespace Sharptime.Wasi;

/// <summary>A pre-opened listening socket or a connection accepted from one.</summary>
internal sealed class SocketFd : FdEntry
{
    private readonly bool _owns;

    public SocketFd(Socket socket, bool owns)
        : base(Filetype.SocketStream, Rights.Socket, Rights.Socket)
    {
        Socket = socket;
        _owns = owns;
    }

    public Socket Socket { get; }

    public override void Dispose()
    {
        if (_owns) Socket.Dispose();
    }
}
