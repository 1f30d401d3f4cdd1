using Sharptime.Abi;

namespace Sharptime.Interpreter;

/// <summary>
/// The translations of one module's functions, made at each function's first call and shared by
/// all its instances; with <see cref="Strategy.Tiered"/>, the heat that starts compiling the module.
/// </summary>
internal sealed class InterpretedModule(Runtime.CompiledModule module, Config config)
{
    private readonly FunctionCode?[] _code = new FunctionCode?[module.Module.Code.Length];
    private int _tierUpStarted;

    public Runtime.CompiledModule Module { get; } = module;

    /// <summary>Whether the module is compiled once hot (<see cref="Runtime.CompiledModule.TierUp"/>).</summary>
    public bool Tiers { get; } = module.TierUp is not null;

    /// <summary>Calls plus loop iterations of one function that start the compilation.</summary>
    public int Threshold { get; } = config.TierUpThreshold;

    /// <summary>Why the background compilation failed (the module then stays interpreted), or null.</summary>
    public Exception? TierUpError { get; private set; }

    /// <summary>Starts compiling the module on a thread-pool thread, once.</summary>
    public void StartTierUp()
    {
        if (Interlocked.Exchange(ref _tierUpStarted, 1) != 0) return;
        System.Func<Abi.CompiledCode> compile = Module.TierUp!;
        ThreadPool.UnsafeQueueUserWorkItem(_ =>
        {
            try
            {
                Module.AttachCode(compile());
            }
#pragma warning disable CA1031 // A background compilation that fails leaves the module interpreted, which is correct.
            catch (Exception e)
#pragma warning restore CA1031
            {
                TierUpError = e;
            }
        }, null);
    }

    public FunctionCode CodeOf(int defined)
    {
        FunctionCode? code = Volatile.Read(ref _code[defined]);
        if (code is not null) return code;
        // Two threads may translate the same function at once; both results are the same.
        code = Translator.Translate(Module, defined, config.ConsumeFuel, config.EpochInterruption, Tiers);
        Volatile.Write(ref _code[defined], code);
        return code;
    }

    public WasmFrame Frame(int function, int offset)
    {
        Binary.NameSection? names = Module.Module.Names;
        string? name = names is not null && names.FunctionNames.TryGetValue((uint)function, out string? n) ? n : null;
        return new WasmFrame(function, name, names?.ModuleName, offset >= 0 ? offset : null);
    }
}

/// <summary>
/// A defined function of an instance run by the interpreter. To everything outside the
/// interpreter its <see cref="Func"/> is an untyped host function (no native entry, an array-call
/// entry, a context of its own whose host callback is <see cref="Call"/>), so that host code,
/// tables and compiled modules call it like any other; the interpreter recognises it by
/// <see cref="Func.Owner"/> and enters it directly.
/// </summary>
internal sealed unsafe class InterpretedFunction(VmContext context, InterpretedModule module, int index)
{
    private FunctionCode? _code;

    /// <summary>The instance's context.</summary>
    public VmContext Context { get; } = context;

    public InterpretedModule Module { get; } = module;

    /// <summary>The function index in the module.</summary>
    public int Index { get; } = index;

    public FunctionCode Code => _code ??= Module.CodeOf(Index - Module.Module.Module.ImportedFunctionCount);

    /// <summary>
    /// After the module was compiled (<see cref="Strategy.Tiered"/>): the compiled function, with the
    /// instance switched over on first use; null while there is no compiled code.
    /// </summary>
    public Func? Compiled
    {
        get
        {
            if (Module.Module.Code is null) return null;
            if (!Context.RunsCompiled) Runtime.Tiering.Switch(Context);
            return Context.GetFunction(Index);
        }
    }

    /// <summary>Entry from outside the interpreter: the arguments go to free slots, the results come back from them.</summary>
    public void Call(Caller caller, ReadOnlySpan<Value> args, Span<Value> results)
    {
        if (Module.Tiers && Compiled is { } compiled)
        {
            ((delegate*<nint, VmContext, ReadOnlySpan<Value>, Span<Value>, void>)compiled.ArrayCall)(compiled.Code, compiled.Context, args, results);
            return;
        }
        FuncType type = Module.Module.FuncTypeAt(Module.Module.Module.Functions[Index]);
        ValueStack stack = ValueStack.Current;
        int fp = stack.Top;
        if (!stack.Ensure(fp + 2 * Math.Max(args.Length, results.Length))) throw new TrapException(TrapCode.StackOverflow);
        int slot = fp;
        for (int i = 0; i < args.Length; i++) slot = Executor.FromValue(type.Params[i], args[i], stack.Slots, stack.Refs, slot);
        try
        {
            Executor.Execute(this, stack, fp);
            slot = fp;
            for (int i = 0; i < type.Results.Count; i++)
            {
                ValType t = type.Results[i];
                results[i] = Executor.ToValue(t, stack.Slots, stack.Refs, slot);
                slot += t.Kind == ValKind.V128 ? 2 : 1;
            }
        }
        finally
        {
            stack.Top = fp;
            // The frame's references are dead; do not keep their objects alive.
            stack.Refs.AsSpan(fp, Math.Min(Code.FrameSlots, stack.Refs.Length - fp)).Clear();
        }
    }
}
