namespace Sharptime;

/// <summary>
/// The shared context in which modules are decoded, validated and (later) compiled. An engine is
/// immutable and thread-safe; create one per configuration and share it.
/// </summary>
public sealed class Engine
{
    /// <summary>Creates an engine with <see cref="Config.Default"/>.</summary>
    public Engine() : this(Config.Default) { }

    /// <summary>Creates an engine with the given settings.</summary>
    /// <param name="config">The settings.</param>
    public Engine(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
    }

    /// <summary>The settings of this engine.</summary>
    public Config Config { get; }
}
