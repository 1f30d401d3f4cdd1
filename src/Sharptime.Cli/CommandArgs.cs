namespace Sharptime.Cli;

/// <summary>Options with a value, which every command takes in both of Wasmtime's spellings: <c>--name VALUE</c> and <c>--name=VALUE</c>.</summary>
internal static class CommandArgs
{
    /// <summary>
    /// Whether <c>args[i]</c> is the option <paramref name="name"/>; if so, its value, and <paramref name="i"/>
    /// moved past the value when it was the next argument.
    /// </summary>
    /// <exception cref="UsageException">The option is last, with no value; the message says it needs <paramref name="what"/>.</exception>
    public static bool TryValue(ReadOnlySpan<string> args, ref int i, string name, string what, out string value)
    {
        string arg = args[i];
        if (arg.Length > name.Length && arg[name.Length] == '=' && arg.StartsWith(name, StringComparison.Ordinal))
        {
            value = arg[(name.Length + 1)..];
            return true;
        }
        if (arg != name)
        {
            value = "";
            return false;
        }
        value = i + 1 < args.Length ? args[++i] : throw new UsageException($"{name} needs {what}");
        return true;
    }
}
