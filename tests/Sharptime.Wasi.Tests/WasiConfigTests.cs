namespace Sharptime.Wasi.Tests;

public sealed class WasiConfigTests
{
    [Fact]
    public void WithMethodsReturnNewInstances()
    {
        WasiConfig a = WasiConfig.Default;
        WasiConfig b = a.WithArgs("x", "y").WithEnv("K", "1").WithEnv("K", "2").WithEnv("L", "3");
        Assert.Empty(a.Args);
        Assert.Empty(a.Env);
        Assert.Equal(["x", "y"], b.Args.ToArray());
        Assert.Equal([new("K", "2"), new("L", "3")], b.Env.ToArray());
        WasiConfig c = b.WithPreopenedDirectory("/tmp", "/", WasiDirectoryAccess.ReadOnly);
        Assert.Empty(b.PreopenedDirectories);
        Assert.Equal(new WasiPreopenedDirectory("/tmp", "/", WasiDirectoryAccess.ReadOnly), Assert.Single(c.PreopenedDirectories));
        using var s = new MemoryStream();
        WasiConfig d = c.WithStdout(s).WithInheritedStderr();
        Assert.Same(s, d.Stdout);
        Assert.True(d.InheritStderr);
        Assert.Null(c.Stdout);
        Assert.Null(d.WithInheritedStdout().Stdout);
    }

    [Fact]
    public void InvalidValuesAreRejected()
    {
        Assert.Throws<ArgumentException>(() => WasiConfig.Default.WithEnv("A=B", "c"));
        Assert.Throws<ArgumentException>(() => WasiConfig.Default.WithEnv("A", "c\0"));
        Assert.Throws<ArgumentException>(() => WasiConfig.Default.WithEnv("", "c"));
        Assert.Throws<ArgumentException>(() => WasiConfig.Default.WithArgs("a\0b"));
        Assert.Throws<ArgumentException>(() => WasiConfig.Default.WithPreopenedDirectory("", "/"));
        Assert.Throws<ArgumentOutOfRangeException>(() => WasiConfig.Default.WithPreopenedDirectory("/tmp", "/", (WasiDirectoryAccess)7));
    }

    [Fact]
    public void InheritedEnvContainsTheHostEnvironment()
    {
        WasiConfig c = WasiConfig.Default.WithInheritedEnv();
        Assert.Contains(c.Env, kv => kv.Key == "PATH" && kv.Value == Environment.GetEnvironmentVariable("PATH"));
    }

    [Fact]
    public void MissingPreopenFailsWhenTheContextIsCreated()
    {
        string missing = Path.Combine(Path.GetTempPath(), "sharptime-missing-" + Guid.NewGuid().ToString("N"));
        var e = Assert.Throws<DirectoryNotFoundException>(() => new WasiContext(WasiConfig.Default.WithPreopenedDirectory(missing, "/data")));
        Assert.Contains(missing, e.Message);
        Assert.Contains("/data", e.Message);
    }

    [Fact]
    public void DisposeClosesTheDescriptors()
    {
        using var f = new SandboxFixture();
        var w = new WasiModule(f.Config);
        Assert.Equal(E.Success, w.Open(3, "inside.txt"));
        w.Context.Dispose();
        Assert.Equal(E.Badf, w.Call("fd_read", w.OpenedFd, 0, 0, 0));
        w.Dispose();
    }
}
