using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles one function body to IL in one forward pass. Wasm locals become IL locals (parameters
/// stay IL arguments) and the Wasm operand stack is the IL evaluation stack; <see cref="_stack"/>
/// tracks its CLR types so that branches can drop values below their operands and select can
/// spill. Code after an unconditional branch is skipped up to the end of its block.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private readonly WasmModule _module;
    private readonly MethodDef[] _methods;
    private readonly int _definedIndex;
    private readonly int _functionIndex;
    private readonly Binary.FuncCompositeType _type;
    private readonly IlEmitter _il;
    private readonly List<Type> _stack = [];
    private readonly List<Frame> _frames = [];

    /// <summary>
    /// Wasm bodies from this size on become more IL than RyuJIT optimizes (60,000 bytes, at about 4.6
    /// bytes of IL per byte of Wasm): it compiles them with MinOpts, which inlines nothing.
    /// </summary>
    private const int LikelyMinOptsCodeLength = 12_000;

    /// <summary>Whether this function is likely compiled with MinOpts (<see cref="LikelyMinOptsCodeLength"/>).</summary>
    private bool _likelyMinOpts;
    /// <summary>The module offsets where the code being compiled (the function body or the part) starts and ends.</summary>
    private int _codeStart, _codeEnd;
    /// <summary>How many more instructions <see cref="JitWorkarounds.RotateMayBeTested"/> may read in this code: linear in its size.</summary>
    private int _rotateScanBudget;
    private const int RotateScanBudgetPerByte = 16;

    /// <summary>The function's parts (see <see cref="RegionPlanner"/>) by the offset of their block: the code calls them there.</summary>
    public IReadOnlyDictionary<int, (Region Region, MethodDef Method)[]>? Parts { get; init; }

    /// <summary>Set when this compiles a part of the function: the block it holds.</summary>
    public Region? Part { get; init; }

    /// <summary>How many Wasm locals (the function's parameters) are IL arguments; in a part, none are.</summary>
    private int _argumentLocals;
    private readonly Dictionary<Type, Stack<IlLocal>> _freeTemps = [];
    private IlLocal[] _locals = [];
    private Type[] _localTypes = [];
    private int _contextArg;
    private bool _unreachable;
    private int _skipDepth;
    private IlLocal? _memory0;
    private IlLocal? _memoryBase;
    private IlLocal? _memoryLength;
    private IlLocal? _memoryEa;
    private IlLocal? _globals;
    private readonly Dictionary<int, IlLocal> _indirectTables = [];
    private readonly List<int> _wasmOffsets;
    private readonly List<int> _mapIlOffsets;
    private readonly List<int> _mapWasmOffsets;

    /// <summary>Lists that one compiling thread reuses from function to function.</summary>
    public sealed class Buffers
    {
        public readonly List<int> WasmOffsets = [];
        public readonly List<int> MapIlOffsets = [];
        public readonly List<int> MapWasmOffsets = [];
    }

    /// <summary>Where the IL of each Wasm instruction starts, for backtraces.</summary>
    public OffsetMap Offsets => new([.. _mapIlOffsets], [.. _mapWasmOffsets]);

    /// <summary>The deepest operand stack that <see cref="SpillForBoundary"/> spills.</summary>
    private const int MaxBoundarySpill = 32;

    public FunctionCompiler(WasmModule module, MethodDef[] methods, int definedIndex, IlEmitter il, Buffers buffers)
    {
        _wasmOffsets = buffers.WasmOffsets;
        _mapIlOffsets = buffers.MapIlOffsets;
        _mapWasmOffsets = buffers.MapWasmOffsets;
        _wasmOffsets.Clear();
        _mapIlOffsets.Clear();
        _mapWasmOffsets.Clear();
        _module = module;
        _methods = methods;
        _definedIndex = definedIndex;
        _functionIndex = module.ImportedFunctionCount + definedIndex;
        _type = module.FuncTypeOf((uint)_functionIndex);
        _il = il;
    }

    private sealed class Frame
    {
        public required Opcode Kind;
        public required Type[] Params;
        public required Type[] Results;
        public required int Height;
        public IlLabel Label;
        public IlLabel ElseLabel;
        public bool HasElse;
        public bool Targeted;
        public TryState? Try;

        /// <summary>For a loop compiled several times in a row (epoch checks): where this copy stands.</summary>
        public LoopCopies? Copies;

        public Type[] BranchTypes => Kind == Opcode.Loop ? Params : Results;
    }

    /// <summary>
    /// Bounds checks of memory 0 (memory32) as calls of <see cref="MemoryAccess.Checked"/> instead of a
    /// branch and a trap block each: for functions whose IL would otherwise have more basic blocks
    /// than RyuJIT optimizes (ModuleCompiler compiles such a function a second time with this).
    /// </summary>
    public bool CallsBoundsChecks { get; init; }

    public void Compile()
    {
        FunctionBody body = _module.Code[_definedIndex];
        ReadOnlySpan<byte> code = Part is { } part ? _module.Bytes.Span[part.Start..part.End] : _module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength);
        int codeOffset = Part?.Start ?? body.CodeOffset;
        _codeStart = codeOffset;
        _codeEnd = codeOffset + code.Length;
        _rotateScanBudget = RotateScanBudgetPerByte * code.Length;
        _likelyMinOpts = code.Length >= LikelyMinOptsCodeLength;
        _contextArg = EntersLoops ? 3 : Part is not null ? Part.Locals.Length + (Part.Returns ? _type.Results.Length : 0) : _type.Params.Length + Math.Max(0, _type.Results.Length - 1);
        _argumentLocals = Part is null && !EntersLoops ? _type.Params.Length : 0;
        // The locals of every memory access come first: indices 0-3 have one-byte ldloc/stloc forms.
        var indirectTables = new SortedSet<int>();
        _readBeforeWritten = Part is null && !_likelyMinOpts ? new bool[_type.Params.Length + body.LocalCount] : null;
        bool accessesMemory0 = ScanBody(code, codeOffset, indirectTables, _readBeforeWritten) && _module.Memories.Length > 0;
        if (accessesMemory0)
        {
            _memoryEa = _il.DeclareLocal(typeof(nuint));
            _memoryLength = _il.DeclareLocal(typeof(nuint));
            _memoryBase = _il.DeclareLocal(typeof(byte).MakePointerType());
        }
        DeclareLocals(body);
        EmitStackProbe();
        if (Part is null) EmitEntryChecks();
        if (_module.GlobalTypes.Length > 0)
        {
            // Like memory 0 below: the array of global cells never changes.
            _globals = _il.DeclareLocal(typeof(GlobalInstance[]));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Globals)));
            _il.Emit(OpCodes.Stloc, _globals);
        }
        foreach (int table in indirectTables)
        {
            // The table object of an instance never changes either (table.grow replaces its array):
            // a local saves call_indirect two dependent loads, which a mispredicted call waits for.
            IlLocal local = _indirectTables[table] = _il.DeclareLocal(typeof(TableInstance));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Tables)));
            EmitLdcI4(table);
            _il.Emit(OpCodes.Ldelem_Ref);
            _il.Emit(OpCodes.Stloc, local);
        }
        if (_module.Memories.Length > 0)
        {
            // The memory object of an instance never changes; keeping it in a local saves a load
            // per access (stores through pointers make the JIT reload fields of the context).
            _memory0 = _il.DeclareLocal(typeof(MemoryInstance));
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Memory0)));
            _il.Emit(OpCodes.Stloc, _memory0);
            if (accessesMemory0) ReloadMemory0();
        }
        if (Part is not null)
        {
            CompilePart(Part, code);
            return;
        }
        if (EntersLoops) EmitLoopEntryPrologue(body);
        else ZeroLocals();
        _slowCopyWanted = EpochInterruption && code.Length <= MaxSlowCopyBody;
        FindLoopsCallingFirst(code, body.CodeOffset);
        ScanLoops(code, body.CodeOffset);
        CompileBody(code, body.CodeOffset);
        if (_slowLoopHeaders.Count > 0)
        {
            // The slow copy: entered only from the fast copy's loop headers, with an empty IL
            // stack; the locals carry the state.
            _inSlowCopy = true;
            _frames.Clear();
            _stack.Clear();
            _unreachable = false;
            _skipDepth = 0;
            _fuelPending = 0;
            CompileBody(code, body.CodeOffset);
        }
        if (EntersLoops) EmitLoopDispatch();
    }

    private void CompileBody(ReadOnlySpan<byte> code, int codeOffset)
    {
        _frames.Add(new Frame { Kind = Opcode.Call, Params = [], Results = Clr(_type.Results), Height = 0 });
        CompileInstructions(code, codeOffset);
    }

    private void CompileInstructions(ReadOnlySpan<byte> code, int codeOffset)
    {
        var reader = new InstructionReader(code, codeOffset);
        var instr = new Instruction();
        while (!reader.AtEnd)
        {
            if (_repeatFrom >= 0)
            {
                // The next copy of a loop body (see StartNextLoopCopy).
                reader = new InstructionReader(code[(_repeatFrom - codeOffset)..], _repeatFrom);
                _repeatFrom = -1;
            }
            reader.Read(ref instr);
            if (_unreachable)
            {
                Skip(ref instr);
                continue;
            }
            _wasmOffsets.Add(instr.Offset);
            _mapIlOffsets.Add(_il.ILOffset);
            _mapWasmOffsets.Add(instr.Offset);
            if (Parts is not null && Parts.TryGetValue(instr.Offset, out (Region Region, MethodDef Method)[]? starting) && PartAt(starting) is { } part)
            {
                EmitPartCall(part.Region, part.Method);
                reader = new InstructionReader(code[(part.Region.End - codeOffset)..], part.Region.End);
                continue;
            }
            int onIlStack = _stack.Count - IlBase;
            if (onIlStack > 0 && onIlStack <= MaxBoundarySpill && MayTrapInCall(ref instr)) SpillForBoundary(instr.Offset);
            try
            {
                ChargeFuel(instr.Opcode);
                Emit(ref instr);
                AfterInstruction(instr.Opcode, instr.Offset);
            }
            catch (NotSupportedException e)
            {
                throw new CompilerLimitException($"function {_functionIndex}: instruction {instr.Info.Name} at offset {instr.Offset} cannot be compiled: {e.Message}; the interpreter runs it (Strategy.Auto or Strategy.Interpreter, -C strategy=interpreter)", e);
            }
        }
    }

    /// <summary>
    /// Whether the instruction's code calls something that can trap (a function, or a helper that
    /// throws): the trap's backtrace then takes this frame's offset from the .NET stack trace.
    /// </summary>
    private bool MayTrapInCall(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Call or Opcode.CallIndirect or Opcode.CallRef
                or Opcode.I32DivS or Opcode.I32DivU or Opcode.I32RemS or Opcode.I32RemU
                or Opcode.I64DivS or Opcode.I64DivU or Opcode.I64RemS or Opcode.I64RemU
                or Opcode.I32TruncF32S or Opcode.I32TruncF32U or Opcode.I32TruncF64S or Opcode.I32TruncF64U
                or Opcode.I64TruncF32S or Opcode.I64TruncF32U or Opcode.I64TruncF64S or Opcode.I64TruncF64U
                or Opcode.TableGet or Opcode.TableSet or Opcode.TableFill or Opcode.TableCopy or Opcode.TableInit
                or Opcode.MemoryFill or Opcode.MemoryCopy or Opcode.MemoryInit:
                return true;
        }
        // Memory 0 is checked inline (its trap carries its offset); other memories, memory64
        // offsets and atomics (FunctionCompiler.Atomic.cs) go through helpers.
        if (instr.Info.Feature == WasmFeatures.Threads) return true;
        return instr.Info.Immediates is ImmediateKind.MemArg or ImmediateKind.MemArgLane
            && (instr.MemArg.MemoryIndex != 0 || _memoryBase is null || _module.Memories[instr.MemArg.MemoryIndex].Is64);
    }

    /// <summary>
    /// The JIT records IL offsets (which the .NET stack trace reports) only where the evaluation
    /// stack is empty, i.e. at the start of a Wasm "statement". To give an instruction that calls
    /// something that may trap a recorded offset of its own, the stack goes into temps and comes
    /// back: the empty point in between maps to the instruction. The JIT removes the copies.
    /// </summary>
    private void SpillForBoundary(int wasmOffset)
    {
        // Inside a try block the values below it are kept in locals, not on the IL stack.
        int ilBase = IlBase;
        var temps = new IlLocal[_stack.Count - ilBase];
        for (int i = temps.Length - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(_stack[ilBase + i]);
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        _mapIlOffsets.Add(_il.ILOffset);
        _mapWasmOffsets.Add(wasmOffset);
        for (int i = 0; i < temps.Length; i++)
        {
            _il.Emit(OpCodes.Ldloc, temps[i]);
            ReturnTemp(temps[i]);
        }
    }

    /// <summary>
    /// What is worth keeping in locals: returns whether the body loads or stores through memory 0
    /// (its base and length), and adds the tables of its call_indirect instructions to <paramref name="indirectTables"/>.
    /// </summary>
    private static bool ScanBody(ReadOnlySpan<byte> code, int offset, SortedSet<int> indirectTables, bool[]? readBeforeWritten)
    {
        var reader = new InstructionReader(code, offset);
        var instr = new Instruction();
        bool memory0 = false;
        bool[]? seen = readBeforeWritten is null ? null : new bool[readBeforeWritten.Length];
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            if (seen is not null && instr.Opcode is Opcode.LocalGet or Opcode.LocalSet or Opcode.LocalTee && !seen[instr.Index])
            {
                seen[instr.Index] = true;
                readBeforeWritten![instr.Index] = instr.Opcode == Opcode.LocalGet;
            }
            if (instr.Info.Immediates is ImmediateKind.MemArg or ImmediateKind.MemArgLane && instr.MemArg.MemoryIndex == 0) memory0 = true;
            if (instr.Opcode is Opcode.CallIndirect or Opcode.ReturnCallIndirect) indirectTables.Add((int)instr.Index2);
        }
        return memory0;
    }

    /// <summary>
    /// Per Wasm local: whether the body's first access to it (in code order) reads it, i.e. reads the
    /// zero it starts with (<see cref="ZeroLocals"/>). Null for parts and for bodies the JIT
    /// compiles with MinOpts anyway.
    /// </summary>
    private bool[]? _readBeforeWritten;

    /// <summary>
    /// Stores zero into every Wasm local (not a parameter) that is read before it is written. IL zeroes
    /// them already (InitLocals), but RyuJIT kept such a local in its stack slot: a floating-point
    /// accumulator that starts at the implicit zero was stored and reloaded on every iteration of its
    /// loop (3.9x slower); with an explicit store first it lives in a register. Only those locals,
    /// so that large functions do not come closer to the JIT's limits on local references.
    /// </summary>
    private void ZeroLocals()
    {
        if (_readBeforeWritten is null) return;
        for (int i = _type.Params.Length; i < _localTypes.Length; i++)
        {
            if (!_readBeforeWritten[i]) continue;
            Type t = _localTypes[i];
            if (t == typeof(int)) _il.Emit(OpCodes.Ldc_I4_0);
            else if (t == typeof(long)) { _il.Emit(OpCodes.Ldc_I4_0); _il.Emit(OpCodes.Conv_I8); }
            else if (t == typeof(float)) { _il.Emit(OpCodes.Ldc_I4_0); _il.Emit(OpCodes.Conv_R4); }
            else if (t == typeof(double)) { _il.Emit(OpCodes.Ldc_I4_0); _il.Emit(OpCodes.Conv_R8); }
            else if (t == typeof(object)) _il.Emit(OpCodes.Ldnull);
            else continue; // v128: zeroed by InitLocals; a store would go through a temp
            StoreLocal(i);
        }
    }

    private void DeclareLocals(FunctionBody body)
    {
        var locals = new List<IlLocal>();
        var types = new List<Type>();
        foreach (ValueType p in _type.Params)
        {
            types.Add(ClrTypes.Of(p));
            // In a part, parameters are locals like the others (the part's arguments are references).
            if (_argumentLocals == 0) locals.Add(_il.DeclareLocal(ClrTypes.Of(p)));
        }
        foreach (LocalRun run in body.Locals)
        {
            Type t = ClrTypes.Of(run.Type);
            for (uint i = 0; i < run.Count; i++)
            {
                locals.Add(_il.DeclareLocal(t));
                types.Add(t);
            }
        }
        _locals = [.. locals];
        _localTypes = [.. types];
    }

    /// <summary>
    /// Calls <see cref="StoreHelpers.StackProbeFailed"/> when the stack pointer (the address of a
    /// local) is below the store context's limit: it traps with StackOverflow (a .NET stack overflow
    /// would end the process), or with Interrupt for a disposed store, or handles the epoch deadline
    /// (the limit is then the top of the address space) and returns.
    /// </summary>
    private void EmitStackProbe()
    {
        IlLocal probe = _il.DeclareLocal(typeof(byte));
        IlLabel ok = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloca, probe);
        _il.Emit(OpCodes.Conv_U);
        LoadContext();
        _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.StoreContext)));
        _il.Emit(OpCodes.Ldfld, Field(typeof(VmStoreContext), nameof(VmStoreContext.StackLimit)));
        _il.Emit(OpCodes.Bge_Un, ok);
        _il.Emit(OpCodes.Ldloca, probe);
        _il.Emit(OpCodes.Conv_U);
        LoadContext();
        _il.Emit(OpCodes.Call, Method(typeof(StoreHelpers), nameof(StoreHelpers.StackProbeFailed)));
        _il.MarkLabel(ok);
    }

    private void Skip(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Block or Opcode.Loop or Opcode.If or Opcode.TryTable or Opcode.Try:
                _skipDepth++;
                break;
            case Opcode.End when _skipDepth > 0:
                _skipDepth--;
                break;
            case Opcode.End:
                EmitEnd();
                break;
            case Opcode.Else when _skipDepth == 0:
                EmitElse();
                break;
            case Opcode.Catch when _skipDepth == 0:
                EmitLegacyCatch((int)instr.Index);
                break;
            case Opcode.CatchAll when _skipDepth == 0:
                EmitLegacyCatch(-1);
                break;
            case Opcode.Delegate when _skipDepth > 0:
                _skipDepth--;
                break;
            case Opcode.Delegate:
                EmitDelegate((int)instr.Index);
                break;
        }
    }

    private void Emit(ref Instruction instr)
    {
        if (EmitControl(ref instr) || EmitVariable(ref instr) || EmitMemory(ref instr) || EmitException(ref instr) || EmitCall(ref instr)
            || EmitReference(ref instr) || EmitGc(ref instr) || EmitTable(ref instr) || EmitNumeric(ref instr) || EmitSimd(ref instr)
            || EmitWideArithmetic(ref instr) || EmitAtomic(ref instr))
        {
            return;
        }
        throw new NotSupportedException("the instruction is not implemented by the compiler");
    }

    /// <summary>
    /// The opcode of the compiled instruction <paramref name="back"/> places before the current one (null
    /// before the first): lets an instruction see a constant operand the JIT would fold.
    /// </summary>
    private Opcode? OpcodeBefore(int back) => InstructionBefore(back)?.Opcode;

    /// <summary>The opcode and integer immediate of the compiled instruction <paramref name="back"/> places before the current one, or null.</summary>
    private (Opcode Opcode, long Int)? InstructionBefore(int back)
    {
        int i = _wasmOffsets.Count - 1 - back;
        if (i < 0) return null;
        var reader = new InstructionReader(_module.Bytes.Span[_wasmOffsets[i]..], _wasmOffsets[i]);
        var instr = new Instruction();
        reader.Read(ref instr);
        return (instr.Opcode, instr.Int);
    }

    private static Type[] Clr(ValueType[] types)
    {
        var clr = new Type[types.Length];
        for (int i = 0; i < clr.Length; i++) clr[i] = ClrTypes.Of(types[i]);
        return clr;
    }

    private void LoadContext() => EmitLdarg(_contextArg);

    /// <summary>ldc.i4 in its shortest form (the in-memory ILGenerator does not pick it).</summary>
    private void EmitLdcI4(int value)
    {
        switch (value)
        {
            case -1: _il.Emit(OpCodes.Ldc_I4_M1); return;
            case 0: _il.Emit(OpCodes.Ldc_I4_0); return;
            case 1: _il.Emit(OpCodes.Ldc_I4_1); return;
            case 2: _il.Emit(OpCodes.Ldc_I4_2); return;
            case 3: _il.Emit(OpCodes.Ldc_I4_3); return;
            case 4: _il.Emit(OpCodes.Ldc_I4_4); return;
            case 5: _il.Emit(OpCodes.Ldc_I4_5); return;
            case 6: _il.Emit(OpCodes.Ldc_I4_6); return;
            case 7: _il.Emit(OpCodes.Ldc_I4_7); return;
            case 8: _il.Emit(OpCodes.Ldc_I4_8); return;
        }
        if (value is >= sbyte.MinValue and <= sbyte.MaxValue) _il.Emit(OpCodes.Ldc_I4_S, (sbyte)value);
        else _il.Emit(OpCodes.Ldc_I4, value);
    }

    /// <summary>An int64 constant: ldc.i4 (short forms) + conv.i8 when it fits in 32 bits (2-6 bytes instead of 9).</summary>
    private void EmitLdcI8(long value)
    {
        if (value is >= int.MinValue and <= int.MaxValue)
        {
            EmitLdcI4((int)value);
            _il.Emit(OpCodes.Conv_I8);
        }
        else if (value is > int.MaxValue and <= uint.MaxValue)
        {
            EmitLdcI4((int)value);
            _il.Emit(OpCodes.Conv_U8);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I8, value);
        }
    }

    /// <summary>ldarg in its shortest form.</summary>
    private void EmitLdarg(int index)
    {
        switch (index)
        {
            case 0: _il.Emit(OpCodes.Ldarg_0); return;
            case 1: _il.Emit(OpCodes.Ldarg_1); return;
            case 2: _il.Emit(OpCodes.Ldarg_2); return;
            case 3: _il.Emit(OpCodes.Ldarg_3); return;
        }
        if (index <= byte.MaxValue) _il.Emit(OpCodes.Ldarg_S, (byte)index);
        else _il.Emit(OpCodes.Ldarg, (short)index);
    }

    private void Push(Type t)
    {
        _stack.Add(t);
        if (_stack.Count - IlBase > MaxIlStack)
        {
            throw new NotSupportedException($"the operand stack is deeper than {MaxIlStack:N0} values, the most the .NET IL evaluation stack holds");
        }
    }

    /// <summary>The CLR's limit on the IL evaluation stack (ECMA-335 maxstack is 16 bits).</summary>
    private const int MaxIlStack = 65_535;

    private Type Pop()
    {
        Type t = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        return t;
    }

    private void PopN(int n) => _stack.RemoveRange(_stack.Count - n, n);

    private IlLocal RentTemp(Type t)
    {
        if (_freeTemps.TryGetValue(t, out Stack<IlLocal>? free) && free.Count > 0) return free.Pop();
        return _il.DeclareLocal(t);
    }

    private void ReturnTemp(IlLocal local)
    {
        if (!_freeTemps.TryGetValue(local.LocalType, out Stack<IlLocal>? free)) _freeTemps[local.LocalType] = free = new Stack<IlLocal>();
        free.Push(local);
    }

    /// <summary>
    /// <c>call Traps.CreateAt(code, offset); throw</c>: ends the IL block, whatever is on the stack.
    /// The trap carries the offset of the instruction being compiled (none for the entry probe).
    /// </summary>
    private void EmitTrap(TrapCode code)
    {
        if (code == TrapCode.MemoryOutOfBounds && _wasmOffsets.Count > 0)
        {
            EmitLdcI4(_wasmOffsets[^1]);
            _il.Emit(OpCodes.Call, Method(typeof(Traps), nameof(Traps.MemoryOutOfBoundsAt)));
            _il.Emit(OpCodes.Throw);
            return;
        }
        EmitLdcI4((int)code);
        if (_wasmOffsets.Count > 0)
        {
            EmitLdcI4(_wasmOffsets[^1]);
            _il.Emit(OpCodes.Call, Method(typeof(Traps), nameof(Traps.CreateAt)));
        }
        else
        {
            _il.Emit(OpCodes.Call, Method(typeof(Traps), nameof(Traps.Create)));
        }
        _il.Emit(OpCodes.Throw);
    }

    /// <summary>Reflection lookups, done once per helper rather than once per instruction (emission is dominated by per-instruction costs).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), MethodInfo> Methods = new();
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(Type, string), FieldInfo> Fields = new();

    // Looked up outside GetOrAdd: a lambda's tuple key would lose the trimming annotation of the type.
    private static MethodInfo Method([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type, string name)
    {
        if (Methods.TryGetValue((type, name), out MethodInfo? method)) return method;
        method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Static) ?? throw new InvalidOperationException($"{type.Name}.{name} is missing");
        return Methods.GetOrAdd((type, name), method);
    }

    private static FieldInfo Field([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type type, string name)
    {
        if (Fields.TryGetValue((type, name), out FieldInfo? field)) return field;
        field = type.GetField(name) ?? throw new InvalidOperationException($"{type.Name}.{name} is missing");
        return Fields.GetOrAdd((type, name), field);
    }

    /// <summary>
    /// Calls a helper whose first parameters are the top <paramref name="operands"/> stack values,
    /// then the context and <paramref name="immediates"/>. 32-bit operands passed as <c>ulong</c>
    /// are zero-extended (through temps, as they may not be on top).
    /// </summary>
    private void EmitHelper(MethodInfo helper, int operands, params ReadOnlySpan<int> immediates)
    {
        Type[] ps = AssemblyImage.ParameterTypes(helper);
        bool convert = false;
        for (int i = 0; i < operands; i++)
        {
            if (ps[i] != _stack[_stack.Count - operands + i]) convert = true;
        }
        if (convert)
        {
            var temps = new IlLocal[operands];
            for (int i = operands - 1; i >= 0; i--)
            {
                temps[i] = RentTemp(_stack[_stack.Count - operands + i]);
                _il.Emit(OpCodes.Stloc, temps[i]);
            }
            for (int i = 0; i < operands; i++)
            {
                _il.Emit(OpCodes.Ldloc, temps[i]);
                Type from = temps[i].LocalType;
                Type to = ps[i];
                if (from == typeof(int) && (to == typeof(ulong) || to == typeof(long))) _il.Emit(OpCodes.Conv_U8);
                ReturnTemp(temps[i]);
            }
        }
        PopN(operands);
        int next = operands;
        if (next < ps.Length && ps[next] == typeof(VmContext))
        {
            LoadContext();
            next++;
        }
        foreach (int imm in immediates) EmitLdcI4(imm);
        _il.Emit(OpCodes.Call, helper);
        if (helper.ReturnType != typeof(void)) Push(helper.ReturnType);
    }
}
