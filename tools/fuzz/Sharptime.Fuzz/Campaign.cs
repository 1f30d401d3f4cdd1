using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Sharptime.Fuzz;

/// <summary>What a campaign runs.</summary>
internal sealed record CampaignOptions
{
    public ulong Seed { get; init; } = 1;
    public int Count { get; init; } = 100;
    public string Generator { get; init; } = "both";
    public bool HwOn { get; init; } = true;
    public bool HwOff { get; init; } = true;
    /// <summary>Also run every module in the interpreter (<see cref="Strategy.Interpreter"/>).</summary>
    public bool Interpreter { get; init; } = true;
    /// <summary>Also compile every module with <see cref="Config.EpochInterruption"/> on (its loop copies and slow paths); off by default.</summary>
    public bool Epochs { get; init; }
    public string OutDir { get; init; } = Path.Combine(Path.GetTempPath(), "sharptime-fuzz");
    public string KnownFile { get; init; } = Path.Combine(AppContext.BaseDirectory, "known-divergences.txt");
    public TimeSpan ModuleTimeout { get; init; } = TimeSpan.FromSeconds(30);
    public int Jobs { get; init; } = 2;
    public TextWriter? Log { get; init; }
}

/// <summary>One divergence: a Sharptime run whose trace differs from V8's.</summary>
internal sealed record Divergence(string Case, ulong Seed, string Variant, string Cause, TraceDifference Difference, string Directory);

/// <summary>The numbers a campaign reports.</summary>
internal sealed class CampaignReport
{
    public int Modules { get; set; }
    public int SharptimeRuns { get; set; }
    public int ExportCalls { get; set; }
    public int SkippedExports { get; set; }
    public int V8Rejected { get; set; }
    public int Timeouts { get; set; }
    public List<Divergence> Divergences { get; } = [];
    public Dictionary<string, string> Known { get; init; } = [];
    public TimeSpan Elapsed { get; set; }

    /// <summary>Divergences neither of a known cause nor in a module pinned by seed in the known file.</summary>
    public IEnumerable<Divergence> Unexplained => Divergences.Where(d => !Known.ContainsKey(d.Cause) && !Pinned(d));

    public bool Pinned(Divergence d) => Known.ContainsKey(string.Create(CultureInfo.InvariantCulture, $"seed:0x{d.Seed:x16}"));

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"modules {Modules}, Sharptime runs {SharptimeRuns}, export calls {ExportCalls} (per engine run), skipped exports {SkippedExports}, V8 compile errors {V8Rejected}, timeouts {Timeouts}, {Elapsed.TotalSeconds:0} s");
        sb.AppendLine(CultureInfo.InvariantCulture, $"divergences {Divergences.Count} (modules: {Divergences.Select(d => d.Case).Distinct().Count()})");
        foreach (IGrouping<string, Divergence> g in Divergences.GroupBy(d => d.Cause).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            string status = Known.TryGetValue(g.Key, out string? reason) ? "known: " + reason : "NOT KNOWN";
            sb.AppendLine(CultureInfo.InvariantCulture, $"  {g.Key}: {g.Count()} runs in {g.Select(d => d.Case).Distinct().Count()} modules [{string.Join(", ", g.GroupBy(d => d.Variant).Select(v => $"{v.Key} {v.Count()}"))}] ({status})");
        }
        foreach (Divergence d in Divergences.Where(d => Pinned(d) && !Known.ContainsKey(d.Cause)))
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"pinned (listed by seed, cause not yet known) {d.Case} seed 0x{d.Seed:x16} {d.Variant}: {d.Directory}");
        }
        foreach (Divergence d in Unexplained)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"UNEXPLAINED {d.Case} seed 0x{d.Seed:x16} {d.Variant}: reproducer {d.Directory}");
            sb.AppendLine(d.Difference.ToString());
        }
        return sb.ToString();
    }
}

/// <summary>
/// Generates modules, runs each on V8 (Node) and on Sharptime with hardware intrinsics on and off, compares
/// the traces (<see cref="TraceComparer"/>) and classifies divergences (<see cref="Triage"/>).
/// </summary>
internal static class Campaign
{
    public const string WasmOptFeatures = "--mvp-features --enable-sign-ext --enable-nontrapping-float-to-int --enable-simd "
        + "--enable-bulk-memory --enable-multivalue --enable-tail-call --enable-mutable-globals --enable-extended-const";

    public static readonly string[] NodeFlags = ["--experimental-wasm-type-reflection", "--experimental-wasm-memory64", "--experimental-wasm-extended-const"];

    private sealed record Case(string Name, ulong Seed, string Generator, string Dir, string Reference, List<string> Variants);

    public static int Command(string[] args)
    {
        var o = new CampaignOptions { Log = Console.Out };
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            o = args[i] switch
            {
                "--seed" => o with { Seed = ParseSeed(Next()) },
                "--count" => o with { Count = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--generator" => o with { Generator = Next() },
                "--hw" => Next() switch
                {
                    "on" => o with { HwOn = true, HwOff = false },
                    "off" => o with { HwOn = false, HwOff = true },
                    "both" => o with { HwOn = true, HwOff = true },
                    string v => throw new ArgumentException($"--hw {v}: expected on, off or both"),
                },
                "--interpreter" => Next() switch
                {
                    "on" => o with { Interpreter = true },
                    "off" => o with { Interpreter = false },
                    string v => throw new ArgumentException($"--interpreter {v}: expected on or off"),
                },
                "--epochs" => Next() switch
                {
                    "on" => o with { Epochs = true },
                    "off" => o with { Epochs = false },
                    string v => throw new ArgumentException($"--epochs {v}: expected on or off"),
                },
                "--out" => o with { OutDir = Path.GetFullPath(Next()) },
                "--known" => o with { KnownFile = Next() },
                "--jobs" => o with { Jobs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--timeout" => o with { ModuleTimeout = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        string? missing = MissingTool();
        if (missing is not null)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        CampaignReport report = Run(o);
        Console.WriteLine(report);
        return report.Unexplained.Any() ? 1 : 0;
    }

    /// <summary>
    /// Runs the modules kept in earlier campaigns' case folders again, with this build, in every Sharptime
    /// mode, and classifies what still diverges from the V8 trace kept there (V8 does not change between
    /// builds). Prints one line per divergent run, "folder run cause", then the count per cause; exits 1 if
    /// any is unexplained.
    /// </summary>
    public static int Retriage(string[] dirs)
    {
        var o = new CampaignOptions();
        var cases = dirs.Select(dir =>
        {
            string seedLine = File.ReadAllText(Path.Combine(dir, "seed.txt"));
            int at = seedLine.IndexOf("seed 0x", StringComparison.Ordinal);
            ulong seed = ParseSeed(seedLine[(at + 5)..].Split(':')[0]);
            var variants = new List<string> { Path.Combine(dir, "module.wasm") };
            if (File.Exists(Path.Combine(dir, "module.try_table.wasm"))) variants.Add(Path.Combine(dir, "module.try_table.wasm"));
            return new Case(Path.GetFileName(dir.TrimEnd('/')), seed, seedLine.StartsWith("own", StringComparison.Ordinal) ? "own" : "binaryen",
                dir, variants[0], variants);
        }).ToList();
        string[] modes = ["hw-on", "hw-off", "interp"];
        var traces = new Dictionary<(string Mode, string Path), string>();
        Parallel.ForEach(modes, mode =>
        {
            using BatchRunner runner = SharptimeRunner(mode, o.ModuleTimeout);
            foreach (string path in cases.SelectMany(c => c.Variants))
            {
                string trace = runner.Run(path);
                lock (traces) traces[(mode, path)] = trace;
            }
        });
        var lines = new List<(string Line, string Cause)>();
        Parallel.ForEach(cases, new ParallelOptions { MaxDegreeOfParallelism = o.Jobs }, c =>
        {
            string v8 = File.ReadAllText(Path.Combine(c.Dir, "v8.trace"));
            foreach (string mode in modes)
            {
                foreach (string variant in c.Variants)
                {
                    TraceDifference? d = TraceComparer.Compare(v8, traces[(mode, variant)]);
                    if (d is null) continue;
                    string cause = Classify(c, d, mode, o);
                    string label = mode + (variant == c.Reference ? "" : "." + VariantName(variant));
                    lock (lines) lines.Add(($"{c.Dir} {label} {cause}", cause));
                }
            }
        });
        foreach ((string line, _) in lines.OrderBy(l => l.Line, StringComparer.Ordinal)) Console.WriteLine(line);
        Console.WriteLine($"{cases.Count} modules, {lines.Count} divergent runs in {lines.Select(l => l.Line.Split(' ')[0]).Distinct().Count()} modules");
        foreach (IGrouping<string, (string Line, string Cause)> g in lines.GroupBy(l => l.Cause).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"  {g.Key}: {g.Count()} runs in {g.Select(l => l.Line.Split(' ')[0]).Distinct().Count()} modules");
        }
        return lines.Any(l => l.Cause == Triage.Unexplained) ? 1 : 0;
    }

    public static ulong ParseSeed(string s) => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
        ? ulong.Parse(s[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
        : ulong.Parse(s, CultureInfo.InvariantCulture);

    /// <summary>Why a campaign cannot run here (wasm-opt or node missing), or null.</summary>
    public static string? MissingTool()
    {
        if (FindOnPath("wasm-opt") is null) return "wasm-opt (binaryen) is not on PATH: apt-get install -y binaryen";
        if (FindOnPath("node") is null) return "node is not on PATH: the differential fuzzer compares against V8 (Node 20)";
        return null;
    }

    public static string? FindOnPath(string tool)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            string p = Path.Combine(dir, tool);
            if (dir.Length > 0 && File.Exists(p)) return p;
        }
        return null;
    }

    public static CampaignReport Run(CampaignOptions o)
    {
        var clock = Stopwatch.StartNew();
        var report = new CampaignReport { Known = KnownDivergences.Load(o.KnownFile) };
        if (Directory.Exists(o.OutDir)) Directory.Delete(o.OutDir, recursive: true);
        Directory.CreateDirectory(o.OutDir);

        // 1. Generate.
        var cases = new Case[o.Count];
        Parallel.For(0, o.Count, new ParallelOptions { MaxDegreeOfParallelism = o.Jobs }, i =>
        {
            ulong seed = SplitMix.Mix(o.Seed + (ulong)i);
            string gen = o.Generator == "both" ? (i % 2 == 0 ? "binaryen" : "own") : o.Generator;
            string name = $"{i:d5}-{gen}";
            string dir = Path.Combine(o.OutDir, "cases", name);
            Directory.CreateDirectory(dir);
            cases[i] = gen switch
            {
                "binaryen" => GenerateBinaryen(name, seed, dir),
                "own" => GenerateOwn(name, seed, dir),
                _ => throw new ArgumentException($"--generator {gen}: expected binaryen, own or both"),
            };
        });
        report.Modules = cases.Length;
        o.Log?.WriteLine($"generated {cases.Length} modules in {clock.Elapsed.TotalSeconds:0.0} s");

        // 2. Run: V8 on each reference module; Sharptime on every variant in each hardware-intrinsics mode.
        var runs = new List<(string Variant, BatchRunner Runner, List<string> Paths)>
        {
            ("v8", NodeRunner(o.ModuleTimeout), cases.Select(c => c.Reference).ToList()),
        };
        List<string> sharptimePaths = cases.SelectMany(c => c.Variants).ToList();
        if (o.HwOn) runs.Add(("hw-on", SharptimeRunner("hw-on", o.ModuleTimeout), sharptimePaths));
        if (o.HwOff) runs.Add(("hw-off", SharptimeRunner("hw-off", o.ModuleTimeout), sharptimePaths));
        if (o.Interpreter) runs.Add(("interp", SharptimeRunner("interp", o.ModuleTimeout), sharptimePaths));
        if (o.Epochs) runs.Add(("epochs", SharptimeRunner("epochs", o.ModuleTimeout), sharptimePaths));
        var traces = new Dictionary<(string Mode, string Path), string>();
        Parallel.ForEach(runs, new ParallelOptions { MaxDegreeOfParallelism = runs.Count }, run =>
        {
            using BatchRunner runner = run.Runner;
            foreach (string path in run.Paths)
            {
                string trace = runner.Run(path);
                lock (traces) traces[(run.Variant, path)] = trace;
            }
        });
        o.Log?.WriteLine($"ran {runs.Sum(r => r.Paths.Count)} module runs in {clock.Elapsed.TotalSeconds:0.0} s");

        // 3. Compare and classify.
        foreach (Case c in cases)
        {
            string v8 = traces[("v8", c.Reference)];
            File.WriteAllText(Path.Combine(c.Dir, "v8.trace"), v8);
            report.ExportCalls += Count(v8, "call ");
            report.SkippedExports += Count(v8, "skip ");
            if (v8.StartsWith("compile-error", StringComparison.Ordinal)) report.V8Rejected++;
            if (v8.Contains("timeout\n", StringComparison.Ordinal)) report.Timeouts++;
            bool diverged = false;
            foreach ((string mode, BatchRunner _, List<string> _) in runs.Skip(1))
            {
                foreach (string variant in c.Variants)
                {
                    report.SharptimeRuns++;
                    string trace = traces[(mode, variant)];
                    string label = mode + (variant == c.Reference ? "" : "/" + VariantName(variant));
                    File.WriteAllText(Path.Combine(c.Dir, label.Replace('/', '.') + ".trace"), trace);
                    if (trace.Contains("timeout\n", StringComparison.Ordinal)) report.Timeouts++;
                    TraceDifference? d = TraceComparer.Compare(v8, trace);
                    if (d is null) continue;
                    diverged = true;
                    string cause = Classify(c, d, mode, o);
                    report.Divergences.Add(new Divergence(c.Name, c.Seed, label, cause, d, c.Dir));
                }
            }
            if (!diverged) Directory.Delete(c.Dir, recursive: true);
        }
        report.Elapsed = clock.Elapsed;
        File.WriteAllText(Path.Combine(o.OutDir, "report.txt"), report.ToString());
        return report;
    }

    /// <summary>
    /// The cause of a divergence. NaN bits come first: a divergence that goes away once every NaN a float
    /// operation makes is canonical is spec-allowed, whatever else the code contains. Only then do the
    /// RyuJIT detectors look for their patterns (compiled modes only: the interpreter's code is not compiled
    /// per module).
    /// </summary>
    private static string Classify(Case c, TraceDifference d, string mode, CampaignOptions o)
    {
        if (VanishesWithoutNaNs(c, CallIndex(d), mode, o)) return Triage.NaNNondeterminism;
        string text = Print(c.Reference);
        File.WriteAllText(Path.Combine(c.Dir, "module.print.wat"), text);
        if (mode != "interp" && Triage.Classify(text, d.Export, mode is "hw-on" or "epochs") is string known) return known;
        return Triage.Unexplained;
    }

    /// <summary>
    /// Whether the divergence goes away once NaNs are made deterministic: in the own generator's modules by
    /// rendering the same module with every scalar NaN canonical (SIMD NaN lanes always are), in binaryen's
    /// by its --denan pass, which replaces every NaN a float operation makes by 0. Either way only NaN values
    /// change, so the divergence came from NaN sign or payload bits, which the spec leaves to the engine and
    /// which reinterpret, copysign or a store make visible as integers. The canonical rendering keeps a
    /// signaling NaN visible (as infinity), where --denan would hide a wrong quiet bit.
    /// </summary>
    private static bool VanishesWithoutNaNs(Case c, int call, string mode, CampaignOptions o)
    {
        // Later exports may diverge for another reason; this call and those before it must agree.
        bool Vanishes(TraceDifference? d) => d is null || (d.Left ?? "") != "compile-error" && CallIndex(d) > call;
        return c.Generator == "own"
            ? Vanishes(Cached(c, mode, "canonical-nan", () => CanonicalNaNDifference(c, mode, o)))
            : Vanishes(Cached(c, mode, "denan", () => DeNaNDifference(c, mode, o)));
    }

    private static int CallIndex(TraceDifference d) => d.CallsBefore;

    private static readonly Dictionary<(string, string, string), TraceDifference?> NaNFreeResults = [];

    private static TraceDifference? Cached(Case c, string mode, string variant, Func<TraceDifference?> compute)
    {
        lock (NaNFreeResults)
        {
            if (!NaNFreeResults.TryGetValue((c.Dir, mode, variant), out TraceDifference? d)) d = NaNFreeResults[(c.Dir, mode, variant)] = compute();
            return d;
        }
    }

    private static TraceDifference? DeNaNDifference(Case c, string mode, CampaignOptions o)
    {
        string denan = Path.Combine(c.Dir, "module.denan.wasm");
        if (!File.Exists(denan) && Tool("wasm-opt", $"{c.Reference} {WasmOptFeatures} --enable-exception-handling --enable-memory64 --denan -o {denan}") != 0)
        {
            return new TraceDifference(1, null, "compile-error", null);
        }
        return RunBoth(denan, mode, o);
    }

    private static TraceDifference? CanonicalNaNDifference(Case c, string mode, CampaignOptions o)
    {
        string text = OwnGenerator.Generate(c.Seed, EhStyle.Legacy, canonicalNaNs: true);
        string wasm = Path.Combine(c.Dir, "module.canonical-nan.wasm");
        File.WriteAllText(Path.ChangeExtension(wasm, ".wat"), text);
        File.WriteAllBytes(wasm, Sharptime.Text.Wat.Parse(text, "module.canonical-nan.wat"));
        return RunBoth(wasm, mode, o);
    }

    private static TraceDifference? RunBoth(string wasm, string mode, CampaignOptions o)
    {
        using BatchRunner v8 = NodeRunner(o.ModuleTimeout);
        using BatchRunner st = SharptimeRunner(mode, o.ModuleTimeout);
        return TraceComparer.Compare(v8.Run(wasm), st.Run(wasm));
    }

    private static string Print(string wasm)
    {
        string printed = Path.ChangeExtension(wasm, ".print.txt");
        Tool("wasm-opt", $"{wasm} {WasmOptFeatures} --enable-exception-handling --enable-memory64 --print", printed);
        return File.Exists(printed) ? File.ReadAllText(printed) : "";
    }

    private static string VariantName(string path) => Path.GetFileNameWithoutExtension(path).Replace("module.", "", StringComparison.Ordinal);

    private static int Count(string trace, string prefix) =>
        trace.Split('\n').Count(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private static Case GenerateBinaryen(string name, ulong seed, string dir)
    {
        // The -ttf input is random bytes; its length sets the module's size (binaryen reads it as a stream
        // of choices). 1-6 KB makes modules of 10-40 functions.
        var rng = new SplitMix(seed);
        var input = new byte[1000 + (int)rng.Next(5000)];
        for (int i = 0; i < input.Length; i++) input[i] = (byte)rng.Next(256);
        string data = Path.Combine(dir, "input.dat");
        File.WriteAllBytes(data, input);
        string wasm = Path.Combine(dir, "module.wasm");
        if (Tool("wasm-opt", $"-ttf {data} {WasmOptFeatures} -o {wasm}") != 0 || !File.Exists(wasm))
        {
            throw new InvalidOperationException($"wasm-opt -ttf failed for {data}");
        }
        File.WriteAllText(Path.Combine(dir, "seed.txt"), $"binaryen -ttf seed 0x{seed:x16}: wasm-opt -ttf input.dat {WasmOptFeatures} -o module.wasm\n");
        return new Case(name, seed, "binaryen", dir, wasm, [wasm]);
    }

    private static Case GenerateOwn(string name, ulong seed, string dir)
    {
        // Rendered twice from the same choices: legacy exception handling (try/catch, which Node 20's V8
        // runs) and the standard try_table/throw form (Sharptime only); both must give V8's trace.
        string legacy = OwnGenerator.Generate(seed, EhStyle.Legacy);
        string standard = OwnGenerator.Generate(seed, EhStyle.TryTable);
        string wasm = Path.Combine(dir, "module.wasm");
        File.WriteAllText(Path.Combine(dir, "module.wat"), legacy);
        File.WriteAllBytes(wasm, Sharptime.Text.Wat.Parse(legacy, "module.wat"));
        var variants = new List<string> { wasm };
        if (standard != legacy)
        {
            string tt = Path.Combine(dir, "module.try_table.wasm");
            File.WriteAllText(Path.Combine(dir, "module.try_table.wat"), standard);
            File.WriteAllBytes(tt, Sharptime.Text.Wat.Parse(standard, "module.try_table.wat"));
            variants.Add(tt);
        }
        File.WriteAllText(Path.Combine(dir, "seed.txt"), $"own generator seed 0x{seed:x16}: Sharptime.Fuzz gen --seed 0x{seed:x16}\n");
        return new Case(name, seed, "own", dir, wasm, variants);
    }

    /// <summary>Runs a tool to completion; stdout to <paramref name="stdoutFile"/> if given. Returns the exit status.</summary>
    public static int Tool(string file, string arguments, string? stdoutFile = null)
    {
        var start = new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using Process p = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {file}");
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        _ = stderr.Result;
        if (stdoutFile is not null) File.WriteAllText(stdoutFile, stdout);
        return p.ExitCode;
    }

    private static BatchRunner NodeRunner(TimeSpan timeout)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string f in NodeFlags) start.ArgumentList.Add(f);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "v8-runner.js"));
        return new BatchRunner("v8", start, timeout);
    }

    /// <summary>Sharptime in a mode: hw-on and hw-off compile (hardware intrinsics on or off), interp interprets, epochs compiles with epoch checks.</summary>
    private static BatchRunner SharptimeRunner(string mode, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(Campaign).Assembly.Location);
        start.ArgumentList.Add("exec");
        start.Environment["DOTNET_EnableHWIntrinsic"] = mode == "hw-off" ? "0" : "1";
        if (mode is "interp" or "epochs") start.Environment[SharptimeExecutor.StrategyVariable] = mode == "interp" ? "interpreter" : "epochs";
        return new BatchRunner(mode, start, timeout);
    }

    /// <summary>The <c>dotnet</c> host running this process, else DOTNET_ROOT's, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root) && File.Exists(Path.Combine(root, "dotnet"))) return Path.Combine(root, "dotnet");
        return "dotnet";
    }
}

/// <summary>known-divergences.txt: "cause-id  reason" a line; '#' starts a comment.</summary>
internal static class KnownDivergences
{
    public static Dictionary<string, string> Load(string path)
    {
        var known = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return known;
        foreach (string raw in File.ReadAllLines(path))
        {
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOfAny([' ', '\t']);
            known[space < 0 ? line : line[..space]] = space < 0 ? "" : line[space..].Trim();
        }
        return known;
    }
}

/// <summary>SplitMix64: a small, fast, seedable generator whose sequence never changes with the .NET version.</summary>
internal sealed class SplitMix(ulong seed)
{
    private ulong _state = seed;

    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9;
        z = (z ^ (z >> 27)) * 0x94d049bb133111eb;
        return z ^ (z >> 31);
    }

    public ulong NextU64() => Mix(_state += 0x9e3779b97f4a7c15);

    /// <summary>A value in [0, n).</summary>
    public ulong Next(ulong n) => NextU64() % n;

    public int Int(int n) => (int)Next((ulong)n);

    public bool Chance(int percent) => Int(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Int(items.Count)];
}
