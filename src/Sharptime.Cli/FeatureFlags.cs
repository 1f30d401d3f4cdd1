namespace Sharptime.Cli;

/// <summary>
/// Wasmtime-style <c>-W name=y|n</c> feature overrides. They apply, in order, on top of each script's
/// default features (<see cref="Sharptime.Text.WastFeatures.ForPath"/>).
/// </summary>
internal sealed class FeatureFlags
{
    private readonly List<(WasmFeatures Flag, bool Enabled)> _overrides = [];

    /// <summary>Adds the overrides of one <c>-W</c> value: <c>name[=y|n][,name[=y|n]]*</c>.</summary>
    /// <exception cref="UsageException">An unknown name or value.</exception>
    public void Add(string value)
    {
        foreach (string item in value.Split(','))
        {
            string name = item;
            bool enabled = true;
            int equals = item.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                name = item[..equals];
                enabled = item[(equals + 1)..] switch
                {
                    "y" or "yes" or "true" or "on" => true,
                    "n" or "no" or "false" or "off" => false,
                    string other => throw new UsageException($"invalid value '{other}' for -W {name} (expected y or n)"),
                };
            }
            _overrides.Add((Lookup(name), enabled));
        }
    }

    /// <summary>Applies the overrides to a script's default features.</summary>
    public WasmFeatures Apply(WasmFeatures defaults)
    {
        WasmFeatures features = defaults;
        foreach ((WasmFeatures flag, bool enabled) in _overrides)
        {
            features = enabled ? features | flag : features & ~flag;
        }
        return features;
    }

    private static WasmFeatures Lookup(string name)
    {
        if (!name.Contains('_', StringComparison.Ordinal) && Sharptime.Text.WastFeatures.TryParseName(name, out WasmFeatures flag)) return flag;
        throw new UsageException($"unknown feature '{name}' in -W (known: {string.Join(", ", Sharptime.Text.WastFeatures.Names.Select(n => n.Key))})");
    }
}
