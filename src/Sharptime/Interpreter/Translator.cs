using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Interpreter;

/// <summary>
/// Translates one validated function body into <see cref="FunctionCode"/> in one forward pass.
/// Every Wasm operand has a home slot fixed by its stack position (the stack height is static), so
/// instructions name their operands and results by slot and the executor keeps no stack pointer.
/// <c>local.get</c> emits nothing: the operand's source is the local's slot until something could
/// change that local or a control boundary needs the value in its home (see <see cref="Materialize"/>);
/// an instruction whose result goes straight to <c>local.set</c> writes the local itself.
/// </summary>
internal sealed partial class Translator
{
    private enum Kind : byte { Scalar, Vector, Reference }

    /// <summary>An operand: its kind, its home slot, and where its value is now (the home, or a local's slot).</summary>
    private struct Entry
    {
        public Kind Kind;
        public int Home;
        public int Source;
    }

    /// <summary>An open block; closed frames go back to the thread's pool (<see cref="Scratch.Frames"/>) with their lists.</summary>
    private sealed class Frame
    {
        public Opcode Kind;
        public int Height;
        public int BaseSlot;
        public ValueType[] Params = [];
        public ValueType[] Results = [];
        public int LoopPc;
        public readonly List<int> Fixups = [];
        public readonly List<(Handler Handler, int Clause)> CatchFixups = [];
        public int ElseFixup;
        public Handler? Handler;
        public int HandlerIndex;
        public bool InTryBody;
        /// <summary>The handler active around this frame (the innermost enclosing try body), or -1.</summary>
        public int OuterHandler;
        public bool Unreachable;

        public ValueType[] LabelTypes => Kind == Opcode.Loop ? Params : Results;

        public Frame Reset(Opcode kind, int height, int baseSlot, ValueType[] parameters, ValueType[] results, int outerHandler)
        {
            Kind = kind;
            Height = height;
            BaseSlot = baseSlot;
            Params = parameters;
            Results = results;
            LoopPc = -1;
            Fixups.Clear();
            CatchFixups.Clear();
            ElseFixup = -1;
            Handler = null;
            HandlerIndex = -1;
            InTryBody = false;
            OuterHandler = outerHandler;
            Unreachable = false;
            return this;
        }
    }

    /// <summary>A frame from the pool, set up as new.</summary>
    private Frame NewFrame(Opcode kind, int height, int baseSlot, ValueType[] parameters, ValueType[] results, int outerHandler) =>
        (_scratch.Frames.TryPop(out Frame? frame) ? frame : new Frame()).Reset(kind, height, baseSlot, parameters, results, outerHandler);

    /// <summary>Gives a closed frame back to the pool: nothing may use it afterwards.</summary>
    private void ReleaseFrame(Frame frame) => _scratch.Frames.Push(frame);

    private readonly WasmModule _module;
    private readonly Runtime.CompiledModule _compiled;
    private readonly int _functionIndex;
    private readonly FuncCompositeType _type;
    private readonly bool _fuel;
    private readonly bool _epoch;
    /// <summary>The growing buffers, kept per thread between translations (a translation never nests).</summary>
    private sealed class Scratch
    {
        public readonly List<int> Code = new(1024);
        public readonly List<int> Pcs = new(256);
        public readonly List<int> Offsets = new(256);
        public readonly ValueList<Entry> Stack = new();
        public readonly Stack<Frame> Frames = new();
        public byte[] OffsetBytes = new byte[1024];

        /// <summary>The bits of the constants that have slots, in slot order (at most <see cref="MaxConstants"/>).</summary>
        public readonly ulong[] Constants = new ulong[MaxConstants];

        /// <summary>
        /// An open-addressing index of <see cref="Constants"/>: bits, index, and the translation that
        /// wrote the entry (entries of earlier translations read as empty, so nothing is cleared). Not
        /// a Dictionary: ReadyToRun cannot pre-compile CoreLib's generic code over these types, so
        /// every process that interprets paid the JIT for it.
        /// </summary>
        public readonly ulong[] IndexBits = new ulong[ConstantIndexSize];
        public readonly int[] IndexSlots = new int[ConstantIndexSize];
        public readonly int[] IndexStamps = new int[ConstantIndexSize];
        public int Stamp;

        public Scratch Cleared()
        {
            Code.Clear();
            Pcs.Clear();
            Offsets.Clear();
            Stack.Clear();
            if (++Stamp == 0)
            {
                Array.Clear(IndexStamps);
                Stamp = 1;
            }
            return this;
        }
    }

    [ThreadStatic] private static Scratch? t_scratch;

    private readonly List<int> _code;
    private readonly List<int> _pcs;
    private readonly List<int> _offsets;
    private readonly ValueList<Entry> _stack;
    private readonly List<Frame> _frames = [];
    private readonly List<Handler> _handlers = [];
    private readonly List<(int Position, int Hidden)> _hiddenFixups = [];
    private readonly List<Handler> _legacyHandlers = [];
    private int[] _localSlots = [];
    private Kind[] _localKinds = [];
    private int _localEnd;
    /// <summary>Where the operand stack starts: after the locals and the constants.</summary>
    private int _stackBase;
    /// <summary>Constant bits → their slot (after the locals; the executor writes them at entry).</summary>
    private readonly ulong[] _constants;
    private int _constantCount;
    private readonly Scratch _scratch;

    /// <summary>The most constants a function keeps in slots; further ones are emitted as instructions.</summary>
    private const int MaxConstants = 64;

    /// <summary>Entries of the constants' index: a power of two, twice <see cref="MaxConstants"/>.</summary>
    private const int ConstantIndexSize = 128;
    private int _paramEnd;
    private int _maxSlot;
    private int _skipDepth;
    private long _fuelPending;
    /// <summary>Where the destination operand of the last instruction is, while nothing has been emitted after it.</summary>
    private int _lastDestination = -1;
    private int _lastEnd = -1;
    /// <summary>The code position up to which code may be a branch target (no retargeting across it).</summary>
    private int _labelMark;

    private readonly bool _heat;

    private Translator(Runtime.CompiledModule compiled, int definedIndex, bool fuel, bool epoch, bool heat)
    {
        _compiled = compiled;
        _module = compiled.Module;
        _functionIndex = _module.ImportedFunctionCount + definedIndex;
        _type = _module.FuncTypeOf((uint)_functionIndex);
        _fuel = fuel;
        _heat = heat;
        Scratch scratch = (t_scratch ??= new Scratch()).Cleared();
        _code = scratch.Code;
        _pcs = scratch.Pcs;
        _offsets = scratch.Offsets;
        _stack = scratch.Stack;
        _constants = scratch.Constants;
        _scratch = scratch;
        _epoch = epoch;
    }

    /// <summary>Translates a function; <paramref name="heat"/> counts loop iterations for tiering (<see cref="Op.Heat"/>).</summary>
    public static FunctionCode Translate(Runtime.CompiledModule compiled, int definedIndex, bool fuel, bool epoch, bool heat) =>
        new Translator(compiled, definedIndex, fuel, epoch, heat).Run(definedIndex);

    private FunctionCode Run(int definedIndex)
    {
        FunctionBody body = _module.Code[definedIndex];
        DeclareLocals(body);
        ReadOnlySpan<byte> code = _module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength);
        ReserveConstants(code);
        _frames.Add(NewFrame(Opcode.Call, 0, _stackBase, [], _type.Results, -1));
        _fuelPending = 1;
        if (_fuel || _epoch)
        {
            FlushFuel();
            Emit(Op.Check, CheckFlags);
        }
        var reader = new InstructionReader(code, body.CodeOffset);
        var instr = new Instruction();
        while (!reader.AtEnd && _frames.Count > 0)
        {
            reader.Read(ref instr);
            if (_skipDepth > 0 || _frames[^1].Unreachable)
            {
                Skip(ref instr);
                continue;
            }
            _pcs.Add(_code.Count);
            _offsets.Add(instr.Offset);
            ChargeFuel(instr.Opcode);
            Translate(ref instr);
        }
        ulong[] constants = _constants.AsSpan(0, _constantCount).ToArray();
        int hiddenBase = _maxSlot;
        foreach ((int position, int hidden) in _hiddenFixups) _code[position] = hiddenBase + hidden;
        for (int i = 0; i < _legacyHandlers.Count; i++) _legacyHandlers[i].ExceptionSlot = hiddenBase + i;
        return new FunctionCode
        {
            Code = [.. _code],
            ParamSlots = _paramEnd,
            LocalSlots = _localEnd,
            Constants = constants,
            FrameSlots = hiddenBase + _legacyHandlers.Count,
            Handlers = [.. _handlers],
            OffsetTable = FunctionCode.EncodeOffsets(_pcs, _offsets, ref _scratch.OffsetBytes),
        };
    }

    private void DeclareLocals(FunctionBody body)
    {
        var slots = new List<int>();
        var kinds = new List<Kind>();
        int slot = 0;
        void Add(ValueType t)
        {
            Kind k = KindOf(t);
            slots.Add(slot);
            kinds.Add(k);
            slot += Width(k);
        }
        foreach (ValueType p in _type.Params) Add(p);
        _paramEnd = slot;
        foreach (LocalRun run in body.Locals)
        {
            for (uint i = 0; i < run.Count; i++) Add(run.Type);
        }
        _localSlots = [.. slots];
        _localKinds = [.. kinds];
        _localEnd = slot;
        _maxSlot = slot;
    }

    private static Kind KindOf(ValueType t) => t.Kind switch
    {
        ValueKind.V128 => Kind.Vector,
        ValueKind.Ref => Kind.Reference,
        _ => Kind.Scalar,
    };

    private static int Width(Kind k) => k == Kind.Vector ? 2 : 1;

    // ---- the operand stack ----

    /// <summary>How many constants may get a slot (<see cref="ReserveConstants"/>).</summary>
    private int _constantCapacity;

    /// <summary>
    /// Reserves slots after the locals for the function's first distinct numeric constants, so that a
    /// constant operand is read like a local, with no instruction (the executor fills them at entry).
    /// The count must be known before translation fixes the operand slots: every constant instruction
    /// starts with a byte 0x41-0x44, so counting those bytes (some are immediates of other
    /// instructions) bounds it without decoding the body twice.
    /// </summary>
    private void ReserveConstants(ReadOnlySpan<byte> code)
    {
        int candidates = 0;
        foreach (byte b in code)
        {
            if ((uint)(b - 0x41) <= 3 && ++candidates == MaxConstants) break;
        }
        _constantCapacity = candidates;
        _stackBase = _localEnd + candidates;
        _maxSlot = _stackBase;
    }

    /// <summary>Pushes a numeric constant: its slot when it has or can get one, else an instruction writes it.</summary>
    private void PushConstant(ulong bits)
    {
        Scratch s = _scratch;
        int at = (int)((bits * 0x9E3779B97F4A7C15UL) >> 57);
        while (s.IndexStamps[at] == s.Stamp && s.IndexBits[at] != bits) at = (at + 1) & (ConstantIndexSize - 1);
        if (s.IndexStamps[at] == s.Stamp)
        {
            PushAt(Kind.Scalar, _localEnd + s.IndexSlots[at]);
        }
        else if (_constantCount < _constantCapacity)
        {
            s.IndexStamps[at] = s.Stamp;
            s.IndexBits[at] = bits;
            s.IndexSlots[at] = _constantCount;
            _constants[_constantCount] = bits;
            PushAt(Kind.Scalar, _localEnd + _constantCount++);
        }
        else
        {
            EmitResult(Op.Const, Push(Kind.Scalar), (int)bits, (int)(bits >> 32));
        }
    }

    private int TopSlot => _stack.Count == 0 ? _stackBase : _stack[^1].Home + Width(_stack[^1].Kind);

    private int Push(Kind kind)
    {
        int home = TopSlot;
        _stack.Add(new Entry { Kind = kind, Home = home, Source = home });
        _maxSlot = Math.Max(_maxSlot, home + Width(kind));
        return home;
    }

    private int Push(ValueType t) => Push(KindOf(t));

    private void PushAt(Kind kind, int source)
    {
        int home = TopSlot;
        _stack.Add(new Entry { Kind = kind, Home = home, Source = source });
        _maxSlot = Math.Max(_maxSlot, home + Width(kind));
    }

    private Entry PopEntry()
    {
        Entry e = _stack[^1];
        _stack.Truncate(_stack.Count - 1);
        return e;
    }

    /// <summary>Pops an operand and returns the slot its value is in now.</summary>
    private int Pop() => PopEntry().Source;

    /// <summary>Copies an operand into its home slot if it is still elsewhere (a local).</summary>
    private void Materialize(int index)
    {
        Entry e = _stack[index];
        if (e.Source == e.Home) return;
        EmitCopy(e.Kind, e.Home, e.Source);
        e.Source = e.Home;
        _stack[index] = e;
    }

    private void MaterializeAll()
    {
        for (int i = 0; i < _stack.Count; i++) Materialize(i);
    }

    private void MaterializeTop(int count)
    {
        for (int i = _stack.Count - count; i < _stack.Count; i++) Materialize(i);
    }

    /// <summary>Before a local changes: operands that still read it get their own copy.</summary>
    private void MaterializeReadersOf(int slot)
    {
        for (int i = 0; i < _stack.Count; i++)
        {
            if (_stack[i].Source == slot && _stack[i].Home != slot) Materialize(i);
        }
    }

    private void EmitCopy(Kind kind, int destination, int source) =>
        Emit(kind switch { Kind.Vector => Op.Copy2, Kind.Reference => Op.CopyRef, _ => Op.Copy }, destination, source);

    // ---- emitting ----

    private int Pc => _code.Count;

    private void Emit(Op op)
    {
        _code.Add((int)op);
        _lastDestination = -1;
    }

    private void Emit(Op op, int a)
    {
        _code.Add((int)op);
        _code.Add(a);
        _lastDestination = -1;
    }

    private void Emit(Op op, int a, int b)
    {
        _code.Add((int)op);
        _code.Add(a);
        _code.Add(b);
        _lastDestination = -1;
    }

    private void Emit(Op op, int a, int b, int c)
    {
        _code.Add((int)op);
        _code.Add(a);
        _code.Add(b);
        _code.Add(c);
        _lastDestination = -1;
    }

    private void Emit(Op op, int a, int b, int c, int d)
    {
        _code.Add((int)op);
        _code.Add(a);
        _code.Add(b);
        _code.Add(c);
        _code.Add(d);
        _lastDestination = -1;
    }

    private void EmitAll(Op op, params ReadOnlySpan<int> operands)
    {
        _code.Add((int)op);
        foreach (int x in operands) _code.Add(x);
        _lastDestination = -1;
    }

    /// <summary>Emits an instruction whose first operand is the destination slot of a value just pushed.</summary>
    private void EmitResult(Op op, params ReadOnlySpan<int> operands)
    {
        _code.Add((int)op);
        _lastDestination = _code.Count;
        foreach (int x in operands) _code.Add(x);
        _lastEnd = _code.Count;
    }

    /// <summary>
    /// Removes the last instruction (from <paramref name="start"/>), which the next one absorbs: the
    /// Wasm instructions since then all start at <paramref name="start"/> now, and only the last of
    /// them keeps an offset entry there, so that a trap of the fused instruction names it.
    /// </summary>
    private void RemoveLastInstruction(int start)
    {
        _code.RemoveRange(start, _code.Count - start);
        int last = _pcs.Count - 1;
        int first = last;
        while (first > 0 && _pcs[first - 1] >= start) first--;
        _pcs.RemoveRange(first, last - first);
        _offsets.RemoveRange(first, last - first);
        _pcs[^1] = start;
        _lastDestination = -1;
    }

    /// <summary>
    /// The operands of the i32.add that computed the value in <paramref name="slot"/>, when it was
    /// the last instruction (no label since); it is then removed, for the next instruction to do the
    /// addition itself.
    /// </summary>
    private bool TryTakeAdd(int slot, out int a, out int b)
    {
        if (_lastDestination >= 1 && _lastEnd == _code.Count && _labelMark < _lastEnd && _code[_lastDestination] == slot
            && (Op)_code[_lastDestination - 1] == Op.I32Add)
        {
            int start = _lastDestination - 1;
            a = _code[start + 2];
            b = _code[start + 3];
            RemoveLastInstruction(start);
            return true;
        }
        a = b = -1;
        return false;
    }

    /// <summary>
    /// Makes the last instruction write <paramref name="to"/> instead of <paramref name="home"/> when it
    /// computed the value there and nothing was emitted or labelled since; the value then never
    /// reaches its home, so only code that does not read it again may ask.
    /// </summary>
    private bool RetargetLast(int home, int to)
    {
        if (_lastDestination < 0 || _lastEnd != _code.Count || _labelMark >= _lastEnd || _code[_lastDestination] != home) return false;
        _code[_lastDestination] = to;
        _lastDestination = -1;
        return true;
    }

    /// <summary>A label here: code before it can no longer be retargeted.</summary>
    private void MarkLabel() => _labelMark = _code.Count;

    // ---- fuel ----

    private void ChargeFuel(Opcode opcode)
    {
        if (!_fuel) return;
        _fuelPending += Runtime.FuelCosts.Of(opcode);
        if (Runtime.FuelCosts.EndsRun(opcode)) FlushFuel();
    }

    /// <summary>What <see cref="Op.Check"/> checks: 1 fuel, 2 the epoch deadline.</summary>
    private int CheckFlags => (_fuel ? 1 : 0) | (_epoch ? 2 : 0);

    private void FlushFuel()
    {
        if (!_fuel || _fuelPending == 0) return;
        Emit(Op.Fuel, (int)_fuelPending);
        _fuelPending = 0;
    }

    // ---- unreachable code ----

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
            case Opcode.Delegate when _skipDepth > 0:
                _skipDepth--;
                break;
            case Opcode.End or Opcode.Else or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate when _skipDepth == 0:
                _pcs.Add(_code.Count);
                _offsets.Add(instr.Offset);
                Translate(ref instr);
                break;
        }
    }

    private void SetUnreachable()
    {
        _frames[^1].Unreachable = true;
        _stack.Truncate(_frames[^1].Height);
    }

    // ---- blocks and branches ----

    private void Signature(BlockType block, out ValueType[] parameters, out ValueType[] results)
    {
        switch (block.Kind)
        {
            case BlockTypeKind.Empty:
                parameters = [];
                results = [];
                break;
            case BlockTypeKind.Value:
                parameters = [];
                results = [block.Value];
                break;
            default:
                var f = (FuncCompositeType)_module.Types[block.TypeIndex].Composite;
                parameters = f.Params;
                results = f.Results;
                break;
        }
    }

    private Frame OpenFrame(Opcode kind, BlockType block)
    {
        Signature(block, out ValueType[] parameters, out ValueType[] results);
        MaterializeAll();
        int height = _stack.Count - parameters.Length;
        return NewFrame(kind, height, height < _stack.Count ? _stack[height].Home : TopSlot, parameters, results, ActiveHandler);
    }

    /// <summary>The innermost try body the current code is in, or -1.</summary>
    private int ActiveHandler
    {
        get
        {
            for (int i = _frames.Count - 1; i >= 0; i--)
            {
                Frame f = _frames[i];
                if (f.InTryBody) return f.HandlerIndex;
            }
            return -1;
        }
    }

    private Frame Label(uint depth) => _frames[_frames.Count - 1 - (int)depth];

    /// <summary>Whether branching to <paramref name="target"/> must move values into its slots.</summary>
    private bool NeedsMoves(Frame target)
    {
        ValueType[] types = target.LabelTypes;
        if (target == _frames[0]) return true;
        int slot = target.BaseSlot;
        for (int i = 0; i < types.Length; i++)
        {
            if (_stack[_stack.Count - types.Length + i].Source != slot) return true;
            slot += Width(KindOf(types[i]));
        }
        return false;
    }

    /// <summary>Moves the branch values into the label's slots (for the function's label: slots 0 and up).</summary>
    private void EmitMoves(Frame target)
    {
        ValueType[] types = target.LabelTypes;
        int first = _stack.Count - types.Length;
        if (target == _frames[0])
        {
            // Results go to slots 0 and up, over the locals and constants: several go through their
            // homes (above every local), in order. The entries stay as they are: this code may be a
            // branch that other paths do not take.
            if (types.Length == 1 && _stack[first] is { } only && only.Source == only.Home && RetargetLast(only.Home, 0)) return;
            int slot = 0;
            for (int i = 0; i < types.Length; i++)
            {
                Entry e = _stack[first + i];
                if (types.Length > 1 && e.Source != e.Home) EmitCopy(e.Kind, e.Home, e.Source);
            }
            for (int i = 0; i < types.Length; i++)
            {
                Entry e = _stack[first + i];
                int source = types.Length > 1 ? e.Home : e.Source;
                if (source != slot) EmitCopy(e.Kind, slot, source);
                slot += Width(e.Kind);
            }
            return;
        }
        int s = target.BaseSlot;
        for (int i = 0; i < types.Length; i++)
        {
            Entry e = _stack[first + i];
            if (e.Source != s) EmitCopy(e.Kind, s, e.Source);
            s += Width(e.Kind);
        }
    }

    /// <summary>Emits a jump to the label (its pc, or a fixup patched at its end).</summary>
    private void EmitJumpTarget(Frame target)
    {
        if (target.Kind == Opcode.Loop)
        {
            _code.Add(target.LoopPc);
        }
        else
        {
            target.Fixups.Add(_code.Count);
            _code.Add(-1);
        }
    }

    /// <summary>An unconditional branch, including the moves.</summary>
    private void EmitBranch(Frame target)
    {
        if (target == _frames[0])
        {
            EmitMoves(target);
            Emit(Op.Return);
            return;
        }
        EmitMoves(target);
        _code.Add((int)Op.Br);
        EmitJumpTarget(target);
        _lastDestination = -1;
    }

    /// <summary>A branch condition: a test of one slot (b &lt; 0) or a comparison of two, and its negation.</summary>
    private readonly record struct Condition(Op Test, Op Inverse, int A, int B = -1)
    {
        public Condition Negated => this with { Test = Inverse, Inverse = Test };
    }

    /// <summary>A branch taken when the condition holds.</summary>
    private void EmitConditionalBranch(Frame target, Condition condition)
    {
        if (NeedsMoves(target))
        {
            EmitTest(condition.Negated);
            int skip = _code.Count;
            _code.Add(-1);
            EmitBranch(target);
            _code[skip] = Pc;
            MarkLabel();
            return;
        }
        EmitTest(condition);
        EmitJumpTarget(target);
        _lastDestination = -1;
    }

    /// <summary>The test and its operands; the target follows.</summary>
    private void EmitTest(Condition condition)
    {
        _code.Add((int)condition.Test);
        _code.Add(condition.A);
        if (condition.B >= 0) _code.Add(condition.B);
    }

    /// <summary>
    /// The condition of br_if or if: when the integer comparison that computed it was the last
    /// instruction (no label since), the comparison is removed and the branch compares itself.
    /// </summary>
    private Condition ConditionOf(int slot)
    {
        if (_lastDestination >= 1 && _lastEnd == _code.Count && _labelMark < _lastEnd && _code[_lastDestination] == slot)
        {
            int start = _lastDestination - 1;
            var compare = (Op)_code[start];
            Condition? fused = compare switch
            {
                Op.I32Eqz => new Condition(Op.BrIfEqz, Op.BrIfNez, _code[start + 2]),
                Op.I32Eq => new Condition(Op.BrI32Eq, Op.BrI32Ne, _code[start + 2], _code[start + 3]),
                Op.I32Ne => new Condition(Op.BrI32Ne, Op.BrI32Eq, _code[start + 2], _code[start + 3]),
                Op.I32LtS => new Condition(Op.BrI32LtS, Op.BrI32GeS, _code[start + 2], _code[start + 3]),
                Op.I32GeS => new Condition(Op.BrI32GeS, Op.BrI32LtS, _code[start + 2], _code[start + 3]),
                Op.I32LtU => new Condition(Op.BrI32LtU, Op.BrI32GeU, _code[start + 2], _code[start + 3]),
                Op.I32GeU => new Condition(Op.BrI32GeU, Op.BrI32LtU, _code[start + 2], _code[start + 3]),
                Op.I32GtS => new Condition(Op.BrI32GtS, Op.BrI32LeS, _code[start + 2], _code[start + 3]),
                Op.I32LeS => new Condition(Op.BrI32LeS, Op.BrI32GtS, _code[start + 2], _code[start + 3]),
                Op.I32GtU => new Condition(Op.BrI32GtU, Op.BrI32LeU, _code[start + 2], _code[start + 3]),
                Op.I32LeU => new Condition(Op.BrI32LeU, Op.BrI32GtU, _code[start + 2], _code[start + 3]),
                Op.I64Eqz => new Condition(Op.BrI64Eqz, Op.BrI64Nez, _code[start + 2]),
                Op.I64Eq => new Condition(Op.BrI64Eq, Op.BrI64Ne, _code[start + 2], _code[start + 3]),
                Op.I64Ne => new Condition(Op.BrI64Ne, Op.BrI64Eq, _code[start + 2], _code[start + 3]),
                Op.I64LtS => new Condition(Op.BrI64LtS, Op.BrI64GeS, _code[start + 2], _code[start + 3]),
                Op.I64GeS => new Condition(Op.BrI64GeS, Op.BrI64LtS, _code[start + 2], _code[start + 3]),
                Op.I64LtU => new Condition(Op.BrI64LtU, Op.BrI64GeU, _code[start + 2], _code[start + 3]),
                Op.I64GeU => new Condition(Op.BrI64GeU, Op.BrI64LtU, _code[start + 2], _code[start + 3]),
                Op.I64GtS => new Condition(Op.BrI64GtS, Op.BrI64LeS, _code[start + 2], _code[start + 3]),
                Op.I64LeS => new Condition(Op.BrI64LeS, Op.BrI64GtS, _code[start + 2], _code[start + 3]),
                Op.I64GtU => new Condition(Op.BrI64GtU, Op.BrI64LeU, _code[start + 2], _code[start + 3]),
                Op.I64LeU => new Condition(Op.BrI64LeU, Op.BrI64GtU, _code[start + 2], _code[start + 3]),
                _ => null,
            };
            if (fused is { } c)
            {
                RemoveLastInstruction(start);
                return c;
            }
        }
        return new Condition(Op.BrIfNez, Op.BrIfEqz, slot);
    }
    private void PatchFixups(Frame frame)
    {
        int pc = Pc;
        foreach (int position in frame.Fixups) _code[position] = pc;
        foreach ((Handler handler, int clause) in frame.CatchFixups)
        {
            CatchClause[] catches = handler.Catches;
            catches[clause] = catches[clause] with { Target = pc };
        }
        MarkLabel();
    }

    /// <summary>After a frame ends: its base operands and its results, all in their homes.</summary>
    private void ResetTo(Frame frame, ValueType[] top)
    {
        _stack.Truncate(frame.Height);
        foreach (ValueType t in top) Push(t);
    }
}
