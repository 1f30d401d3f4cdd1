namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    /// <summary>What the parser needs to remember of a defined type.</summary>
    private sealed class TypeEntry
    {
        /// <summary>0x60 (func), 0x5F (struct) or 0x5E (array).</summary>
        public byte Kind { get; init; }

        /// <summary>For function types: the encoded parameter types.</summary>
        public List<byte[]> Params { get; init; } = [];

        /// <summary>For function types: the encoded result types.</summary>
        public List<byte[]> Results { get; init; } = [];

        /// <summary>True for a final type without supertypes alone in its recursion group: the only kind a type use may match.</summary>
        public bool Plain { get; set; }
    }

    private readonly List<TypeEntry> _typeEntries = [];
    private readonly ByteWriter _typeSection = new();
    private int _typeGroups;

    /// <summary>Parses every <c>type</c> and <c>rec</c> field, in text order, skipping the other fields.</summary>
    private void ParseTypeFields()
    {
        while (Peek.Kind != TokenKind.Eof)
        {
            if (Peek.Kind == TokenKind.Annotation)
            {
                SkipGroup();
                continue;
            }
            if (AtField("type"))
            {
                _p += 2;
                _typeGroups++;
                _ = ParseTypeDef(_typeSection, singleton: true);
            }
            else if (AtField("rec"))
            {
                _p += 2;
                var group = new ByteWriter();
                int count = 0;
                int first = _typeEntries.Count;
                bool final = true;
                while (AtField("type"))
                {
                    _p += 2;
                    final &= ParseTypeDef(group, singleton: false);
                    count++;
                }
                // A group of one final type without supertypes is the same as that type alone.
                if (count == 1 && final) _typeEntries[first].Plain = true;
                ExpectRParen();
                _typeGroups++;
                _typeSection.Byte(0x4E);
                _typeSection.U32(count);
                _typeSection.Bytes(group.Span);
            }
            else
            {
                SkipGroup();
            }
        }
    }

    /// <summary>Parses <c>$id? subtype)</c> after <c>(type</c>; returns whether the type is final without supertypes.</summary>
    private bool ParseTypeDef(ByteWriter w, bool singleton)
    {
        TryId();
        TryNameAnnotation();
        ExpectLParen();
        TypeEntry entry;
        if (Peek.IsKeyword("sub"))
        {
            _p++;
            bool final = TryKeyword("final");
            var supers = new List<int>();
            while (Peek.Kind is TokenKind.Id or TokenKind.Number) supers.Add(ResolveIndex(_types));
            // A final type without supertypes has the short form: the composite type alone.
            if (!final || supers.Count > 0)
            {
                w.Byte(final ? (byte)0x4F : (byte)0x50);
                w.U32(supers.Count);
                foreach (int s in supers) w.U32(s);
            }
            ExpectLParen();
            entry = ParseCompType(w);
            ExpectRParen();
            entry.Plain = final && supers.Count == 0 && singleton;
            _typeEntries.Add(entry);
            ExpectRParen();
            return final && supers.Count == 0;
        }
        entry = ParseCompType(w);
        entry.Plain = singleton;
        _typeEntries.Add(entry);
        ExpectRParen();
        return true;
    }

    /// <summary>Parses a composite type after its <c>(</c>, through its <c>)</c>.</summary>
    private TypeEntry ParseCompType(ByteWriter w)
    {
        Token keyword = Next();
        if (keyword.IsKeyword("func"))
        {
            var entry = new TypeEntry { Kind = 0x60 };
            ParseParamsResults(entry.Params, entry.Results, null, allowNames: true);
            ExpectRParen();
            WriteFuncType(w, entry.Params, entry.Results);
            return entry;
        }
        if (keyword.IsKeyword("struct"))
        {
            var fields = new ByteWriter();
            int count = 0;
            while (AtField("field"))
            {
                _p += 2;
                if (TryId() != null)
                {
                    TryNameAnnotation();
                    ParseFieldType(fields);
                    count++;
                }
                else
                {
                    while (!AtRParen)
                    {
                        ParseFieldType(fields);
                        count++;
                    }
                }
                ExpectRParen();
            }
            ExpectRParen();
            w.Byte(0x5F);
            w.U32(count);
            w.Bytes(fields.Span);
            return new TypeEntry { Kind = 0x5F };
        }
        if (keyword.IsKeyword("array"))
        {
            w.Byte(0x5E);
            if (AtField("field"))
            {
                _p += 2;
                TryId();
                ParseFieldType(w);
                ExpectRParen();
            }
            else
            {
                ParseFieldType(w);
            }
            ExpectRParen();
            return new TypeEntry { Kind = 0x5E };
        }
        throw Unexpected(keyword);
    }

    private static void WriteFuncType(ByteWriter w, List<byte[]> parameters, List<byte[]> results)
    {
        w.Byte(0x60);
        w.U32(parameters.Count);
        foreach (byte[] p in parameters) w.Bytes(p);
        w.U32(results.Count);
        foreach (byte[] r in results) w.Bytes(r);
    }

    /// <summary>Parses <c>(param ...)* (result ...)*</c>; parameter names go to <paramref name="names"/> when given.</summary>
    private void ParseParamsResults(List<byte[]> parameters, List<byte[]> results, List<(string? Name, Token At)>? names, bool allowNames)
    {
        while (AtField("param"))
        {
            _p += 2;
            Token at = Peek;
            if (Peek.Kind == TokenKind.Id)
            {
                if (!allowNames) throw Unexpected(Peek);
                string name = Next().Text;
                TryNameAnnotation();
                parameters.Add(ParseValType());
                names?.Add((name, at));
            }
            else if (TryNameAnnotation() != null)
            {
                names?.Add((null, at));
                parameters.Add(ParseValType());
            }
            else
            {
                while (!AtRParen)
                {
                    names?.Add((null, Peek));
                    parameters.Add(ParseValType());
                }
            }
            ExpectRParen();
        }
        while (AtField("result"))
        {
            _p += 2;
            while (!AtRParen) results.Add(ParseValType());
            ExpectRParen();
        }
        if (AtField("param")) throw Error(PeekAt(1), "unexpected token param");
    }

    /// <summary>Parses a field type: a storage type or <c>(mut storagetype)</c>.</summary>
    private void ParseFieldType(ByteWriter w)
    {
        if (AtField("mut"))
        {
            _p += 2;
            ParseStorageType(w);
            ExpectRParen();
            w.Byte(1);
        }
        else
        {
            ParseStorageType(w);
            w.Byte(0);
        }
    }

    private void ParseStorageType(ByteWriter w)
    {
        if (TryKeyword("i8")) w.Byte(0x78);
        else if (TryKeyword("i16")) w.Byte(0x77);
        else w.Bytes(ParseValType());
    }

    /// <summary>Parses a value type and returns its encoding.</summary>
    private byte[] ParseValType()
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Keyword)
        {
            byte? b = token.Text switch
            {
                "i32" => 0x7F,
                "i64" => 0x7E,
                "f32" => 0x7D,
                "f64" => 0x7C,
                "v128" => 0x7B,
                _ => ShorthandRefType(token.Text),
            };
            if (b == null) throw Unexpected(token);
            _p++;
            return [b.Value];
        }
        if (AtField("ref")) return ParseRefType(out _, out _);
        throw Unexpected(token);
    }

    private static byte? ShorthandRefType(string keyword) => keyword switch
    {
        "funcref" => 0x70,
        "externref" => 0x6F,
        "anyref" => 0x6E,
        "eqref" => 0x6D,
        "i31ref" => 0x6C,
        "structref" => 0x6B,
        "arrayref" => 0x6A,
        "exnref" => 0x69,
        "nullexnref" => 0x74,
        "nullref" => 0x71,
        "nullfuncref" => 0x73,
        "nullexternref" => 0x72,
        _ => null,
    };

    private static byte? AbstractHeapType(string keyword) => keyword switch
    {
        "func" => 0x70,
        "extern" => 0x6F,
        "any" => 0x6E,
        "eq" => 0x6D,
        "i31" => 0x6C,
        "struct" => 0x6B,
        "array" => 0x6A,
        "exn" => 0x69,
        "noexn" => 0x74,
        "none" => 0x71,
        "nofunc" => 0x73,
        "noextern" => 0x72,
        _ => null,
    };

    /// <summary>Parses a reference type (a shorthand keyword or <c>(ref null? heaptype)</c>).</summary>
    private byte[] ParseRefType(out bool nullable, out byte[] heapType)
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Keyword)
        {
            byte? b = ShorthandRefType(token.Text) ?? throw Unexpected(token);
            _p++;
            nullable = true;
            heapType = [b.Value];
            return heapType;
        }
        if (!AtField("ref")) throw Unexpected(token);
        _p += 2;
        nullable = TryKeyword("null");
        heapType = ParseHeapType();
        ExpectRParen();
        if (nullable && heapType.Length == 1 && heapType[0] >= 0x40) return heapType;
        byte[] result = new byte[heapType.Length + 1];
        result[0] = nullable ? (byte)0x63 : (byte)0x64;
        heapType.CopyTo(result, 1);
        return result;
    }

    /// <summary>Parses a heap type: an abstract keyword or a type index (encoded as s33).</summary>
    private byte[] ParseHeapType()
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Keyword)
        {
            byte? b = AbstractHeapType(token.Text) ?? throw Unexpected(token);
            _p++;
            return [b.Value];
        }
        int index = ResolveIndex(_types);
        var w = new ByteWriter();
        w.S64(index);
        return w.ToArray();
    }

    /// <summary>
    /// Parses a type use <c>(type x)? (param ...)* (result ...)*</c> and returns the type index, appending an
    /// implicit function type when there is no <c>(type x)</c> and no plain type of the same signature.
    /// </summary>
    /// <param name="paramNames">Receives one entry per parameter (its name or null) when not null.</param>
    /// <param name="allowNames">Whether parameters may be named (functions yes, call_indirect no).</param>
    private int ParseTypeUse(List<(string? Name, Token At)>? paramNames, bool allowNames)
    {
        Token start = Peek;
        int explicitIndex = 0;
        bool hasExplicit = false;
        if (AtField("type"))
        {
            _p += 2;
            explicitIndex = ResolveIndex(_types);
            hasExplicit = true;
            ExpectRParen();
        }
        var parameters = new List<byte[]>();
        var results = new List<byte[]>();
        bool inline = AtField("param") || AtField("result");
        ParseParamsResults(parameters, results, paramNames, allowNames);
        if (AtField("param") || AtField("type")) throw Error(PeekAt(1), $"unexpected token {PeekAt(1).Text}");
        if (hasExplicit)
        {
            TypeEntry? entry = (uint)explicitIndex < (uint)_typeEntries.Count ? _typeEntries[explicitIndex] : null;
            if (inline && entry == null && explicitIndex >= _types.Count) throw Error(start, $"unknown type {explicitIndex}");
            if (inline)
            {
                if (entry != null && entry.Kind == 0x60 && !SameSignature(entry, parameters, results))
                {
                    throw Error(start, "inline function type");
                }
            }
            else if (paramNames != null && entry != null && entry.Kind == 0x60)
            {
                foreach (byte[] _ in entry.Params) paramNames.Add((null, start));
            }
            return explicitIndex;
        }
        return FindOrAddFuncType(parameters, results);
    }

    private int FindOrAddFuncType(List<byte[]> parameters, List<byte[]> results)
    {
        for (int i = 0; i < _typeEntries.Count; i++)
        {
            TypeEntry e = _typeEntries[i];
            if (e.Plain && e.Kind == 0x60 && SameSignature(e, parameters, results)) return i;
        }
        var entry = new TypeEntry { Kind = 0x60, Params = parameters, Results = results, Plain = true };
        _typeEntries.Add(entry);
        _typeGroups++;
        WriteFuncType(_typeSection, parameters, results);
        return _typeEntries.Count - 1;
    }

    private static bool SameSignature(TypeEntry entry, List<byte[]> parameters, List<byte[]> results) =>
        SameTypes(entry.Params, parameters) && SameTypes(entry.Results, results);

    private static bool SameTypes(List<byte[]> a, List<byte[]> b)
    {
        if (a.Count != b.Count) return false;
        for (int i = 0; i < a.Count; i++)
        {
            if (!a[i].AsSpan().SequenceEqual(b[i])) return false;
        }
        return true;
    }
}
