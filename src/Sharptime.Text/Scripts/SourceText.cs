using System.Buffers;
using System.Text.Unicode;

namespace Sharptime.Text.Scripts;

/// <summary>Source text must be UTF-8 (Wasm 3.0 section 6.2.1): decodes it strictly, naming the first bad byte.</summary>
internal static class SourceText
{
    /// <summary>Decodes <paramref name="bytes"/> as UTF-8.</summary>
    /// <param name="bytes">The source.</param>
    /// <param name="origin">The file (or description) used in the error message.</param>
    /// <exception cref="WatException">"malformed UTF-8 encoding" at the line and column of the first invalid byte.</exception>
    public static string Decode(byte[] bytes, string origin)
    {
        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, written);
        int line = 1, column = 1;
        for (int i = 0; i < written; i++)
        {
            if (chars[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(chars[i]))
            {
                column++;
            }
        }
        throw new WatException($"malformed UTF-8 encoding (byte 0x{bytes[read]:x2})", origin, line, column);
    }
}
