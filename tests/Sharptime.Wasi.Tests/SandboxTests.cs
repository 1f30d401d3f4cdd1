namespace Sharptime.Wasi.Tests;

/// <summary>Hostile paths: nothing outside a pre-opened directory is reachable or changes.</summary>
public sealed class SandboxTests
{
    private const int Box = 3, ReadOnly = 4;

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("sub/../../secret.txt")]
    [InlineData("sub/../../box/../secret.txt")]
    [InlineData("..")]
    [InlineData("../outside/victim.txt")]
    public void DotDotCannotLeave(string path)
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.NotCapable, w.Open(Box, path));
        Assert.Equal(E.NotCapable, w.Open(Box, path, WasiModule.OCreat | WasiModule.OTrunc));
        Assert.Equal(E.NotCapable, w.Stat(Box, path));
        Assert.Equal(E.NotCapable, w.Stat(Box, path, WasiModule.Follow));
        Assert.Equal(E.NotCapable, w.Path("path_unlink_file", Box, path));
        Assert.Equal(E.NotCapable, w.Path("path_remove_directory", Box, path));
        Assert.Equal(E.NotCapable, w.Path("path_create_directory", Box, path + "/new"));
        Assert.Equal(E.NotCapable, w.Rename(Box, "inside.txt", Box, path));
        Assert.Equal(E.NotCapable, w.Rename(Box, path, Box, "stolen"));
        Assert.Equal(E.NotCapable, w.Link(Box, 0, path, Box, "stolen"));
        Assert.Equal(E.NotCapable, w.Link(Box, 0, "inside.txt", Box, path + "/x"));
        Assert.Equal(E.NotCapable, w.Symlink("inside.txt", Box, path + "/x"));
        Assert.Equal(E.NotCapable, w.Call("path_filestat_set_times", Box, WasiModule.Follow, WasiModule.Path1, w.Put(path), 0L, 0L, 2 | 8));
        Assert.True(File.Exists(Path.Combine(f.Box, "inside.txt")));
        Assert.False(File.Exists(Path.Combine(f.Box, "stolen")));
        f.AssertOutsideUnchanged();
    }

    [Theory]
    [InlineData("/secret.txt")]
    [InlineData("/")]
    [InlineData("/etc/passwd")]
    public void AbsolutePathsAreNotCapable(string path)
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.NotCapable, w.Open(Box, path));
        Assert.Equal(E.NotCapable, w.Stat(Box, path));
        Assert.Equal(E.NotCapable, w.Path("path_create_directory", Box, path + "/x"));
        Assert.Equal(E.NotCapable, w.Path("path_unlink_file", Box, path));
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void HostSymlinksOutOfTheBoxAreNotFollowed()
    {
        using var f = new SandboxFixture();
        File.CreateSymbolicLink(Path.Combine(f.Box, "up"), "..");
        File.CreateSymbolicLink(Path.Combine(f.Box, "rel"), "../secret.txt");
        File.CreateSymbolicLink(Path.Combine(f.Box, "abs"), Path.Combine(f.Root, "secret.txt"));
        File.CreateSymbolicLink(Path.Combine(f.Box, "absdir"), Path.Combine(f.Root, "outside"));
        using var w = new WasiModule(f.Config);
        foreach (string link in new[] { "rel", "abs" })
        {
            Assert.Equal(E.NotCapable, w.Open(Box, link, lookup: WasiModule.Follow));
            Assert.Equal(E.NotCapable, w.Open(Box, link, WasiModule.OTrunc, lookup: WasiModule.Follow));
            Assert.Equal(E.Loop, w.Open(Box, link)); // no follow: O_NOFOLLOW on a symlink
            Assert.Equal(E.NotCapable, w.Stat(Box, link, WasiModule.Follow));
            Assert.Equal(E.Success, w.Stat(Box, link)); // the link itself is inside
            Assert.Equal(7, w.Memory.ReadByte(WasiModule.Out + 16)); // filetype symbolic_link
            Assert.Equal(E.NotCapable, w.Call("path_filestat_set_times", Box, WasiModule.Follow, WasiModule.Path1, w.Put(link), 0L, 0L, 2 | 8));
            Assert.Equal(E.NotCapable, w.Link(Box, WasiModule.Follow, link, Box, "hardlink"));
        }
        foreach (string through in new[] { "up/secret.txt", "absdir/victim.txt", "up/outside/victim.txt" })
        {
            Assert.Equal(E.NotCapable, w.Open(Box, through, WasiModule.OTrunc, lookup: WasiModule.Follow));
            Assert.Equal(E.NotCapable, w.Open(Box, through));
            Assert.Equal(E.NotCapable, w.Path("path_unlink_file", Box, through));
            Assert.Equal(E.NotCapable, w.Rename(Box, through, Box, "stolen"));
            Assert.Equal(E.NotCapable, w.Path("path_create_directory", Box, through + ".d"));
        }
        // Unlinking the link removes the link, never its target.
        Assert.Equal(E.Success, w.Path("path_unlink_file", Box, "abs"));
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void GuestCreatedSymlinksStayInside()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Symlink("..", Box, "up"));
        Assert.Equal(E.Success, w.Symlink("sub/../..", Box, "up2"));
        Assert.Equal(E.Perm, w.Symlink(f.Root, Box, "abs"));
        Assert.False(File.Exists(Path.Combine(f.Box, "abs")));
        foreach (string p in new[] { "up/secret.txt", "up2/secret.txt", "up/outside/victim.txt" })
        {
            Assert.Equal(E.NotCapable, w.Open(Box, p, WasiModule.OCreat | WasiModule.OTrunc, lookup: WasiModule.Follow));
            Assert.Equal(E.NotCapable, w.Stat(Box, p, WasiModule.Follow));
            Assert.Equal(E.NotCapable, w.Path("path_unlink_file", Box, p));
        }
        Assert.Equal(E.NotCapable, w.Open(Box, "up", WasiModule.ODirectory, rights: 2, lookup: WasiModule.Follow));
        Assert.Equal(E.NotCapable, w.Path("path_create_directory", Box, "up/created"));
        // A chain of links that ends outside is caught at the last hop.
        Assert.Equal(E.Success, w.Symlink("c2", Box, "c1"));
        Assert.Equal(E.Success, w.Symlink("sub/../up", Box, "c2"));
        Assert.Equal(E.NotCapable, w.Stat(Box, "c1/secret.txt", WasiModule.Follow));
        Assert.Equal(E.NotCapable, w.Call("path_filestat_set_times", Box, WasiModule.Follow, WasiModule.Path1, w.Put("c1"), 0L, 0L, 2 | 8));
        // A loop is ELOOP, not a hang.
        Assert.Equal(E.Success, w.Symlink("loop", Box, "loop"));
        Assert.Equal(E.Loop, w.Stat(Box, "loop", WasiModule.Follow));
        Assert.Equal(E.Loop, w.Open(Box, "loop", lookup: WasiModule.Follow));
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void LinksAndRenamesInsideWork()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Symlink("sub/secret.txt", Box, "good"));
        Assert.Equal(E.Success, w.Open(Box, "good", lookup: WasiModule.Follow));
        Assert.Equal("inside", w.Read(w.OpenedFd));
        Assert.Equal(E.Success, w.Link(Box, WasiModule.Follow, "good", Box, "hard"));
        Assert.Equal("inside", File.ReadAllText(Path.Combine(f.Box, "hard")));
        Assert.Equal(E.Success, w.Rename(Box, "hard", Box, "sub/moved"));
        Assert.True(File.Exists(Path.Combine(f.Box, "sub", "moved")));
        int len = w.Put("good");
        Assert.Equal(E.Success, w.Call("path_readlink", Box, WasiModule.Path1, len, WasiModule.Buffer, 100, WasiModule.Out));
        Assert.Equal("sub/secret.txt", w.Memory.ReadString(WasiModule.Buffer, w.Memory.ReadInt32(WasiModule.Out)));
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void ReadOnlyPreopenRefusesChanges()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Perm, w.Path("path_create_directory", ReadOnly, "new"));
        Assert.Equal(E.Perm, w.Path("path_unlink_file", ReadOnly, "file.txt"));
        Assert.Equal(E.Perm, w.Path("path_remove_directory", ReadOnly, "."));
        Assert.Equal(E.Perm, w.Open(ReadOnly, "file.txt", WasiModule.OTrunc));
        Assert.Equal(E.Perm, w.Open(ReadOnly, "created", WasiModule.OCreat));
        Assert.Equal(E.Perm, w.Open(ReadOnly, "file.txt", fdflags: 1)); // append
        Assert.Equal(E.Perm, w.Symlink("file.txt", ReadOnly, "l"));
        Assert.Equal(E.Perm, w.Rename(ReadOnly, "file.txt", ReadOnly, "renamed"));
        Assert.Equal(E.Perm, w.Rename(ReadOnly, "file.txt", Box, "renamed"));
        Assert.Equal(E.Perm, w.Link(ReadOnly, 0, "file.txt", Box, "linked"));
        Assert.Equal(E.Perm, w.Call("path_filestat_set_times", ReadOnly, 0, WasiModule.Path1, w.Put("file.txt"), 0L, 0L, 2 | 8));
        // Reading works; writing through the opened file is refused and changes nothing.
        Assert.Equal(E.Success, w.Open(ReadOnly, "file.txt"));
        int fd = w.OpenedFd;
        Assert.Equal("read only", w.Read(fd));
        Assert.Equal(E.NotCapable, w.Write(fd, "overwritten"));
        Assert.Equal(E.NotCapable, w.Call("fd_readdir", fd, WasiModule.Buffer, 100, 0L, WasiModule.Out));
        // A directory opened below a read-only pre-open is read-only too.
        Assert.Equal(E.Success, w.Open(ReadOnly, ".", WasiModule.ODirectory));
        Assert.Equal(E.Perm, w.Path("path_create_directory", w.OpenedFd, "new"));
        Assert.Equal("read only", File.ReadAllText(Path.Combine(f.ReadOnly, "file.txt")));
        Assert.Equal(["file.txt"], Directory.GetFileSystemEntries(f.ReadOnly).Select(Path.GetFileName));
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void DirectorySwappedForSymlinkCannotLeadOutside()
    {
        using var f = new SandboxFixture();
        string dir = Path.Combine(f.Box, "sub");
        string parked = Path.Combine(f.Box, "parked");
        using var w = new WasiModule(f.Config);
        using var stop = new CancellationTokenSource();
        // The attacker flips box/sub between the real directory and a symlink to the outside tree.
        var attacker = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Directory.Move(dir, parked);
                File.CreateSymbolicLink(dir, f.Root);
                File.Delete(dir);
                Directory.Move(parked, dir);
            }
        });
        attacker.Start();
        int opened = 0;
        try
        {
            for (int i = 0; i < 3000; i++)
            {
                int r = w.Open(Box, "sub/secret.txt", lookup: WasiModule.Follow);
                if (r == E.Success)
                {
                    int fd = w.OpenedFd;
                    Assert.Equal("inside", w.Read(fd));
                    Assert.Equal(E.Success, w.Call("fd_close", fd));
                    opened++;
                }
                else
                {
                    Assert.True(r is E.NoEnt or E.NotCapable, $"errno {r}");
                }
                int s = w.Stat(Box, "sub/secret.txt", WasiModule.Follow);
                Assert.True(s is E.Success or E.NoEnt or E.NotCapable, $"errno {s}");
                if (s == E.Success) Assert.Equal(6, w.Memory.ReadInt64(WasiModule.Out + 32)); // "inside", never "OUTSIDE"
            }
        }
        finally
        {
            stop.Cancel();
            attacker.Join();
        }
        Assert.True(opened > 0);
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void BadArgumentsGiveErrnosNotExceptions()
    {
        using var f = new SandboxFixture();
        using var w = new WasiModule(f.Config);
        Assert.Equal(E.Fault, w.Call("path_open", Box, 0, 65530, 100, 0, 0L, 0L, 0, WasiModule.Out));
        Assert.Equal(E.Fault, w.Call("path_open", Box, 0, -1, 1, 0, 0L, 0L, 0, WasiModule.Out));
        Assert.Equal(E.Fault, w.Call("path_open", Box, 0, WasiModule.Path1, w.Put("inside.txt"), 0, 0L, 0L, 0, 65535));
        Assert.Equal(E.Badf, w.Open(99, "inside.txt"));
        Assert.Equal(E.Success, w.Open(Box, "inside.txt"));
        Assert.Equal(E.NotDir, w.Open(w.OpenedFd, "x"));
        Assert.Equal(E.NotDir, w.Open(1, "x"));
        w.Memory.WriteByte(WasiModule.Path1, 0xFF);
        Assert.Equal(E.Ilseq, w.Call("path_open", Box, 0, WasiModule.Path1, 1, 0, 0L, 0L, 0, WasiModule.Out));
        Assert.Equal(E.NoEnt, w.Open(Box, ""));
        Assert.Equal(E.Fault, w.Call("fd_write", 1, 65532, 2, 0));
        Assert.Equal(E.Fault, w.Call("fd_readdir", Box, 65000, 1000, 0L, WasiModule.Out));
        f.AssertOutsideUnchanged();
    }
}
