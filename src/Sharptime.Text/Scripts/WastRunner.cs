using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Runs the commands of a WAST script against an <see cref="Engine"/>. Modules must decode and validate, and
/// <c>assert_malformed</c>/<c>assert_invalid</c> must fail with the expected text. When the engine has a code
/// generator the runner also instantiates, links and executes (see WastRunner.Execution.cs); without one it
/// reports everything that needs linking or execution as skipped, never as passed. An exception thrown while
/// running one command fails that command only.
/// </summary>
internal sealed partial class WastRunner : IDisposable
{
    private readonly Engine _engine;
    private readonly string _file;
    private readonly WastResult _result;
    private readonly WastOptions _options;

    private WastRunner(Engine engine, string file, WastOptions options)
    {
        _engine = engine;
        _file = file;
        _options = options;
        _result = new WastResult(file);
    }

    /// <summary>A module to run: compiled in memory, or through an artifact when the options ask for it.</summary>
    private Module CreateModule(byte[] bytes) =>
        _options.Precompile ? Module.Deserialize(_engine, _engine.PrecompileModule(bytes)) : Module.FromBytes(_engine, bytes);

    /// <summary>Parses and runs a script.</summary>
    /// <param name="text">The script text.</param>
    /// <param name="file">The file name used in messages and in the result.</param>
    /// <param name="engine">The engine whose features apply to every module of the script.</param>
    public static WastResult Run(string text, string file, Engine engine) => Run(() => text, file, engine, WastOptions.Default);

    /// <summary>Decodes (strictly, as UTF-8), parses and runs a script.</summary>
    /// <param name="source">The script's bytes.</param>
    /// <param name="file">The file name used in messages and in the result.</param>
    /// <param name="engine">The engine whose features apply to every module of the script.</param>
    /// <param name="options">How modules are made.</param>
    public static WastResult Run(byte[] source, string file, Engine engine, WastOptions options) => Run(() => SourceText.Decode(source, file), file, engine, options);

    private static WastResult Run(Func<string> text, string file, Engine engine, WastOptions options)
    {
        string script;
        try
        {
            script = text();
        }
        catch (WatException e)
        {
            var failed = new WastResult(file);
            failed.Fail(e.Line, "script", "a well-formed script", Describe(e));
            return failed;
        }
        // A script that names the proposals it needs in its header (";;! gc = true") gets them.
        WasmFeatures features = WastFeatures.ApplyHeader(script, engine.Config.Features);
        if (features != engine.Config.Features) engine = new Engine(engine.Config with { Features = features });
        using var runner = new WastRunner(engine, file, options);
        List<WastCommand> commands;
        try
        {
            commands = WastParser.Parse(script, file);
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
        catch (NotSupportedException e)
        {
            _result.Fail(command.Line, command.Kind, "a supported command", Describe(e));
        }
        catch (Exception e)
#pragma warning restore CA1031
        {
            _result.Fail(command.Line, command.Kind, "no internal error", $"internal error {Describe(e)}");
        }
    }

    private void Run(WastCommand command) => Execute(command);


    private void Execute(WastCommand command)
    {
        switch (command)
        {
            case WastModuleCommand module:
                ExecuteModule(module);
                break;
            case WastInstanceCommand instance:
                ExecuteInstance(instance);
                break;
            case WastRegisterCommand register:
                ExecuteRegister(register);
                break;
            case WastActionCommand action:
                ExecuteAction(action);
                break;
            case WastAssertReturnCommand assertion:
                ExecuteAssertReturn(assertion);
                break;
            case WastAssertActionCommand assertion:
                ExecuteAssertAction(assertion);
                break;
            case WastAssertModuleCommand { Kind: "assert_unlinkable" or "assert_uninstantiable" or "assert_trap" } assertion:
                ExecuteModuleFailure(assertion);
                break;
            case WastAssertModuleCommand assertion:
                RunInvalidModuleAssertion(assertion);
                break;
            case WastThreadCommand thread:
                ExecuteThread(thread);
                break;
            case WastWaitCommand wait:
                ExecuteWait(wait);
                break;
            default:
                throw new NotSupportedException($"the command {command.Kind} is not supported");
        }
    }

    private void RunInvalidModuleAssertion(WastAssertModuleCommand command)
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
                throw new InvalidOperationException($"internal error: {command.Kind} is not a module assertion");
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
                return Wat.Parse(SourceText.Decode(module.QuoteBytes!, origin), origin, _engine.Config.Features);
            }
            default:
            {
                int index = module.TokenIndex;
                // The text syntax follows the engine's features too (for example, 64-bit limits only with memory64).
                byte[] bytes = WatParser.ParseModule(module.Tokens!, ref index, _file, out _, out _, emitNames: true, _engine.Config.Features);
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

    private static string Describe(Exception e) => $"{e.GetType().Name}: \"{e.Message}\"";
}
