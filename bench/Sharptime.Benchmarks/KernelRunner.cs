using System.Diagnostics;
using System.Globalization;
using Sharptime.Compiler;

namespace Sharptime.Benchmarks;

/// <summary>
/// The Sharptime side of bench/run-kernels.py: runs the kernels of bench/corpus/kernels.tsv (exports of
/// type (i32) -> i64) and prints one JSON line per kernel with the median time and the checksum, in the
/// same shape as the native harness and the Node runner.
/// </summary>
/// <remarks>
/// Usage: <c>kernels --manifest PATH [--reps N] [--warmup W] [--json] [--collectible] [--cpu-time] [--fuel] [--epoch] [--interpreter] [--tiered] [NAME...]</c>.
/// <c>--fuel</c> and <c>--epoch</c> compile fuel counting and epoch checks in (with unlimited fuel and no deadline), to measure what they cost.
/// Code is non-collectible by default (tiered and profile-guided like any .NET code, see DESIGN.md);
/// <c>--collectible</c> measures the unloadable variant. <c>--cpu-time</c> times each call with the
/// calling thread's CPU time instead of the wall clock (Linux only): on a loaded machine it leaves
/// out the time the thread waited for a core, so A/B comparisons of generated code stay usable.
/// </remarks>
internal static partial class KernelRunner
{
    public static int Run(string[] args)
    {
        string? manifest = null;
        int reps = 5, warmup = 2;
        bool collectible = false, cpuTime = false, fuel = false, epoch = false;
        Strategy strategy = Strategy.Auto;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--manifest": manifest = args[++i]; break;
                case "--reps": reps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--json": break; // the only output format
                case "--collectible": collectible = true; break;
                case "--cpu-time": cpuTime = true; break;
                case "--fuel": fuel = true; break;
                case "--epoch": epoch = true; break;
                case "--interpreter": strategy = Strategy.Interpreter; break;
                case "--tiered": strategy = Strategy.Tiered; break;
                default: names.Add(args[i]); break;
            }
        }
        if (manifest is null)
        {
            Console.Error.WriteLine("kernels: --manifest PATH is required");
            return 2;
        }
        var engine = new Engine(Config.Default.UseCompiler(collectible) with { ConsumeFuel = fuel, EpochInterruption = epoch, Strategy = strategy });
        string wasmDir = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(manifest))!, "wasm");
        var modules = new Dictionary<string, Module>(StringComparer.Ordinal);
        int status = 0;
        foreach (string line in File.ReadLines(manifest))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] fields = line.Split('\t');
            string name = fields[0], moduleName = fields[1];
            int arg = int.Parse(fields[2], CultureInfo.InvariantCulture);
            if (names.Count > 0 && !names.Contains(name)) continue;
            try
            {
                if (!modules.TryGetValue(moduleName, out Module? module))
                {
                    // A module without a .wasm (bench/gc: GC modules have no other standard encoder here) comes from src/<module>.wat.
                    string wasm = Path.Combine(wasmDir, moduleName + ".wasm");
                    module = File.Exists(wasm) ? Module.FromFile(engine, wasm)
                        : Module.FromBytes(engine, Text.Wat.Parse(File.ReadAllText(Path.Combine(wasmDir, "..", "src", moduleName + ".wat"))));
                    modules[moduleName] = module;
                }
                // A fresh instance per kernel, as the other runners do.
                using var store = new Store(engine);
                if (fuel) store.SetFuel(ulong.MaxValue);
                if (epoch) store.SetEpochDeadline(ulong.MaxValue);
                Instance instance = new Linker(engine).Instantiate(store, module);
                Func<int, long> kernel = instance.GetFunction<int, long>(name);
                long checksum = kernel(arg);
                for (int i = 1; i < warmup; i++) Same(name, checksum, kernel(arg), ref status);
                var times = new double[reps];
                var sw = new Stopwatch();
                for (int i = 0; i < reps; i++)
                {
                    double cpuStart = cpuTime ? ThreadCpuMilliseconds() : 0;
                    sw.Restart();
                    long result = kernel(arg);
                    times[i] = cpuTime ? ThreadCpuMilliseconds() - cpuStart : sw.Elapsed.TotalMilliseconds;
                    Same(name, checksum, result, ref status);
                }
                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"engine\":\"sharptime\",\"kernel\":\"{name}\",\"median_ms\":{times[reps / 2]:F2},\"min_ms\":{times[0]:F2},\"checksum\":\"{(ulong)checksum}\"}}"));
            }
            catch (WasmException e)
            {
                Console.Error.WriteLine($"kernels: {name}: {e.Message}");
                status = 1;
            }
        }
        return status;
    }

    private const int ClockThreadCpuTime = 3;

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    internal static double ThreadCpuMilliseconds()
    {
        if (ClockGetTime(ClockThreadCpuTime, out TimeSpec t) != 0) throw new InvalidOperationException("clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
        return (t.Seconds * 1e3) + (t.Nanoseconds / 1e6);
    }

    /// <summary>A kernel must return the same checksum on every call; a difference is an engine bug.</summary>
    private static void Same(string name, long expected, long actual, ref int status)
    {
        if (expected == actual) return;
        Console.Error.WriteLine($"kernels: {name}: not deterministic: {(ulong)expected} then {(ulong)actual}");
        status = 1;
    }
}
