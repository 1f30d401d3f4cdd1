using System.Collections.Concurrent;
using Sharptime.Binary;

namespace Sharptime.Text.Parsing;

internal sealed partial class ModuleParser
{
    private static readonly ConcurrentDictionary<Opcode, int> NaturalAlignments = new();

    /// <summary>Parses a plain instruction's immediates after its name and writes the instruction.</summary>
    private void ParseOp(Token name, ByteWriter w)
    {
        if (Keywords.IsStructural(name.Text)) throw Error(name, $"unexpected token {name.Text}");
        if (!OpcodeTable.TryGetByName(name.Text, out OpcodeInfo? info)) throw Error(name, $"unknown operator {name.Text}");
        switch (name.Text)
        {
            case "select":
                ParseSelect(w);
                return;
            case "ref.test":
            case "ref.cast":
            {
                byte[] _ = ParseRefType(out bool nullable, out byte[] heapType);
                WriteOpcode(w, OpcodeTable.Get(name.Text == "ref.test"
                    ? (nullable ? Opcode.RefTestNull : Opcode.RefTest)
                    : (nullable ? Opcode.RefCastNull : Opcode.RefCast)));
                w.Bytes(heapType);
                return;
            }
        }
        WriteOpcode(w, info);
        switch (info.Immediates)
        {
            case ImmediateKind.None:
                return;
            case ImmediateKind.Label:
                w.U32(ResolveLabel());
                return;
            case ImmediateKind.BrTable:
            {
                var labels = new List<int>();
                while (AtIndex) labels.Add(ResolveLabel());
                if (labels.Count == 0) throw Unexpected(Peek);
                w.U32(labels.Count - 1);
                foreach (int label in labels) w.U32(label);
                return;
            }
            case ImmediateKind.Func:
                w.U32(ResolveIndex(_funcs));
                return;
            case ImmediateKind.CallIndirect:
            {
                int table = AtIndex ? ResolveIndex(_tables) : 0;
                w.U32(ParseTypeUse(null, allowNames: false));
                w.U32(table);
                return;
            }
            case ImmediateKind.Type:
                w.U32(ResolveIndex(_types));
                return;
            case ImmediateKind.Local:
                w.U32(ResolveLocal());
                return;
            case ImmediateKind.Global:
                w.U32(ResolveIndex(_globals));
                return;
            case ImmediateKind.Table:
                w.U32(AtIndex ? ResolveIndex(_tables) : 0);
                return;
            case ImmediateKind.TableInit:
            {
                int table = IsIndex(PeekAt(1)) ? ResolveIndex(_tables) : 0;
                w.U32(ResolveIndex(_elems));
                w.U32(table);
                return;
            }
            case ImmediateKind.TableCopy:
            {
                int dst = AtIndex ? ResolveIndex(_tables) : 0;
                int src = AtIndex ? ResolveIndex(_tables) : 0;
                w.U32(dst);
                w.U32(src);
                return;
            }
            case ImmediateKind.Elem:
                w.U32(ResolveIndex(_elems));
                return;
            case ImmediateKind.MemArg:
                ParseMemArg(info, w);
                return;
            case ImmediateKind.MemArgLane:
            {
                // A number followed by another number (or by offset=/align=) is a memory index.
                bool hasMemory = Peek.Kind == TokenKind.Id
                    || (Peek.Kind == TokenKind.Number && (PeekAt(1).Kind == TokenKind.Number || IsMemArgKeyword(PeekAt(1))));
                ParseMemArg(info, w, hasMemory);
                w.Byte(ParseLaneIndex());
                return;
            }
            case ImmediateKind.Memory:
                w.U32(AtIndex ? ResolveIndex(_memories) : 0);
                return;
            case ImmediateKind.MemoryInit:
            {
                _usesDataCount = true;
                int memory = IsIndex(PeekAt(1)) ? ResolveIndex(_memories) : 0;
                w.U32(ResolveIndex(_datas));
                w.U32(memory);
                return;
            }
            case ImmediateKind.MemoryCopy:
            {
                int dst = AtIndex ? ResolveIndex(_memories) : 0;
                int src = AtIndex ? ResolveIndex(_memories) : 0;
                w.U32(dst);
                w.U32(src);
                return;
            }
            case ImmediateKind.Data:
                _usesDataCount = true;
                w.U32(ResolveIndex(_datas));
                return;
            case ImmediateKind.I32:
                w.S64((int)(uint)ParseIntLiteral(Next(), 32));
                return;
            case ImmediateKind.I64:
                w.S64((long)ParseIntLiteral(Next(), 64));
                return;
            case ImmediateKind.F32:
                w.Fixed32(ParseF32Literal(Next()));
                return;
            case ImmediateKind.F64:
                w.Fixed64(ParseF64Literal(Next()));
                return;
            case ImmediateKind.V128:
                ParseV128(w);
                return;
            case ImmediateKind.Lane:
                w.Byte(ParseLaneIndex());
                return;
            case ImmediateKind.Shuffle:
            {
                for (int i = 0; i < 16; i++)
                {
                    Token lane = Peek;
                    if (lane.Kind is TokenKind.LParen or TokenKind.RParen or TokenKind.Eof
                        || (lane.Kind == TokenKind.Keyword && OpcodeTable.TryGetByName(lane.Text, out _)))
                    {
                        throw Error(lane, "invalid lane length");
                    }
                    _p++;
                    if (lane.Kind != TokenKind.Number || NumberLiteral.ParseUnsigned(lane.Text, 8, out ulong value) != LiteralStatus.Ok)
                    {
                        throw Error(lane, "i8 constant out of range");
                    }
                    w.Byte((byte)value);
                }
                if (Peek.Kind == TokenKind.Number) throw Error(Peek, "invalid lane length");
                return;
            }
            case ImmediateKind.HeapType:
                w.Bytes(ParseHeapType());
                return;
            case ImmediateKind.StructField:
            {
                int type = ResolveIndex(_types);
                w.U32(type);
                w.U32(ResolveField(type));
                return;
            }
            case ImmediateKind.ArrayFixed:
            {
                w.U32(ResolveIndex(_types));
                if (Peek.Kind != TokenKind.Number) throw Unexpected(Peek);
                w.U32(ParseU32(Next()));
                return;
            }
            case ImmediateKind.TypeData:
                w.U32(ResolveIndex(_types));
                w.U32(ResolveIndex(_datas));
                _usesDataCount = true;
                return;
            case ImmediateKind.TypeElem:
                w.U32(ResolveIndex(_types));
                w.U32(ResolveIndex(_elems));
                return;
            case ImmediateKind.TypeType:
                w.U32(ResolveIndex(_types));
                w.U32(ResolveIndex(_types));
                return;
            case ImmediateKind.BrOnCast:
            {
                int label = ResolveLabel();
                ParseRefType(out bool nullable1, out byte[] heap1);
                ParseRefType(out bool nullable2, out byte[] heap2);
                w.Byte((byte)((nullable1 ? 1 : 0) | (nullable2 ? 2 : 0)));
                w.U32(label);
                w.Bytes(heap1);
                w.Bytes(heap2);
                return;
            }
            case ImmediateKind.Tag:
                w.U32(ResolveIndex(_tags));
                return;
            case ImmediateKind.ZeroByte:
                w.Byte(0);
                return;
            default:
                throw Error(name, $"unknown operator {name.Text}");
        }
    }

    private static bool IsIndex(Token token) => token.Kind is TokenKind.Number or TokenKind.Id;

    private void ParseSelect(ByteWriter w)
    {
        if (!AtField("result"))
        {
            w.Byte(0x1B);
            return;
        }
        var types = new List<byte[]>();
        while (AtField("result"))
        {
            _p += 2;
            while (!AtRParen) types.Add(ParseValType());
            ExpectRParen();
        }
        w.Byte(0x1C);
        w.U32(types.Count);
        foreach (byte[] t in types) w.Bytes(t);
    }

    private int ResolveField(int typeIndex)
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Id)
        {
            _p++;
            Dictionary<string, int>? fields = typeIndex < _fieldNames.Count ? _fieldNames[typeIndex] : null;
            if (fields != null && fields.TryGetValue(token.Text, out int index)) return index;
            throw Error(token, $"unknown field {token}");
        }
        if (token.Kind != TokenKind.Number) throw Unexpected(token);
        _p++;
        return ParseU32(token);
    }

    private static bool IsMemArgKeyword(Token token) =>
        token.Kind == TokenKind.Keyword && (token.Text.StartsWith("offset=", StringComparison.Ordinal) || token.Text.StartsWith("align=", StringComparison.Ordinal));

    /// <summary>Parses <c>memidx? offset=N? align=N?</c> and writes the binary memarg.</summary>
    private void ParseMemArg(OpcodeInfo info, ByteWriter w, bool? hasMemory = null)
    {
        int memory = 0;
        if (hasMemory ?? AtIndex) memory = ResolveIndex(_memories);
        ulong offset = 0;
        int alignLog2 = NaturalAlignment(info);
        if (Peek.Kind == TokenKind.Keyword && Peek.Text.StartsWith("offset=", StringComparison.Ordinal))
        {
            Token token = Next();
            offset = ParseMemArgValue(token, token.Text[7..]);
        }
        if (Peek.Kind == TokenKind.Keyword && Peek.Text.StartsWith("align=", StringComparison.Ordinal))
        {
            Token token = Next();
            ulong align = ParseMemArgValue(token, token.Text[6..]);
            if (align == 0 || (align & (align - 1)) != 0) throw Error(token, "alignment must be a power of two");
            alignLog2 = System.Numerics.BitOperations.Log2(align);
        }
        if (memory != 0)
        {
            w.U32((uint)alignLog2 | 0x40);
            w.U32(memory);
        }
        else
        {
            w.U32(alignLog2);
        }
        w.U64(offset);
    }

    private ulong ParseMemArgValue(Token token, string digits)
    {
        LiteralStatus status = NumberLiteral.ParseUnsigned(digits, 64, out ulong value);
        return status switch
        {
            LiteralStatus.Ok => value,
            LiteralStatus.OutOfRange => throw Error(token, "i64 constant out of range"),
            _ => throw Error(token, $"unknown operator {token.Text}"),
        };
    }

    /// <summary>The log2 of an access's natural alignment, derived from its name (<c>i64.load32_s</c> → 2).</summary>
    private static int NaturalAlignment(OpcodeInfo info) => NaturalAlignments.GetOrAdd(info.Opcode, static (_, name) =>
    {
        int bits = name switch
        {
            "memory.atomic.notify" or "memory.atomic.wait32" => 32,
            "memory.atomic.wait64" => 64,
            _ => 0,
        };
        if (bits == 0)
        {
            bits = name.StartsWith("v128", StringComparison.Ordinal) ? 128
                : name.StartsWith("i64", StringComparison.Ordinal) || name.StartsWith("f64", StringComparison.Ordinal) ? 64
                : 32;
            foreach (string verb in (ReadOnlySpan<string>)["load", "store", "rmw"])
            {
                int at = name.LastIndexOf(verb, StringComparison.Ordinal);
                if (at < 0) continue;
                int i = at + verb.Length;
                int n = ReadDigits(name, ref i);
                if (n == 0) continue;
                if (i < name.Length && name[i] == 'x')
                {
                    i++;
                    n *= ReadDigits(name, ref i);
                }
                bits = n;
                break;
            }
        }
        return System.Numerics.BitOperations.Log2((uint)bits / 8);
    }, info.Name);

    private static int ReadDigits(string s, ref int i)
    {
        int n = 0;
        while (i < s.Length && char.IsAsciiDigit(s[i])) n = n * 10 + (s[i++] - '0');
        return n;
    }

    private byte ParseLaneIndex()
    {
        Token token = Peek;
        if (token.Kind != TokenKind.Number) throw Unexpected(token);
        _p++;
        LiteralStatus status = NumberLiteral.ParseUnsigned(token.Text, 8, out ulong value);
        return status switch
        {
            LiteralStatus.Ok => (byte)value,
            LiteralStatus.OutOfRange => throw Error(token, "i8 constant out of range"),
            _ => throw Error(token, $"unexpected token {token.Text}"),
        };
    }

    private ulong ParseIntLiteral(Token token, int bits)
    {
        if (token.Kind != TokenKind.Number) throw Unexpected(token);
        LiteralStatus status = NumberLiteral.ParseInt(token.Text, bits, out ulong value);
        return status switch
        {
            LiteralStatus.Ok => value,
            LiteralStatus.OutOfRange => throw Error(token, "constant out of range"),
            _ => throw Error(token, $"unknown operator {token.Text}"),
        };
    }

    private uint ParseF32Literal(Token token)
    {
        if (token.Kind is not (TokenKind.Number or TokenKind.Keyword)) throw Unexpected(token);
        LiteralStatus status = NumberLiteral.ParseF32(token.Text, out uint bits);
        return status switch
        {
            LiteralStatus.Ok => bits,
            LiteralStatus.OutOfRange => throw Error(token, "constant out of range"),
            _ => throw MalformedNumber(token),
        };
    }

    /// <summary>A word is an unexpected token; a malformed number is an unknown operator (as the reference lexer sees them).</summary>
    private WatException MalformedNumber(Token token) => token.Kind == TokenKind.Keyword && Keywords.IsKnown(token.Text)
        ? Error(token, $"unexpected token {token.Text}")
        : Error(token, $"unknown operator {token.Text}");

    private ulong ParseF64Literal(Token token)
    {
        if (token.Kind is not (TokenKind.Number or TokenKind.Keyword)) throw Unexpected(token);
        LiteralStatus status = NumberLiteral.ParseF64(token.Text, out ulong bits);
        return status switch
        {
            LiteralStatus.Ok => bits,
            LiteralStatus.OutOfRange => throw Error(token, "constant out of range"),
            _ => throw MalformedNumber(token),
        };
    }

    /// <summary>
    /// Whether a token is one of the literals of a <c>v128.const</c>: a number, a float keyword, or a malformed
    /// number (reported as such); an instruction name after the lanes ends them.
    /// </summary>
    private static bool IsLaneLiteral(Token token) => token.Kind switch
    {
        TokenKind.Number or TokenKind.Reserved => true,
        TokenKind.Keyword => token.Text is "inf" or "nan" || token.Text.StartsWith("nan:", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Parses <c>shape lane*</c> of <c>v128.const</c> and writes the 16 bytes.</summary>
    private void ParseV128(ByteWriter w)
    {
        Token shape = Next();
        if (shape.Kind != TokenKind.Keyword) throw Unexpected(shape);
        (int lanes, int bits, bool isFloat) = shape.Text switch
        {
            "i8x16" => (16, 8, false),
            "i16x8" => (8, 16, false),
            "i32x4" => (4, 32, false),
            "i64x2" => (2, 64, false),
            "f32x4" => (4, 32, true),
            "f64x2" => (2, 64, true),
            _ => throw Unexpected(shape),
        };
        int available = 0;
        while (IsLaneLiteral(PeekAt(available))) available++;
        if (available != lanes) throw Error(PeekAt(Math.Min(available, lanes)), "wrong number of lane literals");
        for (int i = 0; i < lanes; i++)
        {
            Token lane = Peek;
            if (lane.Kind != TokenKind.Number && !(isFloat && lane.Kind == TokenKind.Keyword)) throw Unexpected(lane);
            _p++;
            ulong value = isFloat
                ? (bits == 32 ? ParseF32Literal(lane) : ParseF64Literal(lane))
                : ParseIntLiteral(lane, bits);
            for (int b = 0; b < bits / 8; b++) w.Byte((byte)(value >> (8 * b)));
        }
    }
}
