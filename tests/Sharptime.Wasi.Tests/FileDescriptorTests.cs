using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sharptime.Wasi.Tests;

public sealed class FileDescriptorTests
{
    private const int Box = 3;

    [Fact]
    public void PrestatNamesThePreopens()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Call("fd_prestat_get", 4, WasiModule.Out));
        Assert.Equal(0, w.Memory.ReadByte(WasiModule.Out));
        Assert.Equal(3, w.Memory.ReadInt32(WasiModule.Out + 4));
        Assert.Equal(E.Success, w.Call("fd_prestat_dir_name", 4, WasiModule.Buffer, 3));
        Assert.Equal("/ro", w.Memory.ReadString(WasiModule.Buffer, 3));
        Assert.Equal(E.Badf, w.Call("fd_prestat_get", 1, WasiModule.Out));
        Assert.Equal(E.Badf, w.Call("fd_prestat_get", 5, WasiModule.Out));
    }

    [Fact]
    public void WriteSeekReadAndStat()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Open(Box, "new.txt", WasiModule.OCreat | WasiModule.OExcl));
        int fd = w.OpenedFd;
        Assert.Equal(E.Success, w.Write(fd, "hello sandbox"));
        Assert.Equal(13, w.Memory.ReadInt32(WasiModule.Out + 24));
        Assert.Equal(E.Success, w.Call("fd_seek", fd, 6L, 0, WasiModule.Out));
        Assert.Equal(6, w.Memory.ReadInt64(WasiModule.Out));
        Assert.Equal("sandbox", w.Read(fd));
        Assert.Equal(E.Success, w.Call("fd_filestat_get", fd, WasiModule.Out));
        Assert.Equal(4, w.Memory.ReadByte(WasiModule.Out + 16)); // regular_file
        Assert.Equal(13, w.Memory.ReadInt64(WasiModule.Out + 32));
        Assert.Equal(E.Exist, w.Open(Box, "new.txt", WasiModule.OCreat | WasiModule.OExcl));
        Assert.Equal(E.Success, w.Call("fd_close", fd));
        Assert.Equal(E.Badf, w.Call("fd_close", fd));
        Assert.Equal("hello sandbox", File.ReadAllText(Path.Combine(f.Box, "new.txt")));
        Assert.Equal(E.Success, w.Open(Box, "sub", WasiModule.ODirectory, rights: 1 << 14));
        Assert.Equal(E.Badf, w.Call("fd_seek", w.OpenedFd, 0L, 0, WasiModule.Out));
        Assert.Equal(70, w.Call("fd_seek", 1, 0L, 0, WasiModule.Out)); // ESPIPE on stdout
    }

    [Fact]
    public void ReaddirListsEntriesAndResumesFromCookies()
    {
        using var f = new SandboxFixture();
        for (int i = 0; i < 50; i++) File.WriteAllText(Path.Combine(f.Box, "sub", $"file{i:D2}"), "");
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Open(Box, "sub", WasiModule.ODirectory, rights: 1 << 14));
        int fd = w.OpenedFd;
        var names = new List<string>();
        long cookie = 0;
        while (true)
        {
            // A small buffer: entries are cut at its end and read again from their cookie.
            Assert.Equal(E.Success, w.Call("fd_readdir", fd, WasiModule.Buffer, 100, cookie, WasiModule.Out));
            int used = w.Memory.ReadInt32(WasiModule.Out);
            int off = 0;
            while (off + 24 <= used)
            {
                long next = w.Memory.ReadInt64((ulong)(WasiModule.Buffer + off));
                int len = w.Memory.ReadInt32((ulong)(WasiModule.Buffer + off + 16));
                if (off + 24 + len > used) break;
                names.Add(w.Memory.ReadString((ulong)(WasiModule.Buffer + off + 24), len));
                cookie = next;
                off += 24 + len;
            }
            if (used < 100) break;
        }
        names.Sort(StringComparer.Ordinal);
        var expected = new List<string> { ".", "..", "secret.txt" };
        for (int i = 0; i < 50; i++) expected.Add($"file{i:D2}");
        expected.Sort(StringComparer.Ordinal);
        Assert.Equal(expected, names);
    }

    [Fact]
    public void RenumberMovesADescriptor()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Open(Box, "inside.txt"));
        int fd = w.OpenedFd;
        Assert.Equal(E.Success, w.Open(Box, "sub/secret.txt"));
        int other = w.OpenedFd;
        Assert.Equal(E.Success, w.Call("fd_renumber", fd, other));
        Assert.Equal("inside", w.Read(other));
        Assert.Null(w.Read(fd));
        Assert.Equal(E.Badf, w.Call("fd_renumber", fd, other));
        Assert.Equal(E.Badf, w.Call("fd_renumber", other, 77));
    }

    [Fact]
    public void PollWaitsForTheClock()
    {
        using var w = new WasiModule(WasiConfig.Default);
        // One relative monotonic clock subscription of 30 ms.
        int sub = WasiModule.Buffer;
        w.Memory.GetSpan((ulong)sub, 48).Clear();
        w.Memory.WriteInt64((ulong)sub, 0x1234);
        w.Memory.WriteInt32((ulong)sub + 16, 1);
        w.Memory.WriteInt64((ulong)sub + 24, 30_000_000);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        Assert.Equal(E.Success, w.Call("poll_oneoff", sub, WasiModule.Out, 1, WasiModule.Path1));
        Assert.True(watch.ElapsedMilliseconds >= 25, $"{watch.ElapsedMilliseconds} ms");
        Assert.Equal(1, w.Memory.ReadInt32(WasiModule.Path1));
        Assert.Equal(0x1234, w.Memory.ReadInt64(WasiModule.Out));
        Assert.Equal(0, w.Memory.ReadInt16(WasiModule.Out + 8));
        Assert.Equal(0, w.Memory.ReadByte(WasiModule.Out + 10));
        // Add an fd_write subscription on stdout: it is ready at once.
        w.Memory.GetSpan((ulong)sub + 48, 48).Clear();
        w.Memory.WriteInt64((ulong)sub + 48, 0x5678);
        w.Memory.WriteByte((ulong)sub + 56, 2);
        w.Memory.WriteInt32((ulong)sub + 64, 1);
        w.Memory.WriteInt64((ulong)sub + 24, 10_000_000_000);
        watch.Restart();
        Assert.Equal(E.Success, w.Call("poll_oneoff", sub, WasiModule.Out, 2, WasiModule.Path1));
        Assert.True(watch.ElapsedMilliseconds < 5000);
        Assert.Equal(1, w.Memory.ReadInt32(WasiModule.Path1));
        Assert.Equal(0x5678, w.Memory.ReadInt64(WasiModule.Out));
        Assert.Equal(2, w.Memory.ReadByte(WasiModule.Out + 10));
        Assert.Equal(E.Inval, w.Call("poll_oneoff", sub, WasiModule.Out, 0, WasiModule.Path1));
    }

    [Fact]
    public void ClockRandomAndRaise()
    {
        using var w = new WasiModule(WasiConfig.Default);
        Assert.Equal(E.Success, w.Call("clock_time_get", 0, 1L, WasiModule.Out));
        long ns = w.Memory.ReadInt64(WasiModule.Out);
        long now = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
        Assert.InRange(ns, now - 60_000_000_000, now + 60_000_000_000);
        Assert.Equal(E.Inval, w.Call("clock_time_get", 9, 1L, WasiModule.Out));
        Assert.Equal(E.Success, w.Call("random_get", WasiModule.Buffer, 4096));
        Assert.Contains(w.Memory.GetSpan(WasiModule.Buffer, 4096).ToArray(), b => b != 0);
        Assert.Equal(E.Fault, w.Call("random_get", 65535, 2));
        Assert.Equal(E.Success, w.Call("proc_raise", 16)); // SIGCHLD is ignored by default
        var exit = Assert.Throws<WasiExitException>(() => w.Call("proc_raise", 15));
        Assert.Equal(128 + 15, exit.ExitCode);
    }

    [Fact]
    public void PreopenedSocketAcceptsSendsAndReceives()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var w = new WasiModule(WasiConfig.Default.WithPreopenedSocket(listener));
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(listener.LocalEndPoint!);
        client.Send(Encoding.UTF8.GetBytes("ping"));
        Assert.Equal(E.Success, w.Call("sock_accept", 3, 0, WasiModule.Out));
        int fd = w.Memory.ReadInt32(WasiModule.Out);
        w.Memory.WriteInt32(WasiModule.Out + 16, WasiModule.Buffer);
        w.Memory.WriteInt32(WasiModule.Out + 20, 4);
        Assert.Equal(E.Success, w.Call("sock_recv", fd, WasiModule.Out + 16, 1, 2, WasiModule.Out + 24, WasiModule.Out + 28));
        Assert.Equal(4, w.Memory.ReadInt32(WasiModule.Out + 24));
        Assert.Equal("ping", w.Memory.ReadString(WasiModule.Buffer, 4));
        int n = w.Put("pong", WasiModule.Buffer);
        w.Memory.WriteInt32(WasiModule.Out + 20, n);
        Assert.Equal(E.Success, w.Call("sock_send", fd, WasiModule.Out + 16, 1, 0, WasiModule.Out + 24));
        var reply = new byte[4];
        Assert.Equal(4, client.Receive(reply));
        Assert.Equal("pong", Encoding.UTF8.GetString(reply));
        Assert.Equal(E.Success, w.Call("sock_shutdown", fd, 2));
        Assert.Equal(0, client.Receive(reply));
        Assert.Equal(E.NotSock, w.Call("sock_shutdown", 1, 2));
        Assert.Equal(E.Badf, w.Call("sock_shutdown", 42, 2));
        Assert.Equal(E.Success, w.Call("fd_close", fd));
    }

    [Fact]
    public void SetTimesOnDescriptorAndPath()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Open(Box, "inside.txt"));
        int fd = w.OpenedFd;
        // fstflags: atim | mtim, to 2001-09-09T01:46:40Z.
        Assert.Equal(E.Success, w.Call("fd_filestat_set_times", fd, 1_000_000_000_000_000_000L, 1_000_000_000_000_000_000L, 1 | 4));
        Assert.Equal(new DateTime(2001, 9, 9, 1, 46, 40, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Path.Combine(f.Box, "inside.txt")));
        Assert.Equal(E.Inval, w.Call("fd_filestat_set_times", fd, 0L, 0L, 1 | 2));
        Assert.Equal(E.Success, w.Call("path_filestat_set_times", Box, 0, WasiModule.Path1, w.Put("sub"), 0L, 2_000_000_000_000_000_000L, 4));
        Assert.Equal(new DateTime(2033, 5, 18, 3, 33, 20, DateTimeKind.Utc), Directory.GetLastWriteTimeUtc(Path.Combine(f.Box, "sub")));
        Assert.Equal(E.Success, w.Stat(Box, "sub/"));
        Assert.Equal(2_000_000_000_000_000_000L, w.Memory.ReadInt64(WasiModule.Out + 48));
        Assert.Equal(E.NotDir, w.Stat(Box, "inside.txt/"));
        f.AssertOutsideUnchanged();
    }
}
