using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>
/// Validates instruction sequences (function bodies and constant expressions) with the algorithm of
/// the spec's validation appendix (Wasm 3.0 appendix A.3): an operand stack whose unreachable parts
/// are polymorphic and a control stack of frames. One instance serves a whole module so that its
/// stacks are reused between functions; nesting lives on the explicit control stack, never on the
/// .NET stack.
/// </summary>
internal sealed partial class FunctionValidator
{
    private readonly WasmModule _module;
    private readonly TypeSpace _types;
    private readonly WasmFeatures _features;
    private readonly bool[] _declaredFunctions;
    private readonly Dictionary<ValueType, ValueType[]> _singleTypes = [];

    private ValueType[] _stack = new ValueType[64];
    private int _sp;
    private Frame[] _frames = new Frame[16];
    private int _fp;
    private ValueType[] _scratch = new ValueType[16];

    private ValueType[] _locals = new ValueType[16];
    private int _localCount;
    private bool[] _localInitialized = new bool[16];
    private int[] _initLog = new int[16];
    private int _initCount;

    private ValueType[] _returnTypes = [];
    private uint _functionIndex;
    private string _instructionName = "";
    private int _instructionOffset;

    // Constant expressions: the same typing, restricted to constant instructions.
    private bool _constant;
    private uint _constantGlobalLimit;
    private string _constantWhat = "";

    /// <summary>Creates a validator for the bodies and constant expressions of <paramref name="module"/>.</summary>
    public FunctionValidator(WasmModule module, TypeSpace types, WasmFeatures features, bool[] declaredFunctions)
    {
        _module = module;
        _types = types;
        _features = features;
        _declaredFunctions = declaredFunctions;
    }

    private enum FrameKind : byte
    {
        Function,
        Block,
        Loop,
        If,
        Else,
        Try,
        Catch,
        CatchAll,
        TryTable,
    }

    private struct Frame
    {
        public FrameKind Kind;
        public bool Unreachable;
        public int Height;
        public int InitHeight;
        public ValueType[] Params;
        public ValueType[] Results;

        public readonly ValueType[] LabelTypes => Kind == FrameKind.Loop ? Params : Results;
    }

    /// <summary>Validates the body of defined function <paramref name="functionIndex"/>.</summary>
    public void ValidateFunction(uint functionIndex, FunctionBody body)
    {
        _constant = false;
        _functionIndex = functionIndex;
        _instructionName = "function";
        _instructionOffset = body.CodeOffset;
        FuncCompositeType type = _module.FuncTypeOf(functionIndex);
        SetUpLocals(type, body);
        _returnTypes = type.Results;

        ReadOnlySpan<byte> bytes = _module.Bytes.Span;
        if ((uint)body.CodeOffset > (uint)bytes.Length || (uint)body.CodeLength > (uint)(bytes.Length - body.CodeOffset))
        {
            throw new InvalidModuleException($"function body out of bounds (function {functionIndex})", body.CodeOffset);
        }
        var reader = new InstructionReader(bytes.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
        Run(ref reader, [], type.Results);
    }

    /// <summary>
    /// Validates a constant expression of type <paramref name="expected"/> in which
    /// <c>global.get</c> may name globals below <paramref name="globalLimit"/>.
    /// </summary>
    /// <param name="expr">The expression's location in the module binary.</param>
    /// <param name="expected">The type it must produce.</param>
    /// <param name="globalLimit">How many globals are visible.</param>
    /// <param name="what">What the expression initializes, for messages.</param>
    public void ValidateConstant(ConstExpr expr, ValueType expected, uint globalLimit, string what)
    {
        _constant = true;
        _constantGlobalLimit = globalLimit;
        _functionIndex = uint.MaxValue;
        _instructionName = what;
        _constantWhat = what;
        _instructionOffset = expr.Offset;
        _localCount = 0;
        ReadOnlySpan<byte> bytes = _module.Bytes.Span;
        if ((uint)expr.Offset > (uint)bytes.Length || (uint)expr.Length > (uint)(bytes.Length - expr.Offset))
        {
            throw new InvalidModuleException($"constant expression out of bounds ({what})", expr.Offset);
        }
        var reader = new InstructionReader(bytes.Slice(expr.Offset, expr.Length), expr.Offset);
        ValueType[] results = Single(expected);
        _returnTypes = results;
        Run(ref reader, [], results);
    }

    private void Run(ref InstructionReader reader, ValueType[] parameters, ValueType[] results)
    {
        _sp = 0;
        _fp = 0;
        _initCount = 0;
        PushFrame(FrameKind.Function, parameters, results);
        Instruction instr = default;
        while (_fp > 0)
        {
            if (reader.AtEnd)
            {
                throw new MalformedModuleException($"END opcode expected{Where()}", reader.Offset);
            }
            reader.Read(ref instr);
            _instructionName = instr.Info.Name;
            _instructionOffset = instr.Offset;
            Step(ref instr);
        }
        if (!reader.AtEnd)
        {
            throw new MalformedModuleException($"END opcode expected: bytes after the final end{Where()}", reader.Offset);
        }
    }

    private void Step(ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        if (info.Feature != WasmFeatures.None && (_features & info.Feature) != info.Feature) CheckOpcodeFeature(info);
        if (_constant) CheckConstant(ref instr);
        if (info.Params is not null)
        {
            StepFixed(ref instr);
            return;
        }
        StepByHand(ref instr);
    }

    private void CheckOpcodeFeature(OpcodeInfo info)
    {
        // throw belongs to both exception proposals: legacy try/catch code throws with it too.
        if (info.Opcode == Opcode.Throw && (_features & WasmFeatures.LegacyExceptions) != 0) return;
        Fail(TypeSpace.ProposalMessage(info.Feature, info.Name));
    }

    // Instructions whose typing is a fixed signature, once their immediates are checked.
    private void StepFixed(ref Instruction instr)
    {
        InstructionFacts.Fact fact = InstructionFacts.Get(instr.Info);
        bool is64 = false;
        switch (instr.Info.Immediates)
        {
            case ImmediateKind.MemArg:
                is64 = CheckMemArg(instr.MemArg, fact);
                break;
            case ImmediateKind.MemArgLane:
                is64 = CheckMemArg(instr.MemArg, fact);
                CheckLane(instr.Index, fact.LaneCount);
                break;
            case ImmediateKind.Memory:
                is64 = Memory(instr.Index).Is64;
                break;
            case ImmediateKind.Lane:
                CheckLane(instr.Index, fact.LaneCount);
                break;
            case ImmediateKind.Shuffle:
                CheckShuffle(instr.V128Low, instr.V128High);
                break;
            case ImmediateKind.Data:
                DataSegment(instr.Index);
                break;
            case ImmediateKind.Elem:
                ElementSegment(instr.Index);
                break;
        }
        PopNumeric(is64 ? fact.Params64! : fact.Params32!);
        PushValues(is64 ? fact.Results64! : fact.Results32!);
    }

    // Fixed signatures hold only numeric and vector types, so a match is a kind comparison; the
    // general path handles bottom values, short stacks and errors.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PopNumeric(ValueType[] expected)
    {
        int n = expected.Length;
        int from = _sp - n;
        if (from >= _frames[_fp - 1].Height)
        {
            ValueType[] stack = _stack;
            for (int i = 0; i < n; i++)
            {
                if (stack[from + i].Kind != expected[i].Kind)
                {
                    PopValues(expected);
                    return;
                }
            }
            _sp = from;
            return;
        }
        PopValues(expected);
    }

    private void CheckLane(uint lane, int count)
    {
        if (lane >= (uint)count) throw Error($"invalid lane index {lane}: must be less than {count}");
    }

    private void CheckShuffle(ulong low, ulong high)
    {
        for (int i = 0; i < 8; i++)
        {
            CheckLane((uint)(low >> (8 * i)) & 0xFF, 32);
            CheckLane((uint)(high >> (8 * i)) & 0xFF, 32);
        }
    }

    private void SetUpLocals(FuncCompositeType type, FunctionBody body)
    {
        ulong total = (ulong)type.Params.Length + body.LocalCount;
        // The decoder caps locals; this guard keeps a hand-built model from allocating without bound.
        if (total > 50_000) throw Error($"too many locals: {total}");
        int count = (int)total;
        if (_locals.Length < count)
        {
            int size = Math.Max(count, _locals.Length * 2);
            _locals = new ValueType[size];
            _localInitialized = new bool[size];
        }
        int n = 0;
        foreach (ValueType p in type.Params)
        {
            _locals[n] = p;
            _localInitialized[n++] = true;
        }
        foreach (LocalRun run in body.Locals)
        {
            CheckValueType(run.Type);
            bool defaultable = TypeSpace.IsDefaultable(run.Type);
            for (uint i = 0; i < run.Count; i++)
            {
                if (n >= count) throw Error("too many locals: the runs exceed the declared count");
                _locals[n] = run.Type;
                _localInitialized[n++] = defaultable;
            }
        }
        if (n != count) throw Error("too many locals: the runs do not add up to the declared count");
        _localCount = count;
    }

    // ---- operand stack ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(ValueType t)
    {
        if (_sp == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        _stack[_sp++] = t;
    }

    // Arrays, not spans, on the paths every instruction takes: ReadyToRun code cannot inline
    // CoreLib's span members instantiated over this assembly's ValueType, so in a process that has
    // just started (the CLI validates a module once) each conversion was a call into code the JIT
    // compiled first without optimizing.
    private void PushValues(ValueType[] types) => PushValues(types, types.Length);

    /// <summary>Pushes the first <paramref name="count"/> of <paramref name="types"/>.</summary>
    private void PushValues(ValueType[] types, int count)
    {
        if (_sp + count > _stack.Length) Array.Resize(ref _stack, Math.Max(_stack.Length * 2, _sp + count));
        Array.Copy(types, 0, _stack, _sp, count);
        _sp += count;
    }

    /// <summary>Pops any value (the bottom type in unreachable code).</summary>
    private ValueType Pop()
    {
        ref Frame frame = ref _frames[_fp - 1];
        if (_sp == frame.Height)
        {
            if (frame.Unreachable) return ValueType.Bottom;
            throw Error("type mismatch: instruction requires a value but stack has []");
        }
        return _stack[--_sp];
    }

    /// <summary>Pops a value that must match <paramref name="expected"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValueType Pop(ValueType expected)
    {
        ref Frame frame = ref _frames[_fp - 1];
        if (_sp > frame.Height)
        {
            ValueType actual = _stack[_sp - 1];
            if (Matches(actual, expected))
            {
                _sp--;
                return actual;
            }
        }
        else if (frame.Unreachable)
        {
            return ValueType.Bottom;
        }
        throw PopMismatch(new ReadOnlySpan<ValueType>(in expected));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Matches(ValueType actual, ValueType expected) => actual.Kind == expected.Kind
        ? actual.Kind != ValueKind.Ref || _types.IsSubtype(actual, expected)
        : actual.Kind == ValueKind.Bottom;

    /// <summary>Pops values matching <paramref name="expected"/> (the last one is on top).</summary>
    private void PopValues(ValueType[] expected)
    {
        ref Frame frame = ref _frames[_fp - 1];
        int sp = _sp;
        for (int i = expected.Length - 1; i >= 0; i--)
        {
            if (sp > frame.Height)
            {
                ValueType actual = _stack[sp - 1];
                if (!Matches(actual, expected[i])) throw PopMismatch(expected);
                sp--;
            }
            else if (!frame.Unreachable)
            {
                throw PopMismatch(expected);
            }
        }
        _sp = sp;
    }

    /// <summary>Pops values matching <paramref name="expected"/> into the first places of the scratch buffer (returned), keeping their actual types.</summary>
    private ValueType[] PopValuesKeep(ValueType[] expected)
    {
        if (_scratch.Length < expected.Length) _scratch = new ValueType[Math.Max(expected.Length, _scratch.Length * 2)];
        ref Frame frame = ref _frames[_fp - 1];
        int sp = _sp;
        for (int i = expected.Length - 1; i >= 0; i--)
        {
            if (sp > frame.Height)
            {
                ValueType actual = _stack[sp - 1];
                if (!Matches(actual, expected[i])) throw PopMismatch(expected);
                _scratch[i] = actual;
                sp--;
            }
            else if (!frame.Unreachable)
            {
                throw PopMismatch(expected);
            }
            else
            {
                _scratch[i] = ValueType.Bottom;
            }
        }
        _sp = sp;
        return _scratch;
    }

    /// <summary>Pops a reference of any type; returns the bottom type in unreachable code.</summary>
    private ValueType PopRef()
    {
        ValueType t = Pop();
        if (t.Kind is not (ValueKind.Ref or ValueKind.Bottom))
        {
            _sp++;
            throw Error($"type mismatch: instruction requires [ref] but stack has [{t}]");
        }
        return t;
    }

    private InvalidModuleException PopMismatch(ReadOnlySpan<ValueType> expected)
    {
        int height = _frames[_fp - 1].Height;
        int from = Math.Max(height, _sp - expected.Length);
        var sb = new System.Text.StringBuilder();
        sb.Append("type mismatch: instruction requires [");
        AppendTypes(sb, expected);
        sb.Append("] but stack has [");
        AppendTypes(sb, _stack.AsSpan(from, _sp - from));
        sb.Append(']');
        return Error(sb.ToString());
    }

    private static void AppendTypes(System.Text.StringBuilder sb, ReadOnlySpan<ValueType> types)
    {
        // Long lists are elided in the middle so that a huge stack cannot make a huge message.
        const int Shown = 16;
        for (int i = 0; i < types.Length; i++)
        {
            if (types.Length > Shown && i == Shown / 2)
            {
                sb.Append(" ...").Append(types.Length - Shown).Append(" more...");
                i = types.Length - Shown / 2 - 1;
                continue;
            }
            if (i > 0) sb.Append(' ');
            sb.Append(types[i].ToString());
        }
    }

    // ---- control stack ----

    private void PushFrame(FrameKind kind, ValueType[] parameters, ValueType[] results)
    {
        if (_fp == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_fp++] = new Frame
        {
            Kind = kind,
            Unreachable = false,
            Height = _sp,
            InitHeight = _initCount,
            Params = parameters,
            Results = results,
        };
        PushValues(parameters);
    }

    /// <summary>Checks that the current frame's stack holds exactly its results, then pops the frame.</summary>
    private Frame PopFrame()
    {
        CheckFrameEnd();
        Frame frame = _frames[--_fp];
        ResetLocalInits(frame.InitHeight);
        return frame;
    }

    private void CheckFrameEnd()
    {
        ref Frame frame = ref _frames[_fp - 1];
        int top = _sp;
        // The reference interpreter words missing results as the instruction's and extra values as the block's.
        PopValues(frame.Results);
        if (_sp != frame.Height)
        {
            var sb = new System.Text.StringBuilder("type mismatch: block requires [");
            AppendTypes(sb, frame.Results);
            sb.Append("] but stack has [");
            AppendTypes(sb, _stack.AsSpan(frame.Height, top - frame.Height));
            sb.Append(']');
            throw Error(sb.ToString());
        }
    }

    private void MarkUnreachable()
    {
        ref Frame frame = ref _frames[_fp - 1];
        _sp = frame.Height;
        frame.Unreachable = true;
    }

    /// <summary>The frame a label index names; throws "unknown label" when there is none.</summary>
    private ref Frame Label(uint depth)
    {
        if (depth >= (uint)_fp) throw Error($"unknown label {depth}");
        return ref _frames[_fp - 1 - (int)depth];
    }

    // ---- locals ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MarkInitialized(uint index)
    {
        if (!_localInitialized[index]) LogInitialization(index);
    }

    private void LogInitialization(uint index)
    {
        _localInitialized[index] = true;
        if (_initCount == _initLog.Length) Array.Resize(ref _initLog, _initLog.Length * 2);
        _initLog[_initCount++] = (int)index;
    }

    private void ResetLocalInits(int height)
    {
        while (_initCount > height) _localInitialized[_initLog[--_initCount]] = false;
    }

    // ---- helpers ----

    private static readonly ValueType[][] NumericSingles = [[ValueType.I32], [ValueType.I64], [ValueType.F32], [ValueType.F64], [ValueType.V128]];

    /// <summary>The one-element array of <paramref name="t"/>, shared (block types with one result).</summary>
    private ValueType[] Single(ValueType t)
    {
        int numeric = t.Kind switch { ValueKind.I32 => 0, ValueKind.I64 => 1, ValueKind.F32 => 2, ValueKind.F64 => 3, ValueKind.V128 => 4, _ => -1 };
        if (numeric >= 0) return NumericSingles[numeric];
        if (!_singleTypes.TryGetValue(t, out ValueType[]? types))
        {
            types = [t];
            _singleTypes.Add(t, types);
        }
        return types;
    }

    private void CheckValueType(ValueType t)
    {
        string? problem = _types.ValueTypeProblem(t, (uint)_types.Count);
        if (problem is not null) throw Error(problem);
    }

    private void CheckHeapType(HeapType h)
    {
        string? problem = _types.HeapTypeProblem(h, (uint)_types.Count);
        if (problem is not null) throw Error(problem);
    }

    private string Where() => _constant
        ? $" in {_instructionName} ({_constantWhat})"
        : $" in {_instructionName} (function {_functionIndex})";

    /// <summary>An error at the current instruction.</summary>
    private InvalidModuleException Error(string message) =>
        new(message + Where(), _instructionOffset);

    [DoesNotReturn]
    private void Fail(string message) => throw Error(message);
}
