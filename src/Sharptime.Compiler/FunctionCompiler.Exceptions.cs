using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Exception handling: throw, throw_ref, try_table and the legacy try/catch/catch_all/rethrow/
/// delegate. A try block is an IL exception block. IL wants an empty evaluation stack on entry to
/// a try and <c>leave</c> to exit one or a handler, so the values below a try block are spilled to
/// locals before it, and every branch out of the block stores its values in locals of a
/// "landing" and leaves to a stub after the exception block that reloads the spilled values and
/// the branch values, then branches on (leaving the next try out, if the target is further out).
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>The innermost try block whose body or handler is being compiled, or null.</summary>
    private TryState? _try;

    /// <summary>A local whose address identifies this frame while it is live (for delegate).</summary>
    private IlLocal? _frameToken;

    private sealed class TryState
    {
        public required Frame Frame;
        public required TryState? Outer;
        public required int Depth;
        public required Type[] BelowTypes;
        public required IlLocal[] Below;
        public Catch[] Catches = [];
        public Frame[] CatchTargets = [];
        public readonly List<Landing> Landings = [];
        public IlLocal? Exn;
        public bool InHandler;
    }

    private sealed class Landing
    {
        public required Frame Target;
        public required IlLocal[] Values;
        public required IlLabel Label;
    }

    private bool EmitException(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Throw:
                EmitThrow((int)instr.Index);
                SetUnreachable();
                return true;
            case Opcode.ThrowRef:
                Pop();
                _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Rethrow)));
                _il.Emit(OpCodes.Throw);
                SetUnreachable();
                return true;
            case Opcode.TryTable:
            {
                Frame[] targets = new Frame[instr.Catches.Length];
                for (int i = 0; i < targets.Length; i++) targets[i] = _frames[^(1 + (int)instr.Catches[i].Label)];
                TryState t = BeginTry(Opcode.TryTable, instr.Block);
                t.Catches = instr.Catches.ToArray();
                t.CatchTargets = targets;
                return true;
            }
            case Opcode.Try:
                BeginTry(Opcode.Try, instr.Block);
                return true;
            case Opcode.Catch:
                EmitLegacyCatch((int)instr.Index);
                return true;
            case Opcode.CatchAll:
                EmitLegacyCatch(-1);
                return true;
            case Opcode.Rethrow:
            {
                Frame target = _frames[^(1 + (int)instr.Index)];
                _il.Emit(OpCodes.Ldloc, target.Try!.Exn!);
                _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Rethrow)));
                _il.Emit(OpCodes.Throw);
                SetUnreachable();
                return true;
            }
            case Opcode.Delegate:
                EmitDelegate((int)instr.Index);
                return true;
            case Opcode.ReturnCall or Opcode.ReturnCallIndirect or Opcode.ReturnCallRef when _try is not null:
                EmitCallThenReturn(ref instr);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// A return_call inside a try block cannot be an IL tail call (no tail call leaves a protected
    /// region), yet the callee runs after this frame's handlers are gone: an exception it throws
    /// must not be caught here. So the call runs in its own IL try whose handler delegates the
    /// exception past every handler of this frame, and the results return through the landing.
    /// </summary>
    private void EmitCallThenReturn(ref Instruction instr)
    {
        Binary.FuncCompositeType f;
        int operands;
        switch (instr.Opcode)
        {
            case Opcode.ReturnCall:
                f = _module.FuncTypeOf(instr.Index);
                operands = f.Params.Length;
                break;
            case Opcode.ReturnCallIndirect:
                f = (Binary.FuncCompositeType)_module.Types[instr.Index].Composite;
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.ResolveIndirect)), 1, (int)instr.Index2, (int)instr.Index);
                operands = f.Params.Length + 1;
                break;
            default:
                f = (Binary.FuncCompositeType)_module.Types[instr.Index].Composite;
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.ResolveRef)), 1);
                operands = f.Params.Length + 1;
                break;
        }
        // IL enters a try with an empty stack: keep the operands, drop the rest (we return).
        var temps = new IlLocal[operands];
        for (int i = operands - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(_stack[_stack.Count - operands + i]);
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        Type[] types = _stack.GetRange(_stack.Count - operands, operands).ToArray();
        for (int i = IlBase; i < _stack.Count - operands; i++) _il.Emit(OpCodes.Pop);
        _stack.RemoveRange(IlBase, _stack.Count - IlBase);
        _il.BeginExceptionBlock();
        for (int i = 0; i < operands; i++)
        {
            _il.Emit(OpCodes.Ldloc, temps[i]);
            ReturnTemp(temps[i]);
            _stack.Add(types[i]);
        }
        if (instr.Opcode == Opcode.ReturnCall) EmitDirectCall((int)instr.Index, tail: false);
        else EmitCallThroughFunc(f, (int)instr.Index, tail: false);
        EmitReturn();
        _il.BeginCatchBlock(typeof(ThrownException));
        _il.Emit(OpCodes.Castclass, typeof(Exception));
        LoadFrameToken();
        _il.Emit(OpCodes.Ldc_I4_M1);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Delegate)));
        _il.Emit(OpCodes.Throw);
        _il.EndExceptionBlock();
        SetUnreachable();
    }

    private Type[] TagParams(int tagIndex) =>
        Clr(((Binary.FuncCompositeType)_module.Types[_module.Tags[tagIndex].TypeIndex].Composite).Params);

    /// <summary>Boxes the payload into an object array and throws a new exception with the tag.</summary>
    private void EmitThrow(int tagIndex)
    {
        Type[] types = TagParams(tagIndex);
        var temps = new IlLocal[types.Length];
        for (int i = types.Length - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(types[i]);
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        EmitLdcI4(types.Length);
        _il.Emit(OpCodes.Newarr, typeof(object));
        for (int i = 0; i < types.Length; i++)
        {
            _il.Emit(OpCodes.Dup);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Ldloc, temps[i]);
            if (types[i].IsValueType) _il.Emit(OpCodes.Box, types[i]);
            _il.Emit(OpCodes.Stelem_Ref);
            ReturnTemp(temps[i]);
        }
        PopN(types.Length);
        LoadContext();
        EmitLdcI4(tagIndex);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Create)));
        _il.Emit(OpCodes.Throw);
    }

    /// <summary>Pushes the payload of the exception in <paramref name="exn"/> onto the IL stack.</summary>
    private void LoadPayload(IlLocal exn, Type[] types)
    {
        if (types.Length == 0) return;
        IlLocal values = RentTemp(typeof(object[]));
        _il.Emit(OpCodes.Ldloc, exn);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Values)));
        _il.Emit(OpCodes.Stloc, values);
        for (int i = 0; i < types.Length; i++)
        {
            _il.Emit(OpCodes.Ldloc, values);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Ldelem_Ref);
            if (types[i].IsValueType) _il.Emit(OpCodes.Unbox_Any, types[i]);
        }
        ReturnTemp(values);
    }

    private void LoadFrameToken()
    {
        _frameToken ??= _il.DeclareLocal(typeof(byte));
        _il.Emit(OpCodes.Ldloca, _frameToken);
        _il.Emit(OpCodes.Conv_U);
    }

    /// <summary>The stack height from which values live on the IL stack (those below are spilled by enclosing tries).</summary>
    private int IlBase => _try?.Frame.Height ?? 0;

    /// <summary>Whether a branch to <paramref name="target"/> leaves the innermost try block (or handler).</summary>
    private bool Crosses(Frame target) => _try is not null && _frames.IndexOf(target) <= _frames.IndexOf(_try.Frame);

    private TryState BeginTry(Opcode kind, BlockType blockType)
    {
        (Type[] ps, Type[] rs) = BlockTypes(blockType);
        var frame = new Frame { Kind = kind, Params = ps, Results = rs, Height = _stack.Count - ps.Length, Label = _il.DefineLabel() };
        int ilBase = IlBase;
        // Spill every IL stack value: those below the block and its parameters.
        var spilled = new IlLocal[_stack.Count - ilBase];
        for (int i = spilled.Length - 1; i >= 0; i--)
        {
            spilled[i] = RentTemp(_stack[ilBase + i]);
            _il.Emit(OpCodes.Stloc, spilled[i]);
        }
        int below = frame.Height - ilBase;
        var t = new TryState
        {
            Frame = frame,
            Outer = _try,
            Depth = _try is null ? 0 : _try.Depth + 1,
            BelowTypes = _stack.GetRange(0, frame.Height).ToArray(),
            Below = spilled[..below],
        };
        frame.Try = t;
        _il.BeginExceptionBlock();
        for (int i = below; i < spilled.Length; i++)
        {
            _il.Emit(OpCodes.Ldloc, spilled[i]);
            ReturnTemp(spilled[i]);
        }
        _frames.Add(frame);
        _try = t;
        return t;
    }

    /// <summary>
    /// Branches out of the innermost try block to <paramref name="target"/>: stores the branch
    /// values in the landing's locals and leaves (which empties the IL stack). Leaves
    /// <see cref="_stack"/> unchanged.
    /// </summary>
    private void EmitLeaveTo(Frame target)
    {
        TryState t = _try!;
        Landing? landing = null;
        foreach (Landing l in t.Landings)
        {
            if (l.Target == target) landing = l;
        }
        if (landing is null)
        {
            Type[] types = target.BranchTypes;
            var locals = new IlLocal[types.Length];
            for (int i = 0; i < locals.Length; i++) locals[i] = RentTemp(types[i]);
            landing = new Landing { Target = target, Values = locals, Label = _il.DefineLabel() };
            t.Landings.Add(landing);
        }
        for (int i = landing.Values.Length - 1; i >= 0; i--) _il.Emit(OpCodes.Stloc, landing.Values[i]);
        _il.Emit(OpCodes.Leave, landing.Label);
    }

    /// <summary>
    /// The handler of a try_table: test the clauses in order; a match branches to its label with
    /// the payload (and the exnref for the _ref forms); no match rethrows.
    /// </summary>
    private void EmitTryTableHandler(TryState t)
    {
        _il.BeginCatchBlock(typeof(ThrownException));
        IlLocal exn = RentTemp(typeof(object));
        _il.Emit(OpCodes.Stloc, exn);
        ReloadMemory0(); // the code that threw may have grown memory 0
        IlLabel pass = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, exn);
        LoadFrameToken();
        EmitLdcI4(t.Depth);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Enter)));
        _il.Emit(OpCodes.Brfalse, pass);
        for (int i = 0; i < t.Catches.Length; i++)
        {
            Catch c = t.Catches[i];
            IlLabel next = _il.DefineLabel();
            if (c.Kind is CatchKind.Catch or CatchKind.CatchRef)
            {
                _il.Emit(OpCodes.Ldloc, exn);
                LoadContext();
                EmitLdcI4((int)c.Tag);
                _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Is)));
                _il.Emit(OpCodes.Brfalse, next);
                LoadPayload(exn, TagParams((int)c.Tag));
            }
            if (c.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef) _il.Emit(OpCodes.Ldloc, exn);
            EmitLeaveTo(t.CatchTargets[i]);
            _il.MarkLabel(next);
        }
        _il.MarkLabel(pass);
        _il.Emit(OpCodes.Rethrow);
        ReturnTemp(exn);
    }

    /// <summary>
    /// A legacy catch or catch_all (<paramref name="tagIndex"/> -1) clause: a filter handler, so
    /// that clauses are tested in order as they are compiled; its body runs in the handler.
    /// </summary>
    private void EmitLegacyCatch(int tagIndex)
    {
        TryState t = _frames[^1].Try!;
        if (!_unreachable) EmitLeaveTo(t.Frame);
        _il.BeginExceptFilterBlock();
        IlLocal candidate = RentTemp(typeof(object));
        IlLabel no = _il.DefineLabel();
        IlLabel done = _il.DefineLabel();
        _il.Emit(OpCodes.Stloc, candidate);
        _il.Emit(OpCodes.Ldloc, candidate);
        _il.Emit(OpCodes.Isinst, typeof(ThrownException));
        _il.Emit(OpCodes.Brfalse, no);
        _il.Emit(OpCodes.Ldloc, candidate);
        LoadFrameToken();
        EmitLdcI4(t.Depth);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Enter)));
        _il.Emit(OpCodes.Brfalse, no);
        if (tagIndex >= 0)
        {
            _il.Emit(OpCodes.Ldloc, candidate);
            LoadContext();
            EmitLdcI4(tagIndex);
            _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Is)));
            _il.Emit(OpCodes.Br, done);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I4_1);
            _il.Emit(OpCodes.Br, done);
        }
        _il.MarkLabel(no);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.MarkLabel(done);
        ReturnTemp(candidate);
        _il.BeginCatchBlock(null);
        t.Exn ??= _il.DeclareLocal(typeof(object));
        _il.Emit(OpCodes.Stloc, t.Exn);
        ReloadMemory0(); // the code that threw may have grown memory 0
        Type[] payload = tagIndex >= 0 ? TagParams(tagIndex) : [];
        LoadPayload(t.Exn, payload);
        ResetStack(t.Frame.Height, payload);
        t.InHandler = true;
        _unreachable = false;
        _skipDepth = 0;
    }

    /// <summary>Legacy delegate: the try's handler sends the exception on to the handler of the label.</summary>
    private void EmitDelegate(int label)
    {
        TryState t = _frames[^1].Try!;
        if (!_unreachable) EmitLeaveTo(t.Frame);
        Frame target = _frames[^(2 + label)];
        int targetIndex = _frames.IndexOf(target);
        TryState? handler = t.Outer;
        while (handler is not null && _frames.IndexOf(handler.Frame) > targetIndex) handler = handler.Outer;
        _il.BeginCatchBlock(typeof(ThrownException));
        IlLocal exn = RentTemp(typeof(object));
        _il.Emit(OpCodes.Stloc, exn);
        ReloadMemory0(); // the code that threw may have grown memory 0
        IlLabel pass = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, exn);
        LoadFrameToken();
        EmitLdcI4(t.Depth);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Enter)));
        _il.Emit(OpCodes.Brfalse, pass);
        _il.Emit(OpCodes.Ldloc, exn);
        _il.Emit(OpCodes.Castclass, typeof(Exception));
        LoadFrameToken();
        EmitLdcI4(handler?.Depth ?? -1);
        _il.Emit(OpCodes.Call, Method(typeof(Exceptions), nameof(Exceptions.Delegate)));
        _il.Emit(OpCodes.Throw);
        _il.MarkLabel(pass);
        _il.Emit(OpCodes.Rethrow);
        ReturnTemp(exn);
        _unreachable = true;
        EndTry(t, delegated: true);
    }

    /// <summary>
    /// Ends a try block: leaves the body or last handler with the results, closes the IL exception
    /// block, then emits the landing stubs outside it and marks the block's label.
    /// </summary>
    private void EndTry(TryState t, bool delegated = false)
    {
        Frame frame = t.Frame;
        if (!_unreachable) EmitLeaveTo(frame);
        if (frame.Kind == Opcode.TryTable)
        {
            EmitTryTableHandler(t);
        }
        else if (!t.InHandler && !delegated)
        {
            // A legacy try with no clause still needs a handler in IL; it passes everything on.
            _il.BeginCatchBlock(typeof(ThrownException));
            _il.Emit(OpCodes.Pop);
            _il.Emit(OpCodes.Rethrow);
        }
        _il.EndExceptionBlock();
        _try = t.Outer;
        foreach (Landing l in t.Landings)
        {
            _il.MarkLabel(l.Label);
            _stack.Clear();
            _stack.AddRange(t.BelowTypes);
            foreach (IlLocal b in t.Below) _il.Emit(OpCodes.Ldloc, b);
            foreach (IlLocal v in l.Values)
            {
                _il.Emit(OpCodes.Ldloc, v);
                _stack.Add(v.LocalType);
                ReturnTemp(v);
            }
            EmitBranch(l.Target);
        }
        foreach (IlLocal b in t.Below) ReturnTemp(b);
        _frames.RemoveAt(_frames.Count - 1);
        _il.MarkLabel(frame.Label);
        if (frame.Targeted)
        {
            _stack.Clear();
            _stack.AddRange(t.BelowTypes);
            _stack.AddRange(frame.Results);
            _unreachable = false;
        }
        else
        {
            // Nothing reaches the end, but the IL exception block's own (dead) leave targets
            // this offset, which must lie inside the method body.
            EmitTrap(TrapCode.Unreachable);
            SetUnreachable();
        }
    }
}
