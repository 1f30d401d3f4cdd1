namespace Sharptime.Cli;

/// <summary>
/// <c>sharptime compile</c>: compiles a module ahead of time into an artifact (.cwasm) that
/// <c>sharptime run --allow-precompiled</c> and <c>Module.DeserializeFile</c> load without compiling.
/// Modelled on <c>wasmtime compile</c>.
/// </summary>
internal static class CompileCliCommand
{
    public const string Usage = """
        Usage: sharptime compile [options] <FILE>

        Compiles a WebAssembly module (.wasm or .wat) into a pre-compiled artifact: a .NET assembly
        with the module, its code and a compatibility stamp (versions, target, proposals, settings).
        Load it with 'sharptime run --allow-precompiled FILE.cwasm' or Module.DeserializeFile; both
        refuse an artifact made with other settings and say which one differs.

        Options:
          -o, --output PATH      Where to write the artifact (default: FILE with the extension .cwasm)
          --target TARGET        What code to put in: a platform for ReadyToRun native code (linux-x64,
                                 linux-arm64, win-x64, osx-arm64, osx-x64; default: this machine's), or
                                 'portable' for IL only, which runs anywhere and is compiled by the JIT
                                 at run time. Native code needs crossgen2 (see docs/cli.md).
          -W NAME[=y|n][,...]    Enable or disable a proposal, as for run: the artifact only loads
                                 in an engine with the same proposals
          --config FILE          Read the settings that change compiled code from a configuration
                                 file ('sharptime config new'): the [wasm] proposals, fuel and
                                 epoch-interruption; -W overrides it. Give run the same file.
          --assembly NAME        Write an assembly for an app to reference instead of an artifact to
                                 load (Module.FromCompiledAssembly; the WasmModule item of Sharptime.Build
                                 runs this): named NAME (dotted identifiers), with a table of its entry
                                 points for NativeAOT; the default target becomes 'portable'
          --csharp PATH          With --assembly: also write a typed C# class for the module's exports
          --class NAME           The namespace-qualified name of that class, e.g. MyApp.PluginModule
          -h, --help             Show this help
        """;

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? input = null, output = null, target = null, assembly = null, csharp = null, className = null, config = null;
        var features = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            if (CommandArgs.TryValue(args, ref i, "-o", "a path", out string value) || CommandArgs.TryValue(args, ref i, "--output", "a path", out value)) output = value;
            else if (CommandArgs.TryValue(args, ref i, "--target", "a target", out value)) target = value;
            else if (CommandArgs.TryValue(args, ref i, "--assembly", "an assembly name", out value)) assembly = value;
            else if (CommandArgs.TryValue(args, ref i, "--csharp", "a path", out value)) csharp = value;
            else if (CommandArgs.TryValue(args, ref i, "--class", "a class name", out value)) className = value;
            else if (CommandArgs.TryValue(args, ref i, "--config", "a configuration file (write one with 'sharptime config new FILE')", out value))
            {
                config = config is null ? value : throw new UsageException("--config is given twice: give one configuration file");
            }
            else if (arg.StartsWith("-W", StringComparison.Ordinal)) features.Add(arg.Length > 2 ? arg[2..] : Next(args, ref i, arg, "a value such as simd=y"));
            else if (arg.StartsWith('-')) throw new UsageException($"unknown option '{arg}' for compile (try 'sharptime compile --help')");
            else if (input is null) input = arg;
            else throw new UsageException($"compile takes one module, got '{input}' and '{arg}'");
        }
        CompilerSupport.Require("'compile' writes the compiler's code into a .NET assembly; run the module with 'sharptime run' (it interprets), or compile it with a sharptime built with the compiler (dotnet build or dotnet tool install)");
        if (input is null) throw new UsageException("compile needs a WebAssembly file (try 'sharptime compile --help')");
        if (assembly is not null && !Artifacts.ArtifactFormat.IsValidAssemblyName(assembly))
        {
            throw new UsageException($"--assembly '{assembly}': use identifiers (ASCII letters, digits, '_') separated by dots, e.g. MyApp.Wasm.Plugin");
        }
        if (csharp is not null && (assembly is null || className is null)) throw new UsageException("--csharp needs --assembly and --class");
        if (className is not null && (csharp is null || !Artifacts.ArtifactFormat.IsValidAssemblyName(className)))
        {
            throw new UsageException(csharp is null ? "--class needs --csharp" : $"--class '{className}': use identifiers separated by dots, e.g. MyApp.PluginModule");
        }
        target ??= assembly is null ? ReadyToRun.Host : "portable";
        if (target != "portable" && Array.IndexOf(ReadyToRun.Targets, target) < 0)
        {
            throw new UsageException($"unknown target '{target}': use portable or one of {string.Join(", ", ReadyToRun.Targets)}");
        }
        if (!File.Exists(input)) throw new UsageException($"{input}: no such file");
        output ??= Path.ChangeExtension(input, ".cwasm");

        // The file's settings first, then -W over them, as run applies them.
        var settings = new RunOptions();
        if (config is not null) settings.ApplyConfigFile(config);
        foreach (string value in features) settings.Features.Add(value);
        foreach (string warning in settings.Warnings) stderr.WriteLine($"sharptime: warning: {warning}");
        var engine = new Engine(settings.Runtime.Apply(CreateConfig(settings.Features)));
        byte[] artifact;
        try
        {
            if (assembly is null)
            {
                artifact = engine.PrecompileModule(ModuleLoader.ReadModuleBytes(input));
            }
            else
            {
                Module module = Module.Decode(engine, ModuleLoader.ReadModuleBytes(input));
                artifact = engine.RequireCodeGenerator().PrecompileAssembly(module, assembly);
                if (csharp is not null) WriteReplacing(csharp, System.Text.Encoding.UTF8.GetBytes(CSharpModuleClass.Write(module, className!, assembly, input)));
            }
        }
        catch (MalformedModuleException e)
        {
            throw new RunFailedException($"{input} is not a WebAssembly module: {e.Message}", e);
        }
        catch (InvalidModuleException e)
        {
            throw new RunFailedException($"{input} is not a valid WebAssembly module: {e.Message}", e);
        }
        // Written beside the output and renamed into place: a process that has the old file mapped
        // (a loaded artifact) keeps its copy, and readers never see half a file.
        string temp = $"{output}.{Environment.ProcessId}.tmp.dll";
        try
        {
            if (target == "portable")
            {
                File.WriteAllBytes(temp, artifact);
            }
            else
            {
                // crossgen2 wants its input to be named like an assembly.
                string il = $"{output}.{Environment.ProcessId}.il.dll";
                File.WriteAllBytes(il, artifact);
                try
                {
                    ReadyToRun.Compile(il, temp, target);
                    // crossgen2 writes a new PE image: the memory image goes after it again.
                    ReadOnlySpan<byte> image = Artifacts.ArtifactFormat.MemoryImageOverlay(artifact);
                    if (!image.IsEmpty) File.WriteAllBytes(temp, Artifacts.ArtifactFormat.WithOverlay(File.ReadAllBytes(temp), image));
                }
                finally
                {
                    File.Delete(il);
                }
            }
            File.Move(temp, output, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
        return 0;
    }

    /// <summary>Writes <paramref name="path"/> by renaming a complete file into place.</summary>
    private static void WriteReplacing(string path, byte[] contents)
    {
        string temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllBytes(temp, contents);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>The engine settings of compile and run, so that their stamps agree.</summary>
    public static Config CreateConfig(FeatureFlags features)
    {
        Config config = CompilerSupport.DefaultConfig;
        return config with { Features = features.Apply(config.Features) };
    }

    private static string Next(ReadOnlySpan<string> args, ref int i, string option, string what) =>
        i + 1 < args.Length ? args[++i] : throw new UsageException($"{option} needs {what}");
}
