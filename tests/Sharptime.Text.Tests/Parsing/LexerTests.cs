using Sharptime.Text.Parsing;

namespace Sharptime.Text.Tests.Parsing;

public sealed class LexerTests
{
    private static List<Token> Lex(string text) => Lexer.Tokenize(text, "t.wat");

    [Fact]
    public void Tokens_carry_kind_text_and_position()
    {
        List<Token> tokens = Lex("(module\n  $id \"s\" 0x1F -3 i32.add offset=4 (@ann x))");
        Assert.Equal(
            [TokenKind.LParen, TokenKind.Keyword, TokenKind.Id, TokenKind.String, TokenKind.Number, TokenKind.Number,
             TokenKind.Keyword, TokenKind.Keyword, TokenKind.Annotation, TokenKind.Keyword, TokenKind.RParen, TokenKind.RParen, TokenKind.Eof],
            tokens.Select(t => t.Kind));
        Assert.Equal("id", tokens[2].Text);
        Assert.Equal((2, 3), (tokens[2].Line, tokens[2].Column));
        Assert.Equal("ann", tokens[8].Text);
    }

    [Fact]
    public void Comments_nest_and_are_skipped()
    {
        List<Token> tokens = Lex("(; a (; nested ;) b ;) x ;; line\ny");
        Assert.Equal(["x", "y", ""], tokens.Select(t => t.Text));
        Assert.Equal(2, tokens[1].Line);
    }

    [Fact]
    public void String_escapes_decode_to_bytes()
    {
        byte[] bytes = Lex("\"a\\t\\n\\r\\\"\\'\\\\\\00\\ff\\u{1F600}\\u{e9}\"")[0].Bytes!;
        Assert.Equal("61090a0d22275c00ff" + "f09f9880" + "c3a9", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Quoted_identifiers_equal_plain_ones()
    {
        Assert.Equal("abc", Lex("$\"abc\"")[0].Text);
        Assert.Equal(TokenKind.Id, Lex("$\"a b\"")[0].Kind);
    }

    [Theory]
    [InlineData("\"abc", "unclosed string")]
    [InlineData("(; abc", "unclosed comment")]
    [InlineData("\"\\q\"", "illegal escape")]
    [InlineData("\"\\u{d800}\"", "illegal escape")]
    [InlineData("a\u0001", "illegal character")]
    [InlineData("$\"\"", "empty identifier")]
    [InlineData("$", "empty identifier")]
    [InlineData("$\"\\ff\"", "malformed UTF-8 encoding")]
    [InlineData("x \uFFFD", "malformed UTF-8 encoding")]
    public void Malformed_text_is_reported(string text, string expected)
    {
        WatException e = Assert.Throws<WatException>(() => Lex(text));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reserved_tokens_cover_odd_characters()
    {
        List<Token> tokens = Lex("a\"b\" , [x] {y}");
        Assert.All(tokens.Take(4), t => Assert.Equal(TokenKind.Reserved, t.Kind));
    }

    [Fact]
    public void Annotation_without_id_is_read_as_an_empty_annotation()
    {
        Token token = Lex("(@)")[0];
        Assert.Equal(TokenKind.Annotation, token.Kind);
        Assert.Equal("", token.Text);
        Assert.StartsWith("empty annotation id", Assert.Throws<WatException>(() => Wat.Parse("(@)")).Message, StringComparison.Ordinal);
        // Inside another annotation, "(@" only opens a group.
        Assert.Equal(8, Wat.Parse("(@a (@) (@ x))").Length);
    }
}
