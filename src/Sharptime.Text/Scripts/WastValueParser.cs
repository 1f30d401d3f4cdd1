using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Turns number tokens of a script into value bits through the text format's literal reader
/// (<see cref="NumberLiteral"/>, shared with the WAT parser): integers with underscores, decimal and
/// hexadecimal floats, <c>inf</c>, <c>nan</c> and <c>nan:0x…</c>. Values out of range are a
/// <see cref="WatException"/> "constant out of range"; text that is not a number is "unknown operator"
/// (the reference interpreter's wording for a bad literal); both give the token's position.
/// </summary>
internal static class WastValueParser
{
    /// <summary>Parses an integer of <paramref name="bits"/> bits (8, 16, 32 or 64) that may be written signed or unsigned.</summary>
    /// <returns>The two's complement bits, zero-extended.</returns>
    public static ulong ParseInt(Token token, int bits, string file)
    {
        CheckKind(token, file);
        return Check(NumberLiteral.ParseInt(token.Text, bits, out ulong value), token, file, value);
    }

    /// <summary>Parses a 32-bit float literal.</summary>
    /// <returns>The IEEE 754 binary32 bits.</returns>
    public static uint ParseF32(Token token, string file)
    {
        CheckKind(token, file);
        return Check(NumberLiteral.ParseF32(token.Text, out uint value), token, file, value);
    }

    /// <summary>Parses a 64-bit float literal.</summary>
    /// <returns>The IEEE 754 binary64 bits.</returns>
    public static ulong ParseF64(Token token, string file)
    {
        CheckKind(token, file);
        return Check(NumberLiteral.ParseF64(token.Text, out ulong value), token, file, value);
    }

    /// <summary><c>inf</c> and <c>nan</c> are keywords to the lexer; anything else that is not a number is a misplaced token.</summary>
    private static void CheckKind(Token token, string file)
    {
        if (token.Kind != TokenKind.Number && token.Kind != TokenKind.Keyword) throw Error("unexpected token", token, file);
    }

    private static T Check<T>(LiteralStatus status, Token token, string file, T value) => status switch
    {
        LiteralStatus.Ok => value,
        LiteralStatus.OutOfRange => throw Error("constant out of range", token, file),
        _ => throw Error("unknown operator", token, file),
    };

    private static WatException Error(string message, Token token, string file) =>
        new($"{message} \"{token}\"", file, token.Line, token.Column);
}
