namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    /// <summary>The standard sections in binary order (Wasm 3.0 section 5.5.2); custom sections go into the slots between them.</summary>
    private static readonly string[] SectionOrder =
        ["type", "import", "func", "table", "memory", "tag", "global", "export", "start", "elem", "datacount", "code", "data"];

    private readonly List<(int Slot, byte[] Name, byte[] Content)> _customSections = [];

    /// <summary>Parses <c>(@custom "name" (before|after section)? "data"*)</c> at module-field level.</summary>
    private void ParseCustomAnnotation()
    {
        Token start = Next();
        if (start.Text != "custom") throw Unexpected(start);
        if (Peek.Kind != TokenKind.String) throw Error(Peek, "@custom annotation: missing section name");
        Token nameToken = Next();
        byte[] name = nameToken.Bytes!;
        if (!System.Text.Unicode.Utf8.IsValid(name)) throw Error(nameToken, "@custom annotation: malformed UTF-8 encoding");
        int slot = SectionOrder.Length;
        if (AtLParen)
        {
            _p++;
            Token where = Next();
            if (!where.IsKeyword("before") && !where.IsKeyword("after")) throw Error(where, "@custom annotation: malformed placement");
            Token section = Next();
            int index = section.Kind == TokenKind.Keyword ? Array.IndexOf(SectionOrder, section.Text) : -1;
            if (section.IsKeyword("first")) slot = 0;
            else if (section.IsKeyword("last")) slot = SectionOrder.Length;
            else if (index >= 0) slot = where.Text == "before" ? index : index + 1;
            else throw Error(section, "@custom annotation: malformed section kind");
            if (!AtRParen) throw Error(Peek, "@custom annotation: unexpected token");
            _p++;
        }
        var content = new ByteWriter();
        while (Peek.Kind == TokenKind.String) content.Bytes(Next().Bytes!);
        if (!AtRParen) throw Error(Peek, "@custom annotation: unexpected token");
        _p++;
        _customSections.Add((slot, name, content.ToArray()));
    }

    private byte[] Assemble()
    {
        var module = new ByteWriter();
        module.Bytes([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]);
        for (int slot = 0; slot <= SectionOrder.Length; slot++)
        {
            foreach ((int s, byte[] name, byte[] content) in _customSections)
            {
                if (s != slot) continue;
                var body = new ByteWriter();
                body.Name(name);
                body.Bytes(content);
                Section(module, 0, body);
            }
            if (slot == SectionOrder.Length) break;
            if (SectionOrder[slot] == "code") WriteBranchHints(module);
            switch (SectionOrder[slot])
            {
                case "type": Vector(module, 1, _typeGroups, _typeSection); break;
                case "import": Vector(module, 2, _importCount, _importSection); break;
                case "func": Vector(module, 3, _funcDefCount, _funcSection); break;
                case "table": Vector(module, 4, _tableDefCount, _tableSection); break;
                case "memory": Vector(module, 5, _memoryDefCount, _memorySection); break;
                case "tag": Vector(module, 13, _tagDefCount, _tagSection); break;
                case "global": Vector(module, 6, _globalDefCount, _globalSection); break;
                case "export": Vector(module, 7, _exportCount, _exportSection); break;
                case "start":
                    if (_start != null)
                    {
                        var body = new ByteWriter();
                        body.U32(_start.Value);
                        Section(module, 8, body);
                    }
                    break;
                case "elem": Vector(module, 9, _elemCount, _elemSection); break;
                case "datacount":
                    if (_usesDataCount)
                    {
                        var body = new ByteWriter();
                        body.U32(_dataCount);
                        Section(module, 12, body);
                    }
                    break;
                case "code": Vector(module, 10, _funcDefCount, _codeSection); break;
                case "data": Vector(module, 11, _dataCount, _dataSection); break;
            }
        }
        if (EmitNames) WriteNameSection(module);
        return module.ToArray();
    }

    /// <summary>Writes the "metadata.code.branch_hint" section (before the code section, as the code metadata format asks).</summary>
    private void WriteBranchHints(ByteWriter module)
    {
        if (_branchHints.Count == 0) return;
        var body = new ByteWriter();
        body.Name(BranchHintSection);
        body.U32(_branchHints.Count);
        foreach ((int func, List<(int Offset, byte[] Hint)> hints) in _branchHints)
        {
            body.U32(func);
            body.U32(hints.Count);
            foreach ((int offset, byte[] hint) in hints)
            {
                body.U32(offset);
                body.U32(hint.Length);
                body.Bytes(hint);
            }
        }
        Section(module, 0, body);
    }

    private static void Vector(ByteWriter module, byte id, int count, ByteWriter content)
    {
        if (count == 0) return;
        var body = new ByteWriter();
        body.U32(count);
        body.Bytes(content.Span);
        Section(module, id, body);
    }

    private static void Section(ByteWriter module, byte id, ByteWriter body)
    {
        module.Byte(id);
        module.Sized(body);
    }

    /// <summary>Writes the "name" custom section: module, function and local names from identifiers and <c>@name</c>.</summary>
    private void WriteNameSection(ByteWriter module)
    {
        var names = new ByteWriter();
        if (ModuleName != null)
        {
            var sub = new ByteWriter();
            sub.Name(ModuleName);
            names.Byte(0);
            names.Sized(sub);
        }
        var funcNames = new SortedDictionary<int, string>();
        for (int i = 0; i < _funcs.Names.Count; i++)
        {
            if (_funcs.Names[i] is string n) funcNames[i] = n;
        }
        foreach ((int index, string? name) in _funcNameOverrides)
        {
            if (name != null) funcNames[index] = name;
        }
        if (funcNames.Count > 0)
        {
            var sub = new ByteWriter();
            sub.U32(funcNames.Count);
            foreach ((int index, string name) in funcNames)
            {
                sub.U32(index);
                sub.Name(name);
            }
            names.Byte(1);
            names.Sized(sub);
        }
        if (_localNames.Count > 0)
        {
            var sub = new ByteWriter();
            sub.U32(_localNames.Count);
            foreach ((int func, List<(int Index, string Name)> locals) in _localNames)
            {
                sub.U32(func);
                sub.U32(locals.Count);
                foreach ((int index, string name) in locals)
                {
                    sub.U32(index);
                    sub.Name(name);
                }
            }
            names.Byte(2);
            names.Sized(sub);
        }
        if (names.Length == 0) return;
        var body = new ByteWriter();
        body.Name("name");
        body.Bytes(names.Span);
        Section(module, 0, body);
    }
}
