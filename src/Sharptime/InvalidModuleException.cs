namespace Sharptime;

/// <summary>
/// The module is well-formed but does not validate. <see cref="Exception.Message"/> starts with the spec
/// testsuite's wording (for example "type mismatch") and says where: function index and byte offset.
/// </summary>
public sealed class InvalidModuleException : WasmException
{
    /// <summary>Creates an exception with no message.</summary>
    public InvalidModuleException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is invalid and where.</param>
    public InvalidModuleException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is invalid and where.</param>
    /// <param name="innerException">The cause.</param>
    public InvalidModuleException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a problem at a byte offset of the binary.</summary>
    /// <param name="message">What is invalid, in the spec testsuite's wording, with its context.</param>
    /// <param name="offset">The byte offset in the module binary.</param>
    public InvalidModuleException(string message, long offset)
        : base($"{message} at offset 0x{offset:x}") => Offset = offset;

    /// <summary>The byte offset of the problem in the module binary, or -1 when unknown.</summary>
    public long Offset { get; } = -1;
}
