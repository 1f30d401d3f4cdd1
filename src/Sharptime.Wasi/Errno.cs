namespace Sharptime.Wasi;

/// <summary>The <c>errno</c> values of wasi_snapshot_preview1 (witx order).</summary>
internal enum Errno : ushort
{
    Success, TooBig, Acces, AddrInUse, AddrNotAvail, AfNoSupport, Again, Already, Badf, BadMsg, Busy, Canceled,
    Child, ConnAborted, ConnRefused, ConnReset, Deadlk, DestAddrReq, Dom, Dquot, Exist, Fault, Fbig, HostUnreach,
    Idrm, Ilseq, InProgress, Intr, Inval, Io, IsConn, IsDir, Loop, Mfile, Mlink, MsgSize, Multihop, NameTooLong,
    NetDown, NetReset, NetUnreach, Nfile, NoBufs, NoDev, NoEnt, NoExec, NoLck, NoLink, NoMem, NoMsg, NoProtoOpt,
    NoSpc, NoSys, NotConn, NotDir, NotEmpty, NotRecoverable, NotSock, NotSup, NoTty, Nxio, Overflow, OwnerDead,
    Perm, Pipe, Proto, ProtoNoSupport, ProtoType, Range, Rofs, Spipe, Srch, Stale, TimedOut, TxtBsy, Xdev,
    NotCapable,
}

/// <summary>Unwinds a WASI function with an errno; the dispatcher turns it into the result.</summary>
internal sealed class WasiErrnoException : Exception
{
    public WasiErrnoException(Errno errno) : base($"WASI errno {errno}") => Errno = errno;

    public WasiErrnoException() : this(Errno.Io) { }

    public WasiErrnoException(string message) : base(message) => Errno = Errno.Io;

    public WasiErrnoException(string message, Exception innerException) : base(message, innerException) => Errno = Errno.Io;

    public Errno Errno { get; }
}

/// <summary>Linux errno to WASI errno.</summary>
internal static class ErrnoMapping
{
    public static Errno FromLinux(int e) => e switch
    {
        1 => Errno.Perm, 2 => Errno.NoEnt, 3 => Errno.Srch, 4 => Errno.Intr, 5 => Errno.Io, 6 => Errno.Nxio,
        7 => Errno.TooBig, 8 => Errno.NoExec, 9 => Errno.Badf, 10 => Errno.Child, 11 => Errno.Again, 12 => Errno.NoMem,
        13 => Errno.Acces, 14 => Errno.Fault, 16 => Errno.Busy, 17 => Errno.Exist,
        // Only openat2's RESOLVE_BENEATH returns EXDEV for a path that leaves the directory; renames and
        // links across file systems are reported as EXDEV by callers that know.
        18 => Errno.NotCapable,
        19 => Errno.NoDev, 20 => Errno.NotDir, 21 => Errno.IsDir, 22 => Errno.Inval, 23 => Errno.Nfile, 24 => Errno.Mfile,
        25 => Errno.NoTty, 26 => Errno.TxtBsy, 27 => Errno.Fbig, 28 => Errno.NoSpc, 29 => Errno.Spipe, 30 => Errno.Rofs,
        31 => Errno.Mlink, 32 => Errno.Pipe, 33 => Errno.Dom, 34 => Errno.Range, 35 => Errno.Deadlk, 36 => Errno.NameTooLong,
        37 => Errno.NoLck, 38 => Errno.NoSys, 39 => Errno.NotEmpty, 40 => Errno.Loop, 42 => Errno.NoMsg, 43 => Errno.Idrm,
        67 => Errno.NoLink, 71 => Errno.Proto, 72 => Errno.Multihop, 74 => Errno.BadMsg, 75 => Errno.Overflow,
        84 => Errno.Ilseq, 88 => Errno.NotSock, 89 => Errno.DestAddrReq, 90 => Errno.MsgSize, 91 => Errno.ProtoType,
        92 => Errno.NoProtoOpt, 93 => Errno.ProtoNoSupport, 95 => Errno.NotSup, 97 => Errno.AfNoSupport,
        98 => Errno.AddrInUse, 99 => Errno.AddrNotAvail, 100 => Errno.NetDown, 101 => Errno.NetUnreach,
        102 => Errno.NetReset, 103 => Errno.ConnAborted, 104 => Errno.ConnReset, 105 => Errno.NoBufs,
        106 => Errno.IsConn, 107 => Errno.NotConn, 110 => Errno.TimedOut, 111 => Errno.ConnRefused,
        113 => Errno.HostUnreach, 114 => Errno.Already, 115 => Errno.InProgress, 116 => Errno.Stale,
        122 => Errno.Dquot, 125 => Errno.Canceled, 130 => Errno.OwnerDead, 131 => Errno.NotRecoverable,
        _ => Errno.Io,
    };

    public static Errno FromSocket(System.Net.Sockets.SocketError e) => e switch
    {
        System.Net.Sockets.SocketError.WouldBlock or System.Net.Sockets.SocketError.TryAgain => Errno.Again,
        System.Net.Sockets.SocketError.ConnectionReset => Errno.ConnReset,
        System.Net.Sockets.SocketError.ConnectionAborted => Errno.ConnAborted,
        System.Net.Sockets.SocketError.NotConnected => Errno.NotConn,
        System.Net.Sockets.SocketError.Shutdown => Errno.Pipe,
        System.Net.Sockets.SocketError.TimedOut => Errno.TimedOut,
        System.Net.Sockets.SocketError.InvalidArgument => Errno.Inval,
        System.Net.Sockets.SocketError.MessageSize => Errno.MsgSize,
        System.Net.Sockets.SocketError.Interrupted => Errno.Intr,
        System.Net.Sockets.SocketError.OperationNotSupported => Errno.NotSup,
        _ => Errno.Io,
    };
}
