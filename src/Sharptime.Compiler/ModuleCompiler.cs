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

    /// <summary>
    /// Whether RyuJIT compiles <paramref name="body"/> with MinOpts: more than 60,000 bytes of IL,
    /// 20,000 instructions, 2,000 basic blocks, 2,000 locals or 8,000 local references
    /// (docs/rationale/0016); counted by the emitter, with a margin.
    /// </summary>
    private static bool OverMinOptsLimits(IlBody body) =>
        body.Code.Length > 59_900 || body.Instructions > 19_900 || body.BasicBlocks > 1_980 || body.Locals.Length > 1_950 || body.LocalReferences > 7_950;

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

        /// <summary>The parts of large functions (see <see cref="RegionPlanner"/>), by function and code order.</summary>
        public required MethodDef[] Parts { get; init; }

        /// <summary>Per part, the defined function it belongs to.</summary>
        public required int[] PartOwners { get; init; }

        /// <summary>Per part, the Wasm offsets of its IL.</summary>
        public required OffsetMap[] PartOffsets { get; init; }

        /// <summary>Per defined function, its loop-entry method and the loops it enters (<see cref="FunctionCompiler.EntersLoops"/>); null when not made.</summary>
        public (MethodDef? Method, int[] Loops)[]? LoopEntries { get; init; }

        /// <summary>The code map: the methods' tokens and the Wasm offsets of their IL.</summary>
        public CodeMap ToMap()
        {
            var entries = new int[Entries.Length];
            var bodies = new int[Bodies.Length + Parts.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = Entries[i].Token;
                bodies[i] = Bodies[i].Token;
            }
            for (int j = 0; j < Parts.Length; j++) bodies[Bodies.Length + j] = Parts[j].Token;
            var arrayCalls = new int[ArrayCalls.Length];
            var hostCalls = new int[HostCalls.Length];
            for (int i = 0; i < arrayCalls.Length; i++)
            {
                arrayCalls[i] = ArrayCalls[i]?.Token ?? 0;
                hostCalls[i] = HostCalls[i]?.Token ?? 0;
            }
            OffsetMap[] all = [.. Offsets, .. PartOffsets];
            var starts = new int[all.Length + 1];
            for (int i = 0; i < all.Length; i++) starts[i + 1] = starts[i] + all[i].Count;
            var il = new int[starts[^1]];
            var wasm = new int[starts[^1]];
            for (int i = 0; i < all.Length; i++) all[i].CopyTo(il.AsSpan(starts[i]), wasm.AsSpan(starts[i]));
            return new CodeMap(entries, bodies, arrayCalls, hostCalls, PartOwners, starts, il, wasm)
            {
                LoopEntries = LoopEntries is null ? null : Array.ConvertAll(LoopEntries, e => (e.Method?.Token ?? 0, e.Loops ?? [])),
            };
        }
    }

    /// <summary>
    /// Defines and compiles every function of <paramref name="module"/> in <paramref name="image"/>;
    /// the functions of a large module compile on all cores. With <paramref name="loopEntries"/>
    /// (in-memory code for <see cref="Strategy.Tiered"/>), functions with loops also get a
    /// loop-entry method (<see cref="FunctionCompiler.EntersLoops"/>). With <paramref name="jitCompiled"/>
    /// (in-memory code), methods over RyuJIT's MinOpts limits are emitted again to fit
    /// (<see cref="CompileWithinLimits"/>); ahead-of-time code (crossgen2, which never drops to
    /// MinOpts and cannot inline the runtime's helpers into an artifact) keeps the checks inline.
    /// </summary>
    public static Emitted Emit(Module module, AssemblyImage image, bool loopEntries = false, bool jitCompiled = true)
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
        // Parts are planned before any method is defined so that their tokens do not depend on which thread compiles what.
        bool keepWhole = module.Engine.Config.ConsumeFuel || module.Engine.Config.EpochInterruption;
        var plans = new Region[count][];
        for (int i = 0; i < count; i++) plans[i] = keepWhole ? [] : RegionPlanner.Plan(m, i);
        var partsOf = new Dictionary<int, (Region, MethodDef)[]>?[count];
        var parts = new List<MethodDef>();
        var partOwners = new List<int>();
        var firstPart = new int[count];
        var loopMethods = loopEntries ? new MethodDef?[count] : null;
        for (int i = 0; i < count; i++)
        {
            int index = m.ImportedFunctionCount + i;
            FuncCompositeType f = m.FuncTypeOf((uint)index);
            bool stub = EstimateFrameBytes(m, i) > LargeFrameBytes;
            bool entersLoops = loopMethods is not null && plans[i].Length == 0 && CanEnterLoops(m, i);
            NextType((stub ? 2 : 1) + plans[i].Length + (entersLoops ? 1 : 0));
            if (entersLoops)
            {
                loopMethods![i] = image.DefineMethod($"{MethodName(m, index)} loops", MethodAttributes.Public, typeof(void),
                    [typeof(int), typeof(ReadOnlySpan<Value>), typeof(Span<Value>), typeof(VmContext)]);
            }
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
            firstPart[i] = parts.Count;
            if (plans[i].Length == 0) continue;
            partsOf[i] = [];
            Type[] localTypes = LocalTypes(m, i);
            for (int k = 0; k < plans[i].Length; k++)
            {
                Region region = plans[i][k];
                Type[] results = region.Returns ? Array.ConvertAll(f.Results, ClrTypes.Of) : [];
                var partParameters = new Type[region.Locals.Length + results.Length + 1];
                for (int j = 0; j < region.Locals.Length; j++) partParameters[j] = localTypes[region.Locals[j]].MakeByRefType();
                for (int j = 0; j < results.Length; j++) partParameters[region.Locals.Length + j] = results[j].MakeByRefType();
                partParameters[^1] = typeof(VmContext);
                MethodDef part = image.DefineMethod($"{MethodName(m, index)} part{k + 1}", MethodAttributes.Public, typeof(int), partParameters, MethodImplAttributes.NoInlining);
                // A run of statements can start with a block of its own that is a part too: the run comes first.
                (Region, MethodDef)[] same = partsOf[i]!.TryGetValue(region.Start, out (Region, MethodDef)[]? found) ? found : [];
                partsOf[i]![region.Start] = [.. same, (region, part)];
                Array.Sort(partsOf[i]![region.Start], static (a, b) => b.Item1.End.CompareTo(a.Item1.End));
                parts.Add(part);
                partOwners.Add(i);
            }
        }

        var il = new IlEmitter();
        for (int i = 0; i < count; i++)
        {
            if (entries[i] != bodies[i]) entries[i].Body = EmitEntryStub(il, bodies[i], EstimateFrameBytes(m, i));
        }
        var offsets = new OffsetMap[count];
        var partOffsets = new OffsetMap[parts.Count];
        (MethodDef? Method, int[] Loops)[]? loopEntryTable = loopMethods is null ? null : new (MethodDef?, int[])[count];
        long codeBytes = 0;
        foreach (FunctionBody body in m.Code) codeBytes += body.CodeLength;
        FunctionWork.Run(count, codeBytes >= ParallelCodeBytes ? FunctionWork.Workers : 1,
            worker => (Il: worker == 0 ? il : new IlEmitter(), Buffers: new FunctionCompiler.Buffers()), (state, i) =>
            {
                (bodies[i].Body, offsets[i]) = CompileWithinLimits(state.Il, jitCompiled, calls => new FunctionCompiler(m, entries, i, state.Il, state.Buffers)
                {
                    ConsumeFuel = module.Engine.Config.ConsumeFuel,
                    EpochInterruption = module.Engine.Config.EpochInterruption,
                    Parts = partsOf[i],
                    CallsBoundsChecks = calls,
                });
                for (int k = 0; k < plans[i].Length; k++)
                {
                    Region plan = plans[i][k];
                    (parts[firstPart[i] + k].Body, partOffsets[firstPart[i] + k]) = CompileWithinLimits(state.Il, jitCompiled,
                        calls => new FunctionCompiler(m, entries, i, state.Il, state.Buffers) { Parts = partsOf[i], Part = plan, CallsBoundsChecks = calls });
                }
                if (loopMethods?[i] is { } loopMethod)
                {
                    var entry = new FunctionCompiler(m, entries, i, state.Il, state.Buffers)
                    {
                        ConsumeFuel = module.Engine.Config.ConsumeFuel,
                        EpochInterruption = module.Engine.Config.EpochInterruption,
                        EntersLoops = true,
                    };
                    entry.Compile();
                    loopMethod.Body = state.Il.Finish();
                    loopEntryTable![i] = (loopMethod, entry.EnteredLoops);
                }
            });

        // One pair of shims per distinct CLR signature (the kinds of the parameters and results),
        // shared by the type indices that have it: a module of 200,000 distinct function types over
        // references needs one pair, not 200,000.
        var arrayCalls = new MethodDef?[m.Types.Length];
        var hostCalls = new MethodDef?[m.Types.Length];
        var bySignature = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int t = 0; t < m.Types.Length; t++)
        {
            if (m.Types[t].Composite is not FuncCompositeType) continue;
            FuncType type = module.FuncTypeAt((uint)t);
            string signature = ClrTypes.SignatureKey(type);
            if (bySignature.TryGetValue(signature, out int first))
            {
                arrayCalls[t] = arrayCalls[first];
                hostCalls[t] = hostCalls[first];
                continue;
            }
            bySignature[signature] = t;
            NextType(2);
            arrayCalls[t] = Trampolines.EmitArrayCall(image, il, $"array-call[{t}]", type);
            hostCalls[t] = Trampolines.EmitHostCall(image, il, $"host-call[{t}]", type);
        }

        if (image.TypeCount == 0) NextType(0);
        return new Emitted
        {
            Entries = entries, Bodies = bodies, ArrayCalls = arrayCalls, HostCalls = hostCalls, Offsets = offsets,
            Parts = [.. parts], PartOwners = [.. partOwners], PartOffsets = partOffsets,
            LoopEntries = loopEntryTable,
        };
    }

    /// <summary>Whether a defined function gets a loop-entry method: it has a loop, and no tail call or exception handling.</summary>
    private static bool CanEnterLoops(WasmModule m, int definedIndex)
    {
        FunctionBody body = m.Code[definedIndex];
        var reader = new InstructionReader(m.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
        var instr = new Instruction();
        bool loop = false;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            switch (instr.Opcode)
            {
                case Opcode.Loop:
                    loop = true;
                    break;
                case Opcode.ReturnCall or Opcode.ReturnCallIndirect or Opcode.ReturnCallRef
                    or Opcode.Try or Opcode.TryTable or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate:
                    return false;
            }
        }
        return loop;
    }

    /// <summary>The CLR types of a defined function's Wasm locals, parameters first.</summary>
    private static Type[] LocalTypes(WasmModule m, int definedIndex)
    {
        var types = new List<Type>();
        foreach (Binary.ValueType p in m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex)).Params) types.Add(ClrTypes.Of(p));
        foreach (LocalRun run in m.Code[definedIndex].Locals)
        {
            for (uint k = 0; k < run.Count; k++) types.Add(ClrTypes.Of(run.Type));
        }
        return [.. types];
    }

    private static long EstimateFrameBytes(WasmModule m, int definedIndex)
    {
        FunctionBody body = m.Code[definedIndex];
        // Every local and parameter may live in a stack slot (v128 takes 16 bytes); temps and spills add some.
        return ((long)body.LocalCount + m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex)).Params.Length) * 16 + 4096;
    }

    /// <summary>
    /// Compiles a method; when its IL is over RyuJIT's MinOpts limits
    /// (<see cref="OverMinOptsLimits"/>), compiles it again with bounds checks as calls
    /// (<see cref="FunctionCompiler.CallsBoundsChecks"/>: no branch and trap block per memory access)
    /// and keeps that body when it fits. Only for code the JIT compiles (<paramref name="jitCompiled"/>).
    /// </summary>
    private static (IlBody Body, OffsetMap Offsets) CompileWithinLimits(IlEmitter il, bool jitCompiled, Func<bool, FunctionCompiler> create)
    {
        FunctionCompiler compiler = create(false);
        compiler.Compile();
        IlBody body = il.Finish();
        if (!jitCompiled || !OverMinOptsLimits(body)) return (body, compiler.Offsets);
        FunctionCompiler again = create(true);
        again.Compile();
        IlBody smaller = il.Finish();
        return OverMinOptsLimits(smaller) ? (body, compiler.Offsets) : (smaller, again.Offsets);
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
