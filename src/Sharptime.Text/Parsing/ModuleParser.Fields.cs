namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    private readonly ByteWriter _importSection = new();
    private readonly ByteWriter _funcSection = new();
    private readonly ByteWriter _tableSection = new();
    private readonly ByteWriter _memorySection = new();
    private readonly ByteWriter _tagSection = new();
    private readonly ByteWriter _globalSection = new();
    private readonly ByteWriter _exportSection = new();
    private readonly ByteWriter _elemSection = new();
    private readonly ByteWriter _codeSection = new();
    private readonly ByteWriter _dataSection = new();
    private int _importCount, _funcDefCount, _tableDefCount, _memoryDefCount, _tagDefCount, _globalDefCount;
    private int _exportCount, _elemCount, _dataCount;
    private int? _start;
    private bool _usesDataCount;

    private int _nextFunc, _nextTable, _nextMemory, _nextGlobal, _nextTag, _nextElem, _nextData;


    /// <summary>The second pass over the non-type fields, in text order.</summary>
    private void ParseOtherFields()
    {
        while (Peek.Kind != TokenKind.Eof)
        {
            if (Peek.Kind == TokenKind.Annotation)
            {
                ParseCustomAnnotation();
                continue;
            }
            ExpectLParen();
            Token keyword = Next();
            switch (keyword.Text)
            {
                case "type":
                case "rec":
                    _p -= 2;
                    SkipGroup();
                    break;
                case "import": ParseImport(); break;
                case "func": ParseFunc(); break;
                case "table": ParseTable(); break;
                case "memory": ParseMemory(); break;
                case "global": ParseGlobal(); break;
                case "tag": ParseTag(); break;
                case "export": ParseExport(); break;
                case "start": ParseStart(keyword); break;
                case "elem": ParseElem(); break;
                case "data": ParseData(); break;
                default: throw Unexpected(keyword);
            }
        }
    }

    /// <summary>Resolves an index: a number as is, or a symbolic name bound in <paramref name="space"/>.</summary>
    private int ResolveIndex(IndexSpace space)
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Number)
        {
            _p++;
            return ParseU32(token);
        }
        if (token.Kind == TokenKind.Id)
        {
            _p++;
            if (space.TryGet(token.Text, out int index)) return index;
            throw Error(token, $"unknown {space.Description} {token}");
        }
        throw Unexpected(token);
    }

    private bool AtIndex => Peek.Kind is TokenKind.Number or TokenKind.Id;

    private int ParseU32(Token token)
    {
        LiteralStatus status = NumberLiteral.ParseUnsigned(token.Text, 32, out ulong value);
        return status switch
        {
            LiteralStatus.Ok => (int)(uint)value,
            LiteralStatus.OutOfRange => throw Error(token, "i32 constant out of range"),
            _ => throw Error(token, $"unknown operator {token.Text}"),
        };
    }

    private ulong ParseU64(Token token)
    {
        LiteralStatus status = NumberLiteral.ParseUnsigned(token.Text, 64, out ulong value);
        return status switch
        {
            LiteralStatus.Ok => value,
            LiteralStatus.OutOfRange => throw Error(token, "i64 constant out of range"),
            _ => throw Error(token, $"unknown operator {token.Text}"),
        };
    }

    private void AddExport(string name, byte kind, int index)
    {
        _exportCount++;
        _exportSection.Name(name);
        _exportSection.Byte(kind);
        _exportSection.U32(index);
    }

    /// <summary>Parses the inline <c>(export "name")*</c> abbreviations of a definition.</summary>
    private void ParseInlineExports(byte kind, int index)
    {
        while (AtField("export"))
        {
            _p += 2;
            string name = ExpectName();
            ExpectRParen();
            AddExport(name, kind, index);
        }
    }

    /// <summary>Parses an inline <c>(import "m" "n")</c> and writes the import's names; false when there is none.</summary>
    private bool TryInlineImport()
    {
        if (!AtField("import")) return false;
        _p += 2;
        string module = ExpectName();
        string name = ExpectName();
        ExpectRParen();
        _importCount++;
        _importSection.Name(module);
        _importSection.Name(name);
        return true;
    }

    private void ParseImport()
    {
        string module = ExpectName();
        string name = ExpectName();
        ExpectLParen();
        Token kind = Next();
        _importCount++;
        _importSection.Name(module);
        _importSection.Name(name);
        switch (kind.Text)
        {
            case "func":
            {
                int index = _nextFunc++;
                TryId();
                _funcNameOverrides.Add((index, TryNameAnnotation()));
                _importSection.Byte(0x00);
                _importSection.U32(ParseTypeUse(null, allowNames: true));
                break;
            }
            case "table":
                _nextTable++;
                TryId();
                TryNameAnnotation();
                _importSection.Byte(0x01);
                ParseTableType(_importSection);
                break;
            case "memory":
                _nextMemory++;
                TryId();
                TryNameAnnotation();
                _importSection.Byte(0x02);
                ParseMemoryType(_importSection);
                break;
            case "global":
                _nextGlobal++;
                TryId();
                TryNameAnnotation();
                _importSection.Byte(0x03);
                ParseGlobalType(_importSection);
                break;
            case "tag":
                _nextTag++;
                TryId();
                TryNameAnnotation();
                _importSection.Byte(0x04);
                _importSection.Byte(0x00);
                _importSection.U32(ParseTypeUse(null, allowNames: true));
                break;
            default:
                throw Unexpected(kind);
        }
        ExpectRParen();
        ExpectRParen();
    }

    private void ParseFunc()
    {
        int index = _nextFunc++;
        TryId();
        _funcNameOverrides.Add((index, TryNameAnnotation()));
        ParseInlineExports(0x00, index);
        if (TryInlineImport())
        {
            _importSection.Byte(0x00);
            _importSection.U32(ParseTypeUse(null, allowNames: true));
            ExpectRParen();
            return;
        }
        var paramNames = new List<(string? Name, Token At)>();
        int typeIndex = ParseTypeUse(paramNames, allowNames: true);
        _funcDefCount++;
        _funcSection.U32(typeIndex);
        ParseFuncBody(index, paramNames);
        ExpectRParen();
    }

    /// <summary>Parses <c>addrtype? limits</c> for tables and memories; returns whether the address type is i64.</summary>
    private bool ParseAddressType()
    {
        if (TryKeyword("i64")) return true;
        TryKeyword("i32");
        return false;
    }

    /// <summary>
    /// Parses limits (<c>min max?</c>). With memory64 enabled, bounds are u64 literals whatever the address
    /// type: a 32-bit bound beyond 2^32 is a validation error ("memory size", "table size"), not a syntax
    /// error. Without it, the WebAssembly 2.0 text format's u32 bounds apply.
    /// </summary>
    private (ulong Min, ulong? Max) ParseLimits()
    {
        if (Peek.Kind != TokenKind.Number) throw Unexpected(Peek);
        ulong min = ParseBound(Next());
        ulong? max = null;
        if (Peek.Kind == TokenKind.Number) max = ParseBound(Next());
        return (min, max);
    }

    private ulong ParseBound(Token token)
    {
        ulong value = ParseU64(token);
        if (value > uint.MaxValue && (Features & WasmFeatures.Memory64) == 0) throw Error(token, "i32 constant out of range");
        return value;
    }

    private static void WriteLimits(ByteWriter w, ulong min, ulong? max, bool is64, bool shared, int pageSizeLog2)
    {
        byte flags = 0;
        if (max != null) flags |= 0x01;
        if (shared) flags |= 0x02;
        if (is64) flags |= 0x04;
        if (pageSizeLog2 >= 0) flags |= 0x08;
        w.Byte(flags);
        w.U64(min);
        if (max != null) w.U64(max.Value);
        if (pageSizeLog2 >= 0) w.U32(pageSizeLog2);
    }

    /// <summary>Parses a table type <c>addrtype? limits reftype</c> and writes it.</summary>
    private void ParseTableType(ByteWriter w)
    {
        bool is64 = ParseAddressType();
        (ulong min, ulong? max) = ParseLimits();
        w.Bytes(ParseRefType(out _, out _));
        WriteLimits(w, min, max, is64, false, -1);
    }

    /// <summary>Parses a memory type <c>addrtype? limits shared? (pagesize n)?</c> and writes it.</summary>
    private void ParseMemoryType(ByteWriter w)
    {
        bool is64 = ParseAddressType();
        (ulong min, ulong? max) = ParseLimits();
        bool shared = false;
        int pageSizeLog2 = -1;
        while (true)
        {
            if (TryKeyword("shared")) shared = true;
            else if (TryKeyword("unshared")) shared = false;
            else if (AtField("pagesize")) pageSizeLog2 = ParsePageSize();
            else break;
        }
        WriteLimits(w, min, max, is64, shared, pageSizeLog2);
    }

    private int ParsePageSize()
    {
        _p += 2;
        Token token = Peek;
        if (token.Kind != TokenKind.Number) throw Unexpected(token);
        _p++;
        ulong size = ParseU64(token);
        if (size == 0 || (size & (size - 1)) != 0) throw Error(token, "invalid custom page size");
        ExpectRParen();
        return System.Numerics.BitOperations.Log2(size);
    }

    private void ParseGlobalType(ByteWriter w)
    {
        if (AtField("mut"))
        {
            _p += 2;
            w.Bytes(ParseValType());
            ExpectRParen();
            w.Byte(1);
        }
        else
        {
            w.Bytes(ParseValType());
            w.Byte(0);
        }
    }

    private void ParseTable()
    {
        int index = _nextTable++;
        TryId();
        TryNameAnnotation();
        ParseInlineExports(0x01, index);
        if (TryInlineImport())
        {
            _importSection.Byte(0x01);
            ParseTableType(_importSection);
            ExpectRParen();
            return;
        }
        _tableDefCount++;
        if (Peek.Kind == TokenKind.Number || (Peek.Kind == TokenKind.Keyword && PeekAt(1).Kind == TokenKind.Number))
        {
            var type = new ByteWriter();
            ParseTableType(type);
            if (AtRParen)
            {
                _tableSection.Bytes(type.Span);
            }
            else
            {
                _tableSection.Byte(0x40);
                _tableSection.Byte(0x00);
                _tableSection.Bytes(type.Span);
                ParseExpr(_tableSection);
            }
            ExpectRParen();
            return;
        }
        // The inline element segment abbreviation: the table's size is the number of elements.
        bool table64 = ParseAddressType();
        byte[] refType = ParseRefType(out _, out _);
        if (!AtField("elem")) throw Unexpected(Peek);
        _p += 2;
        var items = new ByteWriter();
        int count;
        bool expressions = AtLParen;
        if (expressions)
        {
            count = ParseElemExprs(items);
        }
        else
        {
            count = ParseFuncIndices(items);
            if (refType is not [0x70])
            {
                // The segment has the table's type: a typed table needs ref.func expressions, since the
                // index form's type, (ref func), would not fit it.
                expressions = true;
                items = RefFuncExprs(items.Span, count);
            }
        }
        ExpectRParen();
        ExpectRParen();
        _tableSection.Bytes(refType);
        WriteLimits(_tableSection, (ulong)count, (ulong)count, table64, false, -1);
        _nextElem++;
        WriteActiveElem(index, table64 ? [0x42, 0x00, 0x0B] : [0x41, 0x00, 0x0B], refType, expressions, count, items);
    }

    private void ParseMemory()
    {
        int index = _nextMemory++;
        TryId();
        TryNameAnnotation();
        ParseInlineExports(0x02, index);
        if (TryInlineImport())
        {
            _importSection.Byte(0x02);
            ParseMemoryType(_importSection);
            ExpectRParen();
            return;
        }
        _memoryDefCount++;
        if (Peek.Kind == TokenKind.Number || (Peek.Kind == TokenKind.Keyword && PeekAt(1).Kind == TokenKind.Number))
        {
            ParseMemoryType(_memorySection);
            ExpectRParen();
            return;
        }
        // The inline data segment abbreviation: the memory's size is the data's size in pages.
        bool is64 = ParseAddressType();
        int pageSizeLog2 = AtField("pagesize") ? ParsePageSize() : -1;
        if (!AtField("data")) throw Unexpected(Peek);
        _p += 2;
        var bytes = new ByteWriter();
        while (Peek.Kind == TokenKind.String) bytes.Bytes(Next().Bytes!);
        ExpectRParen();
        ExpectRParen();
        int log2 = pageSizeLog2 >= 0 ? pageSizeLog2 : 16;
        ulong pages = ((ulong)bytes.Length + (1UL << log2) - 1) >> log2;
        WriteLimits(_memorySection, pages, pages, is64, false, pageSizeLog2);
        _nextData++;
        _dataCount++;
        if (index == 0)
        {
            _dataSection.Byte(0x00);
        }
        else
        {
            _dataSection.Byte(0x02);
            _dataSection.U32(index);
        }
        _dataSection.Bytes(is64 ? [0x42, 0x00, 0x0B] : [0x41, 0x00, 0x0B]);
        _dataSection.Sized(bytes);
    }

    private void ParseGlobal()
    {
        int index = _nextGlobal++;
        TryId();
        TryNameAnnotation();
        ParseInlineExports(0x03, index);
        if (TryInlineImport())
        {
            _importSection.Byte(0x03);
            ParseGlobalType(_importSection);
            ExpectRParen();
            return;
        }
        _globalDefCount++;
        ParseGlobalType(_globalSection);
        ParseExpr(_globalSection);
        ExpectRParen();
    }

    private void ParseTag()
    {
        int index = _nextTag++;
        TryId();
        TryNameAnnotation();
        ParseInlineExports(0x04, index);
        if (TryInlineImport())
        {
            _importSection.Byte(0x04);
            _importSection.Byte(0x00);
            _importSection.U32(ParseTypeUse(null, allowNames: true));
            ExpectRParen();
            return;
        }
        _tagDefCount++;
        _tagSection.Byte(0x00);
        _tagSection.U32(ParseTypeUse(null, allowNames: true));
        ExpectRParen();
    }

    private void ParseExport()
    {
        string name = ExpectName();
        ExpectLParen();
        Token kind = Next();
        (byte code, IndexSpace space) = kind.Text switch
        {
            "func" => ((byte)0x00, _funcs),
            "table" => ((byte)0x01, _tables),
            "memory" => ((byte)0x02, _memories),
            "global" => ((byte)0x03, _globals),
            "tag" => ((byte)0x04, _tags),
            _ => throw Unexpected(kind),
        };
        int index = ResolveIndex(space);
        ExpectRParen();
        ExpectRParen();
        AddExport(name, code, index);
    }

    private void ParseStart(Token keyword)
    {
        int index = ResolveIndex(_funcs);
        ExpectRParen();
        if (_start != null) throw Error(keyword, "multiple start sections");
        _start = index;
    }

    /// <summary>Parses <c>funcidx*</c> into a vector body; returns the count.</summary>
    private int ParseFuncIndices(ByteWriter w)
    {
        int count = 0;
        while (AtIndex)
        {
            w.U32(ResolveIndex(_funcs));
            count++;
        }
        return count;
    }

    /// <summary>
    /// Parses element expressions (<c>(item instr*)</c> or one folded instruction each); returns the count. They stay
    /// expressions even when all are <c>ref.func</c>: the index form would change the segment's type to <c>(ref func)</c>.
    /// </summary>
    private int ParseElemExprs(ByteWriter w)
    {
        int count = 0;
        while (AtLParen)
        {
            if (AtField("item"))
            {
                _p += 2;
                ParseExpr(w);
                ExpectRParen();
            }
            else
            {
                ParseFoldedExpr(w);
            }
            count++;
        }
        return count;
    }

    /// <summary>Turns encoded function indices into <c>ref.func x end</c> expressions.</summary>
    private static ByteWriter RefFuncExprs(ReadOnlySpan<byte> indices, int count)
    {
        var w = new ByteWriter();
        int at = 0;
        for (int i = 0; i < count; i++)
        {
            int start = at;
            while ((indices[at] & 0x80) != 0) at++;
            at++;
            w.Byte(0xD2);
            w.Bytes(indices[start..at]);
            w.Byte(0x0B);
        }
        return w;
    }

    private void WriteActiveElem(int table, byte[] offset, byte[] refType, bool expressions, int count, ByteWriter items)
    {
        _elemCount++;
        bool funcref = refType.Length == 1 && refType[0] == 0x70;
        if (table == 0 && (!expressions || funcref))
        {
            _elemSection.Byte(expressions ? (byte)0x04 : (byte)0x00);
            _elemSection.Bytes(offset);
        }
        else
        {
            _elemSection.Byte(expressions ? (byte)0x06 : (byte)0x02);
            _elemSection.U32(table);
            _elemSection.Bytes(offset);
            if (expressions) _elemSection.Bytes(refType);
            else _elemSection.Byte(0x00);
        }
        _elemSection.U32(count);
        _elemSection.Bytes(items.Span);
    }

    private void ParseElem()
    {
        _nextElem++;
        TryId();
        TryNameAnnotation();
        var offset = new ByteWriter();
        int mode; // 0 passive, 1 active, 2 declarative
        int table = 0;
        if (TryKeyword("declare"))
        {
            mode = 2;
        }
        else
        {
            mode = 0;
            if (AtIndex && PeekAt(1).Kind == TokenKind.LParen)
            {
                table = ResolveIndex(_tables);
                mode = 1;
            }
            else if (AtField("table"))
            {
                _p += 2;
                table = ResolveIndex(_tables);
                ExpectRParen();
                mode = 1;
            }
            if (AtField("offset"))
            {
                _p += 2;
                ParseExpr(offset);
                ExpectRParen();
                mode = 1;
            }
            else if (AtLParen && !AtField("item") && !AtField("ref"))
            {
                ParseFoldedExpr(offset);
                mode = 1;
            }
            else if (mode == 1)
            {
                throw Unexpected(Peek);
            }
        }
        var items = new ByteWriter();
        bool expressions;
        byte[] refType = [0x70];
        int count;
        if (TryKeyword("func"))
        {
            expressions = false;
            count = ParseFuncIndices(items);
        }
        else if (Peek.Kind == TokenKind.Keyword || AtField("ref"))
        {
            refType = ParseRefType(out _, out _);
            expressions = true;
            count = ParseElemExprs(items);
        }
        else
        {
            expressions = false;
            count = ParseFuncIndices(items);
        }
        ExpectRParen();
        if (mode == 1)
        {
            WriteActiveElem(table, offset.ToArray(), refType, expressions, count, items);
            return;
        }
        _elemCount++;
        byte flags = (byte)((mode == 0 ? 0x01 : 0x03) | (expressions ? 0x04 : 0));
        _elemSection.Byte(flags);
        if (expressions) _elemSection.Bytes(refType);
        else _elemSection.Byte(0x00);
        _elemSection.U32(count);
        _elemSection.Bytes(items.Span);
    }

    private void ParseData()
    {
        _nextData++;
        _dataCount++;
        TryId();
        TryNameAnnotation();
        int memory = 0;
        bool hasMemory = false;
        var offset = new ByteWriter();
        if (AtField("memory"))
        {
            _p += 2;
            memory = ResolveIndex(_memories);
            hasMemory = true;
            ExpectRParen();
        }
        else if (AtIndex)
        {
            memory = ResolveIndex(_memories);
            hasMemory = true;
        }
        bool active = hasMemory;
        if (AtField("offset"))
        {
            _p += 2;
            ParseExpr(offset);
            ExpectRParen();
            active = true;
        }
        else if (AtLParen)
        {
            ParseFoldedExpr(offset);
            active = true;
        }
        else if (hasMemory)
        {
            throw Unexpected(Peek);
        }
        var bytes = new ByteWriter();
        while (Peek.Kind == TokenKind.String) bytes.Bytes(Next().Bytes!);
        ExpectRParen();
        if (!active)
        {
            _dataSection.Byte(0x01);
        }
        else if (memory == 0)
        {
            _dataSection.Byte(0x00);
            _dataSection.Bytes(offset.Span);
        }
        else
        {
            _dataSection.Byte(0x02);
            _dataSection.U32(memory);
            _dataSection.Bytes(offset.Span);
        }
        _dataSection.Sized(bytes);
    }
}
