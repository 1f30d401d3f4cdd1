using System.Globalization;
using System.Text;

namespace Sharptime.Cli;

/// <summary>
/// One of Wasmtime's <c>KEY[=VALUE][,KEY[=VALUE]...]</c> option groups (<c>-O</c>, <c>-C</c>, <c>-D</c>,
/// <c>-W</c>, <c>-S</c>): every key Wasmtime has is listed, either with what it does here or with why it
/// does not apply (then it is accepted with a warning, so Wasmtime command lines keep working).
/// </summary>
/// <param name="flag">The option, e.g. <c>-O</c>.</param>
/// <param name="section">The group's section in a configuration file (<c>--config</c>), e.g. <c>optimize</c>, as Wasmtime names it.</param>
/// <param name="title">What the group configures, for its help.</param>
internal sealed class OptionGroup(string flag, string section, string title)
{
    private sealed record Key(string Name, string Syntax, string Description, Action<string?>? Apply);

    private readonly List<Key> _keys = [];

    /// <summary>The option, e.g. <c>-O</c>.</summary>
    public string Option => flag;

    /// <summary>The group's section in a configuration file, e.g. <c>optimize</c>.</summary>
    public string Section => section;

    /// <summary>What the group configures.</summary>
    public string Title => title;

    /// <summary>The keys Sharptime supports, in the order of the help: name, syntax, description.</summary>
    public IEnumerable<(string Name, string Syntax, string Description)> SupportedKeys =>
        _keys.Where(k => k.Apply is not null).Select(k => (k.Name, k.Syntax, k.Description));

    /// <summary>Adds a key Sharptime supports; <paramref name="apply"/> gets the value (null when none was given).</summary>
    public OptionGroup Add(string name, string syntax, string description, Action<string?> apply)
    {
        _keys.Add(new Key(name, syntax, description, apply));
        return this;
    }

    /// <summary>Adds a Wasmtime key that means nothing here; <paramref name="reason"/> says why. A name ending in * is a prefix.</summary>
    public OptionGroup NotApplicable(string name, string syntax, string reason)
    {
        _keys.Add(new Key(name, syntax, reason, null));
        return this;
    }

    /// <summary>Applies the items of one value of the option.</summary>
    /// <returns>The group's help when an item is <c>help</c>, else null.</returns>
    /// <exception cref="UsageException">An unknown key or a bad value.</exception>
    public string? Parse(string value, List<string> warnings)
    {
        foreach (string item in value.Split(','))
        {
            if (item == "help") return Help();
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            Apply(equals < 0 ? item : item[..equals], equals < 0 ? null : item[(equals + 1)..], warnings);
        }
        return null;
    }

    /// <summary>Applies one key with its value (null when none was given).</summary>
    /// <exception cref="UsageException">An unknown key or a bad value.</exception>
    public void Apply(string name, string? value, List<string> warnings)
    {
        Key key = _keys.Find(k => k.Name == name || (k.Name.EndsWith('*') && name.StartsWith(k.Name[..^1], StringComparison.Ordinal)))
            ?? throw new UsageException($"unknown {flag} option '{name}' (try '{flag} help' for the list of keys)");
        if (key.Apply is null) warnings.Add($"{flag} {name} is not applicable to Sharptime and is ignored: {key.Description}");
        else key.Apply(value);
    }

    /// <summary>What <c>FLAG help</c> prints: every key, supported ones first.</summary>
    public string Help()
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{title} ({flag} KEY[=VALUE], several separated by commas):\n\n");
        foreach (Key key in _keys.Where(k => k.Apply is not null)) text.Append(CultureInfo.InvariantCulture, $"  {key.Syntax,-36} {key.Description}\n");
        text.Append("\nAccepted for compatibility with Wasmtime and ignored (with a warning):\n\n");
        foreach (Key key in _keys.Where(k => k.Apply is null)) text.Append(CultureInfo.InvariantCulture, $"  {key.Syntax,-36} {key.Description}\n");
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>A y/n value as Wasmtime reads it; no value means y.</summary>
    public bool Flag(string name, string? value) => value switch
    {
        null or "y" or "yes" or "true" or "on" => true,
        "n" or "no" or "false" or "off" => false,
        _ => throw new UsageException($"invalid value '{value}' for {flag} {name} (expected y or n)"),
    };

    /// <summary>A number as Wasmtime reads it (1024, 0x400, 1_024).</summary>
    public ulong Number(string name, string? value) => RuntimeOptions.Number(name, value, flag);
}
