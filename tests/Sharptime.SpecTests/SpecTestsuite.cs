using System.Collections.Concurrent;
using Sharptime.Compiler;
using Sharptime.Text;

namespace Sharptime.SpecTests;

/// <summary>
/// Finds the spec testsuite and runs every script in it once, in parallel, with the features
/// <see cref="WastFeatures.ForPath"/> chooses for the script's folder.
/// </summary>
internal static class SpecTestsuite
{
    /// <summary>The environment variable that overrides the testsuite location.</summary>
    public const string EnvironmentVariable = "SHARPTIME_SPEC_TESTSUITE";

    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> Results = new(() => RunAll(static c => c, WastOptions.Default));

    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> PrecompiledResults =
        new(() => RunAll(static c => c, WastOptions.Default with { Precompile = true }));

    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> FuelResults =
        new(() => RunAll(static c => c with { ConsumeFuel = true }, WastOptions.Default));

    /// <summary>
    /// Epoch checks alone: with fuel off, the compiler copies small innermost loops for them (see
    /// its FunctionCompiler.Interruption.cs), which fuel would turn off.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> EpochResults =
        new(() => RunAll(static c => c with { EpochInterruption = true }, WastOptions.Default));

    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> InterpretedResults =
        new(() => RunAll(static c => c with { Strategy = Strategy.Interpreter }, WastOptions.Default));

    /// <summary>
    /// The tiered leg: every module starts interpreted and is compiled in the background at its first
    /// call, so a script runs partly interpreted, partly compiled, and switches in between.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> TieredResults =
        new(() => RunAll(static c => c with { Strategy = Strategy.Tiered, TierUpThreshold = 0 }, WastOptions.Default));

    /// <summary>
    /// The pooling leg: memories and tables from the pooling allocator (copy-on-write images on, the
    /// default), with slots as large as the on-demand limits so that results can be compared.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, WastResult>> PooledResults =
        new(() => RunAll(static c => c with
        {
            AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig
            {
                TotalMemories = 1000,
                TotalTables = 1000,
                MaxMemorySize = c.MaxMemoryBytes,
                MaxTableElements = 10_000_000,
            }),
        }, WastOptions.Default));

    /// <summary>The testsuite folder, or null when it is absent.</summary>
    public static string? Directory { get; } = Locate();

    /// <summary>Where the testsuite was looked for (for the message when it is absent).</summary>
    public static string SearchedLocation { get; private set; } = "";

    /// <summary>Every .wast file of the testsuite, relative to it with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> Files { get; } = FindFiles();

    /// <summary>The result of one script (all scripts run on first use).</summary>
    public static WastResult Result(string file) => Results.Value[file];

    /// <summary>The result of one script with every module compiled into an artifact and loaded from it.</summary>
    public static WastResult PrecompiledResult(string file) => PrecompiledResults.Value[file];

    /// <summary>The result of one script with the pooling allocator (all scripts run on first use).</summary>
    public static WastResult PooledResult(string file) => PooledResults.Value[file];

    /// <summary>The result of one script run by the interpreter (all scripts run on first use).</summary>
    public static WastResult InterpretedResult(string file) => InterpretedResults.Value[file];

    /// <summary>The result of one script with tiered execution (all scripts run on first use).</summary>
    public static WastResult TieredResult(string file) => TieredResults.Value[file];

    /// <summary>The result of one script with fuel counting on (all scripts run on first use).</summary>
    public static WastResult FuelResult(string file) => FuelResults.Value[file];

    /// <summary>The result of one script with epoch interruption on.</summary>
    public static WastResult EpochResult(string file) => EpochResults.Value[file];

    private static string? Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            SearchedLocation = $"{configured} (from {EnvironmentVariable})";
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        string? root = RepositoryRoot();
        if (root is null)
        {
            SearchedLocation = $"../shared/spec-testsuite (no Sharptime.sln above {AppContext.BaseDirectory})";
            return null;
        }
        string path = Path.GetFullPath(Path.Combine(root, "..", "shared", "spec-testsuite"));
        SearchedLocation = path;
        return System.IO.Directory.Exists(path) ? path : null;
    }

    /// <summary>The folder holding Sharptime.sln, found by walking up from the test binaries.</summary>
    public static string? RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln"))) return dir.FullName;
        }
        return null;
    }

    private static List<string> FindFiles()
    {
        var files = new List<string>();
        if (Directory is null) return files;
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, "*.wast", SearchOption.AllDirectories))
        {
            files.Add(Path.GetRelativePath(Directory, path).Replace('\\', '/'));
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static ConcurrentDictionary<string, WastResult> RunAll(Func<Config, Config> configure, WastOptions options)
    {
        var results = new ConcurrentDictionary<string, WastResult>(StringComparer.Ordinal);
        var engines = new ConcurrentDictionary<WasmFeatures, Engine>();
        // Largest files first, so that the parallel loop does not end waiting on one big script.
        var ordered = Files.OrderByDescending(f => new FileInfo(Path.Combine(Directory!, f)).Length).ToList();
        Parallel.ForEach(ordered, file =>
        {
            WasmFeatures features = WastFeatures.ForPath(file);
            Engine engine = engines.GetOrAdd(features, f => new Engine(configure(Config.Default.UseCompiler() with { Features = f })));
            results[file] = RunWithTimeout(file, engine, options);
        });
        return results;
    }

    /// <summary>
    /// A script gets this long (120 s, or SHARPTIME_SPEC_TIMEOUT_SECONDS); the engine has no fuel or epochs
    /// to stop an infinite loop.
    /// </summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SHARPTIME_SPEC_TIMEOUT_SECONDS"), out int seconds) && seconds > 0 ? seconds : 120);

    /// <summary>
    /// Runs one script on a worker task. A script that runs past <see cref="Timeout"/> (an infinite loop in
    /// Wasm code cannot be interrupted) is reported as one failure instead of hanging the test run; its
    /// task is abandoned and ends with the process.
    /// </summary>
    private static WastResult RunWithTimeout(string file, Engine engine, WastOptions options)
    {
        var run = Task.Factory.StartNew(() => Wast.Run(Path.Combine(Directory!, file), engine, file, options),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (run.Wait(Timeout)) return run.Result;
        var result = new WastResult(file);
        result.Fail(0, "script", $"the script to finish within {Timeout.TotalSeconds} s", "it is still running (a hang?)");
        return result;
    }
}
