namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    /// <summary>Struct field names per type index (null for types without named fields).</summary>
    private readonly List<Dictionary<string, int>?> _fieldNames = [];

    /// <summary>
    /// The first pass: binds the names of every module-level index space in text order and checks that
    /// imports precede definitions (the text format's rule that makes text order equal index order).
    /// </summary>
    private void Scan()
    {
        string? firstDefinition = null;
        while (Peek.Kind != TokenKind.Eof)
        {
            if (Peek.Kind == TokenKind.Annotation)
            {
                if (Peek.Text == "name") throw Error(Peek, "misplaced @name annotation");
                if (Peek.Text == BranchHintSection) throw Error(Peek, "@metadata.code.branch_hint annotation: not in a function");
                SkipGroup();
                continue;
            }
            ExpectLParen();
            Token keyword = Peek;
            if (keyword.Kind != TokenKind.Keyword) throw Unexpected(keyword);
            _p++;
            switch (keyword.Text)
            {
                case "type":
                    ScanType(keyword);
                    break;
                case "rec":
                    while (AtField("type"))
                    {
                        _p += 2;
                        ScanType(keyword);
                    }
                    SkipRest();
                    break;
                case "import":
                {
                    while (Peek.Kind == TokenKind.String) _p++;
                    if (!AtLParen) throw Unexpected(Peek);
                    _p++;
                    Token kind = Next();
                    IndexSpace space = SpaceOfImport(kind);
                    if (firstDefinition != null) throw Error(keyword, $"import after {firstDefinition}");
                    Bind(space, TryId(), kind);
                    SkipRest();
                    SkipRest();
                    break;
                }
                case "func":
                case "table":
                case "memory":
                case "global":
                case "tag":
                {
                    IndexSpace space = SpaceOfImport(keyword);
                    Bind(space, TryId(), keyword);
                    TryNameAnnotation();
                    while (AtField("export")) SkipGroup();
                    if (AtField("import"))
                    {
                        if (firstDefinition != null) throw Error(keyword, $"import after {firstDefinition}");
                    }
                    else
                    {
                        firstDefinition ??= keyword.Text == "func" ? "function" : keyword.Text;
                        if (keyword.Text == "table") ScanInline("elem", _elems);
                        if (keyword.Text == "memory") ScanInline("data", _datas);
                    }
                    SkipRest();
                    break;
                }
                case "elem":
                    Bind(_elems, TryId(), keyword);
                    SkipRest();
                    break;
                case "data":
                    Bind(_datas, TryId(), keyword);
                    SkipRest();
                    break;
                case "export":
                case "start":
                    SkipRest();
                    break;
                default:
                    throw Unexpected(keyword);
            }
        }
    }

    /// <summary>Skips the remaining items of the current group and its closing parenthesis.</summary>
    private void SkipRest()
    {
        while (!AtRParen)
        {
            if (Peek.Kind is TokenKind.LParen or TokenKind.Annotation) SkipGroup();
            else if (Peek.Kind == TokenKind.Eof) throw Unexpected(Peek);
            else _p++;
        }
        _p++;
    }

    /// <summary>Binds an anonymous segment when a table or memory holds an inline <c>(elem ...)</c> or <c>(data ...)</c>.</summary>
    private void ScanInline(string keyword, IndexSpace space)
    {
        int save = _p;
        while (!AtRParen && Peek.Kind != TokenKind.Eof)
        {
            if (AtField(keyword))
            {
                space.TryAdd(null, out _);
                break;
            }
            if (Peek.Kind is TokenKind.LParen or TokenKind.Annotation) SkipGroup();
            else _p++;
        }
        _p = save;
    }

    private IndexSpace SpaceOfImport(Token kind) => kind.Kind != TokenKind.Keyword ? throw Unexpected(kind) : kind.Text switch
    {
        "func" => _funcs,
        "table" => _tables,
        "memory" => _memories,
        "global" => _globals,
        "tag" => _tags,
        _ => throw Unexpected(kind),
    };

    private void Bind(IndexSpace space, string? name, Token at)
    {
        if (!space.TryAdd(name, out _)) throw Error(at, $"duplicate {space.Keyword} ${name}");
    }

    /// <summary>Binds a type's name and its struct field names; the position is just after <c>(type</c>.</summary>
    private void ScanType(Token at)
    {
        Bind(_types, TryId(), at);
        TryNameAnnotation();
        Dictionary<string, int>? fields = null;
        int save = _p;
        if (AtField("sub"))
        {
            _p += 2;
            TryKeyword("final");
            while (Peek.Kind is TokenKind.Id or TokenKind.Number) _p++;
        }
        if (AtField("struct"))
        {
            _p += 2;
            int index = 0;
            while (AtField("field"))
            {
                _p += 2;
                Token nameToken = Peek;
                string? name = TryId();
                TryNameAnnotation();
                if (name != null)
                {
                    fields ??= new Dictionary<string, int>(StringComparer.Ordinal);
                    if (!fields.TryAdd(name, index)) throw Error(nameToken, $"duplicate field ${name}");
                    index++;
                    SkipRest();
                    continue;
                }
                while (!AtRParen && Peek.Kind != TokenKind.Eof)
                {
                    if (AtLParen) SkipGroup();
                    else _p++;
                    index++;
                }
                ExpectRParen();
            }
        }
        _p = save;
        _fieldNames.Add(fields);
        SkipRest();
    }
}
