using System.Globalization;
using System.Text;

namespace Sharptime.Text.Parsing;

/// <summary>
/// Splits WebAssembly text into tokens (Wasm 3.0 section 6.2): parentheses, keywords, ids, numbers,
/// strings, annotation starts and reserved tokens; white space and comments are dropped. Malformed
/// text (an unclosed string or block comment, an illegal character or escape) is a <see cref="WatException"/>.
/// </summary>
internal sealed class Lexer
{
    private readonly string _text;
    private readonly string _file;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    private Lexer(string text, string file)
    {
        _text = text;
        _file = file;
    }

    /// <summary>Tokenizes <paramref name="text"/>; the last token is <see cref="TokenKind.Eof"/>.</summary>
    /// <param name="text">The source.</param>
    /// <param name="file">The file name used in error messages.</param>
    public static List<Token> Tokenize(string text, string file)
    {
        var lexer = new Lexer(text, file);
        var tokens = new List<Token>(text.Length / 4);
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.Eof);
        return tokens;
    }

    private Token Next()
    {
        SkipTrivia();
        int start = _pos, line = _line, column = _pos - _lineStart + 1;
        if (_pos >= _text.Length) return new Token(TokenKind.Eof, "", null, start, line, column);
        char c = _text[_pos];
        if (c == '(')
        {
            _pos++;
            if (_pos < _text.Length && _text[_pos] == '@')
            {
                int idStart = ++_pos;
                string id;
                if (_pos < _text.Length && _text[_pos] == '"')
                {
                    byte[] bytes = ReadStringOr("empty annotation id", line, column);
                    if (!Utf8Valid(bytes)) throw Error("malformed UTF-8 encoding", line, column);
                    id = Encoding.UTF8.GetString(bytes);
                }
                else
                {
                    while (_pos < _text.Length && IsIdChar(_text[_pos])) _pos++;
                    id = _text[idStart.._pos];
                }
                // An empty id is an error only where the annotation is read; inside another annotation "(@" just opens a group.
                return new Token(TokenKind.Annotation, id, null, start, line, column);
            }
            return new Token(TokenKind.LParen, "(", null, start, line, column);
        }
        if (c == ')')
        {
            _pos++;
            return new Token(TokenKind.RParen, ")", null, start, line, column);
        }
        if (c == '"')
        {
            byte[] bytes = ReadString();
            if (ContinuesReserved())
            {
                SkipReserved();
                return new Token(TokenKind.Reserved, _text[start.._pos], null, start, line, column);
            }
            return new Token(TokenKind.String, _text[start.._pos], bytes, start, line, column);
        }
        if (!IsIdChar(c))
        {
            // U+FFFD is what a lenient UTF-8 decoder makes of bytes that are not UTF-8 (it is illegal here anyway).
            if (c == '\uFFFD') throw Error("malformed UTF-8 encoding", line, column);
            if (!IsReservedOnlyChar(c)) throw Error($"illegal character '{DescribeChar(c)}'", line, column);
            SkipReserved();
            return new Token(TokenKind.Reserved, _text[start.._pos], null, start, line, column);
        }
        if (c == '$' && _pos + 1 < _text.Length && _text[_pos + 1] == '"')
        {
            _pos++;
            byte[] bytes = ReadStringOr("empty identifier", line, column);
            if (bytes.Length == 0) throw Error("empty identifier", line, column);
            if (!Utf8Valid(bytes)) throw Error("malformed UTF-8 encoding", line, column);
            if (ContinuesReserved())
            {
                SkipReserved();
                return new Token(TokenKind.Reserved, _text[start.._pos], null, start, line, column);
            }
            return new Token(TokenKind.Id, Encoding.UTF8.GetString(bytes), null, start, line, column);
        }
        while (_pos < _text.Length && IsIdChar(_text[_pos])) _pos++;
        if (_pos < _text.Length && (_text[_pos] == '"' || (IsReservedOnlyChar(_text[_pos]) && !AtLineComment())))
        {
            SkipReserved();
            return new Token(TokenKind.Reserved, _text[start.._pos], null, start, line, column);
        }
        string word = _text[start.._pos];
        if (word == "$") throw Error("empty identifier", line, column);
        TokenKind kind = Classify(word);
        return kind == TokenKind.Id
            ? new Token(kind, word[1..], null, start, line, column)
            : new Token(kind, word, null, start, line, column);
    }

    private static TokenKind Classify(string word)
    {
        char c = word[0];
        if (c == '$') return word.Length > 1 ? TokenKind.Id : TokenKind.Reserved;
        if (c is >= 'a' and <= 'z') return TokenKind.Keyword;
        if (c is >= '0' and <= '9') return TokenKind.Number;
        if ((c is '+' or '-') && word.Length > 1)
        {
            char d = word[1];
            if (d is >= '0' and <= '9') return TokenKind.Number;
            // Signed inf and nan forms are numbers too.
            string rest = word[1..];
            if (rest == "inf" || rest == "nan" || rest.StartsWith("nan:", StringComparison.Ordinal)) return TokenKind.Number;
        }
        return TokenKind.Reserved;
    }

    private void SkipReserved()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '"') ReadString();
            else if (IsIdChar(c) || (IsReservedOnlyChar(c) && !AtLineComment())) _pos++;
            else break;
        }
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t')
            {
                _pos++;
            }
            else if (c == '\n')
            {
                NewLine(_pos + 1);
            }
            else if (c == '\r')
            {
                _pos++;
                if (_pos < _text.Length && _text[_pos] == '\n') _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == ';' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                while (_pos < _text.Length && _text[_pos] != '\n' && _text[_pos] != '\r') _pos++;
            }
            else if (c == '(' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                SkipBlockComment();
            }
            else
            {
                return;
            }
        }
    }

    private void NewLine(int next)
    {
        _pos = next;
        _line++;
        _lineStart = next;
    }

    private void SkipBlockComment()
    {
        int line = _line, column = _pos - _lineStart + 1;
        int depth = 0;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c == '(' && _pos + 1 < _text.Length && _text[_pos + 1] == ';')
            {
                depth++;
                _pos += 2;
            }
            else if (c == ';' && _pos + 1 < _text.Length && _text[_pos + 1] == ')')
            {
                depth--;
                _pos += 2;
                if (depth == 0) return;
            }
            else if (c == '\n')
            {
                NewLine(_pos + 1);
            }
            else
            {
                _pos++;
            }
        }
        throw Error("unclosed comment", line, column);
    }

    /// <summary>Reads a string that is part of an identifier or annotation id: any flaw in it makes the id empty.</summary>
    private byte[] ReadStringOr(string message, int line, int column)
    {
        try
        {
            return ReadString();
        }
        catch (WatException)
        {
            throw Error(message, line, column);
        }
    }

    private byte[] ReadString()
    {
        int line = _line, column = _pos - _lineStart + 1;
        _pos++; // opening quote
        var bytes = new List<byte>();
        Span<byte> utf8 = stackalloc byte[4];
        while (true)
        {
            if (_pos >= _text.Length) throw Error("unclosed string", line, column);
            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                return [.. bytes];
            }
            if (c == '\n' || c < 0x20 || c == 0x7F) throw Error("illegal character in string", line, column);
            if (c != '\\')
            {
                int count;
                if (char.IsHighSurrogate(c) && _pos + 1 < _text.Length)
                {
                    count = Encoding.UTF8.GetBytes(_text.AsSpan(_pos, 2), utf8);
                    _pos += 2;
                }
                else
                {
                    count = Encoding.UTF8.GetBytes(_text.AsSpan(_pos, 1), utf8);
                    _pos++;
                }
                for (int i = 0; i < count; i++) bytes.Add(utf8[i]);
                continue;
            }
            _pos++;
            if (_pos >= _text.Length) throw Error("unclosed string", line, column);
            char e = _text[_pos++];
            switch (e)
            {
                case 't': bytes.Add((byte)'\t'); break;
                case 'n': bytes.Add((byte)'\n'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '"': bytes.Add((byte)'"'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case 'u':
                {
                    if (_pos >= _text.Length || _text[_pos] != '{') throw Error("illegal escape", line, column);
                    int close = _text.IndexOf('}', _pos);
                    if (close < 0) throw Error("illegal escape", line, column);
                    string hex = _text[(_pos + 1)..close].Replace("_", "", StringComparison.Ordinal);
                    if (hex.Length == 0 || !int.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int cp)
                        || cp > 0x10FFFF || cp is >= 0xD800 and < 0xE000)
                    {
                        throw Error("illegal escape", line, column);
                    }
                    _pos = close + 1;
                    int count = Encoding.UTF8.GetBytes(char.ConvertFromUtf32(cp), utf8);
                    for (int i = 0; i < count; i++) bytes.Add(utf8[i]);
                    break;
                }
                default:
                {
                    if (_pos < _text.Length && IsHex(e) && IsHex(_text[_pos]))
                    {
                        bytes.Add((byte)(HexValue(e) * 16 + HexValue(_text[_pos])));
                        _pos++;
                        break;
                    }
                    throw Error("illegal escape", line, column);
                }
            }
        }
    }

    /// <summary>Characters that may appear in reserved tokens but not in identifiers (Wasm 3.0 section 6.3.1).</summary>
    private static bool IsReservedOnlyChar(char c) => c is ',' or ';' or '[' or ']' or '{' or '}';

    /// <summary>True when the character after a string or an id makes the whole run a reserved token.</summary>
    private bool ContinuesReserved() =>
        _pos < _text.Length && (IsIdChar(_text[_pos]) || _text[_pos] == '"' || (IsReservedOnlyChar(_text[_pos]) && !AtLineComment()));

    /// <summary>A line comment ends any token, even one that could go on with <c>;</c>.</summary>
    private bool AtLineComment() => _text[_pos] == ';' && _pos + 1 < _text.Length && _text[_pos + 1] == ';';

    private static bool Utf8Valid(byte[] bytes) => System.Text.Unicode.Utf8.IsValid(bytes);

    private static bool IsHex(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>The identifier characters of the text format (Wasm 3.0 section 6.3.5).</summary>
    public static bool IsIdChar(char c) =>
        c is (>= '0' and <= '9') or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z')
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '/' or ':'
            or '<' or '=' or '>' or '?' or '@' or '\\' or '^' or '_' or '`' or '|' or '~';

    private static string DescribeChar(char c) => c < 0x20 || c >= 0x7F ? $"\\u{(int)c:x4}" : c.ToString();

    private WatException Error(string message, int line, int column) => new(message, _file, line, column);
}
