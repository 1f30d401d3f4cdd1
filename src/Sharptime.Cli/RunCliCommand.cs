using System.Net;
using System.Net.Sockets;
using Sharptime.Wasi;

namespace Sharptime.Cli;

/// <summary>
/// <c>sharptime run</c>: loads a module (.wasm or .wat), links WASI preview 1, instantiates it and calls
/// <c>_start</c> (or the export named by <c>--invoke</c>). Modelled on <c>wasmtime run</c>.
/// </summary>
internal static class RunCliCommand
{
    public const string Usage = """
        Usage: sharptime run [options] <FILE> [ARGS...]
               sharptime [options] <FILE> [ARGS...]

        Runs a WebAssembly module: binary (.wasm) or text (.wat; detected by content). WASI preview 1
        (wasi_snapshot_preview1) is linked; a command module's _start is called, a reactor's
        _initialize first. Everything after FILE is passed to the guest as its arguments, after argv[0].

        Options:
          --dir HOST[::GUEST]    Give the guest the host directory HOST under the name GUEST (default:
                                 HOST). Repeatable. Example: --dir .  or  --dir ./data::/data
          --mapdir GUEST::HOST   The same, in Wasmtime's older spelling
          --env NAME[=VALUE]     Set an environment variable for the guest; without a value, pass the
                                 host's value of NAME. Repeatable. The guest sees no other variable
                                 unless -S inherit-env is given.
          --argv0 NAME           The guest's argv[0] (default: the file name of FILE, without folders)
          --invoke NAME          Call the exported function NAME instead of _start. Its arguments come
                                 from ARGS, one per parameter: i32/i64 in decimal or 0x hexadecimal
                                 (signed or unsigned), f32/f64 as decimals, inf, -inf, nan or
                                 nan:0xPAYLOAD. Results are printed one per line.
          --trap-unknown-imports Define every imported function that nothing provides as a function
                                 that traps when called (instead of refusing to instantiate)
          --tcplisten HOST:PORT  Listen on a TCP address and give the guest the listening socket as a
                                 pre-opened descriptor (after the --dir ones), for sock_accept.
                                 Repeatable. PORT 0 picks a free port.
          --preload NAME=PATH    Instantiate the module at PATH first and link its exports under the
                                 import module name NAME. Repeatable.
          --profile=perfmap      Write /tmp/perf-PID.map for 'perf' (the .NET runtime's perf map; all code
                                 JIT-compiled): Wasm functions appear as 'wasm-function[N] NAME'.
          --allow-precompiled    Allow FILE (or a preload) to be an artifact made by 'sharptime compile'.
                                 Its code runs with the full trust of this process: only use
                                 artifacts you made or trust.
          --config FILE          Read options from a configuration file ('sharptime config new'):
                                 sections [optimize], [codegen], [debug], [wasm] and [wasi] hold the
                                 keys of -O, -C, -D, -W and -S. Options given here override it.
          -C cache=y|n           Cache compiled modules (default: y) in the cache folder:
                                 $XDG_CACHE_HOME/sharptime, else ~/.cache/sharptime
          -C cache-dir=PATH      Use PATH as the cache folder
          -C cache-size-limit=BYTES
                                 Prune the cache to BYTES, least recently used first (default 5 GiB)
          -C strategy=NAME       compiler (native code, the default) or interpreter (no compiling:
                                 starts at once, runs slower; a NativeAOT build only interprets)
          -W NAME[=y|n][,...]    Enable or disable a proposal (all, simd, threads, gc, memory64,
                                 exceptions, tail-call, multi-memory, ... see 'sharptime wast --help').
                                 Also limits and interruption: max-memory-size=BYTES,
                                 max-table-elements=N, max-instances=N, max-tables=N,
                                 max-memories=N, trap-on-grow-failure, max-wasm-stack=BYTES, fuel=N,
                                 epoch-interruption, timeout=DURATION (10s, 500ms, 1m). -W help
                                 describes every key.
          -S OPTION[=y|n][,...]  WASI options: inherit-env (the guest sees the host's whole
                                 environment), cli=n (do not link WASI at all), tcplisten=HOST:PORT,
                                 preview2=n (accepted; Sharptime only has preview 1). -S help lists them.
          -O KEY[=VALUE][,...]   Tuning: opt-level, pooling-allocator, pooling-*, memory-init-cow
          -D KEY[=VALUE][,...]   Debugging: address-map (always on)
                                 Every Wasmtime key of -O, -C, -D, -W and -S is accepted: the ones that
                                 do not apply to Sharptime print a warning. 'FLAG help' lists the keys.
          --                     End of options: the next argument is FILE
          -h, --help             Show this help

        Exit status: the guest's proc_exit code; 0 when _start (or the invoked function) returns;
        134 when execution traps (3 on Windows; as Wasmtime, 128 + SIGABRT), after printing
        "error: wasm trap: MESSAGE" and the Wasm backtrace on stderr; 1 when the module cannot be
        loaded, linked or started; 2 for a wrong command line (unknown option, missing file or
        directory, bad --invoke arguments). Every error is one line on stderr.
        """;

    /// <summary>The exit code of a trap: Wasmtime's (128 + SIGABRT on Unix, 3 on Windows).</summary>
    public static int TrapExitCode => OperatingSystem.IsWindows() ? 3 : 134;

    private const string StartExport = "_start";
    private const string InitializeExport = "_initialize";

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr, GuestStdio stdio)
    {
        RunOptions options = RunOptions.Parse(args);
        if (options.Help)
        {
            stdout.WriteLine(Usage);
            return 0;
        }
        if (options.HelpText is string help)
        {
            stdout.WriteLine(help);
            return 0;
        }
        foreach (string warning in options.Warnings) stderr.WriteLine($"sharptime: warning: {warning}");
        if (options.ProfilePerfMap && Environment.GetEnvironmentVariable(PerfMapVariable) != "1") return RunWithPerfMap();
        CheckPaths(options);
        Engine engine = CreateEngine(options);
        Module module = LoadModule(engine, options, options.File);
        var preloads = new List<(string Name, Module Module)>();
        foreach ((string name, string path) in options.Preloads) preloads.Add((name, LoadModule(engine, options, path)));
        // --invoke's arguments are checked against the export's type before anything runs.
        Value[]? invokeArgs = options.Invoke is string export ? ParseInvokeArguments(module, export, options) : null;

        WasiContext? wasi = null;
        var sockets = new List<Socket>();
        try
        {
            if (options.Wasi && (ImportsWasi(module) || preloads.Exists(p => ImportsWasi(p.Module))))
            {
                foreach ((string host, ushort port) in options.TcpListen) sockets.Add(Listen(host, port));
                wasi = new WasiContext(CreateWasiConfig(options, stdio, sockets));
            }
            // The guest's WASI state lives in its store.
            using var store = new Store<WasiContext?>(engine, wasi);
            using IDisposable? timeout = options.Runtime.Configure(store);
            var linker = new Linker(engine);
            if (wasi is not null) linker.AddWasi<WasiContext?>(static context => context!);
            TaskCompletionSource<Exception>? threadEnded = null;
            if (options.WasiThreads && ImportsThreadSpawn(module))
            {
                // A thread that calls proc_exit or traps ends the program, as in Wasmtime.
                threadEnded = new TaskCompletionSource<Exception>(TaskCreationOptions.RunContinuationsAsynchronously);
                try
                {
                    linker.AddWasiThreads(module, store, () => ThreadStore(engine, wasi, options), e => threadEnded.TrySetResult(e));
                }
                catch (ArgumentException e)
                {
                    throw new RunFailedException($"-S threads: {options.File}: {e.Message}", e);
                }
            }
            return Execute(options, module, preloads, invokeArgs, store, linker, stdout, stderr, threadEnded);
        }
        catch (DirectoryNotFoundException e)
        {
            // A pre-opened directory vanished or is not readable (it existed when the command line was checked).
            throw new RunFailedException(e.Message, e);
        }
        catch (PlatformNotSupportedException e)
        {
            throw new RunFailedException(e.Message, e);
        }
        finally
        {
            wasi?.Dispose();
            foreach (Socket socket in sockets) socket.Dispose();
        }
    }

    /// <summary>A listening TCP socket on HOST:PORT (an IP address, or a name such as localhost).</summary>
    /// <exception cref="UsageException">The address cannot be parsed or resolved.</exception>
    /// <exception cref="RunFailedException">Listening failed (the port is taken...).</exception>
    private static Socket Listen(string host, ushort port)
    {
        string address = $"{host}:{port}";
        IPAddress? ip;
        if (!IPAddress.TryParse(host, out ip))
        {
            try
            {
                IPAddress[] found = Dns.GetHostAddresses(host);
                ip = found.Length > 0 ? found[0] : null;
            }
            catch (SocketException e)
            {
                throw new UsageException($"--tcplisten '{address}': cannot resolve '{host}': {e.Message}", e);
            }
            if (ip is null) throw new UsageException($"--tcplisten '{address}': '{host}' has no address");
        }
        var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            socket.Listen();
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RunFailedException($"--tcplisten {address}: cannot listen: {e.Message}", e);
        }
    }

    /// <summary>The store of a wasi-threads thread: the same WASI context and the same limits, fuel and deadline as the main store's.</summary>
    private static Store<WasiContext?> ThreadStore(Engine engine, WasiContext? wasi, RunOptions options)
    {
        var store = new Store<WasiContext?>(engine, wasi);
        // The main store's timer (-W timeout) moves the engine's epoch for every store.
        options.Runtime.Configure(store)?.Dispose();
        return store;
    }

    private static bool ImportsThreadSpawn(Module module)
    {
        foreach (ModuleImport import in module.Imports)
        {
            if (import.Module == "wasi" && import.Name == "thread-spawn") return true;
        }
        return false;
    }

    /// <summary>
    /// Runs the guest's entry point. With wasi-threads it runs on a thread of its own, and the program ends with
    /// whichever ends first: the entry point, or a spawned thread that called proc_exit or trapped (its
    /// exception is rethrown here; the other threads are background threads and end with the process).
    /// </summary>
    private static void RunMain(Action main, TaskCompletionSource<Exception>? threadEnded)
    {
        if (threadEnded is null)
        {
            main();
            return;
        }
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        var thread = new Thread(() =>
        {
            try
            {
                main();
            }
#pragma warning disable CA1031 // Rethrown on the command's thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
            done.Set();
        }, 8 << 20)
        {
            IsBackground = true,
            Name = "wasi main thread",
        };
        thread.Start();
        int which = WaitHandle.WaitAny([done.WaitHandle, ((IAsyncResult)threadEnded.Task).AsyncWaitHandle]);
        if (which == 1) failure = threadEnded.Task.Result;
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }

    private const string PerfMapVariable = "DOTNET_PerfMapEnabled";

    /// <summary>
    /// --profile=perfmap: the .NET runtime writes its perf map only when started with
    /// DOTNET_PerfMapEnabled=1, so the command runs itself again with it (and without ReadyToRun
    /// code), the same arguments and standard streams, and returns the child's exit code.
    /// </summary>
    private static int RunWithPerfMap()
    {
        if (!System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported)
        {
            throw new RunFailedException("--profile=perfmap needs the JIT build of sharptime: this one is compiled ahead of time (perf reads its symbols from the binary) and interprets Wasm");
        }
        string program = Environment.ProcessPath ?? throw new RunFailedException("--profile=perfmap: cannot find this program's path");
        string[] commandLine = Environment.GetCommandLineArgs();
        var start = new System.Diagnostics.ProcessStartInfo(program) { UseShellExecute = false };
        // Under the dotnet host the first argument is the command's assembly, which the host needs again.
        bool hosted = Path.GetFileNameWithoutExtension(program).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
        foreach (string arg in hosted ? commandLine : commandLine[1..]) start.ArgumentList.Add(arg);
        start.Environment[PerfMapVariable] = "1";
        // The map lists JIT-compiled code only: ReadyToRun code (of a cached or pre-compiled module,
        // and of .NET itself) is compiled again by the JIT so that it appears too.
        start.Environment["DOTNET_ReadyToRun"] = "0";
        using var child = System.Diagnostics.Process.Start(start) ?? throw new RunFailedException($"--profile=perfmap: cannot start {program}");
        child.WaitForExit();
        return child.ExitCode;
    }

    private static int Execute(RunOptions options, Module module, List<(string Name, Module Module)> preloads, Value[]? invokeArgs,
        Store store, Linker linker, TextWriter stdout, TextWriter stderr, TaskCompletionSource<Exception>? threadEnded)
    {
        try
        {
            foreach ((string name, Module preload) in preloads)
            {
                if (options.TrapUnknownImports) linker.DefineUnknownImportsAsTraps(preload);
                Instance instance = Instantiate(linker, store, preload, name);
                CallIfExported(instance, InitializeExport);
                linker.DefineInstance(name, instance);
            }
            if (options.TrapUnknownImports) linker.DefineUnknownImportsAsTraps(module);
            Instance main = Instantiate(linker, store, module, options.File);
            CallIfExported(main, InitializeExport);
            if (options.Invoke is string export)
            {
                Value[] results = [];
                RunMain(() => results = main.GetFunction(export)!.Call(invokeArgs!), threadEnded);
                foreach (Value result in results) stdout.WriteLine(InvokeValues.Format(result));
                return 0;
            }
            if (main.GetFunction(StartExport) is not Func start)
            {
                throw new RunFailedException($"{options.File} has no '{StartExport}' function to run; call one of its exported functions with --invoke NAME ({ExportedFunctions(module)})");
            }
            if (start.Type.Params.Count != 0 || start.Type.Results.Count != 0)
            {
                throw new RunFailedException($"{options.File}: '{StartExport}' has type {start.Type}, a command's must be (func); use --invoke to call it with arguments");
            }
            RunMain(() => start.Call(), threadEnded);
            return 0;
        }
        catch (WasiExitException e)
        {
            return e.ExitCode;
        }
        catch (TrapException e)
        {
            WriteTrap(stderr, e);
            return TrapExitCode;
        }
        catch (WasmException e) when (e is not LinkException)
        {
            // The engine refused the module when compiling or instantiating it (an instruction it cannot run yet...).
            throw new RunFailedException($"{options.File}: {e.Message}", e);
        }
    }

    private static Instance Instantiate(Linker linker, Store store, Module module, string what)
    {
        try
        {
            return linker.Instantiate(store, module);
        }
        catch (LinkException e)
        {
            throw new RunFailedException($"cannot instantiate {what}: {e.Message}", e);
        }
    }

    private static void CallIfExported(Instance instance, string name)
    {
        if (instance.GetFunction(name) is Func f && f.Type.Params.Count == 0 && f.Type.Results.Count == 0) f.Call();
    }

    /// <summary>The arguments of <c>--invoke</c>, parsed per parameter type of the exported function.</summary>
    /// <exception cref="RunFailedException">The module has no function export of that name.</exception>
    /// <exception cref="UsageException">Too few arguments, or one that is not a value of its parameter's type.</exception>
    private static Value[] ParseInvokeArguments(Module module, string name, RunOptions options)
    {
        FuncType? type = null;
        bool exported = false;
        foreach (ModuleExport e in module.Exports)
        {
            if (e.Name != name) continue;
            exported = true;
            type = e.FuncType;
        }
        if (type is null)
        {
            string what = exported ? $"'{name}' is not a function" : $"no export named '{name}'";
            throw new RunFailedException($"{options.File}: {what} ({ExportedFunctions(module)})");
        }
        IReadOnlyList<ValType> parameters = type.Params;
        if (options.GuestArgs.Count < parameters.Count)
        {
            throw new UsageException($"--invoke {name}: the function takes {parameters.Count} argument(s) {type}, {options.GuestArgs.Count} given");
        }
        var args = new Value[parameters.Count];
        for (int i = 0; i < args.Length; i++)
        {
            try
            {
                args[i] = InvokeValues.Parse(options.GuestArgs[i], parameters[i]);
            }
            catch (FormatException e)
            {
                throw new UsageException($"--invoke {name}: argument {i + 1}: {e.Message}", e);
            }
        }
        return args;
    }

    private static string ExportedFunctions(Module module)
    {
        var names = new List<string>();
        foreach (ModuleExport export in module.Exports)
        {
            if (export.FuncType is not null) names.Add(export.Name);
        }
        names.Sort(StringComparer.Ordinal);
        return names.Count == 0 ? "it exports no functions" : "exported functions: " + string.Join(", ", names);
    }

    /// <summary>
    /// "error: wasm trap: MESSAGE", then the Wasm frames innermost first in Wasmtime's layout:
    /// index, code offset in the module binary, module!function.
    /// </summary>
    internal static void WriteTrap(TextWriter stderr, TrapException trap)
    {
        stderr.WriteLine($"error: wasm trap: {trap.Message}");
        IReadOnlyList<WasmFrame> frames = trap.Backtrace;
        if (frames.Count == 0) return;
        stderr.WriteLine("wasm backtrace:");
        int elided = trap.ElidedFrames;
        for (int i = 0; i < frames.Count; i++)
        {
            if (i == TrapException.BacktraceEndFrames && elided > 0) stderr.WriteLine($"      ... {elided} frames elided");
            int index = i < TrapException.BacktraceEndFrames ? i : i + elided;
            WasmFrame f = frames[i];
            string offset = f.CodeOffset is int o ? $"0x{o:x}" : "";
            string function = f.FunctionName ?? $"<wasm function {f.FunctionIndex}>";
            stderr.WriteLine($"  {index,3}: {offset,8} - {f.ModuleName ?? "<unknown>"}!{function}");
        }
    }

    private static bool ImportsWasi(Module module)
    {
        foreach (ModuleImport import in module.Imports)
        {
            if (import.Module == WasiLinkerExtensions.ModuleName) return true;
        }
        return false;
    }

    /// <summary>The paths of the command line exist (user errors, exit code 2, before any work).</summary>
    private static void CheckPaths(RunOptions options)
    {
        CheckFile(options.File, "");
        foreach ((_, string path) in options.Preloads) CheckFile(path, "--preload ");
        foreach ((string host, _) in options.Dirs)
        {
            if (!Directory.Exists(host))
            {
                throw new UsageException(File.Exists(host) ? $"--dir {host}: not a directory" : $"--dir {host}: no such directory");
            }
        }
    }

    private static void CheckFile(string path, string option)
    {
        if (Directory.Exists(path)) throw new UsageException($"{option}{path}: is a directory, not a WebAssembly file");
        if (!File.Exists(path)) throw new UsageException($"{option}{path}: no such file");
    }

    /// <summary>A module file: a pre-compiled artifact when allowed, else a module compiled through the cache.</summary>
    private static Module LoadModule(Engine engine, RunOptions options, string path)
    {
        if (ModuleLoader.IsArtifact(path))
        {
            if (!CompilerSupport.IsAvailable)
            {
                throw new RunFailedException(CompilerSupport.Missing($"{path} is a pre-compiled artifact, a .NET assembly, which it cannot load; run the .wasm or .wat it was compiled from"));
            }
            if (!options.AllowPrecompiled)
            {
                throw new RunFailedException($"{path} is a pre-compiled artifact: running one trusts its code like native code; pass --allow-precompiled if you made it or trust who did");
            }
            return ModuleLoader.LoadArtifact(engine, path);
        }
        CompileCache? cache = options.Cache && engine.Config.Compiles ? new CompileCache(options.CacheDir ?? CompileCache.DefaultDirectory, options.CacheSizeLimit) : null;
        return ModuleLoader.FromBytes(engine, path, ModuleLoader.ReadModuleBytes(path), cache);
    }

    private static Engine CreateEngine(RunOptions options)
    {
        Config config = CompileCliCommand.CreateConfig(options.Features);
        config = config with
        {
            AllocationStrategy = options.Pooling is { } pooling ? InstanceAllocationStrategy.Pooling(pooling) : config.AllocationStrategy,
            MemoryInitCow = options.MemoryInitCow ?? config.MemoryInitCow,
            Strategy = options.Strategy ?? config.Strategy,
        };
        return new Engine(options.Runtime.Apply(config));
    }

    private static WasiConfig CreateWasiConfig(RunOptions options, GuestStdio stdio, List<Socket> sockets)
    {
        var args = new List<string>(options.GuestArgs.Count + 1) { options.Argv0 ?? Path.GetFileName(options.File) };
        args.AddRange(options.GuestArgs);
        WasiConfig config = WasiConfig.Default.WithArgs(args);
        if (options.InheritEnv) config = config.WithInheritedEnv();
        foreach ((string name, string? value) in options.Env)
        {
            string? v = value ?? Environment.GetEnvironmentVariable(name);
            if (v is not null) config = config.WithEnv(name, v);
        }
        config = stdio.Stdin is Stream stdin ? config.WithStdin(stdin) : config.WithInheritedStdin();
        config = stdio.Stdout is Stream stdout ? config.WithStdout(stdout) : config.WithInheritedStdout();
        config = stdio.Stderr is Stream stderr ? config.WithStderr(stderr) : config.WithInheritedStderr();
        foreach ((string host, string guest) in options.Dirs) config = config.WithPreopenedDirectory(host, guest);
        foreach (Socket socket in sockets) config = config.WithPreopenedSocket(socket);
        return config;
    }
}
