using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using Sharptime.Runtime;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles a module into generated types of at most <see cref="MethodsPerType"/> static methods
/// each (the CLR caps a type at 65,535): one method per defined function, then per function type an
/// array-call shim and a shim that calls untyped host functions, in an <see cref="AssemblyImage"/>
/// that becomes in-memory code or an artifact; the runtime finds methods by metadata token.
/// </summary>
internal static class ModuleCompiler
{
    /// <summary>Methods per generated type: far below the CLR's cap, small enough to load lazily.</summary>
    public const int MethodsPerType = 8192;

    /// <summary>Modules with less code than this compile on the calling thread.</summary>
    private const long ParallelCodeBytes = 256 * 1024;

    /// <summary>Frames above this size get an entry stub that probes for the whole frame.</summary>
    private const long LargeFrameBytes = 16 * 1024;

    /// <summary>The methods of one compiled module.</summary>
    public sealed class Emitted
    {
        public required MethodDef[] Entries { get; init; }
        public required MethodDef[] Bodies { get; init; }
        public required MethodDef?[] ArrayCalls { get; init; }
        public required MethodDef?[] HostCalls { get; init; }
        public required OffsetMap[] Offsets { get; init; }

        /// <summary>The code map: the methods' tokens and the Wasm offsets of their IL.</summary>
        public CodeMap ToMap()
        {
            var entries = new int[Entries.Length];
            var bodies = new int[Bodies.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = Entries[i].Token;
                bodies[i] = Bodies[i].Token;
            }
            var arrayCalls = new int[ArrayCalls.Length];
            var hostCalls = new int[HostCalls.Length];
            for (int i = 0; i < arrayCalls.Length; i++)
            {
                arrayCalls[i] = ArrayCalls[i]?.Token ?? 0;
                hostCalls[i] = HostCalls[i]?.Token ?? 0;
            }
            var starts = new int[Offsets.Length + 1];
            for (int i = 0; i < Offsets.Length; i++) starts[i + 1] = starts[i] + Offsets[i].Count;
            var il = new int[starts[^1]];
            var wasm = new int[starts[^1]];
            for (int i = 0; i < Offsets.Length; i++) Offsets[i].CopyTo(il.AsSpan(starts[i]), wasm.AsSpan(starts[i]));
            return new CodeMap(entries, bodies, arrayCalls, hostCalls, starts, il, wasm);
        }
    }

    /// <summary>
    /// Defines and compiles every function of <paramref name="module"/> in <paramref name="image"/>;
    /// the functions of a large module compile on all cores.
    /// </summary>
    public static Emitted Emit(Module module, AssemblyImage image)
    {
        WasmModule m = module.Info;
        int methodsInType = MethodsPerType;
        void NextType(int methods)
        {
            if (image.TypeCount == 0 || methodsInType + methods > MethodsPerType)
            {
                image.DefineType($"WasmCode{image.TypeCount}");
                methodsInType = 0;
            }
            methodsInType += methods;
        }

        int count = m.Code.Length;
        var bodies = new MethodDef[count];
        var entries = new MethodDef[count];
        for (int i = 0; i < count; i++)
        {
            int index = m.ImportedFunctionCount + i;
            FuncCompositeType f = m.FuncTypeOf((uint)index);
            bool stub = EstimateFrameBytes(m, i) > LargeFrameBytes;
            NextType(stub ? 2 : 1);
            Type[] parameters = ClrTypes.Parameters(f.Params, f.Results);
            // A function the JIT inlined would vanish from trap backtraces (the .NET stack trace has
            // no frame for it), and its stack probe would probe its caller's frame.
            bodies[i] = image.DefineMethod(MethodName(m, index), MethodAttributes.Public, ClrTypes.Return(f.Results), parameters, MethodImplAttributes.NoInlining);
            // The stack probe of a function runs after its prologue has allocated the frame, so a
            // frame larger than the margin below the limit could reach the guard page first. Such
            // functions get an entry stub with a small frame that probes for the whole frame.
            entries[i] = stub
                ? image.DefineMethod($"wasm-function-entry[{index}]", MethodAttributes.Public, ClrTypes.Return(f.Results), parameters)
                : bodies[i];
        }

        var il = new IlEmitter();
        for (int i = 0; i < count; i++)
        {
            if (entries[i] != bodies[i]) entries[i].Body = EmitEntryStub(il, bodies[i], EstimateFrameBytes(m, i));
        }
        var offsets = new OffsetMap[count];
        long codeBytes = 0;
        foreach (FunctionBody body in m.Code) codeBytes += body.CodeLength;
        FunctionWork.Run(count, codeBytes >= ParallelCodeBytes ? FunctionWork.Workers : 1,
            worker => (Il: worker == 0 ? il : new IlEmitter(), Buffers: new FunctionCompiler.Buffers()), (state, i) =>
            {
                var compiler = new FunctionCompiler(m, entries, i, state.Il, state.Buffers)
                {
                    ConsumeFuel = module.Engine.Config.ConsumeFuel,
                    EpochInterruption = module.Engine.Config.EpochInterruption,
                };
                compiler.Compile();
                bodies[i].Body = state.Il.Finish();
                offsets[i] = compiler.Offsets;
            });

        // One pair of shims per distinct function signature, shared by the type indices that have it.
        var arrayCalls = new MethodDef?[m.Types.Length];
        var hostCalls = new MethodDef?[m.Types.Length];
        var bySignature = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < m.Types.Length; t++)
        {
            if (m.Types[t].Composite is not FuncCompositeType) continue;
            FuncType type = module.FuncTypeAt((uint)t);
            if (bySignature.TryGetValue(type.Key, out int first))
            {
                arrayCalls[t] = arrayCalls[first];
                hostCalls[t] = hostCalls[first];
                continue;
            }
            bySignature[type.Key] = t;
            NextType(2);
            arrayCalls[t] = Trampolines.EmitArrayCall(image, il, $"array-call[{t}]", type);
            hostCalls[t] = Trampolines.EmitHostCall(image, il, $"host-call[{t}]", type);
        }

        if (image.TypeCount == 0) NextType(0);
        return new Emitted { Entries = entries, Bodies = bodies, ArrayCalls = arrayCalls, HostCalls = hostCalls, Offsets = offsets };
    }

    private static long EstimateFrameBytes(WasmModule m, int definedIndex)
    {
        FunctionBody body = m.Code[definedIndex];
        // Every local and parameter may live in a stack slot (v128 takes 16 bytes); temps and spills add some.
        return ((long)body.LocalCount + m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex)).Params.Length) * 16 + 4096;
    }

    private static IlBody EmitEntryStub(IlEmitter il, MethodDef body, long frame)
    {
        IlLocal probe = il.DeclareLocal(typeof(byte));
        IlLabel ok = il.DefineLabel();
        int context = body.ParameterTypes.Length - 1;
        il.Emit(OpCodes.Ldloca, probe);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldc_I8, frame);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldarg, context);
        il.Emit(OpCodes.Ldfld, typeof(VmContext).GetField(nameof(VmContext.StoreContext))!);
        il.Emit(OpCodes.Ldfld, typeof(VmStoreContext).GetField(nameof(VmStoreContext.StackLimit))!);
        il.Emit(OpCodes.Bge_Un, ok);
        il.Emit(OpCodes.Ldloca, probe);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldc_I8, frame);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldarg, context);
        il.Emit(OpCodes.Call, typeof(StoreHelpers).GetMethod(nameof(StoreHelpers.StackProbeFailed))!);
        il.MarkLabel(ok);
        for (int i = 0; i < body.ParameterTypes.Length; i++) il.Emit(OpCodes.Ldarg, i);
        il.Emit(OpCodes.Call, body);
        il.Emit(OpCodes.Ret);
        return il.Finish();
    }

    /// <summary>
    /// The name of a function's method: <c>wasm-function[N]</c>, then its name from the name section,
    /// so that profilers (perf with DOTNET_PerfMapEnabled, dotnet-trace) show Wasm names. Control
    /// characters become '?' and long names are cut.
    /// </summary>
    private static string MethodName(WasmModule m, int index)
    {
        if (m.Names?.FunctionNames.TryGetValue((uint)index, out string? name) != true || string.IsNullOrEmpty(name)) return $"wasm-function[{index}]";
        if (name!.Length > 200) name = name[..200];
        return $"wasm-function[{index}] {string.Create(name.Length, name, static (span, n) => { for (int k = 0; k < n.Length; k++) span[k] = char.IsControl(n[k]) ? '?' : n[k]; })}";
    }
}
