using System.Buffers;
using System.Text.Unicode;
using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Runs the commands of a WAST script against an <see cref="Engine"/>. Today the runtime decodes and validates
/// only, so the runner checks what that can check (modules decode and validate; <c>assert_malformed</c> and
/// <c>assert_invalid</c> fail with the expected text) and reports everything that needs linking or execution
/// as skipped, never as passed. An exception thrown while running one command fails that command only.
/// </summary>
internal sealed class WastRunner
{
    private readonly Engine _engine;
    private readonly string _file;
    private readonly WastResult _result;

    private WastRunner(Engine engine, string file)
    {
        _engine = engine;
        _file = file;
        _result = new WastResult(file);
    }

    /// <summary>Parses and runs a script.</summary>
    /// <param name="text">The script text.</param>
    /// <param name="file">The file name used in messages and in the result.</param>
    /// <param name="engine">The engine whose features apply to every module of the script.</param>
    public static WastResult Run(string text, string file, Engine engine)
    {
        var runner = new WastRunner(engine, file);
        List<WastCommand> commands;
        try
        {
            commands = WastParser.Parse(text, file);
        }
        catch (WatException e)
        {
            runner._result.Fail(e.Line, "script", "a well-formed script", Describe(e));
            return runner._result;
        }
        foreach (WastCommand command in commands) runner.RunGuarded(command);
        return runner._result;
    }

    private void RunGuarded(WastCommand command)
    {
        try
        {
            Run(command);
        }
#pragma warning disable CA1031 // One command's unexpected exception (a bug here or in the runtime) must not end the run.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _result.Fail(command.Line, command.Kind, "no internal error", $"internal error {Describe(e)}");
        }
    }

    private void Run(WastCommand command)
    {
        switch (command)
        {
            case WastModuleCommand module:
                RunModule(module);
                break;
            case WastAssertModuleCommand assertion:
                RunModuleAssertion(assertion);
                break;
            default:
                // Instantiation, actions, registration and threads need the execution engine.
                _result.Record(command.Kind, WastOutcome.Skipped);
                break;
        }
    }

    private void RunModule(WastModuleCommand command)
    {
        WasmException? error = TryCompile(command.Module);
        if (error is null) _result.Record(command.Kind, WastOutcome.Passed);
        else _result.Fail(command.Line, command.Kind, "the module to decode and validate", Describe(error));
    }

    private void RunModuleAssertion(WastAssertModuleCommand command)
    {
        switch (command.Kind)
        {
            case "assert_malformed":
            case "assert_malformed_custom":
                ExpectFailure(command, static e => e is WatException or MalformedModuleException, "malformed");
                break;
            case "assert_invalid":
            case "assert_invalid_custom":
                ExpectFailure(command, static e => e is InvalidModuleException, "invalid");
                break;
            default:
            {
                // assert_unlinkable, assert_uninstantiable, assert_trap (module): the module must be valid;
                // linking and instantiation cannot run yet.
                WasmException? error = TryCompile(command.Module);
                if (error is null) _result.Record(command.Kind, WastOutcome.Skipped);
                else _result.Fail(command.Line, command.Kind, $"a valid module (then \"{command.Message}\" when linked or instantiated)", Describe(error));
                break;
            }
        }
    }

    private void ExpectFailure(WastAssertModuleCommand command, Func<WasmException, bool> isExpectedKind, string what)
    {
        WasmException? error = TryCompile(command.Module);
        string expected = $"{what} module: \"{command.Message}\"";
        if (error is null)
        {
            _result.Fail(command.Line, command.Kind, expected, "the module decoded and validated");
        }
        else if (isExpectedKind(error) && error.Message.StartsWith(command.Message, StringComparison.Ordinal))
        {
            _result.Record(command.Kind, WastOutcome.Passed);
        }
        else
        {
            _result.Fail(command.Line, command.Kind, expected, Describe(error));
        }
    }

    /// <summary>Encodes and decodes+validates a module; returns the error, or null when the module is valid.</summary>
    private WasmException? TryCompile(WastModuleSource module)
    {
        try
        {
            byte[] bytes = Encode(module);
            Module.FromBytes(_engine, bytes);
            return null;
        }
        catch (WasmException e)
        {
            return e;
        }
    }

    /// <summary>The binary of a script module: parsed text, parsed quote, or the binary bytes as written.</summary>
    private byte[] Encode(WastModuleSource module)
    {
        switch (module.Format)
        {
            case WastModuleFormat.Binary:
                return module.Bytes!;
            case WastModuleFormat.Quote:
            {
                string origin = $"{_file}:{module.Line}(quote)";
                return Wat.Parse(DecodeSource(module.QuoteBytes!, origin), origin);
            }
            default:
            {
                int index = module.TokenIndex;
                byte[] bytes = WatParser.ParseModule(module.Tokens!, ref index, _file, out _);
                if (index != module.EndIndex)
                {
                    // The script parser and the WAT parser disagree on where the module ends: a bug in one of them.
                    Token stop = module.Tokens![Math.Min(index, module.Tokens.Count - 1)];
                    throw new InvalidOperationException(
                        $"the WAT parser stopped at {stop.Line}:{stop.Column}, but the module ends at token {module.EndIndex}");
                }
                return bytes;
            }
        }
    }

    /// <summary>Decodes quoted module text; source text must be UTF-8 (Wasm 3.0 section 6.2.1).</summary>
    private static string DecodeSource(byte[] bytes, string origin)
    {
        char[] chars = new char[bytes.Length];
        OperationStatus status = Utf8.ToUtf16(bytes, chars, out int read, out int written, replaceInvalidSequences: false);
        if (status == OperationStatus.Done) return new string(chars, 0, written);
        int line = 1, column = 1;
        for (int i = 0; i < written; i++)
        {
            if (chars[i] == '\n')
            {
                line++;
                column = 1;
            }
            else if (!char.IsLowSurrogate(chars[i]))
            {
                column++;
            }
        }
        throw new WatException($"malformed UTF-8 encoding (byte 0x{bytes[read]:x2})", origin, line, column);
    }

    private static string Describe(Exception e) => $"{e.GetType().Name}: \"{e.Message}\"";
}
