using System.Text;

namespace Sharptime.Cli;

/// <summary>
/// <c>sharptime config new [FILE]</c>: writes a configuration file for <c>--config</c> with every key
/// Sharptime supports, commented out, generated from the option groups of <c>-O</c>, <c>-C</c>,
/// <c>-D</c>, <c>-W</c> and <c>-S</c>. Modelled on <c>wasmtime config new</c>.
/// </summary>
internal static class ConfigCliCommand
{
    public const string Usage = """
        Usage: sharptime config new [FILE]

        Writes a configuration file in Wasmtime's TOML layout: sections [optimize], [codegen], [debug],
        [wasm] and [wasi] (the keys of -O, -C, -D, -W and -S), every key Sharptime supports commented
        out with what it does. 'sharptime run --config FILE' and 'sharptime compile --config FILE'
        read it; options on the command line override it. Without FILE the file is printed to stdout;
        an existing FILE is never replaced.

        Options:
          -h, --help             Show this help
        """;

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout)
    {
        if (args.Length > 0 && args[0] is "-h" or "--help")
        {
            stdout.WriteLine(Usage);
            return 0;
        }
        if (args.Length == 0) throw new UsageException("config needs a subcommand: 'sharptime config new [FILE]' (try 'sharptime help config')");
        if (args[0] != "new") throw new UsageException($"unknown config subcommand '{args[0]}': the only one is 'new' (try 'sharptime help config')");
        if (args.Length > 2 || (args.Length == 2 && args[1].StartsWith('-')))
        {
            throw new UsageException($"config new takes one FILE, got '{string.Join(' ', args[1..].ToArray())}' (try 'sharptime help config')");
        }
        if (args.Length == 1)
        {
            stdout.Write(Template());
            return 0;
        }
        string path = args[1];
        try
        {
            using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write);
            file.Write(Encoding.UTF8.GetBytes(Template()));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new RunFailedException($"{path} already exists and is left as it is: remove it, or give another FILE");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot write {path}: {e.Message}", e);
        }
        stdout.WriteLine(Path.GetFullPath(path));
        return 0;
    }

    /// <summary>The configuration file: one section per option group, each supported key commented out after its description.</summary>
    public static string Template()
    {
        var text = new StringBuilder()
            .Append("# Sharptime configuration, written by 'sharptime config new' (Sharptime ").Append(CliApp.Version).Append(").\n")
            .Append("# 'sharptime run --config FILE' reads it, and so does 'sharptime compile --config FILE' for what\n")
            .Append("# changes compiled code (the [wasm] proposals, fuel, epoch-interruption). Options on the command line\n")
            .Append("# override it. Remove the '#' before a key to set it. Values: true or false, integers (1024, 0x400,\n")
            .Append("# 1_024) and \"strings\". Wasmtime's keys that do not apply to Sharptime are accepted with a warning:\n")
            .Append("# 'sharptime run -O help' (and -C, -D, -W, -S) lists them.\n");
        foreach (OptionGroup group in new RunOptions().OptionGroups)
        {
            text.Append('\n').Append('[').Append(group.Section).Append("]\n")
                .Append("# ").Append(group.Title).Append(" (").Append(group.Option).Append(" on the command line)\n");
            foreach ((string name, string syntax, string description) in group.SupportedKeys)
            {
                text.Append("\n# ").Append(syntax).Append(": ").Append(description).Append('\n')
                    .Append('#').Append(name).Append(" = ").Append(Example(syntax)).Append('\n');
            }
        }
        return text.ToString();
    }

    /// <summary>A value of the right TOML type for a key whose syntax is <paramref name="syntax"/> (<c>fuel=N</c>, <c>cache[=y|n]</c>...).</summary>
    private static string Example(string syntax)
    {
        if (syntax.EndsWith("[=y|n]", StringComparison.Ordinal) || syntax.EndsWith("=y|n", StringComparison.Ordinal)) return "true";
        string value = syntax[(syntax.IndexOf('=', StringComparison.Ordinal) + 1)..];
        return value switch
        {
            "N" => "1_000",
            "BYTES" => "1_048_576",
            "DURATION" => "\"10s\"",
            "HOST:PORT" => "\"127.0.0.1:8080\"",
            _ => $"\"{value.Split('|')[^1]}\"",
        };
    }
}
