namespace Sharptime.Text.Parsing;

/// <summary>One token with its position.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Text">The source text (for ids: the name without <c>$</c>; for annotations: the id after <c>@</c>).</param>
/// <param name="Bytes">For strings: the decoded bytes; otherwise null.</param>
/// <param name="Start">The character offset of the token in the source.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
internal sealed record Token(TokenKind Kind, string Text, byte[]? Bytes, int Start, int Line, int Column)
{
    /// <summary>True when the token is the keyword <paramref name="keyword"/>.</summary>
    public bool IsKeyword(string keyword) => Kind == TokenKind.Keyword && Text == keyword;

    /// <inheritdoc/>
    public override string ToString() => Kind switch
    {
        TokenKind.LParen => "(",
        TokenKind.RParen => ")",
        TokenKind.Id => "$" + Text,
        TokenKind.Annotation => "(@" + Text,
        TokenKind.Eof => "end of text",
        _ => Text,
    };
}
