using System.Text;

namespace Sharptime.Wasi.Tests;

public sealed class StdioTests
{
    private const string Hello = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "hello, world\n")
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 13))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (call $proc_exit (i32.const 7))))
        """;

    [Fact]
    public void HelloWorldWritesStdoutAndExits()
    {
        using var stdout = new MemoryStream();
        using var h = new WasiHarness(Hello, WasiConfig.Default.WithStdout(stdout));
        Assert.Equal(7, h.RunStart());
        Assert.Equal("hello, world\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Equal(13, h.Memory.ReadInt32(8));
        Assert.Equal(7, h.Context.ExitCode);
    }

    [Fact]
    public void DefaultConfigDiscardsStdout()
    {
        using var h = new WasiHarness(Hello, WasiConfig.Default);
        Assert.Equal(7, h.RunStart());
        Assert.Equal(13, h.Memory.ReadInt32(8));
    }

    [Fact]
    public void ArgsAndEnvironAreLaidOutAsCStrings()
    {
        const string wat = """
            (module
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $asg (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_get" (func $ag (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $esg (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_get" (func $eg (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "args") (result i32)
                (drop (call $asg (i32.const 0) (i32.const 4)))
                (call $ag (i32.const 100) (i32.const 200)))
              (func (export "env") (result i32)
                (drop (call $esg (i32.const 0) (i32.const 4)))
                (call $eg (i32.const 100) (i32.const 200)))
              (func (export "fault") (result i32) (call $ag (i32.const 65534) (i32.const 200))))
            """;
        WasiConfig config = WasiConfig.Default.WithArgs("prog", "a b", "ü").WithEnv("A", "1").WithEnv("B", "x=\"y\"\n");
        using var h = new WasiHarness(wat, config);
        Assert.Equal(0, h.Call("args"));
        Assert.Equal(3, h.Memory.ReadInt32(0));
        Assert.Equal(5 + 4 + 3, h.Memory.ReadInt32(4));
        Assert.Equal(200, h.Memory.ReadInt32(100));
        Assert.Equal(205, h.Memory.ReadInt32(104));
        Assert.Equal(209, h.Memory.ReadInt32(108));
        Assert.Equal("prog\0a b\0ü\0", h.Memory.ReadString(200, 12));
        Assert.Equal(0, h.Call("env"));
        Assert.Equal(2, h.Memory.ReadInt32(0));
        Assert.Equal("A=1\0B=x=\"y\"\n\0", h.Memory.ReadString(200, h.Memory.ReadInt32(4)));
        Assert.Equal(21, h.Call("fault")); // EFAULT: the pointer array runs past the end of memory
    }
}
