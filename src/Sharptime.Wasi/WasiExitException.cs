namespace Sharptime.Wasi;

/// <summary>
/// Thrown by <c>proc_exit</c> to unwind the guest. It propagates out of the <see cref="Func"/> call
/// (usually <c>_start</c>) as itself, so a runner catches it and uses <see cref="ExitCode"/>.
/// </summary>
public sealed class WasiExitException : Exception
{
    /// <summary>Creates the exception for exit status <paramref name="exitCode"/>.</summary>
    /// <param name="exitCode">The status passed to <c>proc_exit</c>.</param>
    public WasiExitException(int exitCode) : base($"the guest called proc_exit({exitCode})") => ExitCode = exitCode;

    /// <summary>Creates the exception with exit status 0.</summary>
    public WasiExitException() : this(0) { }

    /// <summary>Creates the exception with exit status 0 and a message.</summary>
    /// <param name="message">The message.</param>
    public WasiExitException(string message) : base(message) { }

    /// <summary>Creates the exception with exit status 0, a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WasiExitException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>The exit status the guest passed to <c>proc_exit</c>.</summary>
    public int ExitCode { get; }
}
