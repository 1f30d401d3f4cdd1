using System.Reflection;

namespace Sharptime.Cli;

/// <summary>
/// The <c>sharptime</c> command: dispatches to a subcommand. Exit codes: 0 success, 1 the command ran and
/// something failed, 2 the command line is wrong. User errors are one line on stderr, never a stack trace.
/// </summary>
internal static class CliApp
{
    public const string Usage = """
        Usage: sharptime <command> [options]

        Commands:
          wast [options] <FILE|DIR>...   Run WebAssembly scripts (.wast); directories are searched recursively
          help [command]                 Show this help, or the help of a command

        Options:
          -h, --help                     Show this help
          -V, --version                  Show the version

        Not implemented yet: run, compile, settings, inspect.
        """;

    private static readonly string[] NotImplemented = ["run", "compile", "settings", "inspect", "serve", "config", "explore"];

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return Dispatch(args, stdout, stderr);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"sharptime: {e.Message}");
            return 2;
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

    private static int Dispatch(string[] args, TextWriter stdout, TextWriter stderr)
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
                if (args.Length > 1 && args[1] == "wast")
                {
                    stdout.WriteLine(WastCliCommand.Usage);
                    return 0;
                }
                if (args.Length > 1) throw new UsageException($"unknown command '{args[1]}' (try 'sharptime --help')");
                stdout.WriteLine(Usage);
                return 0;
            case "-V" or "--version":
                stdout.WriteLine($"sharptime {Version}");
                return 0;
            case "wast":
                return WastCliCommand.Run(args.AsSpan(1), stdout, stderr);
            default:
                if (Array.IndexOf(NotImplemented, command) >= 0)
                {
                    throw new UsageException($"the '{command}' command is not implemented yet (available: wast)");
                }
                if (command.StartsWith('-')) throw new UsageException($"unknown option '{command}' (try 'sharptime --help')");
                throw new UsageException($"unknown command '{command}' (try 'sharptime --help')");
        }
    }

    /// <summary>The informational version of this build (without the source revision suffix).</summary>
    public static string Version
    {
        get
        {
            string? version = typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (string.IsNullOrEmpty(version)) return "0.0.0";
            int plus = version.IndexOf('+', StringComparison.Ordinal);
            return plus < 0 ? version : version[..plus];
        }
    }
}
