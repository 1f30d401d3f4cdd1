namespace Sharptime.Cli;

/// <summary>
/// The <c>sharptime</c> command: dispatches to a subcommand. Exit codes: 0 success, 1 the command ran and
/// something failed, 2 the command line is wrong. User errors are one line on stderr, never a stack trace.
/// </summary>
internal static class CliApp
{
    public const string Usage = """
        Usage: sharptime <command> [options]
               sharptime [run options] <FILE> [ARGS...]   (the same as 'sharptime run')

        Commands:
          run [options] <FILE> [ARGS...] Run a WebAssembly module (.wasm or .wat) with WASI preview 1
          compile [options] <FILE>       Compile a module ahead of time into an artifact (.cwasm)
          wast [options] <FILE|DIR>...   Run WebAssembly scripts (.wast); directories are searched recursively
          settings [--target T] [--json] Show what the compiler targets: platform, stamp, proposals, defaults, CPU features
          objdump [options] <FILE.cwasm> Show what an artifact holds: its stamp and functions, optionally their IL
                                         (alias: inspect)
          config new [FILE]              Write a configuration file for --config with every supported key
          help [command]                 Show this help, or the help of a command

        Options:
          -h, --help                     Show this help
          -V, --version                  Show the version

        'sharptime help COMMAND' describes each command.
        Not implemented yet: serve, explore.
        """;

    private static readonly string[] NotImplemented = ["serve", "explore"];

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) => Run(args, stdout, stderr, GuestStdio.Inherited);

    /// <summary>Runs the command line with the guest's standard streams given (for tests) and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, GuestStdio stdio)
    {
        try
        {
            return Dispatch(args, stdout, stderr, stdio);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"sharptime: {e.Message}");
            return 2;
        }
        catch (RunFailedException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return 1;
        }
#pragma warning disable CA1031 // The last resort: a bug is reported in one line, with the trace only on request.
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"sharptime: internal error: {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable("SHARPTIME_BACKTRACE") == "1") stderr.WriteLine(e);
            else stderr.WriteLine("sharptime: set SHARPTIME_BACKTRACE=1 to see where it happened, and please report it");
            return 1;
        }
    }

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr, GuestStdio stdio)
    {
        if (args.Length == 0)
        {
            stderr.WriteLine(Usage);
            return 2;
        }
        string command = args[0];
        switch (command)
        {
            case "-h" or "--help":
                stdout.WriteLine(Usage);
                return 0;
            case "help":
                stdout.WriteLine(args.Length < 2 ? Usage : args[1] switch
                {
                    "run" => RunCliCommand.Usage,
                    "compile" => CompileCliCommand.Usage,
                    "wast" => WastCliCommand.Usage,
                    "settings" => SettingsCliCommand.Usage,
                    "objdump" or "inspect" => ObjdumpCliCommand.Usage,
                    "config" => ConfigCliCommand.Usage,
                    _ => throw new UsageException($"unknown command '{args[1]}' (try 'sharptime --help')"),
                });
                return 0;
            case "-V" or "--version":
                stdout.WriteLine(CompilerSupport.IsAvailable ? $"sharptime {Version} ({Commit})" : $"sharptime {Version} ({Commit}, NativeAOT: interpreter only)");
                return 0;
            case "wast":
                return WastCliCommand.Run(args.AsSpan(1), stdout, stderr);
            case "run":
                return RunCliCommand.Run(args.AsSpan(1), stdout, stderr, stdio);
            case "compile":
                return CompileCliCommand.Run(args.AsSpan(1), stdout, stderr);
            case "settings":
                return SettingsCliCommand.Run(args.AsSpan(1), stdout);
            case "objdump" or "inspect":
                return ObjdumpCliCommand.Run(args.AsSpan(1), stdout);
            case "config":
                return ConfigCliCommand.Run(args.AsSpan(1), stdout);
            default:
                if (IsRunShorthand(command)) return RunCliCommand.Run(args, stdout, stderr, stdio);
                if (Array.IndexOf(NotImplemented, command) >= 0)
                {
                    throw new UsageException($"the '{command}' command is not implemented yet (available: run, compile, wast, settings, objdump, config)");
                }
                if (command.StartsWith('-')) throw new UsageException($"unknown option '{command}' (try 'sharptime --help')");
                throw new UsageException($"unknown command '{command}' (try 'sharptime --help')");
        }
    }

    /// <summary>
    /// Whether <c>sharptime ARG...</c> means <c>sharptime run ARG...</c>, as <c>wasmtime foo.wasm</c> does: the
    /// first argument is an option of run, an existing file, or a name ending in .wasm or .wat. Anything
    /// else stays an unknown command, so a typo in a command name is not reported as a missing file.
    /// </summary>
    private static bool IsRunShorthand(string first)
    {
        if (first.StartsWith('-'))
        {
            string name = first.Split('=')[0];
            return name is "--dir" or "--mapdir" or "--env" or "--argv0" or "--invoke" or "--preload" or "--trap-unknown-imports" or "--tcplisten" or "--allow-precompiled" or "--config"
                || (first.Length >= 2 && first[1] is 'O' or 'C' or 'D' or 'W' or 'S');
        }
        return File.Exists(first) || first.EndsWith(".wasm", StringComparison.OrdinalIgnoreCase) || first.EndsWith(".wat", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The version of this build, from the version the artifact stamp records (without its commit suffix).</summary>
    public static string Version => Artifacts.ArtifactStamp.SharptimeVersion.Split('+')[0];

    /// <summary>The git commit the build was made from, as the stamp records it (the SDK appends it to the version), or "commit unknown".</summary>
    public static string Commit => Artifacts.ArtifactStamp.SharptimeVersion.Split('+') is [_, string commit, ..] ? $"commit {commit}" : "commit unknown";
}
