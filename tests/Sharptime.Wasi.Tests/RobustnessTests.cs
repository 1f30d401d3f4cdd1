using System.Text;

namespace Sharptime.Wasi.Tests;

/// <summary>
/// Calls every WASI function with hostile arguments (edge values, random pointers and lengths):
/// each must return an errno (or end the guest with WasiExitException), never throw anything else,
/// and nothing outside the sandbox may change.
/// </summary>
public sealed class RobustnessTests
{
    // name, parameter types (i = i32, I = i64), result (true = errno).
    private static readonly (string Name, string Params, bool Result)[] Functions =
    [
        ("args_get", "ii", true), ("args_sizes_get", "ii", true), ("environ_get", "ii", true), ("environ_sizes_get", "ii", true),
        ("clock_res_get", "ii", true), ("clock_time_get", "iIi", true), ("fd_advise", "iIIi", true), ("fd_allocate", "iII", true),
        ("fd_close", "i", true), ("fd_datasync", "i", true), ("fd_fdstat_get", "ii", true), ("fd_fdstat_set_flags", "ii", true),
        ("fd_fdstat_set_rights", "iII", true), ("fd_filestat_get", "ii", true), ("fd_filestat_set_size", "iI", true),
        ("fd_filestat_set_times", "iIIi", true), ("fd_pread", "iiiIi", true), ("fd_prestat_get", "ii", true),
        ("fd_prestat_dir_name", "iii", true), ("fd_pwrite", "iiiIi", true), ("fd_read", "iiii", true), ("fd_readdir", "iiiIi", true),
        ("fd_renumber", "ii", true), ("fd_seek", "iIii", true), ("fd_sync", "i", true), ("fd_tell", "ii", true), ("fd_write", "iiii", true),
        ("path_create_directory", "iii", true), ("path_filestat_get", "iiiii", true), ("path_filestat_set_times", "iiiiIIi", true),
        ("path_link", "iiiiiii", true), ("path_open", "iiiiiIIii", true), ("path_readlink", "iiiiii", true),
        ("path_remove_directory", "iii", true), ("path_rename", "iiiiii", true), ("path_symlink", "iiiii", true),
        ("path_unlink_file", "iii", true), ("poll_oneoff", "iiii", true), ("proc_exit", "i", false), ("proc_raise", "i", true),
        ("sched_yield", "", true), ("random_get", "ii", true), ("sock_accept", "iii", true), ("sock_recv", "iiiiii", true),
        ("sock_send", "iiiii", true), ("sock_shutdown", "ii", true),
    ];

    private static string Module()
    {
        var wat = new StringBuilder("(module\n");
        foreach ((string name, string ps, bool result) in Functions)
        {
            wat.Append($"  (import \"wasi_snapshot_preview1\" \"{name}\" (func ${name} (param");
            foreach (char p in ps) wat.Append(p == 'I' ? " i64" : " i32");
            wat.Append(')').Append(result ? " (result i32)" : "").Append("))\n");
        }
        wat.Append("  (memory (export \"memory\") 1)\n");
        // Paths the fuzzer points at: plain, "..", absolute, long and invalid UTF-8.
        wat.Append("  (data (i32.const 0) \"inside.txt\\00../secret.txt\\00/etc\\00sub/../..\\00\\ff\\fe\\00sub\")\n");
        foreach ((string name, _, _) in Functions) wat.Append($"  (export \"{name}\" (func ${name}))\n");
        return wat.Append(')').ToString();
    }

    [Fact]
    public void EveryFunctionTakesHostileArgumentsWithoutThrowing()
    {
        using var f = new SandboxFixture();
        string wat = Module();
        var random = new Random(20261122);
        int[] ints = [0, 1, 2, 3, 4, 5, 9, 10, 11, 12, 13, 14, 16, 24, 26, 40, 64, 65535, 65536, 65530, -1, int.MinValue, int.MaxValue, 0x7FFF_FFF0];
        long[] longs = [0, 1, 2, 6, 100, -1, long.MinValue, long.MaxValue, 1L << 32, 65536];
        using var w = new WasiHarness(wat, f.Config.WithArgs("fuzz", "arg").WithEnv("A", "B").WithStdout(Stream.Null));
        int calls = 0;
        for (int round = 0; round < 400; round++)
        {
            foreach ((string name, string ps, bool result) in Functions)
            {
                if (name is "proc_exit" or "poll_oneoff") continue;
                var args = new Value[ps.Length];
                for (int i = 0; i < ps.Length; i++)
                {
                    args[i] = ps[i] == 'I'
                        ? Value.I64(random.Next(3) == 0 ? random.NextInt64() : longs[random.Next(longs.Length)])
                        : Value.I32(random.Next(3) == 0 ? random.Next(0, 70000) : ints[random.Next(ints.Length)]);
                }
                try
                {
                    Value[] r = w.Instance.GetFunction(name)!.Call(args);
                    Assert.InRange(r[0].AsI32(), 0, 76);
                }
                catch (WasiExitException)
                {
                    Assert.Equal("proc_raise", name);
                }
                calls++;
            }
        }
        Assert.True(calls > 10000);
        f.AssertOutsideUnchanged();
    }

    [Fact]
    public void ProcExitThrowsWasiExitException()
    {
        using var f = new SandboxFixture();
        using var w = new WasiHarness(Module(), f.Config);
        var e = Assert.Throws<WasiExitException>(() => w.CallVoid("proc_exit", Value.I32(42)));
        Assert.Equal(42, e.ExitCode);
        Assert.Equal(42, w.Context.ExitCode);
    }

    [Fact]
    public void PollWithHostileSubscriptionsReturnsErrnos()
    {
        using var f = new SandboxFixture();
        using var w = new WasiHarness(Module(), f.Config);
        Assert.Equal(E.Fault, w.Call("poll_oneoff", Value.I32(65500), Value.I32(0), Value.I32(2), Value.I32(0)));
        Assert.Equal(E.Inval, w.Call("poll_oneoff", Value.I32(0), Value.I32(0), Value.I32(int.MaxValue), Value.I32(0)));
        // An unknown event type.
        w.Memory.GetSpan(1000, 48).Clear();
        w.Memory.WriteByte(1008, 9);
        Assert.Equal(E.Inval, w.Call("poll_oneoff", Value.I32(1000), Value.I32(2000), Value.I32(1), Value.I32(3000)));
        // An fd_read subscription on a closed descriptor is reported as an event with EBADF.
        w.Memory.WriteByte(1008, 1);
        w.Memory.WriteInt32(1016, 99);
        Assert.Equal(E.Success, w.Call("poll_oneoff", Value.I32(1000), Value.I32(2000), Value.I32(1), Value.I32(3000)));
        Assert.Equal(1, w.Memory.ReadInt32(3000));
        Assert.Equal(E.Badf, w.Memory.ReadInt16(2008));
    }
}
