using System.Text;

namespace Sharptime.Wasi.Tests;

/// <summary>
/// A module that re-exports every WASI function it imports, so a test can call them directly with
/// guest pointers, plus helpers that place strings and read results in its memory.
/// </summary>
internal sealed class WasiModule : IDisposable
{
    private const string Wat = """
        (module
          (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_create_directory" (func $mkdir (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_remove_directory" (func $rmdir (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_unlink_file" (func $unlink (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_filestat_get" (func $stat (param i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_filestat_set_times" (func $utimes (param i32 i32 i32 i32 i64 i64 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_link" (func $link (param i32 i32 i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_readlink" (func $readlink (param i32 i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_rename" (func $rename (param i32 i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "path_symlink" (func $symlink (param i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_seek" (func $fd_seek (param i32 i64 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_filestat_get" (func $fd_filestat_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_filestat_set_times" (func $fd_filestat_set_times (param i32 i64 i64 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_fdstat_get" (func $fd_fdstat_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_get" (func $fd_prestat_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_prestat_dir_name" (func $fd_prestat_dir_name (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "fd_renumber" (func $fd_renumber (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "poll_oneoff" (func $poll_oneoff (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
          (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_raise" (func $proc_raise (param i32) (result i32)))
          (import "wasi_snapshot_preview1" "sock_accept" (func $sock_accept (param i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "sock_recv" (func $sock_recv (param i32 i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "sock_send" (func $sock_send (param i32 i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "sock_shutdown" (func $sock_shutdown (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          (export "path_open" (func $path_open))
          (export "path_create_directory" (func $mkdir))
          (export "path_remove_directory" (func $rmdir))
          (export "path_unlink_file" (func $unlink))
          (export "path_filestat_get" (func $stat))
          (export "path_filestat_set_times" (func $utimes))
          (export "path_link" (func $link))
          (export "path_readlink" (func $readlink))
          (export "path_rename" (func $rename))
          (export "path_symlink" (func $symlink))
          (export "fd_read" (func $fd_read))
          (export "fd_write" (func $fd_write))
          (export "fd_seek" (func $fd_seek))
          (export "fd_close" (func $fd_close))
          (export "fd_readdir" (func $fd_readdir))
          (export "fd_filestat_get" (func $fd_filestat_get))
          (export "fd_filestat_set_times" (func $fd_filestat_set_times))
          (export "fd_fdstat_get" (func $fd_fdstat_get))
          (export "fd_prestat_get" (func $fd_prestat_get))
          (export "fd_prestat_dir_name" (func $fd_prestat_dir_name))
          (export "fd_renumber" (func $fd_renumber))
          (export "poll_oneoff" (func $poll_oneoff))
          (export "clock_time_get" (func $clock_time_get))
          (export "random_get" (func $random_get))
          (export "proc_raise" (func $proc_raise))
          (export "sock_accept" (func $sock_accept))
          (export "sock_recv" (func $sock_recv))
          (export "sock_send" (func $sock_send))
          (export "sock_shutdown" (func $sock_shutdown)))
        """;

    /// <summary>The area strings are placed in (a second string goes at +1024).</summary>
    public const int Path1 = 1024, Path2 = 2048, Out = 4096, Buffer = 8192;

    private readonly WasiHarness _harness;

    public WasiModule(WasiConfig config) => _harness = new WasiHarness(Wat, config);

    public Memory Memory => _harness.Memory;

    public WasiContext Context => _harness.Context;

    public void Dispose() => _harness.Dispose();

    /// <summary>Calls a WASI function; int arguments are i32, long arguments are i64.</summary>
    public int Call(string name, params object[] args)
    {
        var values = new Value[args.Length];
        for (int i = 0; i < args.Length; i++) values[i] = args[i] is long l ? Value.I64(l) : Value.I32((int)args[i]);
        return _harness.Call(name, values);
    }

    /// <summary>Writes <paramref name="s"/> at <paramref name="at"/> and returns its byte length.</summary>
    public int Put(string s, int at = Path1)
    {
        byte[] b = Encoding.UTF8.GetBytes(s);
        b.CopyTo(Memory.GetSpan((ulong)at, b.Length));
        return b.Length;
    }

    public int Open(int dirFd, string path, int oflags = 0, long rights = Rights, int lookup = 0, int fdflags = 0)
    {
        int len = Put(path);
        return Call("path_open", dirFd, lookup, Path1, len, oflags, rights, rights, fdflags, Out);
    }

    public int OpenedFd => Memory.ReadInt32(Out);

    public int Path(string function, int fd, string path) => Call(function, fd, Path1, Put(path));

    public int Stat(int fd, string path, int lookup = 0) => Call("path_filestat_get", fd, lookup, Path1, Put(path), Out);

    public int Symlink(string target, int fd, string link)
    {
        int t = Put(target, Path1);
        int l = Put(link, Path2);
        return Call("path_symlink", Path1, t, fd, Path2, l);
    }

    public int Rename(int fd, string from, int toFd, string to)
    {
        int a = Put(from, Path1);
        int b = Put(to, Path2);
        return Call("path_rename", fd, Path1, a, toFd, Path2, b);
    }

    public int Link(int fd, int lookup, string from, int toFd, string to)
    {
        int a = Put(from, Path1);
        int b = Put(to, Path2);
        return Call("path_link", fd, lookup, Path1, a, toFd, Path2, b);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="fd"/> with one iovec.</summary>
    public int Write(int fd, string text)
    {
        int n = Put(text, Buffer);
        Memory.WriteInt32(Out + 16, Buffer);
        Memory.WriteInt32(Out + 20, n);
        return Call("fd_write", fd, Out + 16, 1, Out + 24);
    }

    /// <summary>Reads up to 4 KiB from <paramref name="fd"/>; null on an errno.</summary>
    public string? Read(int fd)
    {
        Memory.WriteInt32(Out + 16, Buffer);
        Memory.WriteInt32(Out + 20, 4096);
        if (Call("fd_read", fd, Out + 16, 1, Out + 24) != 0) return null;
        return Memory.ReadString(Buffer, Memory.ReadInt32(Out + 24));
    }

    /// <summary>Every right: what a guest that asks for everything passes.</summary>
    public const long Rights = (1L << 30) - 1;

    public const int OCreat = 1, ODirectory = 2, OExcl = 4, OTrunc = 8, Follow = 1;
}

/// <summary>WASI errno values used by the tests (wasi_snapshot_preview1 witx).</summary>
internal static class E
{
    public const int Success = 0, Badf = 8, Exist = 20, Fault = 21, Ilseq = 25, Inval = 28, IsDir = 31, Loop = 32,
        NoEnt = 44, NotDir = 54, NotEmpty = 55, NotSock = 57, Perm = 63, NotCapable = 76;
}
