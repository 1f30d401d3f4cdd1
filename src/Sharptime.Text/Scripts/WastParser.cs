using System.Text;
using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Parses a WAST script (the spec interpreter's script format, plus the <c>thread</c>/<c>wait</c> commands of
/// the threads proposal and the <c>_custom</c> assertions of the annotations tests) into commands. Modules
/// are not parsed here: text modules are kept as token ranges and quote modules as bytes, so that a malformed
/// module fails only the command that holds it.
/// </summary>
internal sealed partial class WastParser
{
    private readonly List<Token> _tokens;
    private readonly string _file;
    private int _pos;

    private WastParser(List<Token> tokens, string file)
    {
        _tokens = tokens;
        _file = file;
    }

    /// <summary>Parses a whole script.</summary>
    /// <param name="text">The script text.</param>
    /// <param name="file">The file name used in error messages.</param>
    /// <exception cref="WatException">The script is malformed; the message gives file:line:column.</exception>
    public static List<WastCommand> Parse(string text, string file)
    {
        List<Token> tokens = Lexer.Tokenize(text, file);
        var parser = new WastParser(tokens, file);
        if (IsInlineModule(tokens)) return [parser.InlineModule()];
        var commands = new List<WastCommand>();
        while (parser.Peek.Kind != TokenKind.Eof) commands.Add(parser.ParseCommand());
        return commands;
    }

    /// <summary>
    /// A script may be a bare module: module fields with no <c>(module ...)</c> around them (the spec
    /// interpreter's "inline module"), recognized by its first field.
    /// </summary>
    private static bool IsInlineModule(List<Token> tokens) =>
        tokens.Count > 2 && tokens[0].Kind == TokenKind.LParen && tokens[1].Kind == TokenKind.Keyword && tokens[1].Text is
            "type" or "rec" or "import" or "func" or "table" or "memory" or "global" or "export" or "start" or "elem" or "data" or "tag";

    /// <summary>The whole script as one module command: the fields wrapped in a synthetic <c>(module ...)</c>.</summary>
    private WastModuleCommand InlineModule()
    {
        Token first = _tokens[0];
        Token eof = _tokens[^1];
        var tokens = new List<Token>(_tokens.Count + 2)
        {
            new(TokenKind.LParen, "(", null, first.Start, first.Line, first.Column),
            new(TokenKind.Keyword, "module", null, first.Start, first.Line, first.Column),
        };
        tokens.AddRange(_tokens.GetRange(0, _tokens.Count - 1));
        tokens.Add(new Token(TokenKind.RParen, ")", null, eof.Start, eof.Line, eof.Column));
        tokens.Add(eof);
        var module = new WastModuleSource
        {
            Format = WastModuleFormat.Text, Tokens = tokens, TokenIndex = 0, EndIndex = tokens.Count - 1, Line = first.Line, Column = first.Column,
        };
        return new WastModuleCommand { Kind = "module", Line = first.Line, Column = first.Column, Module = module };
    }

    /// <summary>The next token; annotations (<c>(@id ...)</c>) between script tokens are skipped like white space.</summary>
    private Token Peek => _tokens[_pos = SkipAnnotations(_pos)];

    /// <summary>The token <paramref name="offset"/> places after <see cref="Peek"/>, skipping annotations.</summary>
    private Token PeekAt(int offset)
    {
        int i = SkipAnnotations(_pos);
        for (int k = 0; k < offset && _tokens[i].Kind != TokenKind.Eof; k++) i = SkipAnnotations(i + 1);
        return _tokens[i];
    }

    private Token Next()
    {
        Token token = Peek;
        if (token.Kind != TokenKind.Eof) _pos++;
        return token;
    }

    /// <summary>Returns the index of the first token at or after <paramref name="index"/> that is not inside an annotation.</summary>
    private int SkipAnnotations(int index)
    {
        while (_tokens[index].Kind == TokenKind.Annotation)
        {
            Token open = _tokens[index];
            int depth = 1;
            index++;
            while (depth > 0)
            {
                switch (_tokens[index].Kind)
                {
                    case TokenKind.LParen:
                    case TokenKind.Annotation:
                        depth++;
                        break;
                    case TokenKind.RParen:
                        depth--;
                        break;
                    case TokenKind.Eof:
                        throw Error("unclosed annotation", open);
                }
                index++;
            }
        }
        return index;
    }

    private WastCommand ParseCommand()
    {
        if (Peek.Kind == TokenKind.LParen && PeekAt(1).IsKeyword("module")) return ParseModuleCommand();
        Token open = Expect(TokenKind.LParen, "a command");
        Token head = Next();
        if (head.Kind != TokenKind.Keyword) throw Error($"unknown command \"{head}\"", head);
        WastCommand command = head.Text switch
        {
            "register" => ParseRegister(open),
            "invoke" or "get" => new WastActionCommand
            {
                Kind = head.Text, Line = open.Line, Column = open.Column, Action = ParseActionBody(head),
            },
            "assert_return" => ParseAssertReturn(open),
            "assert_trap" => ParseAssertTrap(open),
            "assert_exhaustion" => new WastAssertActionCommand
            {
                Kind = head.Text, Line = open.Line, Column = open.Column, Action = ParseAction(), Message = ExpectString("a failure message"),
            },
            "assert_exception" => new WastAssertActionCommand
            {
                Kind = head.Text, Line = open.Line, Column = open.Column, Action = ParseAction(),
            },
            "assert_malformed" or "assert_invalid" or "assert_unlinkable" or "assert_uninstantiable"
                or "assert_malformed_custom" or "assert_invalid_custom" => new WastAssertModuleCommand
            {
                Kind = head.Text, Line = open.Line, Column = open.Column, Module = ParseModule(), Message = ExpectString("a failure message"),
            },
            "thread" => ParseThread(open),
            "wait" => new WastWaitCommand
            {
                Kind = head.Text, Line = open.Line, Column = open.Column, ThreadId = ExpectId("a thread id"),
            },
            _ => throw Error($"unknown command \"{head}\"", head),
        };
        Expect(TokenKind.RParen, "\")\"");
        return command;
    }

    /// <summary>A module definition, or <c>(module instance $i? $m?)</c>.</summary>
    private WastCommand ParseModuleCommand()
    {
        Token open = Peek;
        if (PeekAt(2).IsKeyword("instance") || (PeekAt(2).Kind == TokenKind.Id && PeekAt(3).IsKeyword("instance")))
        {
            Next();
            Next();
            string? instanceId = null;
            if (Peek.Kind == TokenKind.Id) instanceId = Next().Text;
            Next(); // instance
            if (instanceId is null && Peek.Kind == TokenKind.Id) instanceId = Next().Text;
            string? moduleId = Peek.Kind == TokenKind.Id ? Next().Text : null;
            Expect(TokenKind.RParen, "\")\"");
            return new WastInstanceCommand
            {
                Kind = "module instance", Line = open.Line, Column = open.Column, InstanceId = instanceId, ModuleId = moduleId,
            };
        }
        WastModuleSource module = ParseModule();
        return new WastModuleCommand { Kind = "module", Line = open.Line, Column = open.Column, Module = module };
    }

    /// <summary>
    /// Parses <c>(module $id? definition? ...)</c> in its text, <c>binary</c> and <c>quote</c> forms, and leaves
    /// the position after its closing parenthesis.
    /// </summary>
    private WastModuleSource ParseModule()
    {
        _ = Peek; // skips annotations before the module's "("
        int start = _pos;
        Token open = Expect(TokenKind.LParen, "a module");
        Token keyword = Next();
        if (!keyword.IsKeyword("module")) throw Error($"expected a module, found \"{keyword}\"", keyword);
        string? id = null;
        bool definition = false;
        int definitionIndex = -1;
        for (int i = 0; i < 2; i++)
        {
            if (Peek.Kind == TokenKind.Id && id is null)
            {
                id = Next().Text;
            }
            else if (Peek.IsKeyword("definition") && !definition)
            {
                definition = true;
                definitionIndex = _pos;
                Next();
            }
        }
        if (Peek.IsKeyword("binary"))
        {
            Next();
            var bytes = new List<byte>();
            while (Peek.Kind == TokenKind.String) bytes.AddRange(Next().Bytes!);
            Expect(TokenKind.RParen, "a string or \")\"");
            return new WastModuleSource
            {
                Format = WastModuleFormat.Binary, Id = id, IsDefinition = definition, Bytes = [.. bytes], Line = open.Line, Column = open.Column,
            };
        }
        if (Peek.IsKeyword("quote"))
        {
            Next();
            var text = new List<byte>();
            bool first = true;
            while (Peek.Kind == TokenKind.String)
            {
                if (!first) text.Add((byte)' ');
                first = false;
                text.AddRange(Next().Bytes!);
            }
            Expect(TokenKind.RParen, "a string or \")\"");
            return new WastModuleSource
            {
                Format = WastModuleFormat.Quote, Id = id, IsDefinition = definition, QuoteBytes = [.. text], Line = open.Line, Column = open.Column,
            };
        }
        SkipToClose(open);
        List<Token> tokens = _tokens;
        int tokenIndex = start;
        int endIndex = _pos;
        if (definitionIndex >= 0)
        {
            // The WAT parser reads plain "(module $id? field*)": hand it a copy without the script-only keyword.
            var copy = new List<Token>(_pos - start + 1);
            for (int i = start; i < _pos; i++)
            {
                if (i != definitionIndex) copy.Add(_tokens[i]);
            }
            Token end = _tokens[_pos - 1];
            copy.Add(new Token(TokenKind.Eof, "", null, end.Start + 1, end.Line, end.Column + 1));
            tokens = copy;
            tokenIndex = 0;
            endIndex = copy.Count - 1;
        }
        return new WastModuleSource
        {
            Format = WastModuleFormat.Text, Id = id, IsDefinition = definition, Tokens = tokens, TokenIndex = tokenIndex, EndIndex = endIndex,
            Line = open.Line, Column = open.Column,
        };
    }

    /// <summary>Skips to just after the parenthesis that closes the form opened by <paramref name="open"/> (already consumed).</summary>
    private void SkipToClose(Token open)
    {
        int depth = 1;
        while (depth > 0)
        {
            Token token = Next();
            switch (token.Kind)
            {
                case TokenKind.LParen:
                case TokenKind.Annotation:
                    depth++;
                    break;
                case TokenKind.RParen:
                    depth--;
                    break;
                case TokenKind.Eof:
                    throw Error("unclosed parenthesis", open);
            }
        }
    }

    private WastRegisterCommand ParseRegister(Token open)
    {
        string name = ExpectString("a module name");
        string? moduleId = Peek.Kind == TokenKind.Id ? Next().Text : null;
        return new WastRegisterCommand { Kind = "register", Line = open.Line, Column = open.Column, Name = name, ModuleId = moduleId };
    }

    private WastAssertReturnCommand ParseAssertReturn(Token open)
    {
        WastAction action = ParseAction();
        var results = new List<WastValue>();
        while (Peek.Kind == TokenKind.LParen) results.Add(ParseValue(allowPatterns: true));
        return new WastAssertReturnCommand { Kind = "assert_return", Line = open.Line, Column = open.Column, Action = action, Results = results };
    }

    private WastCommand ParseAssertTrap(Token open)
    {
        if (Peek.Kind == TokenKind.LParen && PeekAt(1).IsKeyword("module"))
        {
            WastModuleSource module = ParseModule();
            return new WastAssertModuleCommand
            {
                Kind = "assert_trap", Line = open.Line, Column = open.Column, Module = module, Message = ExpectString("a failure message"),
            };
        }
        WastAction action = ParseAction();
        return new WastAssertActionCommand
        {
            Kind = "assert_trap", Line = open.Line, Column = open.Column, Action = action, Message = ExpectString("a failure message"),
        };
    }

    private WastThreadCommand ParseThread(Token open)
    {
        string? id = Peek.Kind == TokenKind.Id ? Next().Text : null;
        var shared = new List<string>();
        while (Peek.Kind == TokenKind.LParen && PeekAt(1).IsKeyword("shared"))
        {
            Next();
            Next();
            Expect(TokenKind.LParen, "\"(module\"");
            Token module = Next();
            if (!module.IsKeyword("module")) throw Error($"expected \"module\", found \"{module}\"", module);
            shared.Add(ExpectId("a module id"));
            Expect(TokenKind.RParen, "\")\"");
            Expect(TokenKind.RParen, "\")\"");
        }
        var commands = new List<WastCommand>();
        while (Peek.Kind == TokenKind.LParen) commands.Add(ParseCommand());
        return new WastThreadCommand { Kind = "thread", Line = open.Line, Column = open.Column, Id = id, SharedModules = shared, Commands = commands };
    }

    /// <summary>Parses <c>(invoke ...)</c> or <c>(get ...)</c>, parentheses included.</summary>
    private WastAction ParseAction()
    {
        Expect(TokenKind.LParen, "an action");
        Token head = Next();
        if (!head.IsKeyword("invoke") && !head.IsKeyword("get")) throw Error($"expected \"invoke\" or \"get\", found \"{head}\"", head);
        WastAction action = ParseActionBody(head);
        Expect(TokenKind.RParen, "\")\"");
        return action;
    }

    /// <summary>Parses what follows the <c>invoke</c> or <c>get</c> keyword, up to (not including) the closing parenthesis.</summary>
    private WastAction ParseActionBody(Token head)
    {
        string? moduleId = Peek.Kind == TokenKind.Id ? Next().Text : null;
        string name = ExpectString("an export name");
        var arguments = new List<WastValue>();
        if (head.IsKeyword("invoke"))
        {
            while (Peek.Kind == TokenKind.LParen) arguments.Add(ParseValue(allowPatterns: false));
        }
        return new WastAction(head.IsKeyword("invoke"), moduleId, name, arguments, head.Line);
    }

    private Token Expect(TokenKind kind, string what)
    {
        Token token = Peek;
        if (token.Kind != kind) throw Error($"unexpected token \"{token}\", expected {what}", token);
        return Next();
    }

    private string ExpectString(string what)
    {
        Token token = Expect(TokenKind.String, what);
        return Encoding.UTF8.GetString(token.Bytes!);
    }

    private string ExpectId(string what) => Expect(TokenKind.Id, what).Text;

    private WatException Error(string message, Token token) => new(message, _file, token.Line, token.Column);
}
