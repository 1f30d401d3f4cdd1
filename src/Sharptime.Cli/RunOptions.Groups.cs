namespace Sharptime.Cli;

// Wasmtime's option groups, key by key (crates/cli-flags in Wasmtime); docs/cli.md has the same table.
internal sealed partial class RunOptions
{
    private Dictionary<char, OptionGroup>? _groups;

    private Dictionary<char, OptionGroup> Groups() => _groups ??= new()
    {
        ['O'] = OptimizeGroup(),
        ['C'] = CodegenGroup(),
        ['D'] = DebugGroup(),
        ['W'] = WasmGroup(),
        ['S'] = WasiGroup(),
    };

    private const string Cranelift = "Sharptime compiles through the .NET JIT, not Cranelift";
    private const string Components = "Sharptime runs core modules, not components";
    private const string Preview2 = "Sharptime implements WASI preview 1 only";

    private OptionGroup OptimizeGroup()
    {
        var g = new OptionGroup("-O", "optimize", "Optimization and tuning");
        g.Add("opt-level", "opt-level=0|1|2|s", "accepted; the .NET JIT always optimizes (0 and 1 warn)", v =>
        {
            if (v is not ("0" or "1" or "2" or "s")) throw new UsageException($"invalid value '{v}' for -O opt-level (expected 0, 1, 2 or s)");
            if (v is "0" or "1") Warnings.Add($"-O opt-level={v}: the .NET JIT optimizes Sharptime's code at one level; it runs as opt-level=2");
        });
        g.Add("pooling-allocator", "pooling-allocator[=y|n]", "take memories and tables from pre-reserved slots", v => Pooling = g.Flag("pooling-allocator", v) ? Pooling ?? new PoolingAllocationConfig() : null);
        g.Add("pooling-total-memories", "pooling-total-memories=N", "memory slots of the pooling allocator", v => Pooling = (Pooling ?? new()) with { TotalMemories = Count(g, "pooling-total-memories", v) });
        g.Add("pooling-total-tables", "pooling-total-tables=N", "table slots of the pooling allocator", v => Pooling = (Pooling ?? new()) with { TotalTables = Count(g, "pooling-total-tables", v) });
        g.Add("pooling-max-memory-size", "pooling-max-memory-size=BYTES", "the size of a memory slot", v => Pooling = (Pooling ?? new()) with { MaxMemorySize = g.Number("pooling-max-memory-size", v) });
        g.Add("pooling-table-elements", "pooling-table-elements=N", "the elements of a table slot", v => Pooling = (Pooling ?? new()) with { MaxTableElements = Count(g, "pooling-table-elements", v) });
        g.Add("pooling-memory-keep-resident", "pooling-memory-keep-resident=BYTES", "bytes of a freed memory slot reset by memset, not madvise", v => Pooling = (Pooling ?? new()) with { LinearMemoryKeepResident = g.Number("pooling-memory-keep-resident", v) });
        g.Add("pooling-max-unused-warm-slots", "pooling-max-unused-warm-slots=N", "freed slots kept warm for reuse", v => Pooling = (Pooling ?? new()) with { MaxUnusedWarmSlots = Count(g, "pooling-max-unused-warm-slots", v) });
        g.Add("memory-init-cow", "memory-init-cow[=y|n]", "map data segments' memory image copy-on-write (default y)", v => MemoryInitCow = g.Flag("memory-init-cow", v));
        g.NotApplicable("regalloc-algorithm", "regalloc-algorithm=NAME", Cranelift);
        foreach (string key in (string[])["memory-may-move", "memory-reservation", "memory-reservation-for-growth", "memory-guard-size", "guard-before-linear-memory",
            "dynamic-memory-guard-size", "static-memory-guard-size", "static-memory-forced", "static-memory-maximum-size", "dynamic-memory-reserved-for-growth", "signals-based-traps"])
        {
            g.NotApplicable(key, key + "=...", "every access is bounds-checked in code; no guard pages or signal handlers (.NET cannot catch a fault)");
        }
        g.NotApplicable("table-lazy-init", "table-lazy-init[=y|n]", "tables are initialized at instantiation");
        foreach (string key in (string[])["pooling-decommit-batch-size", "pooling-table-keep-resident", "pooling-memory-protection-keys", "pooling-max-memory-protection-keys",
            "pooling-pagemap-scan", "memory-guaranteed-dense-image-size", "pooling-total-core-instances", "pooling-max-core-instance-size", "pooling-total-stacks",
            "pooling-async-stack-keep-resident", "pooling-max-tables-per-module", "pooling-max-memories-per-module", "pooling-total-gc-heaps"])
        {
            g.NotApplicable(key, key + "=...", "the pooling allocator has no such setting here (instances are .NET objects, stacks are threads')");
        }
        foreach (string key in (string[])["pooling-total-component-instances", "pooling-max-component-instance-size", "pooling-max-core-instances-per-component",
            "pooling-max-memories-per-component", "pooling-max-tables-per-component"])
        {
            g.NotApplicable(key, key + "=N", Components);
        }
        return g;
    }

    private OptionGroup CodegenGroup()
    {
        var g = new OptionGroup("-C", "codegen", "Compilation");
        g.Add("strategy", "strategy=compiler|interpreter|tiered|auto", "compile to native code, interpret (starts at once), or interpret first and compile hot modules in the background (default auto: the compiler, the interpreter in a NativeAOT build)", v => Strategy = v switch
        {
            "compiler" => CompilerStrategy("-C strategy=compiler", Sharptime.Strategy.Compiler),
            "interpreter" => Sharptime.Strategy.Interpreter,
            "tiered" => CompilerStrategy("-C strategy=tiered", Sharptime.Strategy.Tiered),
            "auto" => Sharptime.Strategy.Auto,
            _ => throw new UsageException($"-C strategy={v}: expected compiler, interpreter, tiered or auto"),
        });
        g.Add("compiler", "compiler=cranelift", "Wasmtime's spelling: cranelift is Sharptime's compiler (strategy=compiler)", v => Strategy = v switch
        {
            "cranelift" => CompilerStrategy("-C compiler=cranelift", Sharptime.Strategy.Compiler),
            "winch" => throw new UsageException("-C compiler=winch: Sharptime has no baseline compiler; -C strategy=interpreter starts at once instead"),
            _ => throw new UsageException($"-C compiler={v}: expected cranelift (or use -C strategy=compiler|interpreter)"),
        });
        g.Add("cache", "cache[=y|n]", "cache compiled modules (default y)", v => Cache = g.Flag("cache", v));
        g.Add("cache-dir", "cache-dir=PATH", "the cache folder (Sharptime's own key)", v => CacheDir = string.IsNullOrEmpty(v) ? throw new UsageException("-C cache-dir needs a path: -C cache-dir=PATH") : v);
        g.Add("cache-size-limit", "cache-size-limit=BYTES", "the size the cache is pruned to, oldest use first (default 5 GiB, as Wasmtime's files-total-size-soft-limit; Sharptime's own key)", v => CacheSizeLimit = (long)Math.Min(g.Number("cache-size-limit", v), long.MaxValue));
        g.NotApplicable("cache-config", "cache-config=PATH", "the cache has no configuration file; use cache-dir=PATH");
        g.NotApplicable("collector", "collector=drc|null", "GC objects are .NET objects, collected by the .NET GC");
        g.NotApplicable("parallel-compilation", "parallel-compilation[=y|n]", "the .NET JIT compiles each function when it first runs");
        g.NotApplicable("native-unwind-info", "native-unwind-info[=y|n]", "the .NET runtime always has unwind information");
        g.NotApplicable("inlining", "inlining[=y|n]", "the .NET JIT decides inlining");
        g.NotApplicable("pcc", "pcc[=y|n]", Cranelift);
        g.NotApplicable("cranelift-debug-verifier", "cranelift-debug-verifier[=y|n]", Cranelift);
        g.NotApplicable("cranelift-*", "cranelift-NAME[=VALUE]", Cranelift);
        return g;
    }

    /// <summary>A strategy that needs the compiler, which <paramref name="option"/> asks for; a NativeAOT build has none.</summary>
    private static Strategy CompilerStrategy(string option, Strategy strategy)
    {
        CompilerSupport.Require($"{option} needs it; leave the option out or use -C strategy=interpreter");
        return strategy;
    }

    private OptionGroup DebugGroup()
    {
        var g = new OptionGroup("-D", "debug", "Debugging");
        g.Add("address-map", "address-map[=y|n]", "always on: traps name the Wasm function and code offset", v =>
        {
            if (!g.Flag("address-map", v)) Warnings.Add("-D address-map=n: Sharptime always keeps the address map (backtraces need it)");
        });
        g.NotApplicable("debug-info", "debug-info[=y|n]", "no DWARF: generated code is .NET IL");
        g.NotApplicable("guest-debug", "guest-debug[=y|n]", "no guest debugger yet");
        g.NotApplicable("logging", "logging[=y|n]", "no log output");
        g.NotApplicable("log-to-files", "log-to-files[=y|n]", "no log output");
        g.NotApplicable("coredump", "coredump=PATH", "no core dumps; a trap prints the Wasm backtrace");
        return g;
    }

    private OptionGroup WasmGroup()
    {
        var g = new OptionGroup("-W", "wasm", "WebAssembly semantics and proposals");
        foreach ((string syntax, string description) in RuntimeOptions.Keys)
        {
            string name = syntax.Split('=', '[')[0];
            g.Add(name, syntax, description, v => Runtime.TryAdd(v is null ? name : $"{name}={v}"));
        }
        g.Add("unknown-imports-trap", "unknown-imports-trap[=y|n]", "imported functions nobody defines trap when called (alias --trap-unknown-imports)", v => TrapUnknownImports = g.Flag("unknown-imports-trap", v));
        g.Add("all-proposals", "all-proposals[=y|n]", "every proposal Sharptime has (alias: all)", v => Features.Add(v is null ? "all" : $"all={v}"));
        foreach ((string name, _) in Sharptime.Text.WastFeatures.Names)
        {
            g.Add(name, name + "[=y|n]", $"the {name} proposal", v => Features.Add(v is null ? name : $"{name}={v}"));
        }
        g.NotApplicable("nan-canonicalization", "nan-canonicalization[=y|n]", "NaN bits are what the hardware and the spec give");
        g.NotApplicable("relaxed-simd-deterministic", "relaxed-simd-deterministic[=y|n]", "relaxed SIMD follows the host's instructions");
        g.NotApplicable("async-stack-size", "async-stack-size=BYTES", "no async stacks: guests run on the calling thread");
        g.NotApplicable("async-stack-zeroing", "async-stack-zeroing[=y|n]", "no async stacks: guests run on the calling thread");
        g.NotApplicable("unknown-exports-allow", "unknown-exports-allow[=y|n]", Components);
        g.NotApplicable("unknown-imports-default", "unknown-imports-default[=y|n]", "not implemented; unknown-imports-trap is");
        g.NotApplicable("wmemcheck", "wmemcheck[=y|n]", "no memory checker");
        g.NotApplicable("shared-memory", "shared-memory[=y|n]", "shared memories come with the threads proposal");
        g.NotApplicable("shared-everything-threads", "shared-everything-threads[=y|n]", "proposal not implemented");
        g.NotApplicable("stack-switching", "stack-switching[=y|n]", "proposal not implemented");
        g.NotApplicable("gc-support", "gc-support[=y|n]", "GC support is always built in");
        g.NotApplicable("concurrency-support", "concurrency-support[=y|n]", Components);
        g.NotApplicable("component-model*", "component-model[-*][=y|n]", Components);
        return g;
    }

    private OptionGroup WasiGroup()
    {
        var g = new OptionGroup("-S", "wasi", "WASI");
        g.Add("cli", "cli[=y|n]", "link WASI preview 1 (default y); cli=n links nothing", v => Wasi = g.Flag("cli", v));
        g.Add("common", "common[=y|n]", "Wasmtime's old name of cli", v => Wasi = g.Flag("common", v));
        g.Add("threads", "threads[=y|n]", "wasi-threads: thread-spawn, each thread an instance sharing the module's shared memory (implies -W threads)", v =>
        {
            WasiThreads = g.Flag("threads", v);
            if (WasiThreads) Features.Add("threads");
        });
        g.Add("inherit-env", "inherit-env[=y|n]", "the guest sees the host's whole environment (--env adds to it)", v => InheritEnv = g.Flag("inherit-env", v));
        g.Add("tcplisten", "tcplisten=HOST:PORT", "a pre-opened listening socket (alias --tcplisten); repeatable", v => AddTcpListen(v ?? ""));
        g.Add("preview2", "preview2[=y|n]", "accepted: n is what Sharptime does; y warns", v =>
        {
            if (g.Flag("preview2", v)) Warnings.Add("-S preview2: " + Preview2 + "; the module runs on it");
        });
        g.NotApplicable("preview0", "preview0[=y|n]", "the wasi_unstable module is not provided");
        g.NotApplicable("listenfd", "listenfd[=y|n]", "not implemented; use tcplisten");
        g.NotApplicable("cli-exit-with-code", "cli-exit-with-code[=y|n]", Preview2);
        foreach (string key in (string[])["nn", "nn-graph", "http", "http-outgoing-body-buffer-chunks", "http-outgoing-body-chunk-size", "config", "config-var",
            "keyvalue", "keyvalue-in-memory-data", "tls", "inherit-network", "allow-ip-name-lookup", "tcp", "udp", "network-error-code", "p3",
            "max-resources", "hostcall-fuel", "max-random-size", "max-http-fields-size"])
        {
            g.NotApplicable(key, key + "[=...]", Preview2 + " (no " + key + " interface)");
        }
        return g;
    }

    private static int Count(OptionGroup g, string name, string? value)
    {
        ulong n = g.Number(name, value);
        return n <= int.MaxValue ? (int)n : int.MaxValue;
    }
}
