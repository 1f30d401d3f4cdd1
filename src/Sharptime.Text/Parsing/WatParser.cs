namespace Sharptime.Text.Parsing;

/// <summary>Parses text modules into binary modules.</summary>
internal static class WatParser
{
    private static readonly HashSet<string> NamedKeywords = new(StringComparer.Ordinal)
    {
        "module", "func", "param", "local", "field", "type", "table", "memory", "global", "tag", "elem", "data",
    };

    /// <summary>
    /// Parses one module starting at <paramref name="index"/>, which must be the <c>(</c> of
    /// <c>(module ...)</c>, and returns its binary encoding. On return <paramref name="index"/> is just after
    /// the closing <c>)</c>. The module's optional <c>$id</c> is returned in <paramref name="id"/>.
    /// <c>(module binary ...)</c> and <c>(module quote ...)</c> are not text modules: the WAST parser handles them.
    /// </summary>
    public static byte[] ParseModule(List<Token> tokens, ref int index, string file, out string? id) =>
        ParseModule(tokens, ref index, file, out id, out _);

    /// <summary>
    /// Parses one module like <see cref="ParseModule(List{Token}, ref int, string, out string?)"/>, and reports
    /// whether it was written <c>(module $id? definition ...)</c> (a module definition that a script does not instantiate).
    /// </summary>
    /// <param name="tokens">The tokens of the script or text.</param>
    /// <param name="index">The position of the module's <c>(</c>; on return, just after its <c>)</c>.</param>
    /// <param name="file">The file name for error messages.</param>
    /// <param name="id">The module's <c>$id</c>, if any.</param>
    /// <param name="isDefinition">Whether the module was written with the <c>definition</c> keyword.</param>
    /// <param name="emitNames">Whether to append the "name" section.</param>
    /// <param name="features">The proposals whose text syntax applies (see <see cref="ModuleParser.Features"/>).</param>
    public static byte[] ParseModule(List<Token> tokens, ref int index, string file, out string? id, out bool isDefinition,
        bool emitNames = true, WasmFeatures features = WasmFeatures.All)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int close = FindClose(tokens, index, file);
        List<Token> inner = Filter(tokens, index + 1, close, moduleDepth: 0, file);
        index = close + 1;
        return ParseHeaderAndFields(inner, file, out id, out isDefinition, emitNames, features);
    }

    /// <summary>Parses a whole text: one <c>(module ...)</c> form, or bare module fields.</summary>
    /// <param name="tokens">The text's tokens, ending with the end-of-text token.</param>
    /// <param name="file">The file name for error messages.</param>
    /// <param name="emitNames">Whether to append the "name" section.</param>
    /// <param name="features">The proposals whose text syntax applies (see <see cref="ModuleParser.Features"/>).</param>
    public static byte[] ParseText(List<Token> tokens, string file, bool emitNames = true, WasmFeatures features = WasmFeatures.All)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        // Annotations may stand between the parenthesis and the keyword: "((@a) module ...)" is a module form.
        int first = 0;
        while (tokens[first].Kind == TokenKind.Annotation && tokens[first].Text.Length > 0) first = AnnotationEnd(tokens, first, tokens.Count - 1, file) + 1;
        if (tokens[first].Kind == TokenKind.LParen)
        {
            int k = first + 1;
            while (tokens[k].Kind == TokenKind.Annotation && tokens[k].Text.Length > 0) k = AnnotationEnd(tokens, k, tokens.Count - 1, file) + 1;
            if (tokens[k].IsKeyword("module"))
            {
                int index = first;
                byte[] binary = ParseModule(tokens, ref index, file, out _, out _, emitNames, features);
                List<Token> rest = Filter(tokens, index, tokens.Count - 1, moduleDepth: 0, file);
                if (rest[0].Kind != TokenKind.Eof) throw Error(rest[0], file, $"unexpected token {rest[0]}");
                return binary;
            }
        }
        List<Token> all = Filter(tokens, 0, tokens.Count - 1, moduleDepth: 0, file);
        var parser = new ModuleParser(all, file) { EmitNames = emitNames, Features = features };
        return parser.Parse();
    }

    private static byte[] ParseHeaderAndFields(List<Token> inner, string file, out string? id, out bool isDefinition, bool emitNames,
        WasmFeatures features)
    {
        int p = 0;
        if (!inner[p].IsKeyword("module")) throw Error(inner[p], file, $"unexpected token {inner[p]}");
        p++;
        id = null;
        isDefinition = false;
        if (inner[p].IsKeyword("definition"))
        {
            isDefinition = true;
            p++;
        }
        if (inner[p].Kind == TokenKind.Id) id = inner[p++].Text;
        string? name = id;
        if (inner[p].Kind == TokenKind.Annotation && inner[p].Text == "name")
        {
            if (inner[p + 1].Kind != TokenKind.String || inner[p + 2].Kind != TokenKind.RParen) throw Error(inner[p], file, "malformed @name annotation");
            byte[] bytes = inner[p + 1].Bytes!;
            if (!System.Text.Unicode.Utf8.IsValid(bytes)) throw Error(inner[p + 1], file, "malformed UTF-8 encoding");
            name = System.Text.Encoding.UTF8.GetString(bytes);
            p += 3;
            if (inner[p].Kind == TokenKind.Annotation && inner[p].Text == "name") throw Error(inner[p], file, "@name annotation: multiple module names");
        }
        if (!isDefinition && inner[p].IsKeyword("definition"))
        {
            isDefinition = true;
            p++;
        }
        if (inner[p].IsKeyword("binary") || inner[p].IsKeyword("quote")) throw Error(inner[p], file, $"unexpected token {inner[p]}");
        var parser = new ModuleParser(inner.GetRange(p, inner.Count - p), file) { ModuleName = name, EmitNames = emitNames, Features = features };
        return parser.Parse();
    }

    /// <summary>Finds the <c>)</c> that closes the group opened at <paramref name="open"/>.</summary>
    private static int FindClose(List<Token> tokens, int open, string file)
    {
        if (tokens[open].Kind != TokenKind.LParen) throw Error(tokens[open], file, $"unexpected token {tokens[open]}");
        int depth = 0;
        for (int i = open; i < tokens.Count; i++)
        {
            Token token = tokens[i];
            switch (token.Kind)
            {
                case TokenKind.LParen:
                case TokenKind.Annotation:
                    depth++;
                    break;
                case TokenKind.RParen:
                    if (--depth == 0) return i;
                    break;
                case TokenKind.Eof:
                    throw Error(token, file, "unexpected end");
            }
        }
        throw Error(tokens[^1], file, "unexpected end");
    }

    /// <summary>
    /// Copies the tokens of [<paramref name="start"/>, <paramref name="end"/>) and appends an end-of-text token,
    /// dropping annotations the parser does not interpret: it keeps <c>@custom</c> (placed as custom sections,
    /// or reported as misplaced) and <c>@name</c> where it names something.
    /// </summary>
    private static List<Token> Filter(List<Token> tokens, int start, int end, int moduleDepth, string file)
    {
        var result = new List<Token>(end - start + 1);
        int depth = 0;
        int i = start;
        while (i < end)
        {
            Token token = tokens[i];
            if (token.Kind == TokenKind.Annotation)
            {
                if (token.Text.Length == 0) throw Error(token, file, "empty annotation id");
                int close = AnnotationEnd(tokens, i, end, file);
                bool keep = token.Text is "custom" or "metadata.code.branch_hint" || (token.Text == "name" && NameIsPlaced(result, depth, moduleDepth));
                if (keep)
                {
                    for (int k = i; k <= close; k++) result.Add(tokens[k]);
                }
                i = close + 1;
                continue;
            }
            if (token.Kind == TokenKind.LParen) depth++;
            else if (token.Kind == TokenKind.RParen) depth--;
            result.Add(token);
            i++;
        }
        Token last = end < tokens.Count ? tokens[end] : tokens[^1];
        result.Add(new Token(TokenKind.Eof, "", null, last.Start, last.Line, last.Column));
        return result;
    }

    /// <summary>True when a <c>@name</c> annotation follows what it can name (so the parser reads it), or stands where it is misplaced.</summary>
    private static bool NameIsPlaced(List<Token> result, int depth, int moduleDepth)
    {
        if (depth == moduleDepth) return true;
        int n = result.Count;
        if ((n >= 1 && result[n - 1].IsKeyword("start")) || (n >= 2 && result[n - 2].IsKeyword("start"))) return true;
        if (n >= 2 && result[n - 1].Kind == TokenKind.Keyword && NamedKeywords.Contains(result[n - 1].Text)
            && result[n - 2].Kind == TokenKind.LParen)
        {
            return true;
        }
        if (n >= 3 && result[n - 1].Kind == TokenKind.Id && result[n - 2].Kind == TokenKind.Keyword
            && NamedKeywords.Contains(result[n - 2].Text) && result[n - 3].Kind == TokenKind.LParen)
        {
            return true;
        }
        return false;
    }

    private static int AnnotationEnd(List<Token> tokens, int open, int end, string file)
    {
        int depth = 0;
        for (int i = open; i < end; i++)
        {
            Token token = tokens[i];
            if (token.Kind is TokenKind.LParen or TokenKind.Annotation) depth++;
            else if (token.Kind == TokenKind.RParen && --depth == 0) return i;
        }
        throw Error(tokens[open], file, "unclosed annotation");
    }

    private static WatException Error(Token at, string file, string message) => new(message, file, at.Line, at.Column);
}
