using System.Text;
using Sharptime.Compiler;
using Sharptime.Text;
using Sharptime.Wasi.Tests.Programs;

namespace Sharptime.Wasi.Tests;

/// <summary>wasi-threads through the public API (<see cref="WasiLinkerExtensions.AddWasiThreads"/>), compiled and interpreted.</summary>
public sealed class WasiThreadsTests
{
    private static Module Parse(Engine engine, string wat) => Module.FromBytes(engine, Wat.Parse(wat));

    [Theory]
    [InlineData(Strategy.Compiler)]
    [InlineData(Strategy.Interpreter)]
    public void The_parallel_sum_example_runs_four_threads_on_one_shared_memory(Strategy strategy)
    {
        Engine engine = NewEngine(strategy);
        Module module = Parse(engine, File.ReadAllText(Path.Combine(WasiProgram.ExamplesDirectory, "threads.wat")));
        Assert.Equal("sum of 1..1000000 over 4 threads = 500000500000\n", RunStart(engine, module));
    }

    /// <summary>Runs _start of a wasi-threads program; returns its stdout, after checking no thread ended with an error.</summary>
    internal static string RunStart(Engine engine, Module module)
    {
        using var stdout = new MemoryStream();
        using var wasi = new WasiContext(WasiConfig.Default.WithArgs("threads").WithStdout(stdout));
        using var store = new Store<WasiContext>(engine, wasi);
        var ended = new List<Exception>();
        Linker linker = new Linker(engine).AddWasi();
        linker.AddWasiThreads(module, store, () => new Store<WasiContext>(engine, wasi), e => { lock (ended) ended.Add(e); });
        linker.Instantiate(store, module).GetAction("_start")();
        Assert.Empty(ended);
        return Encoding.UTF8.GetString(stdout.ToArray());
    }

    internal static Engine NewEngine(Strategy strategy) =>
        new(Config.Default.UseCompiler() with { Strategy = strategy, Features = WasmFeatures.Wasm3 | WasmFeatures.Threads });

    [Fact]
    public async Task Proc_exit_in_a_spawned_thread_reaches_the_host_with_its_code()
    {
        Engine engine = NewEngine(Strategy.Compiler);
        Module module = Parse(engine, """
            (module
              (import "env" "memory" (memory 1 1 shared))
              (import "wasi" "thread-spawn" (func $spawn (param i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
              (export "memory" (memory 0))
              (func (export "wasi_thread_start") (param $tid i32) (param $arg i32) (call $proc_exit (local.get $arg)))
              (func (export "spawn") (param i32) (result i32) (call $spawn (local.get 0))))
            """);
        using var wasi = new WasiContext(WasiConfig.Default);
        using var store = new Store<WasiContext>(engine, wasi);
        var ended = new TaskCompletionSource<Exception>();
        Linker linker = new Linker(engine).AddWasi();
        linker.AddWasiThreads(module, store, () => new Store<WasiContext>(engine, wasi), e => ended.TrySetResult(e));
        Func<int, int> spawn = linker.Instantiate(store, module).GetFunction<int, int>("spawn");
        Assert.Equal(1, spawn(9));
        Exception exit = await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(9, Assert.IsType<WasiExitException>(exit).ExitCode);
        Assert.Equal(2, spawn(3));
    }

    [Fact]
    public void A_module_that_is_not_built_for_wasi_threads_is_refused_with_what_is_missing()
    {
        Engine engine = NewEngine(Strategy.Compiler);
        using var store = new Store(engine);
        Module noStart = Parse(engine, "(module (import \"env\" \"memory\" (memory 1 1 shared)))");
        Module noMemory = Parse(engine, "(module (func (export \"wasi_thread_start\") (param i32 i32)))");
        ArgumentException start = Assert.Throws<ArgumentException>(() => new Linker(engine).AddWasiThreads(noStart, store, () => new Store(engine), _ => { }));
        Assert.Contains("wasi_thread_start", start.Message, StringComparison.Ordinal);
        ArgumentException memory = Assert.Throws<ArgumentException>(() => new Linker(engine).AddWasiThreads(noMemory, store, () => new Store(engine), _ => { }));
        Assert.Contains("imports a shared memory", memory.Message, StringComparison.Ordinal);
    }
}
