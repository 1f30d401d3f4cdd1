using Sharptime.Compiler;
using System.Text;

namespace Sharptime.Fuzz;

/// <summary>
/// Runs one module on Sharptime (the compiler, the interpreter when <see cref="StrategyVariable"/> says
/// <c>interpreter</c>, the compiler with epoch checks and a deadline never reached when it says
/// <c>epochs</c>) and writes its canonical <see cref="Trace"/>: instantiates it
/// with the fuzzing-support logging imports, then calls every exported function once, in export order, with
/// <see cref="Arguments"/>; after each call, the state of every exported memory and global.
/// </summary>
internal sealed class SharptimeExecutor
{
    /// <summary>The environment variable the campaign sets to run a batch in the interpreter.</summary>
    public const string StrategyVariable = "SHARPTIME_FUZZ_STRATEGY";

    private static readonly string? Mode = Environment.GetEnvironmentVariable(StrategyVariable);

    private readonly Engine _engine = new(new Config
    {
        Features = WasmFeatures.Wasm3 | WasmFeatures.LegacyExceptions,
        Strategy = Mode == "interpreter" ? Strategy.Interpreter : Strategy.Auto,
        EpochInterruption = Mode == "epochs",
    }.UseCompiler());

    public void Run(byte[] bytes, StringBuilder trace)
    {
        Module module;
        try
        {
            module = Module.FromBytes(_engine, bytes);
        }
        catch (WasmException e)
        {
            trace.Append("compile-error\n");
            trace.Append("# ").Append(e.Message.ReplaceLineEndings(" ")).Append('\n');
            return;
        }
        using var store = new Store(_engine);
        if (_engine.Config.EpochInterruption) store.SetEpochDeadline(ulong.MaxValue);
        var linker = new Linker(_engine);
        DefineLog(linker, "log-i32", ValType.I32, v => Trace.I32((uint)v.AsI32()), trace);
        DefineLog(linker, "log-i64", ValType.I64, v => Trace.I64((ulong)v.AsI64()), trace);
        DefineLog(linker, "log-f32", ValType.F32, v => Trace.F32(v.AsF32Bits()), trace);
        DefineLog(linker, "log-f64", ValType.F64, v => Trace.F64(v.AsF64Bits()), trace);
        DefineLog(linker, "log-v128", ValType.V128, v => { (ulong lo, ulong hi) = v.AsV128(); return Trace.V128(lo, hi); }, trace);
        Instance instance;
        try
        {
            instance = linker.Instantiate(store, module);
        }
        catch (LinkException)
        {
            trace.Append("link-error\n");
            return;
        }
        catch (Exception e)
        {
            trace.Append("instantiate ").Append(Outcome(e)).Append('\n');
            return;
        }
        trace.Append("instantiate ok\n");
        Func? hangLimit = instance.GetFunction("hangLimitInitializer");
        foreach (ModuleExport export in module.Exports)
        {
            if (export.Kind != "func" || export.Name == "hangLimitInitializer") continue;
            Func func = instance.GetFunction(export.Name)!;
            if (!Callable(func.Type))
            {
                trace.Append("skip ").Append(export.Name).Append('\n');
                continue;
            }
            // binaryen's -ttf modules bound loops and recursion with a global that this export resets;
            // its own execution harness calls it before every export, and so does v8-runner.js.
            hangLimit?.Call();
            trace.Append("call ").Append(export.Name).Append('\n');
            Value[] args = Arguments(func.Type);
            try
            {
                Value[] results = func.Call(args);
                trace.Append("result");
                foreach (Value r in results) trace.Append(' ').Append(Format(r));
                trace.Append('\n');
            }
            catch (Exception e)
            {
                trace.Append(Outcome(e)).Append('\n');
            }
            State(module, instance, trace);
        }
    }

    private static void DefineLog(Linker linker, string name, ValType type, Func<Value, string> format, StringBuilder trace) =>
        linker.DefineFunction("fuzzing-support", name, new FuncType([type], []),
            (_, args, _) => trace.Append("log ").Append(format(args[0])).Append('\n'));

    private static string Outcome(Exception e) => e switch
    {
        TrapException t => "trap " + Trace.TrapKind(t.Code),
        ThrownException => "exception",
        _ => "host-error " + e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "),
    };

    /// <summary>What JavaScript can pass and receive: numbers, BigInts, and nullable funcref/externref.</summary>
    public static bool Callable(FuncType type)
    {
        foreach (ValType t in type.Params) if (!Plain(t)) return false;
        foreach (ValType t in type.Results) if (!Plain(t)) return false;
        return true;
    }

    private static bool Plain(ValType t) => t.Kind switch
    {
        ValKind.V128 => false,
        ValKind.Ref => t == ValType.FuncRef || t == ValType.ExternRef,
        _ => true,
    };

    /// <summary>The fixed arguments: parameter i gets entry i (mod the length) of its type's list; v8-runner.js has the same lists.</summary>
    public static Value[] Arguments(FuncType type)
    {
        var args = new Value[type.Params.Count];
        for (int i = 0; i < args.Length; i++)
        {
            ValType t = type.Params[i];
            args[i] = t.Kind switch
            {
                ValKind.I32 => Value.I32(I32Args[i % I32Args.Length]),
                ValKind.I64 => Value.I64(I64Args[i % I64Args.Length]),
                ValKind.F32 => Value.F32Bits(F32Args[i % F32Args.Length]),
                ValKind.F64 => Value.F64Bits(F64Args[i % F64Args.Length]),
                _ => Value.Null(t),
            };
        }
        return args;
    }

    private static readonly int[] I32Args = [0x2a, -1, 0, int.MinValue, 0x7fffffff, 7];
    private static readonly long[] I64Args = [0x2a, -1, 0, long.MinValue, long.MaxValue, 7];
    private static readonly uint[] F32Args = [0x3fc00000, 0x80000000, 0x7f800000, 0x00000001, 0x7f7fffff, 0xc2280000];
    private static readonly ulong[] F64Args = [0x3ff8000000000000, 0x8000000000000000, 0xfff0000000000000, 0x0000000000000001, 0x7fefffffffffffff, 0xc045000000000000];

    private static string Format(Value v) => v.Type.Kind switch
    {
        ValKind.I32 => Trace.I32((uint)v.AsI32()),
        ValKind.I64 => Trace.I64((ulong)v.AsI64()),
        ValKind.F32 => Trace.F32(v.AsF32Bits()),
        ValKind.F64 => Trace.F64(v.AsF64Bits()),
        ValKind.V128 => Trace.V128(v.AsV128().Low, v.AsV128().High),
        _ => v.IsNull ? "ref:null" : v.Type.IsFuncRef ? "ref:func" : "ref:extern",
    };

    private static void State(Module module, Instance instance, StringBuilder trace)
    {
        trace.Append("state");
        foreach (ModuleExport export in module.Exports)
        {
            switch (instance.GetExport(export.Name))
            {
                case Memory m:
                    trace.Append(' ').Append(export.Name).Append('=').Append(m.Length).Append(':')
                        .Append(Trace.Hash(m.GetSpan()).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case Global g when g.Type.Kind is not ValKind.V128 and not ValKind.Ref:
                    trace.Append(' ').Append(export.Name).Append('=').Append(Format(g.Value));
                    break;
            }
        }
        trace.Append('\n');
    }
}
