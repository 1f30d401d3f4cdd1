using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Sharptime.Compiler;

namespace Sharptime.Benchmarks.Suite;

/// <summary>
/// Compile time of the modules of bench/corpus/wasm: <see cref="ToIl"/> is decode, validate and IL
/// emission (what <c>Module</c> creation plus first instantiation cost); <see cref="ToNative"/> also has
/// the .NET JIT compile every function, which otherwise happens lazily at each function's first call.
/// The MB/s column is the module's size over the median time.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class CompileBenchmarks
{
    private Engine _engine = null!;
    private byte[] _bytes = [];

    /// <summary>A module of bench/corpus/wasm, without the extension.</summary>
    [Params("tern", "int_loops", "float_math", "hashing")]
    public string Module { get; set; } = "";

    /// <summary>Reads the module.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _engine = new Engine(Config.Default.UseCompiler(collectible: true));
        _bytes = File.ReadAllBytes(CorpusPath(Module));
    }

    /// <summary>Wasm bytes to IL in a collectible assembly.</summary>
    [Benchmark]
    public object ToIl() => Sharptime.Module.FromBytes(_engine, _bytes);

    /// <summary>Wasm bytes to native code for every function.</summary>
    [Benchmark]
    public object ToNative()
    {
        Module module = Sharptime.Module.FromBytes(_engine, _bytes);
        module.Compiled.PrepareAll();
        return module;
    }

    /// <summary>The path of a corpus module, found by walking up from the benchmark's directory.</summary>
    internal static string CorpusPath(string module)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "corpus", "wasm", module + ".wasm");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"bench/corpus/wasm/{module}.wasm not found above {AppContext.BaseDirectory}");
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig() => AddColumn(new MegabytesPerSecondColumn());
    }

    /// <summary>Module size / median time.</summary>
    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";
        public string ColumnName => "MB/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => "Wasm megabytes (10^6 bytes) compiled per second, at the median time";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            BenchmarkReport? report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            string module = (string)benchmarkCase.Parameters["Module"];
            double seconds = stats.Median / 1e9;
            return (new FileInfo(CorpusPath(module)).Length / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
