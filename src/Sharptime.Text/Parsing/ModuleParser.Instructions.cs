using Sharptime.Binary;

namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    /// <summary>The kinds of structured instructions, for matching <c>else</c>, <c>catch</c> and <c>delegate</c>.</summary>
    private enum BlockKind : byte
    {
        Block,
        Loop,
        If,
        Else,
        Try,
        TryCatch,
        TryTable,
    }

    /// <summary>The state of the function (or constant expression) being parsed.</summary>
    private sealed class FuncContext
    {
        public Dictionary<string, int> Locals { get; } = new(StringComparer.Ordinal);

        public List<(string? Name, BlockKind Kind)> Labels { get; } = [];

        /// <summary>The function body's writer (null in constant expressions): branch hints are offsets into it.</summary>
        public ByteWriter? Body { get; init; }

        /// <summary>A branch hint read but not yet attached to its instruction.</summary>
        public byte[]? PendingHint { get; set; }

        /// <summary>The branch hints of the function: instruction offset in the body, hint bytes.</summary>
        public List<(int Offset, byte[] Hint)> Hints { get; } = [];
    }

    private const string BranchHintSection = "metadata.code.branch_hint";

    /// <summary>Branch hints per function index, for the "metadata.code.branch_hint" section.</summary>
    private readonly List<(int Func, List<(int Offset, byte[] Hint)> Hints)> _branchHints = [];

    /// <summary>Reads <c>(@metadata.code.branch_hint "\00")</c>: a hint for the instruction that follows.</summary>
    private void ParseBranchHint()
    {
        Token start = Next();
        byte[] hint = ExpectString();
        ExpectRParen();
        if (_fn.PendingHint != null) throw Error(start, "@metadata.code.branch_hint annotation: duplicate annotation");
        _fn.PendingHint = hint;
    }

    private FuncContext _fn = new();

    /// <summary>Per function index with named locals: (local index, name) in index order, for the name section.</summary>
    private readonly SortedDictionary<int, List<(int Index, string Name)>> _localNames = [];

    /// <summary>Function names given by <c>(@name ...)</c> annotations (null entries when absent).</summary>
    private readonly List<(int Index, string? Name)> _funcNameOverrides = [];

    /// <summary>Parses locals and instructions of a function after its type use, and writes its code entry.</summary>
    private void ParseFuncBody(int funcIndex, List<(string? Name, Token At)> paramNames)
    {
        var body = new ByteWriter();
        _fn = new FuncContext { Body = body };
        var names = new List<(int, string)>();
        int localIndex = 0;
        foreach ((string? name, Token at) in paramNames)
        {
            BindLocal(name, at, localIndex++, names);
        }
        var localTypes = new List<byte[]>();
        while (AtField("local"))
        {
            _p += 2;
            Token at = Peek;
            if (Peek.Kind == TokenKind.Id)
            {
                string name = Next().Text;
                TryNameAnnotation();
                BindLocal(name, at, localIndex++, names);
                localTypes.Add(ParseValType());
            }
            else
            {
                TryNameAnnotation();
                while (!AtRParen)
                {
                    localTypes.Add(ParseValType());
                    localIndex++;
                }
            }
            ExpectRParen();
        }
        if (names.Count > 0) _localNames[funcIndex] = names;

        var runs = new List<(int Count, byte[] Type)>();
        foreach (byte[] type in localTypes)
        {
            if (runs.Count > 0 && runs[^1].Type.AsSpan().SequenceEqual(type)) runs[^1] = (runs[^1].Count + 1, type);
            else runs.Add((1, type));
        }
        body.U32(runs.Count);
        foreach ((int count, byte[] type) in runs)
        {
            body.U32(count);
            body.Bytes(type);
        }
        ParseInstrs(body);
        body.Byte(0x0B);
        _codeSection.Sized(body);
        if (_fn.Hints.Count > 0) _branchHints.Add((funcIndex, _fn.Hints));
    }

    private void BindLocal(string? name, Token at, int index, List<(int, string)> names)
    {
        if (name == null) return;
        if (!_fn.Locals.TryAdd(name, index)) throw Error(at, $"duplicate local ${name}");
        names.Add((index, name));
    }

    /// <summary>Parses a constant expression (instructions up to the closing parenthesis) and its <c>end</c>.</summary>
    private void ParseExpr(ByteWriter w) => ParseConstExpr(w, folded: false);

    /// <summary>Parses one folded instruction as a whole constant expression, and its <c>end</c>.</summary>
    private void ParseFoldedExpr(ByteWriter w) => ParseConstExpr(w, folded: true);

    /// <summary>A constant expression has no function around it: parse it in a fresh context, then restore the function's.</summary>
    private void ParseConstExpr(ByteWriter w, bool folded)
    {
        FuncContext saved = _fn;
        _fn = new FuncContext();
        if (folded) ParseFolded(w);
        else ParseInstrs(w);
        w.Byte(0x0B);
        _fn = saved;
    }

    /// <summary>Parses instructions up to (not including) a closing parenthesis; plain blocks must close inside.</summary>
    private void ParseInstrs(ByteWriter w)
    {
        int depth = _fn.Labels.Count;
        while (!AtRParen)
        {
            if (Peek.Kind == TokenKind.Annotation && Peek.Text == BranchHintSection && _fn.Body == w)
            {
                ParseBranchHint();
                continue;
            }
            byte[]? hint = _fn.PendingHint;
            _fn.PendingHint = null;
            int at = w.Length;
            if (AtLParen)
            {
                ParseFolded(w, hint);
            }
            else
            {
                ParsePlain(w, depth);
                if (hint != null) _fn.Hints.Add((at, hint));
            }
        }
        if (_fn.PendingHint != null) throw Unexpected(Peek);
        if (_fn.Labels.Count != depth) throw Unexpected(Peek);
    }

    private void PushLabel(string? name, BlockKind kind) => _fn.Labels.Add((name, kind));

    /// <summary>Checks the optional label after <c>end</c>/<c>else</c>/<c>catch</c> against the block's label.</summary>
    private void CheckEndLabel(string? blockLabel)
    {
        Token token = Peek;
        string? id = TryId();
        if (id != null && id != blockLabel) throw Error(token, $"mismatching label ${id}");
    }

    private void ParsePlain(ByteWriter w, int depth)
    {
        Token token = Next();
        if (token.Kind != TokenKind.Keyword) throw Unexpected(token);
        switch (token.Text)
        {
            case "block":
            case "loop":
            case "if":
            case "try":
            {
                string? label = TryId();
                byte[] blockType = ParseBlockType();
                w.Byte(token.Text switch { "block" => 0x02, "loop" => 0x03, "if" => 0x04, _ => 0x06 });
                w.Bytes(blockType);
                PushLabel(label, token.Text switch { "block" => BlockKind.Block, "loop" => BlockKind.Loop, "if" => BlockKind.If, _ => BlockKind.Try });
                return;
            }
            case "try_table":
            {
                ParseTryTableHeader(w);
                return;
            }
            case "else":
            {
                if (_fn.Labels.Count <= depth || _fn.Labels[^1].Kind != BlockKind.If) throw Unexpected(token);
                CheckEndLabel(_fn.Labels[^1].Name);
                _fn.Labels[^1] = (_fn.Labels[^1].Name, BlockKind.Else);
                w.Byte(0x05);
                return;
            }
            case "end":
            {
                if (_fn.Labels.Count <= depth) throw Unexpected(token);
                CheckEndLabel(_fn.Labels[^1].Name);
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x0B);
                return;
            }
            case "catch":
            case "catch_all":
            {
                if (_fn.Labels.Count <= depth || _fn.Labels[^1].Kind is not (BlockKind.Try or BlockKind.TryCatch)) throw Unexpected(token);
                _fn.Labels[^1] = (_fn.Labels[^1].Name, BlockKind.TryCatch);
                if (token.Text == "catch")
                {
                    w.Byte(0x07);
                    w.U32(ResolveIndex(_tags));
                }
                else
                {
                    w.Byte(0x19);
                }
                return;
            }
            case "delegate":
            {
                if (_fn.Labels.Count <= depth || _fn.Labels[^1].Kind != BlockKind.Try) throw Unexpected(token);
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x18);
                w.U32(ResolveLabel());
                return;
            }
            default:
                ParseOp(token, w);
                return;
        }
    }

    /// <summary>
    /// How deeply folded instructions may nest. Folded forms are parsed recursively; the cap makes the
    /// limit the same on every thread, whatever its stack size, and far above what compilers emit.
    /// </summary>
    private const int MaxFoldedDepth = 10_000;

    private int _foldedDepth;

    /// <summary>Parses <c>try_table</c>'s label, block type and catch clauses (flat and folded forms), and opens its label.</summary>
    private void ParseTryTableHeader(ByteWriter w)
    {
        string? label = TryId();
        byte[] blockType = ParseBlockType();
        var catches = new ByteWriter();
        int count = ParseCatchClauses(catches);
        w.Byte(0x1F);
        w.Bytes(blockType);
        w.U32(count);
        w.Bytes(catches.Span);
        PushLabel(label, BlockKind.TryTable);
    }

    /// <summary>Parses a folded instruction <c>( ... )</c>, writing operands before the operator.</summary>
    private void ParseFolded(ByteWriter w, byte[]? hint = null)
    {
        Token open = Peek;
        if (_foldedDepth >= MaxFoldedDepth) throw Error(open, $"nesting too deep: folded instructions nest more than {MaxFoldedDepth} levels");
        EnsureStack(open);
        _foldedDepth++;
        try
        {
            ParseFoldedInstruction(w, hint);
        }
        finally
        {
            _foldedDepth--;
        }
    }

    private void ParseFoldedInstruction(ByteWriter w, byte[]? hint)
    {
        ExpectLParen();
        Token token = Next();
        if (token.Kind != TokenKind.Keyword) throw Unexpected(token);
        switch (token.Text)
        {
            case "block":
            case "loop":
            {
                string? label = TryId();
                byte[] blockType = ParseBlockType();
                w.Byte(token.Text == "block" ? (byte)0x02 : (byte)0x03);
                w.Bytes(blockType);
                PushLabel(label, token.Text == "block" ? BlockKind.Block : BlockKind.Loop);
                ParseInstrs(w);
                ExpectRParen();
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x0B);
                return;
            }
            case "if":
            {
                string? label = TryId();
                byte[] blockType = ParseBlockType();
                while (AtLParen && !AtField("then")) ParseFolded(w);
                if (hint != null) _fn.Hints.Add((w.Length, hint));
                w.Byte(0x04);
                w.Bytes(blockType);
                PushLabel(label, BlockKind.If);
                if (!AtField("then")) throw Unexpected(Peek);
                _p += 2;
                ParseInstrs(w);
                ExpectRParen();
                if (AtField("else"))
                {
                    _p += 2;
                    // An empty else clause is left out, as wat2wasm does; the meaning is the same.
                    if (!AtRParen) w.Byte(0x05);
                    ParseInstrs(w);
                    ExpectRParen();
                }
                ExpectRParen();
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x0B);
                return;
            }
            case "try":
            {
                string? label = TryId();
                byte[] blockType = ParseBlockType();
                w.Byte(0x06);
                w.Bytes(blockType);
                PushLabel(label, BlockKind.Try);
                if (!AtField("do")) throw Unexpected(Peek);
                _p += 2;
                ParseInstrs(w);
                ExpectRParen();
                if (AtField("delegate"))
                {
                    _p += 2;
                    _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                    w.Byte(0x18);
                    w.U32(ResolveLabel());
                    ExpectRParen();
                    ExpectRParen();
                    return;
                }
                while (AtField("catch"))
                {
                    _p += 2;
                    w.Byte(0x07);
                    w.U32(ResolveIndex(_tags));
                    ParseInstrs(w);
                    ExpectRParen();
                }
                if (AtField("catch_all"))
                {
                    _p += 2;
                    w.Byte(0x19);
                    ParseInstrs(w);
                    ExpectRParen();
                }
                ExpectRParen();
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x0B);
                return;
            }
            case "try_table":
            {
                ParseTryTableHeader(w);
                ParseInstrs(w);
                ExpectRParen();
                _fn.Labels.RemoveAt(_fn.Labels.Count - 1);
                w.Byte(0x0B);
                return;
            }
            default:
            {
                var op = new ByteWriter();
                ParseOp(token, op);
                while (AtLParen) ParseFolded(w);
                ExpectRParen();
                if (hint != null) _fn.Hints.Add((w.Length, hint));
                w.Bytes(op.Span);
                return;
            }
        }
    }

    /// <summary>Parses <c>(catch x l)</c>, <c>(catch_ref x l)</c>, <c>(catch_all l)</c>, <c>(catch_all_ref l)</c> clauses.</summary>
    private int ParseCatchClauses(ByteWriter w)
    {
        int count = 0;
        while (true)
        {
            if (AtField("catch") || AtField("catch_ref"))
            {
                bool isRef = PeekAt(1).Text == "catch_ref";
                _p += 2;
                w.Byte(isRef ? (byte)0x01 : (byte)0x00);
                w.U32(ResolveIndex(_tags));
                w.U32(ResolveLabel());
            }
            else if (AtField("catch_all") || AtField("catch_all_ref"))
            {
                bool isRef = PeekAt(1).Text == "catch_all_ref";
                _p += 2;
                w.Byte(isRef ? (byte)0x03 : (byte)0x02);
                w.U32(ResolveLabel());
            }
            else
            {
                return count;
            }
            ExpectRParen();
            count++;
        }
    }

    /// <summary>Parses a block type: empty, one result type, or a type use (encoded as an s33 type index).</summary>
    private byte[] ParseBlockType()
    {
        if (AtField("type") || AtField("param"))
        {
            int index = ParseTypeUse(null, allowNames: false);
            // Like wat2wasm, a type use of a type [] -> [t?] becomes the short form.
            if ((uint)index < (uint)_typeEntries.Count && _typeEntries[index] is { Kind: 0x60, Params.Count: 0 } simple
                && simple.Results.Count <= 1)
            {
                return simple.Results.Count == 0 ? [0x40] : simple.Results[0];
            }
            var w = new ByteWriter();
            w.S64(index);
            return w.ToArray();
        }
        var results = new List<byte[]>();
        while (AtField("result"))
        {
            _p += 2;
            while (!AtRParen) results.Add(ParseValType());
            ExpectRParen();
        }
        if (AtField("param") || AtField("type")) throw Error(PeekAt(1), $"unexpected token {PeekAt(1).Text}");
        if (results.Count == 0) return [0x40];
        if (results.Count == 1) return results[0];
        int typeIndex = FindOrAddFuncType([], results);
        var writer = new ByteWriter();
        writer.S64(typeIndex);
        return writer.ToArray();
    }

    /// <summary>Resolves a label: a relative depth as is, or a name searched from the innermost block.</summary>
    private int ResolveLabel()
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
            List<(string? Name, BlockKind Kind)> labels = _fn.Labels;
            for (int i = labels.Count - 1; i >= 0; i--)
            {
                if (labels[i].Name == token.Text) return labels.Count - 1 - i;
            }
            throw Error(token, $"unknown label {token}");
        }
        throw Unexpected(token);
    }

    private int ResolveLocal()
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
            if (_fn.Locals.TryGetValue(token.Text, out int index)) return index;
            throw Error(token, $"unknown local {token}");
        }
        throw Unexpected(token);
    }

    private static void WriteOpcode(ByteWriter w, OpcodeInfo info)
    {
        if (info.Prefix != 0)
        {
            w.Byte(info.Prefix);
            w.U32(info.Code);
        }
        else
        {
            w.Byte((byte)info.Code);
        }
    }
}
