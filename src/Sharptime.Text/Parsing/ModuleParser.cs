using System.Runtime.CompilerServices;

namespace Sharptime.Text.Parsing;

/// <summary>
/// Parses the fields of one text module into its binary encoding (Wasm 3.0 chapter 6). Works in
/// two passes: <see cref="Scan"/> binds every symbolic name of the module-level index spaces so that
/// later fields can be referred to before they appear; the second pass parses types first (implicit
/// type uses must compare against every explicit type), then every other field in text order.
/// </summary>
internal sealed partial class ModuleParser
{
    private readonly List<Token> _t;
    private readonly string _file;
    private int _p;

    private readonly IndexSpace _types = new("type", "type");
    private readonly IndexSpace _funcs = new("func", "function");
    private readonly IndexSpace _tables = new("table", "table");
    private readonly IndexSpace _memories = new("memory", "memory");
    private readonly IndexSpace _globals = new("global", "global");
    private readonly IndexSpace _tags = new("tag", "tag");
    private readonly IndexSpace _elems = new("elem", "elem segment");
    private readonly IndexSpace _datas = new("data", "data segment");

    /// <param name="tokens">The module's fields, annotations other than <c>@custom</c> and <c>@name</c> removed, ending with an end-of-text token.</param>
    /// <param name="file">The file name for error messages.</param>
    public ModuleParser(List<Token> tokens, string file)
    {
        _t = tokens;
        _file = file;
    }

    /// <summary>The module name given by <c>(module $id)</c> or <c>(@name ...)</c>, for the name section.</summary>
    public string? ModuleName { get; set; }

    /// <summary>Whether to append a "name" custom section.</summary>
    public bool EmitNames { get; set; } = true;

    /// <summary>
    /// The proposals whose text syntax applies. Without memory64, limits are u32 literals as in the
    /// WebAssembly 2.0 text format; with it they are u64 and a 32-bit bound beyond 2^32 is left to validation.
    /// </summary>
    public WasmFeatures Features { get; set; } = WasmFeatures.All;

    /// <summary>Parses every field up to the end-of-text token and returns the module binary.</summary>
    public byte[] Parse()
    {
        Scan();
        _p = 0;
        ParseTypeFields();
        _p = 0;
        ParseOtherFields();
        return Assemble();
    }

    // ---- token helpers ----

    // Reading past the end keeps returning the end-of-text token, so no lookahead can fall off the list.
    private Token Peek => _t[Math.Min(_p, _t.Count - 1)];

    private Token PeekAt(int offset) => _t[Math.Min(_p + offset, _t.Count - 1)];

    private Token Next()
    {
        Token token = Peek;
        if (token.Kind != TokenKind.Eof) _p++;
        return token;
    }

    /// <summary>True when the next tokens are <c>(</c> and the keyword.</summary>
    private bool AtField(string keyword) =>
        Peek.Kind == TokenKind.LParen && PeekAt(1).IsKeyword(keyword);

    private bool AtLParen => Peek.Kind == TokenKind.LParen;

    private bool AtRParen => Peek.Kind == TokenKind.RParen;

    private void ExpectLParen()
    {
        if (Peek.Kind != TokenKind.LParen) throw Unexpected(Peek);
        _p++;
    }

    private void ExpectRParen()
    {
        if (Peek.Kind != TokenKind.RParen) throw Unexpected(Peek);
        _p++;
    }

    private void ExpectKeyword(string keyword)
    {
        if (!Peek.IsKeyword(keyword)) throw Unexpected(Peek);
        _p++;
    }

    private string? TryId() => Peek.Kind == TokenKind.Id ? Next().Text : null;

    private bool TryKeyword(string keyword)
    {
        if (!Peek.IsKeyword(keyword)) return false;
        _p++;
        return true;
    }

    private byte[] ExpectString()
    {
        if (Peek.Kind != TokenKind.String) throw Unexpected(Peek);
        return Next().Bytes!;
    }

    private string ExpectName()
    {
        Token token = Peek;
        byte[] bytes = ExpectString();
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw Error(token, "malformed UTF-8 encoding");
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Skips a balanced group starting at <c>(</c>.</summary>
    private void SkipGroup()
    {
        int depth = 0;
        do
        {
            Token token = Next();
            if (token.Kind is TokenKind.LParen or TokenKind.Annotation) depth++;
            else if (token.Kind == TokenKind.RParen) depth--;
            else if (token.Kind == TokenKind.Eof) throw Error(token, "unexpected end");
        }
        while (depth > 0);
    }

    /// <summary>Skips the <c>(@name "...")</c> annotations allowed right after an identifier.</summary>
    private string? TryNameAnnotation()
    {
        string? name = null;
        while (Peek.Kind == TokenKind.Annotation && Peek.Text == "name")
        {
            Token start = Next();
            string value = ExpectName();
            ExpectRParen();
            if (name != null) throw Error(start, "@name annotation: multiple");
            name = value;
        }
        return name;
    }

    private WatException Error(Token at, string message) => new(message, _file, at.Line, at.Column);

    private WatException Unexpected(Token at) => at.Kind switch
    {
        TokenKind.Eof => Error(at, "unexpected end"),
        TokenKind.Annotation => Error(at, $"misplaced @{at.Text} annotation"),
        TokenKind.Reserved => Error(at, $"unknown operator {at.Text}"),
        TokenKind.Keyword when !Keywords.IsKnown(at.Text) => Error(at, $"unknown operator {at.Text}"),
        _ => Error(at, $"unexpected token {at}"),
    };

    private void EnsureStack(Token at)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw Error(at, "nesting too deep");
    }
}
