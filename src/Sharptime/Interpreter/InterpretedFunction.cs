using Sharptime.Abi;

namespace Sharptime.Interpreter;

/// <summary>
/// The translations of one module's functions, made at each function's first call and shared by
/// all its instances.
/// </summary>
internal sealed class InterpretedModule(Runtime.CompiledModule module, bool fuel, bool epoch)
{
    private readonly FunctionCode?[] _code = new FunctionCode?[module.Module.Code.Length];

    public Runtime.CompiledModule Module { get; } = module;

    public FunctionCode CodeOf(int defined)
    {
        FunctionCode? code = Volatile.Read(ref _code[defined]);
        if (code is not null) return code;
        // Two threads may translate the same function at once; both results are the same.
        code = Translator.Translate(Module, defined, fuel, epoch);
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
internal sealed class InterpretedFunction(VmContext context, InterpretedModule module, int index)
{
    private FunctionCode? _code;

    /// <summary>The instance's context.</summary>
    public VmContext Context { get; } = context;

    public InterpretedModule Module { get; } = module;

    /// <summary>The function index in the module.</summary>
    public int Index { get; } = index;

    public FunctionCode Code => _code ??= Module.CodeOf(Index - Module.Module.Module.ImportedFunctionCount);

    /// <summary>Entry from outside the interpreter: the arguments go to free slots, the results come back from them.</summary>
    public void Call(Caller caller, ReadOnlySpan<Value> args, Span<Value> results)
    {
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
