namespace Sharptime;

/// <summary>A module's imports could not be satisfied: an unknown import or one of the wrong type.</summary>
public sealed class LinkException : WasmException
{
    /// <summary>Creates an exception with no message.</summary>
    public LinkException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong; starts with "unknown import" or "incompatible import type".</param>
    public LinkException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public LinkException(string message, Exception innerException) : base(message, innerException) { }
}
