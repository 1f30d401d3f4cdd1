using System.Text;
using Sharptime.Compiler;

namespace Sharptime.Wasi.Tests.Programs;

/// <summary>
/// WASI state belongs to the store: stores instantiated from one <see cref="InstancePre"/> (one
/// linker, WASI defined once) on two threads at once keep their own stdout, files and exit status.
/// </summary>
public sealed class StoreIsolationTests
{
    private static readonly Engine SharedEngine = new(Config.Default.UseCompiler());

    private static (int Exit, string Stdout) Run(InstancePre pre, WasiConfig config, Barrier start)
    {
        using var stdout = new MemoryStream();
        using var context = new WasiContext(config.WithStdout(stdout));
        using var store = new Store<WasiContext>(SharedEngine, context);
        Instance instance = pre.Instantiate(store);
        start.SignalAndWait();
        int exit;
        try
        {
            instance.GetFunction("_start")!.Call();
            exit = 0;
        }
        catch (WasiExitException e)
        {
            exit = e.ExitCode;
        }
        Assert.Equal(exit == 0 ? null : exit, context.ExitCode);
        return (exit, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    /// <summary>Runs both on threads of their own, started together.</summary>
    private static ((int Exit, string Stdout) A, (int Exit, string Stdout) B) RunBoth(InstancePre pre, WasiConfig a, WasiConfig b)
    {
        using var start = new Barrier(2);
        (int, string) ra = default, rb = default;
        Exception? error = null;
        var threads = new[]
        {
            new Thread(() => { try { ra = Run(pre, a, start); } catch (Exception e) { error = e; start.RemoveParticipant(); } }),
            new Thread(() => { try { rb = Run(pre, b, start); } catch (Exception e) { error = e; start.RemoveParticipant(); } }),
        };
        foreach (Thread t in threads) t.Start();
        foreach (Thread t in threads) t.Join();
        if (error is not null) throw new InvalidOperationException("a guest thread failed", error);
        return (ra, rb);
    }

    private static InstancePre Pre(string program) =>
        new Linker(SharedEngine).AddWasi().InstantiatePre(Module.FromFile(SharedEngine, Path.Combine(WasiProgram.ExamplesDirectory, program + ".wasm")));

    [Fact]
    public void Two_stores_of_one_InstancePre_keep_their_exit_codes_and_stdout_apart()
    {
        InstancePre pre = Pre("args_env");
        ((int exitA, string outA), (int exitB, string outB)) = RunBoth(pre,
            WasiConfig.Default.WithArgs("args_env.wasm", "--exit", "3", "first"),
            WasiConfig.Default.WithArgs("args_env.wasm", "--exit", "5", "second"));
        Assert.Equal(3, exitA);
        Assert.Equal(5, exitB);
        Assert.Contains("first", outA, StringComparison.Ordinal);
        Assert.DoesNotContain("second", outA, StringComparison.Ordinal);
        Assert.Contains("second", outB, StringComparison.Ordinal);
        Assert.DoesNotContain("first", outB, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_stores_of_one_InstancePre_keep_their_files_apart()
    {
        InstancePre pre = Pre("files");
        using var dirA = new TempDirectory(WasiProgram.DataDirectory("files"));
        using var dirB = new TempDirectory(WasiProgram.DataDirectory("files"));
        static WasiConfig Config(TempDirectory d) => WasiConfig.Default.WithArgs("files.wasm", "/sandbox").WithPreopenedDirectory(d.Path, "/sandbox");
        var (a, b) = RunBoth(pre, Config(dirA), Config(dirB));
        foreach ((int exit, string stdout) in new[] { a, b })
        {
            Assert.Equal(0, exit);
            Assert.EndsWith("all file operations behaved\n", stdout, StringComparison.Ordinal);
            // One transcript per store: a shared descriptor table or stdout would mix or repeat steps.
            Assert.Equal(2, stdout.Split("-- mkdir work").Length);
        }
        Assert.Equal(["greeting.txt", "report.txt"], dirA.Entries());
        Assert.Equal(["greeting.txt", "report.txt"], dirB.Entries());
    }
}
