using System.Text;
using BenchmarkDotNet.Attributes;
using Sharptime.Compiler;
using Sharptime.Text;

namespace Sharptime.Benchmarks.Suite;

/// <summary>
/// Instantiate + call one export + dispose the store, for three modules and four ways of
/// instantiating (docs/rationale/0008-instantiation.md): on demand through <see cref="Linker.Instantiate"/>
/// (imports resolved and checked every time), on demand from an <see cref="InstancePre"/>, pooling from
/// an InstancePre, and pooling from an InstancePre with copy-on-write memory images. The on-demand and
/// plain pooling engines copy data segments (<see cref="Config.MemoryInitCow"/> off), so the last column
/// shows what the images add.
/// </summary>
[MemoryDiagnoser]
public class InstantiationBenchmarks
{
    /// <summary>The module: Small (one function), Data1MiB (a 1 MiB data segment, 64 MiB maximum), Tern (bench/corpus/wasm/tern.wasm, 58 KB of code).</summary>
    [Params("Small", "Data1MiB", "Tern")]
    public string Program { get; set; } = "Small";

    private readonly Value[] _args = [Value.I32(0)];
    private readonly Value[] _results = new Value[1];
    private Case _onDemand = null!, _pooling = null!, _poolingCow = null!;

    /// <summary>Compiles the module into three engines and makes the InstancePres.</summary>
    [GlobalSetup]
    public void Setup()
    {
        byte[] bytes = Bytes(Program);
        _onDemand = new Case(Config.Default.UseCompiler(collectible: false) with { MemoryInitCow = false }, bytes);
        _pooling = new Case(Config.Default.UseCompiler(collectible: false) with { MemoryInitCow = false, AllocationStrategy = Pool }, bytes);
        _poolingCow = new Case(Config.Default.UseCompiler(collectible: false) with { AllocationStrategy = Pool }, bytes);
    }

    internal static InstanceAllocationStrategy Pool { get; } = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig
    {
        TotalMemories = 100,
        TotalTables = 100,
        MaxMemorySize = 64 << 20,
    });

    /// <summary>The module's bytes; each exports <c>run: (i32) -> i64</c> (Tern: <c>tern_front</c>).</summary>
    internal static byte[] Bytes(string program) => program switch
    {
        "Small" => Wat.Parse("(module (func (export \"run\") (param i32) (result i64) (i64.extend_i32_u (local.get 0))))"),
        "Data1MiB" => Wat.Parse(DataModule()),
        "Tern" => File.ReadAllBytes(Path.Combine(RepositoryRoot(), "bench", "corpus", "wasm", "tern.wasm")),
        _ => throw new ArgumentException($"unknown program {program}"),
    };

    internal static string Export(string program) => program == "Tern" ? "tern_front" : "run";

    private static string DataModule()
    {
        var text = new StringBuilder("(module (memory (export \"memory\") 17 1024) (data (i32.const 65536) \"");
        for (int i = 0; i < 1 << 20; i++) text.Append('\\').Append(((i * 7 + 1) & 0xff).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        text.Append("\") (func (export \"run\") (param i32) (result i64) (i64.load8_u offset=65636 (local.get 0))))");
        return text.ToString();
    }

    internal static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }

    /// <summary>On demand, imports resolved and checked at every instantiation.</summary>
    [Benchmark(Baseline = true)]
    public long OnDemand()
    {
        using var store = new Store(_onDemand.Engine);
        return Call(_onDemand.Linker.Instantiate(store, _onDemand.Module));
    }

    /// <summary>On demand from an InstancePre.</summary>
    [Benchmark]
    public long OnDemandPre()
    {
        using var store = new Store(_onDemand.Engine);
        return Call(_onDemand.Pre.Instantiate(store));
    }

    /// <summary>Pooling from an InstancePre, data segments copied.</summary>
    [Benchmark]
    public long PoolingPre()
    {
        using var store = new Store(_pooling.Engine);
        return Call(_pooling.Pre.Instantiate(store));
    }

    /// <summary>Pooling from an InstancePre with copy-on-write memory images.</summary>
    [Benchmark]
    public long PoolingPreCow()
    {
        using var store = new Store(_poolingCow.Engine);
        return Call(_poolingCow.Pre.Instantiate(store));
    }

    private long Call(Instance instance)
    {
        instance.GetFunction(Export(Program))!.Call(_args, _results);
        return _results[0].AsI64();
    }

    /// <summary>An engine, the module compiled in it, a linker and an InstancePre.</summary>
    internal sealed class Case
    {
        public Case(Config config, byte[] bytes)
        {
            Engine = new Engine(config);
            Module = Module.FromBytes(Engine, bytes);
            Linker = new Linker(Engine);
            Pre = Linker.InstantiatePre(Module);
        }

        public Engine Engine { get; }

        public Module Module { get; }

        public Linker Linker { get; }

        public InstancePre Pre { get; }
    }
}
