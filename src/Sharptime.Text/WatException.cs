namespace Sharptime.Text;

/// <summary>
/// The text is not a well-formed WebAssembly text module or script. The message starts with the spec
/// testsuite's wording (for example "unexpected token") followed by file:line:column.
/// </summary>
public sealed class WatException : WasmException
{
    /// <summary>Creates an exception with no message.</summary>
    public WatException() { }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What is wrong.</param>
    public WatException(string message) : base(message) { }

    /// <summary>Creates an exception with a message and a cause.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="innerException">The cause.</param>
    public WatException(string message, Exception innerException) : base(message, innerException) { }

    /// <summary>Creates an exception for a problem at a position of a text.</summary>
    /// <param name="message">What is wrong, in the spec testsuite's wording.</param>
    /// <param name="file">The file name, or a description of the text's origin.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    public WatException(string message, string file, int line, int column)
        : base($"{message} at {file}:{line}:{column}")
    {
        File = file;
        Line = line;
        Column = column;
    }

    /// <summary>The file (or origin) of the text, when known.</summary>
    public string? File { get; }

    /// <summary>The 1-based line of the problem, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, or 0 when unknown.</summary>
    public int Column { get; }
}
