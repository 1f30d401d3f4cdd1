using System.Diagnostics;
using System.Globalization;
using Sharptime.Compiler;
using Sharptime.Wasi;

namespace Sharptime.Benchmarks;

/// <summary>
/// The Sharptime side of bench/run-programs.py: runs the public benchmark programs of
/// bench/programs/programs.tsv (WASI commands that call <c>bench.start</c> and <c>bench.end</c>
/// around their measured work, as Sightglass defines them) and prints one JSON line per program with
/// the median time between the two calls.
/// </summary>
/// <remarks>
/// Usage: <c>programs --manifest PATH --dir CORPUS [--reps N] [--warmup W] [--warmup-seconds S] [--json] [--cpu-time] [--artifacts DIR] [NAME...]</c>.
/// <c>--artifacts DIR</c> runs <c>DIR/NAME.cwasm</c> (made by <c>sharptime compile</c>, with ReadyToRun code) instead of compiling the .wasm in memory.
/// Warm-up is at least W untimed runs, and more until S seconds have passed: .NET compiles a method
/// fully optimized only after it was called 30 times (or, for a long loop, on-stack replacement), so a
/// short program needs many runs before its code is what it will stay.
/// Every run is a fresh store and instance of one compiled module, as a request in a host would be;
/// the program's directory is pre-opened as "." (the programs read their input from there) and its
/// stdout is compared with the expected output next to it, so a program that computes something else
/// is reported, not timed.
/// </remarks>
internal static class ProgramRunner
{
    public static int Run(string[] args)
    {
        string? manifest = null, corpus = null;
        int reps = 5, warmup = 2;
        double warmupSeconds = 0;
        bool cpuTime = false;
        string? artifacts = null;
        var names = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--manifest": manifest = args[++i]; break;
                case "--dir": corpus = args[++i]; break;
                case "--reps": reps = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup": warmup = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--warmup-seconds": warmupSeconds = double.Parse(args[++i], CultureInfo.InvariantCulture); break;
                case "--json": break; // the only output format
                case "--cpu-time": cpuTime = true; break;
                case "--artifacts": artifacts = args[++i]; break;
                default: names.Add(args[i]); break;
            }
        }
        if (manifest is null || corpus is null)
        {
            Console.Error.WriteLine("programs: --manifest PATH and --dir CORPUS are required");
            return 2;
        }
        var engine = new Engine(Config.Default.UseCompiler());
        int status = 0;
        foreach (string line in File.ReadLines(manifest))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            string[] fields = line.Split('\t');
            string name = fields[0], path = Path.Combine(corpus, fields[1]);
            if (names.Count > 0 && !names.Contains(name)) continue;
            try
            {
                string? artifact = artifacts is null ? null : Path.Combine(artifacts, name + ".cwasm");
                double[] times = Measure(engine, name, path, artifact, reps, warmup, warmupSeconds, cpuTime);
                Array.Sort(times);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{{\"engine\":\"sharptime\",\"program\":\"{name}\",\"median_ms\":{times[reps / 2]:F2},\"min_ms\":{times[0]:F2}}}"));
            }
            catch (Exception e) when (e is WasmException or WasiExitException or IOException or InvalidOperationException)
            {
                Console.Error.WriteLine($"programs: {name}: {e.Message}");
                status = 1;
            }
        }
        return status;
    }

    private static double[] Measure(Engine engine, string name, string path, string? artifact, int reps, int warmup, double warmupSeconds, bool cpuTime)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        string expectedPath = Path.ChangeExtension(path, ".stdout.expected");
        string? expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath) : null;
        var module = artifact is not null ? Module.DeserializeFile(engine, artifact) : Module.FromFile(engine, path);
        double start = double.NaN, end = double.NaN;
        var linker = new Linker(engine);
        linker.AddWasi<WasiContext>(static context => context);
        linker.DefineFunction("bench", "start", () => { start = Now(cpuTime); });
        linker.DefineFunction("bench", "end", () => { end = Now(cpuTime); });
        InstancePre pre = linker.InstantiatePre(module);
        var times = new double[reps];
        long warmupEnd = Stopwatch.GetTimestamp() + (long)(warmupSeconds * Stopwatch.Frequency);
        for (int run = -warmup; run < reps; run++)
        {
            if (run == 0 && Stopwatch.GetTimestamp() < warmupEnd) run = -1;
            var stdout = new MemoryStream();
            WasiConfig config = WasiConfig.Default.WithArgs(name).WithStdout(stdout).WithStderr(Stream.Null)
                .WithPreopenedDirectory(directory, ".", WasiDirectoryAccess.ReadOnly);
            using var wasi = new WasiContext(config);
            using var store = new Store<WasiContext>(engine, wasi);
            start = end = double.NaN;
            try
            {
                pre.Instantiate(store).GetAction("_start")();
            }
            catch (WasiExitException e) when (e.ExitCode == 0)
            {
            }
            if (double.IsNaN(start) || double.IsNaN(end)) throw new InvalidOperationException("the program did not call bench.start and bench.end");
            string output = System.Text.Encoding.UTF8.GetString(stdout.GetBuffer(), 0, (int)stdout.Length);
            if (expected is not null && output != expected) throw new InvalidOperationException($"stdout differs from {expectedPath}: {Shorten(output)}");
            if (run >= 0) times[run] = end - start;
        }
        return times;
    }

    private static double Now(bool cpuTime) => cpuTime ? KernelRunner.ThreadCpuMilliseconds() : Stopwatch.GetTimestamp() * 1e3 / Stopwatch.Frequency;

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "...";
}
