using System.Globalization;
using System.Text.Json;
using Sharptime.Artifacts;

namespace Sharptime.Cli;

/// <summary>
/// <c>sharptime settings</c>: what the compiler targets and what an artifact records, taken from the
/// code that decides it (the default <see cref="Config"/>, <see cref="ArtifactStamp"/>, the CPU's
/// instruction sets). Modelled on <c>wasmtime settings</c>.
/// </summary>
internal static class SettingsCliCommand
{
    public const string Usage = """
        Usage: sharptime settings [--target TARGET] [--json]

        Prints what 'sharptime compile' targets and records with this sharptime's defaults: the platform
        and the kind of code, the artifact's compatibility stamp (an engine loads an artifact only when
        it matches), the proposals on and off by default, the engine defaults that shape compiled code
        and instances, and the CPU features the .NET JIT uses on this machine.

        Options:
          --target TARGET        A platform for ReadyToRun native code (linux-x64, linux-arm64, win-x64,
                                 osx-arm64, osx-x64) or 'portable' for IL only, as for compile
                                 (default: this machine's)
          --json                 Print the same as JSON
          -h, --help             Show this help
        """;

    /// <summary>One engine default: its key (the option that changes it), its value (bool, number, string or null) and what it means.</summary>
    private sealed record Default(string Key, object? Value, string Note);

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout)
    {
        string target = ReadyToRun.Host;
        bool json = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            if (args[i] == "--json") json = true;
            else if (!CommandArgs.TryValue(args, ref i, "--target", "a target: portable or a platform such as linux-x64", out target))
            {
                throw new UsageException($"unknown option '{args[i]}' for settings (try 'sharptime settings --help')");
            }
        }
        if (target != "portable" && Array.IndexOf(ReadyToRun.Targets, target) < 0)
        {
            throw new UsageException($"unknown target '{target}': use portable or one of {string.Join(", ", ReadyToRun.Targets)}");
        }
        Config config = CompilerSupport.DefaultConfig;
        if (json) WriteJson(stdout, config, target);
        else WriteText(stdout, config, target);
        return 0;
    }

    private static string Code(string target) => target == "portable"
        ? "IL only: the JIT of the machine that runs it compiles it for that machine's CPU"
        : $"ReadyToRun native code for {target} (crossgen2), with IL for the JIT where that code does not apply";

    /// <summary>The proposals Sharptime has (the -W names, without 'all'), split by whether <paramref name="features"/> has them.</summary>
    private static (List<string> On, List<string> Off) Proposals(WasmFeatures features)
    {
        List<string> on = [], off = [];
        foreach ((string name, WasmFeatures flag) in Sharptime.Text.WastFeatures.Names)
        {
            if (flag == WasmFeatures.All) continue;
            ((features & flag) == flag ? on : off).Add(name);
        }
        return (on, off);
    }

    private static List<Default> Defaults(Config config)
    {
        var pooling = new PoolingAllocationConfig();
        string strategy = config.Strategy.ToString().ToLowerInvariant();
        return
        [
            new("strategy", strategy, config.Strategy != Strategy.Auto ? "" : CompilerSupport.IsAvailable ? "the compiler; the interpreter for a module it cannot take" : "the interpreter (NativeAOT build)"),
            new("tier-up-threshold", config.TierUpThreshold, "strategy=tiered: calls and loop iterations of a function before its module is compiled"),
            new("consume-fuel", config.ConsumeFuel, "-W fuel=N turns it on: fuel checks in compiled code"),
            new("epoch-interruption", config.EpochInterruption, "-W epoch-interruption or -W timeout turns it on: epoch checks at function entries and loops"),
            new("max-memory-size", config.MaxMemoryBytes, "bytes a linear memory may reach"),
            new("memory-reservation", config.MaxMemoryBytes, "address space reserved per memory: its maximum, at most max-memory-size (64-bit Linux; elsewhere a memory is allocated at its size and may move when it grows)"),
            new("memory-guard-size", 0, "no guard pages: compiled code bounds-checks every access (.NET cannot turn a fault into a trap)"),
            new("max-wasm-stack", config.MaxWasmStack, config.MaxWasmStack is null ? "the thread's stack, less a margin for the host" : "bytes of stack Wasm may use"),
            new("allocation-strategy", config.AllocationStrategy is InstanceAllocationStrategy.PoolingStrategy ? "pooling" : "on-demand", "-O pooling-allocator takes memories and tables from pre-reserved slots"),
            new("memory-init-cow", config.MemoryInitCow, "data segments mapped copy-on-write from a memory image (Linux)"),
            new("pooling-total-memories", pooling.TotalMemories, "with -O pooling-allocator"),
            new("pooling-total-tables", pooling.TotalTables, "with -O pooling-allocator"),
            new("pooling-max-memory-size", pooling.MaxMemorySize, "with -O pooling-allocator"),
            new("pooling-table-elements", pooling.MaxTableElements, "with -O pooling-allocator"),
            new("pooling-memory-keep-resident", pooling.LinearMemoryKeepResident, "with -O pooling-allocator"),
            new("pooling-max-unused-warm-slots", pooling.MaxUnusedWarmSlots, "with -O pooling-allocator"),
        ];
    }

    private static string Format(object? value) => value switch
    {
        null => "none",
        bool b => b ? "y" : "n",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static void WriteText(TextWriter w, Config config, string target)
    {
        bool host = target == ReadyToRun.Host || target == "portable";
        w.WriteLine($"Sharptime {CliApp.Version} ({CliApp.Commit}) on .NET {Environment.Version}");
        w.WriteLine($"Target: {target}{(target == ReadyToRun.Host ? " (this machine)" : "")}: {Code(target)}");
        w.WriteLine();
        w.WriteLine("Artifact stamp (what 'sharptime compile' records; an engine loads an artifact only when all match):");
        foreach ((string key, string value) in ArtifactStamp.Of(config)) w.WriteLine($"  {key,-30} {value}");
        w.WriteLine($"  {"target",-30} {target}   (read from the artifact's PE header)");
        w.WriteLine();
        (List<string> on, List<string> off) = Proposals(config.Features);
        w.WriteLine("Proposals on by default (-W NAME=n turns one off):");
        w.WriteLine($"  {string.Join(' ', on)}");
        w.WriteLine("Proposals off by default (-W NAME turns one on):");
        w.WriteLine($"  {string.Join(' ', off)}");
        w.WriteLine();
        w.WriteLine("Engine defaults that shape compiled code and instances:");
        foreach (Default d in Defaults(config)) w.WriteLine($"  {d.Key,-30} {Format(d.Value),-12} {d.Note}".TrimEnd());
        w.WriteLine();
        if (!host)
        {
            w.WriteLine($"CPU features: decided by the JIT on the {target} machine that runs the code.");
            return;
        }
        IReadOnlyList<(string Name, bool Supported)> cpu = CpuFeatures.Host;
        w.WriteLine($"CPU features the .NET JIT uses on this machine ({System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant()}):");
        w.WriteLine($"  yes: {string.Join(' ', cpu.Where(c => c.Supported).Select(c => c.Name))}");
        w.WriteLine($"  no:  {string.Join(' ', cpu.Where(c => !c.Supported).Select(c => c.Name))}");
        w.WriteLine("They are not part of the stamp: IL is compiled for the CPU that runs it, and the runtime checks the");
        w.WriteLine("instruction sets ReadyToRun code assumes when it loads it, compiling a method again where they differ.");
    }

    private static void WriteJson(TextWriter w, Config config, string target)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("sharptime-version", ArtifactStamp.SharptimeVersion);
            json.WriteString("target", target);
            json.WriteString("code", target == "portable" ? "il" : "readytorun");
            json.WriteStartObject("stamp");
            foreach ((string key, string value) in ArtifactStamp.Of(config)) json.WriteString(key, value);
            json.WriteString("target", target);
            json.WriteEndObject();
            (List<string> on, List<string> off) = Proposals(config.Features);
            json.WriteStartObject("proposals");
            WriteArray(json, "enabled", on);
            WriteArray(json, "disabled", off);
            json.WriteEndObject();
            json.WriteStartObject("engine");
            foreach (Default d in Defaults(config))
            {
                switch (d.Value)
                {
                    case null: json.WriteNull(d.Key); break;
                    case bool b: json.WriteBoolean(d.Key, b); break;
                    case int n: json.WriteNumber(d.Key, n); break;
                    case ulong n: json.WriteNumber(d.Key, n); break;
                    default: json.WriteString(d.Key, Format(d.Value)); break;
                }
            }
            json.WriteEndObject();
            if (target == ReadyToRun.Host || target == "portable")
            {
                json.WriteStartObject("cpu-features");
                foreach ((string name, bool supported) in CpuFeatures.Host) json.WriteBoolean(name, supported);
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("cpu-features");
            }
            json.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteArray(Utf8JsonWriter json, string name, List<string> items)
    {
        json.WriteStartArray(name);
        foreach (string item in items) json.WriteStringValue(item);
        json.WriteEndArray();
    }
}
