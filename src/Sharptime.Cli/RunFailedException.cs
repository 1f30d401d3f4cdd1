namespace Sharptime.Cli;

/// <summary>
/// The module could not be loaded, linked or started (malformed, invalid, unknown import, no _start...):
/// reported as one "error: ..." line, exit code 1.
/// </summary>
internal sealed class RunFailedException : Exception
{
    public RunFailedException() { }

    public RunFailedException(string message) : base(message) { }

    public RunFailedException(string message, Exception innerException) : base(message, innerException) { }
}
