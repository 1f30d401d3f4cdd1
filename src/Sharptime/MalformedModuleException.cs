namespace Sharptime;

/// <summary>
/// The bytes are not a well-formed WebAssembly binary (decoding failed). <see cref="Exception.Message"/>
/// starts with the spec testsuite's wording (for example "unexpected end") and names the byte offset.
/// </summary>
public sealed class MalformedModuleException : WasmException
{
    /// <summary>Creates an exception with no message.</summary>
    public MalformedModuleException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is malformed and where.</param>
    public MalformedModuleException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is malformed and where.</param>
    /// <param name="innerException">The cause.</param>
    public MalformedModuleException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a problem at a byte offset of the binary.</summary>
    /// <param name="message">What is malformed, in the spec testsuite's wording.</param>
    /// <param name="offset">The byte offset in the module binary.</param>
    public MalformedModuleException(string message, long offset)
        : base($"{message} at offset 0x{offset:x}") => Offset = offset;

    /// <summary>The byte offset of the problem in the module binary, or -1 when unknown.</summary>
    public long Offset { get; } = -1;
}
