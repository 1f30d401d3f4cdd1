using Sharptime.Text.Parsing;

namespace Sharptime.Text;

/// <summary>The WebAssembly text format: turns a text module into a binary module.</summary>
public static class Wat
{
    /// <summary>
    /// Parses a text module (one <c>(module ...)</c> form, or bare module fields as <c>wat2wasm</c> accepts them)
    /// into its binary encoding, with a "name" custom section holding the module, function and local names.
    /// </summary>
    /// <param name="text">The module text.</param>
    /// <param name="file">The file name used in error messages.</param>
    /// <returns>The module binary.</returns>
    /// <exception cref="WatException">The text is malformed; the message gives file:line:column.</exception>
    public static byte[] Parse(string text, string file = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Token> tokens = Lexer.Tokenize(text, file);
        return WatParser.ParseText(tokens, file);
    }
}
