using System.Text;
using Sharptime.Text.Parsing;

namespace Sharptime.Text;

/// <summary>The WebAssembly text format: turns a text module into a binary module.</summary>
public static class Wat
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Parses a text module (one <c>(module ...)</c> form, or bare module fields as <c>wat2wasm</c> accepts them)
    /// into its binary encoding, with a "name" custom section holding the module, function and local names.
    /// </summary>
    /// <param name="text">The module text.</param>
    /// <param name="file">The file name used in error messages.</param>
    /// <returns>The module binary.</returns>
    /// <exception cref="WatException">The text is malformed; the message gives file:line:column.</exception>
    public static byte[] Parse(string text, string file = "<input>") => Parse(text, file, WasmFeatures.All);

    /// <summary>Parses a text module with the text syntax of <paramref name="features"/> (scripts of older proposals).</summary>
    internal static byte[] Parse(string text, string file, WasmFeatures features)
    {
        ArgumentNullException.ThrowIfNull(text);
        List<Token> tokens = Lexer.Tokenize(text, file);
        return WatParser.ParseText(tokens, file, emitNames: true, features);
    }

    /// <summary>
    /// Parses a text module given as UTF-8 bytes (a file's contents, or the strings of a script's
    /// <c>(module quote ...)</c>). Bytes that are not UTF-8 are a <see cref="WatException"/> whose message starts
    /// with "malformed UTF-8 encoding".
    /// </summary>
    /// <param name="utf8">The module text in UTF-8.</param>
    /// <param name="file">The file name used in error messages.</param>
    /// <returns>The module binary.</returns>
    /// <exception cref="WatException">The text is malformed; the message gives file:line:column.</exception>
    public static byte[] Parse(ReadOnlySpan<byte> utf8, string file = "<input>")
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(utf8);
        }
        catch (DecoderFallbackException e)
        {
            int at = Math.Clamp(e.Index, 0, utf8.Length);
            int line = 1, column = 1;
            for (int i = 0; i < at; i++)
            {
                if (utf8[i] == '\n')
                {
                    line++;
                    column = 1;
                }
                else if ((utf8[i] & 0xC0) != 0x80)
                {
                    column++;
                }
            }
            throw new WatException("malformed UTF-8 encoding", file, line, column);
        }
        return Parse(text, file);
    }
}
