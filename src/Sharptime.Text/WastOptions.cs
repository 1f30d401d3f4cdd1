namespace Sharptime.Text;

/// <summary>How a WAST script run makes its modules.</summary>
public sealed record WastOptions
{
    /// <summary>Modules compiled in memory.</summary>
    public static WastOptions Default { get; } = new();

    /// <summary>
    /// Compile every module into an artifact (<see cref="Engine.PrecompileModule"/>) and run the
    /// module loaded from it (<see cref="Module.Deserialize"/>), so that every assertion checks the
    /// artifact path. Off by default.
    /// </summary>
    public bool Precompile { get; init; }
}
