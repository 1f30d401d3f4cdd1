namespace Sharptime.Cli;

/// <summary>
/// Where a guest's standard streams go. The command inherits the process's; tests that run the CLI in
/// process give streams instead. A null stream means "inherit".
/// </summary>
/// <param name="Stdin">The guest's stdin, or null for the process's.</param>
/// <param name="Stdout">The guest's stdout, or null for the process's.</param>
/// <param name="Stderr">The guest's stderr, or null for the process's.</param>
internal sealed record GuestStdio(Stream? Stdin, Stream? Stdout, Stream? Stderr)
{
    /// <summary>The process's own streams.</summary>
    public static GuestStdio Inherited { get; } = new(null, null, null);
}
