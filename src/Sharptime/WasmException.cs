namespace Sharptime;

/// <summary>The base of every error Sharptime reports about a WebAssembly module or its execution.</summary>
public class WasmException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public WasmException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong, where, and what to do.</param>
    public WasmException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong, where, and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public WasmException(string message, Exception innerException) : base(message, innerException) { }
}
