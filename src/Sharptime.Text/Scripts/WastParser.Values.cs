using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>Script constants and result patterns.</summary>
internal sealed partial class WastParser
{
    /// <summary>
    /// Parses one parenthesized constant. With <paramref name="allowPatterns"/> (results of <c>assert_return</c>)
    /// the pattern forms are accepted too: NaN patterns, <c>ref.func</c>/<c>ref.struct</c>/… kinds without a
    /// value, <c>ref.null</c> and <c>ref.extern</c> without an operand, and <c>either</c>.
    /// </summary>
    private WastValue ParseValue(bool allowPatterns)
    {
        Expect(TokenKind.LParen, "a constant");
        Token head = Next();
        if (head.Kind != TokenKind.Keyword) throw Error($"unexpected token \"{head}\", expected a constant", head);
        WastValue value = head.Text switch
        {
            "i32.const" => new WastValue(WastValueKind.I32, head.Line) { Bits = WastValueParser.ParseInt(Next(), 32, _file) },
            "i64.const" => new WastValue(WastValueKind.I64, head.Line) { Bits = WastValueParser.ParseInt(Next(), 64, _file) },
            "f32.const" => ParseFloat(WastValueKind.F32, Next(), allowPatterns),
            "f64.const" => ParseFloat(WastValueKind.F64, Next(), allowPatterns),
            "v128.const" => ParseV128(head, allowPatterns),
            "ref.null" => new WastValue(WastValueKind.RefNull, head.Line) { HeapType = ParseOptionalHeapType(allowPatterns, head) },
            "ref.extern" => ParseHostRef(WastValueKind.RefExtern, head, numberRequired: !allowPatterns),
            "ref.host" => ParseHostRef(WastValueKind.RefHost, head, numberRequired: true),
            "either" when allowPatterns => ParseEither(head),
            "ref.func" when allowPatterns => new WastValue(WastValueKind.RefFunc, head.Line) { HeapType = ParseOptionalIndex() },
            "ref.struct" when allowPatterns => new WastValue(WastValueKind.RefStruct, head.Line),
            "ref.array" when allowPatterns => new WastValue(WastValueKind.RefArray, head.Line),
            "ref.eq" when allowPatterns => new WastValue(WastValueKind.RefEq, head.Line),
            "ref.i31" when allowPatterns => new WastValue(WastValueKind.RefI31, head.Line),
            "ref.any" when allowPatterns => new WastValue(WastValueKind.RefAny, head.Line),
            "ref.exn" when allowPatterns => new WastValue(WastValueKind.RefExn, head.Line),
            _ => throw Error($"unexpected token \"{head}\", expected a {(allowPatterns ? "result" : "constant")}", head),
        };
        Expect(TokenKind.RParen, "\")\"");
        return value;
    }

    private WastValue ParseFloat(WastValueKind kind, Token token, bool allowPatterns)
    {
        WastNan nan = NanPattern(token);
        if (nan != WastNan.None)
        {
            if (!allowPatterns) throw Error($"unexpected token \"{token}\", a NaN pattern is only allowed in results", token);
            return new WastValue(kind, token.Line) { Nan = nan };
        }
        ulong bits = kind == WastValueKind.F32 ? WastValueParser.ParseF32(token, _file) : WastValueParser.ParseF64(token, _file);
        return new WastValue(kind, token.Line) { Bits = bits };
    }

    private static WastNan NanPattern(Token token) => token.Kind != TokenKind.Keyword ? WastNan.None : token.Text switch
    {
        "nan:canonical" => WastNan.Canonical,
        "nan:arithmetic" => WastNan.Arithmetic,
        _ => WastNan.None,
    };

    private WastValue ParseV128(Token head, bool allowPatterns)
    {
        Token shape = Next();
        (int count, WastValueKind laneKind, int laneBits) = shape.Kind == TokenKind.Keyword ? shape.Text switch
        {
            "i8x16" => (16, WastValueKind.I32, 8),
            "i16x8" => (8, WastValueKind.I32, 16),
            "i32x4" => (4, WastValueKind.I32, 32),
            "i64x2" => (2, WastValueKind.I64, 64),
            "f32x4" => (4, WastValueKind.F32, 32),
            "f64x2" => (2, WastValueKind.F64, 64),
            _ => (0, WastValueKind.I32, 0),
        } : (0, WastValueKind.I32, 0);
        if (count == 0) throw Error($"unexpected token \"{shape}\", expected a vector shape", shape);
        var lanes = new WastValue[count];
        for (int i = 0; i < count; i++)
        {
            Token lane = Peek;
            if (lane.Kind is not (TokenKind.Number or TokenKind.Keyword))
            {
                throw Error($"wrong number of lane literals: {shape.Text} needs {count}, found {i}", lane);
            }
            Next();
            lanes[i] = laneKind is WastValueKind.F32 or WastValueKind.F64
                ? ParseFloat(laneKind, lane, allowPatterns)
                : new WastValue(laneKind, lane.Line) { Bits = WastValueParser.ParseInt(lane, laneBits, _file) };
        }
        if (Peek.Kind is TokenKind.Number or TokenKind.Keyword)
        {
            throw Error($"wrong number of lane literals: {shape.Text} needs {count}", Peek);
        }
        return new WastValue(WastValueKind.V128, head.Line) { Shape = shape.Text, Lanes = lanes };
    }

    /// <summary>A heap type: an abstract type keyword (<c>func</c>, <c>extern</c>, <c>any</c>…), a type id or a type index.</summary>
    private string? ParseOptionalHeapType(bool allowPatterns, Token head)
    {
        Token token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Keyword:
            case TokenKind.Number:
                Next();
                return token.Text;
            case TokenKind.Id:
                Next();
                return "$" + token.Text;
            default:
                if (!allowPatterns) throw Error($"unexpected token \"{token}\", expected a heap type", token.Kind == TokenKind.Eof ? head : token);
                return null;
        }
    }

    private string? ParseOptionalIndex()
    {
        Token token = Peek;
        if (token.Kind == TokenKind.Number)
        {
            Next();
            return token.Text;
        }
        if (token.Kind == TokenKind.Id)
        {
            Next();
            return "$" + token.Text;
        }
        return null;
    }

    private WastValue ParseHostRef(WastValueKind kind, Token head, bool numberRequired)
    {
        Token token = Peek;
        if (token.Kind != TokenKind.Number)
        {
            if (numberRequired) throw Error($"unexpected token \"{token}\", expected a number", token);
            return new WastValue(kind, head.Line);
        }
        Next();
        ulong number = WastValueParser.ParseInt(token, 32, _file);
        return new WastValue(kind, head.Line) { Bits = number, HasNumber = true };
    }

    private WastValue ParseEither(Token head)
    {
        var alternatives = new List<WastValue>();
        while (Peek.Kind == TokenKind.LParen) alternatives.Add(ParseValue(allowPatterns: true));
        if (alternatives.Count == 0) throw Error("unexpected token \")\", expected a result", Peek);
        return new WastValue(WastValueKind.Either, head.Line) { Alternatives = alternatives };
    }
}
