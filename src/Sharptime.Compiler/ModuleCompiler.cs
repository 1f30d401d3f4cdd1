using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using Sharptime.Runtime;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles a module into generated types of at most <see cref="MethodsPerType"/> static methods
/// each (the CLR caps a type at 65,535): one method per defined function, then per function type an
/// array-call shim and a shim that calls untyped host functions. The same emitter writes an
/// in-memory assembly or a persisted one (an artifact); the runtime finds methods by metadata token.
/// </summary>
internal static class ModuleCompiler
{
    /// <summary>Methods per generated type: far below the CLR's cap, small enough to load lazily.</summary>
    public const int MethodsPerType = 8192;

    /// <summary>Modules with less code than this compile on the calling thread.</summary>
    private const long ParallelCodeBytes = 256 * 1024;

    /// <summary>Frames above this size get an entry stub that probes for the whole frame.</summary>
    private const long LargeFrameBytes = 16 * 1024;

    /// <summary>The methods of one compiled module, before their tokens are final.</summary>
    public sealed class Emitted
    {
        public required MethodBuilder[] Entries { get; init; }
        public required MethodBuilder[] Bodies { get; init; }
        public required MethodBuilder?[] ArrayCalls { get; init; }
        public required MethodBuilder?[] HostCalls { get; init; }
        public required OffsetMap[] Offsets { get; init; }
        public required List<TypeBuilder> Types { get; init; }

        /// <summary>The code map, read once the builder has assigned tokens.</summary>
        public CodeMap ToMap()
        {
            var entries = new int[Entries.Length];
            var bodies = new int[Bodies.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = Entries[i].MetadataToken;
                bodies[i] = Bodies[i].MetadataToken;
            }
            var arrayCalls = new int[ArrayCalls.Length];
            var hostCalls = new int[HostCalls.Length];
            for (int i = 0; i < arrayCalls.Length; i++)
            {
                arrayCalls[i] = ArrayCalls[i]?.MetadataToken ?? 0;
                hostCalls[i] = HostCalls[i]?.MetadataToken ?? 0;
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
    /// Defines and compiles every function of <paramref name="module"/> in <paramref name="builder"/>.
    /// With <paramref name="parallel"/>, the functions of a large module compile on all cores; their
    /// member references then enter the metadata in an order that varies from run to run, so
    /// artifacts, which are reproducible, compile on one thread.
    /// </summary>
    public static Emitted Emit(Module module, System.Reflection.Emit.ModuleBuilder builder, bool parallel)
    {
        WasmModule m = module.Info;
        var types = new List<TypeBuilder>();
        int methodsInType = MethodsPerType;
        TypeBuilder NextType(int methods)
        {
            if (types.Count == 0 || methodsInType + methods > MethodsPerType)
            {
                types.Add(builder.DefineType($"WasmCode{types.Count}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract));
                methodsInType = 0;
            }
            methodsInType += methods;
            return types[^1];
        }

        int count = m.Code.Length;
        var bodies = new MethodBuilder[count];
        var entries = new MethodBuilder[count];
        var owners = new TypeBuilder[count];
        for (int i = 0; i < count; i++)
        {
            int index = m.ImportedFunctionCount + i;
            FuncCompositeType f = m.FuncTypeOf((uint)index);
            bool stub = EstimateFrameBytes(m, i) > LargeFrameBytes;
            TypeBuilder type = owners[i] = NextType(stub ? 2 : 1);
            Type[] parameters = ClrTypes.Parameters(f.Params, f.Results);
            bodies[i] = type.DefineMethod(MethodName(m, index), MethodAttributes.Public | MethodAttributes.Static, ClrTypes.Return(f.Results), parameters);
            // A function the JIT inlined would vanish from trap backtraces (the .NET stack trace has
            // no frame for it), and its stack probe would probe its caller's frame.
            bodies[i].SetImplementationFlags(MethodImplAttributes.NoInlining);
            // The stack probe of a function runs after its prologue has allocated the frame, so a
            // frame larger than the margin below the limit could reach the guard page first. Such
            // functions get an entry stub with a small frame that probes for the whole frame.
            entries[i] = stub
                ? type.DefineMethod($"wasm-function-entry[{index}]", MethodAttributes.Public | MethodAttributes.Static, ClrTypes.Return(f.Results), parameters)
                : bodies[i];
        }

        for (int i = 0; i < count; i++)
        {
            if (entries[i] == bodies[i]) continue;
            FuncCompositeType f = m.FuncTypeOf((uint)(m.ImportedFunctionCount + i));
            EmitEntryStub(entries[i], bodies[i], ClrTypes.Parameters(f.Params, f.Results), EstimateFrameBytes(m, i));
        }
        var offsets = new OffsetMap[count];
        long codeBytes = 0;
        foreach (FunctionBody body in m.Code) codeBytes += body.CodeLength;
        object moduleLock = new();
        FunctionWork.Run(count, parallel && codeBytes >= ParallelCodeBytes ? FunctionWork.Workers : 1, _ => new FunctionCompiler.Buffers(), (buffers, i) =>
        {
            var compiler = new FunctionCompiler(m, entries, bodies[i], i, moduleLock, buffers)
            {
                ConsumeFuel = module.Engine.Config.ConsumeFuel,
                EpochInterruption = module.Engine.Config.EpochInterruption,
            };
            compiler.Compile();
            offsets[i] = compiler.Offsets;
        });

        // One pair of shims per distinct function signature, shared by the type indices that have it.
        var arrayCalls = new MethodBuilder?[m.Types.Length];
        var hostCalls = new MethodBuilder?[m.Types.Length];
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
            TypeBuilder owner = NextType(2);
            arrayCalls[t] = Trampolines.EmitArrayCall(owner, $"array-call[{t}]", type);
            hostCalls[t] = Trampolines.EmitHostCall(owner, $"host-call[{t}]", type);
        }

        if (types.Count == 0) NextType(0);
        foreach (TypeBuilder type in types) type.CreateType();
        return new Emitted { Entries = entries, Bodies = bodies, ArrayCalls = arrayCalls, HostCalls = hostCalls, Offsets = offsets, Types = types };
    }

    private static long EstimateFrameBytes(WasmModule m, int definedIndex)
    {
        FunctionBody body = m.Code[definedIndex];
        // Every local and parameter may live in a stack slot (v128 takes 16 bytes); temps and spills add some.
        return ((long)body.LocalCount + m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex)).Params.Length) * 16 + 4096;
    }

    private static void EmitEntryStub(MethodBuilder stub, MethodBuilder body, Type[] parameters, long frame)
    {
        ILGenerator il = stub.GetILGenerator();
        LocalBuilder probe = il.DeclareLocal(typeof(byte));
        Label ok = il.DefineLabel();
        il.Emit(OpCodes.Ldloca, probe);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldc_I8, frame);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldarg, parameters.Length - 1);
        il.Emit(OpCodes.Ldfld, typeof(VmContext).GetField(nameof(VmContext.StoreContext))!);
        il.Emit(OpCodes.Ldfld, typeof(VmStoreContext).GetField(nameof(VmStoreContext.StackLimit))!);
        il.Emit(OpCodes.Bge_Un, ok);
        il.Emit(OpCodes.Ldloca, probe);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldc_I8, frame);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldarg, parameters.Length - 1);
        il.Emit(OpCodes.Call, typeof(StoreHelpers).GetMethod(nameof(StoreHelpers.StackProbeFailed))!);
        il.MarkLabel(ok);
        for (int i = 0; i < parameters.Length; i++) il.Emit(OpCodes.Ldarg, i);
        il.Emit(OpCodes.Call, body);
        il.Emit(OpCodes.Ret);
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
