namespace Sharptime.Cli;

/// <summary>
/// The command line of <c>sharptime run</c>, parsed. Options come before the module; everything after the
/// module is the guest's arguments (as in Wasmtime), and <c>--</c> ends the options explicitly.
/// </summary>
internal sealed partial class RunOptions
{
    /// <summary>The module file (.wasm binary or .wat text).</summary>
    public string File { get; private set; } = "";

    /// <summary>The guest's arguments after argv[0].</summary>
    public List<string> GuestArgs { get; } = [];

    /// <summary>argv[0] for the guest, or null for the module's file name.</summary>
    public string? Argv0 { get; private set; }

    /// <summary>The export to call instead of <c>_start</c>, or null.</summary>
    public string? Invoke { get; private set; }

    /// <summary><c>--profile=perfmap</c>: write perf's map of the JIT-compiled code, Wasm functions by name.</summary>
    public bool ProfilePerfMap { get; private set; }

    /// <summary>Pre-opened directories: host path, guest path.</summary>
    public List<(string Host, string Guest)> Dirs { get; } = [];

    /// <summary>TCP addresses to listen on and give the guest as pre-opened sockets (<c>--tcplisten</c>), in order.</summary>
    public List<(string Host, ushort Port)> TcpListen { get; } = [];

    /// <summary>Environment variables in command-line order; a null value inherits the host's.</summary>
    public List<(string Name, string? Value)> Env { get; } = [];

    /// <summary>Whether the guest gets the whole host environment (<c>-S inherit-env</c>).</summary>
    public bool InheritEnv { get; private set; }

    /// <summary>Whether WASI is provided at all (<c>-S cli=n</c> turns it off).</summary>
    public bool Wasi { get; private set; } = true;

    /// <summary>Whether wasi-threads' <c>thread-spawn</c> is provided (<c>-S threads</c>; implies <c>-W threads</c>).</summary>
    public bool WasiThreads { get; private set; }

    /// <summary>Modules instantiated first and linked under a name (<c>--preload NAME=PATH</c>).</summary>
    public List<(string Name, string Path)> Preloads { get; } = [];

    /// <summary>The <c>-W</c> proposal overrides.</summary>
    public FeatureFlags Features { get; } = new();

    /// <summary>The <c>-W</c> options that are not proposals: limits, fuel, epochs, timeout.</summary>
    public RuntimeOptions Runtime { get; } = new();

    /// <summary>Warnings to print before running (options of Wasmtime that do not apply here).</summary>
    public List<string> Warnings { get; } = [];

    /// <summary>A help text asked for with <c>-O help</c>, <c>-W help</c> and the like, or null.</summary>
    public string? HelpText { get; private set; }

    /// <summary>Whether imported functions nobody defines become functions that trap when called (<c>--trap-unknown-imports</c>).</summary>
    public bool TrapUnknownImports { get; private set; }

    /// <summary>Whether a pre-compiled artifact may be run (<c>--allow-precompiled</c>): it is trusted like native code.</summary>
    public bool AllowPrecompiled { get; private set; }

    /// <summary>Whether compiled modules are cached (<c>-C cache=y|n</c>, on by default).</summary>
    public bool Cache { get; private set; } = true;

    /// <summary>The instance allocator settings (<c>-O pooling-allocator</c> and <c>-O pooling-*</c>), or null for on-demand.</summary>
    public PoolingAllocationConfig? Pooling { get; private set; }

    /// <summary>Whether memory images are mapped copy-on-write (<c>-O memory-init-cow</c>), or null for the default.</summary>
    public bool? MemoryInitCow { get; private set; }

    /// <summary>The cache folder (<c>-C cache-dir=PATH</c>), or null for the default.</summary>
    public string? CacheDir { get; private set; }

    /// <summary>The size the cache is pruned to (<c>-C cache-size-limit=BYTES</c>).</summary>
    public long CacheSizeLimit { get; private set; } = CompileCache.DefaultSizeLimit;

    /// <summary>Compiler or interpreter (<c>-C strategy=</c>), or null for the engine's default.</summary>
    public Strategy? Strategy { get; private set; }

    /// <summary>Whether --help was asked for.</summary>
    public bool Help { get; private set; }

    /// <summary>The configuration file of <c>--config</c>, or null.</summary>
    public string? ConfigPath { get; private set; }

    /// <summary>Parses the arguments that follow <c>run</c>; a <c>--config</c> file is applied first, so that the other options override it.</summary>
    /// <exception cref="UsageException">An unknown option, a missing value, no module, or a bad configuration file.</exception>
    public static RunOptions Parse(ReadOnlySpan<string> args)
    {
        // Where the options end (and the guest's arguments begin) is only known by parsing them, so a
        // first pass finds --config, and the second applies the options over the file's settings.
        string? config = new RunOptions().ParseArguments(args).ConfigPath;
        var options = new RunOptions();
        if (config is not null) options.ApplyConfigFile(config);
        return options.ParseArguments(args);
    }

    /// <summary>Applies a configuration file (<see cref="ConfigFile"/>): each key as if given with its section's option.</summary>
    /// <exception cref="UsageException">The file cannot be read, or a section, key or value is wrong; the message names the file and line.</exception>
    public void ApplyConfigFile(string path)
    {
        foreach (ConfigFile.Entry entry in ConfigFile.Read(path, [.. Groups().Values.Select(g => g.Section)]))
        {
            OptionGroup group = Groups().Values.First(g => g.Section == entry.Section);
            var warnings = new List<string>();
            try
            {
                group.Apply(entry.Key, entry.Value, warnings);
            }
            catch (UsageException e)
            {
                throw new UsageException($"{path}:{entry.Line}: [{entry.Section}] {e.Message}", e);
            }
            foreach (string warning in warnings) Warnings.Add($"{path}:{entry.Line}: {warning}");
        }
    }

    /// <summary>The option groups with their configuration-file sections, in Wasmtime's order.</summary>
    public IEnumerable<OptionGroup> OptionGroups => Groups().Values;

    private RunOptions ParseArguments(ReadOnlySpan<string> args)
    {
        int i = 0;
        for (; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }
            if (arg is "-h" or "--help")
            {
                Help = true;
                return this;
            }
            if (arg.Length < 2 || arg[0] != '-') break;
            ParseOption(arg, args, ref i);
            if (HelpText is not null) return this;
        }
        if (i >= args.Length) throw new UsageException("run needs a WebAssembly file (try 'sharptime run --help')");
        File = args[i];
        for (i++; i < args.Length; i++) GuestArgs.Add(args[i]);
        return this;
    }

    private void ParseOption(string arg, ReadOnlySpan<string> args, ref int i)
    {
        // -O, -C, -D, -W and -S take their value attached (-Wthreads) or as the next argument (-W threads).
        if (arg.Length >= 2 && arg[0] == '-' && Groups().TryGetValue(arg[1], out OptionGroup? group))
        {
            HelpText = group.Parse(arg.Length > 2 ? arg[2..] : Value(arg, args, ref i, $"KEY[=VALUE] (try '{arg} help')"), Warnings);
            return;
        }
        string name = arg;
        string? attached = null;
        int equals = arg.IndexOf('=', StringComparison.Ordinal);
        if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
        {
            name = arg[..equals];
            attached = arg[(equals + 1)..];
        }
        switch (name)
        {
            case "--dir":
                AddDir(attached ?? Value(name, args, ref i, "HOST[::GUEST]"));
                break;
            case "--mapdir":
                AddMapDir(attached ?? Value(name, args, ref i, "GUEST::HOST"));
                break;
            case "--env":
                AddEnv(attached ?? Value(name, args, ref i, "NAME[=VALUE]"));
                break;
            case "--argv0":
                Argv0 = attached ?? Value(name, args, ref i, "a name");
                break;
            case "--invoke":
                Invoke = attached ?? Value(name, args, ref i, "the name of an exported function");
                if (Invoke.Length == 0) throw new UsageException("--invoke needs the name of an exported function");
                break;
            case "--allow-precompiled" when attached is null:
                AllowPrecompiled = true;
                break;
            case "--trap-unknown-imports" when attached is null:
                TrapUnknownImports = true;
                break;
            case "--tcplisten":
                AddTcpListen(attached ?? Value(name, args, ref i, "HOST:PORT"));
                break;
            case "--preload":
                AddPreload(attached ?? Value(name, args, ref i, "NAME=PATH"));
                break;
            case "--config":
                if (ConfigPath is not null) throw new UsageException("--config is given twice: give one configuration file");
                ConfigPath = attached ?? Value(name, args, ref i, "a configuration file (write one with 'sharptime config new FILE')");
                break;
            case "--profile":
                string profiler = attached ?? Value(name, args, ref i, "a profiling strategy (perfmap)");
                ProfilePerfMap = profiler == "perfmap" ? true
                    : throw new UsageException($"--profile {profiler} is not supported: use --profile=perfmap (perf reads /tmp/perf-PID.map) or a .NET profiler such as dotnet-trace");
                break;
            default:
                throw new UsageException($"unknown option '{arg}' for run (try 'sharptime run --help')");
        }
    }

    private static string Value(string option, ReadOnlySpan<string> args, ref int i, string what) =>
        i + 1 < args.Length ? args[++i] : throw new UsageException($"{option} needs {what}");

    private void AddDir(string value)
    {
        int sep = value.IndexOf("::", StringComparison.Ordinal);
        string host = sep < 0 ? value : value[..sep];
        string guest = sep < 0 ? value : value[(sep + 2)..];
        if (host.Length == 0 || guest.Length == 0) throw new UsageException($"--dir '{value}': expected HOST[::GUEST] with both parts non-empty");
        Dirs.Add((host, guest));
    }

    private void AddMapDir(string value)
    {
        int sep = value.IndexOf("::", StringComparison.Ordinal);
        if (sep <= 0 || sep + 2 >= value.Length) throw new UsageException($"--mapdir '{value}': expected GUEST::HOST");
        Dirs.Add((value[(sep + 2)..], value[..sep]));
    }

    private void AddEnv(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        string name = equals < 0 ? value : value[..equals];
        if (name.Length == 0) throw new UsageException($"--env '{value}': expected NAME[=VALUE] with a non-empty name");
        if (name.Contains('\0', StringComparison.Ordinal) || (equals >= 0 && value.Contains('\0', StringComparison.Ordinal)))
        {
            throw new UsageException($"--env '{name}': names and values may not contain NUL");
        }
        Env.Add((name, equals < 0 ? null : value[(equals + 1)..]));
    }

    private void AddTcpListen(string value)
    {
        int colon = value.LastIndexOf(':');
        if (colon <= 0) throw new UsageException($"--tcplisten '{value}': expected HOST:PORT");
        if (!ushort.TryParse(value.AsSpan(colon + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out ushort port))
        {
            throw new UsageException($"--tcplisten '{value}': '{value[(colon + 1)..]}' is not a port number (0 to 65535)");
        }
        TcpListen.Add((value[..colon].Trim('[', ']'), port));
    }

    private void AddPreload(string value)
    {
        int equals = value.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals + 1 >= value.Length) throw new UsageException($"--preload '{value}': expected NAME=PATH");
        Preloads.Add((value[..equals], value[(equals + 1)..]));
    }
}
