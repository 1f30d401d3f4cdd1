namespace Sharptime.Text.Parsing;

/// <summary>The kinds of tokens of the text format (Wasm 3.0 section 6.2).</summary>
internal enum TokenKind : byte
{
    /// <summary><c>(</c></summary>
    LParen,
    /// <summary><c>)</c></summary>
    RParen,
    /// <summary>A keyword: starts with a lowercase letter (<c>module</c>, <c>i32.add</c>, <c>nan:0x1</c>, <c>inf</c>, <c>offset=4</c>).</summary>
    Keyword,
    /// <summary>An identifier: <c>$name</c> or <c>$"name"</c>; <see cref="Token.Text"/> holds the name without <c>$</c>.</summary>
    Id,
    /// <summary>A number: starts with a digit or a sign and a digit (integers and floats, including hex).</summary>
    Number,
    /// <summary>A string literal; <see cref="Token.Bytes"/> holds its bytes (strings may hold any bytes).</summary>
    String,
    /// <summary>
    /// An annotation start <c>(@id</c>: the lexer folds the parenthesis in; <see cref="Token.Text"/> holds the id. The id is
    /// empty for <c>(@</c> without one: an error ("empty annotation id") unless it stands inside another annotation.
    /// </summary>
    Annotation,
    /// <summary>Any other run of identifier characters: always an error where it is not skipped.</summary>
    Reserved,
    /// <summary>The end of the text.</summary>
    Eof,
}
