using System.Reflection.Emit;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitControl(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Nop:
                return true;
            case Opcode.Unreachable:
                EmitTrap(TrapCode.Unreachable);
                SetUnreachable();
                return true;
            case Opcode.Block:
            case Opcode.Loop:
            {
                (Type[] ps, Type[] rs) = BlockTypes(instr.Block);
                var frame = new Frame { Kind = instr.Opcode, Params = ps, Results = rs, Height = _stack.Count - ps.Length, Label = _il.DefineLabel() };
                if (instr.Opcode == Opcode.Loop)
                {
                    _il.MarkLabel(frame.Label);
                    MarkSlowLoopHeader(instr.Offset);
                    MarkLoopEntry(frame, instr.Offset);
                    StartLoopCopies(frame, instr.Offset);
                }
                _frames.Add(frame);
                return true;
            }
            case Opcode.If:
            {
                Pop();
                (Type[] ps, Type[] rs) = BlockTypes(instr.Block);
                var frame = new Frame
                {
                    Kind = Opcode.If, Params = ps, Results = rs, Height = _stack.Count - ps.Length,
                    Label = _il.DefineLabel(), ElseLabel = _il.DefineLabel(),
                };
                _il.Emit(OpCodes.Brfalse, frame.ElseLabel);
                _frames.Add(frame);
                return true;
            }
            case Opcode.Else:
                EmitElse();
                return true;
            case Opcode.End:
                EmitEnd();
                return true;
            case Opcode.Br:
                EmitBranch(_frames[^(1 + (int)instr.Index)]);
                SetUnreachable();
                return true;
            case Opcode.BrIf:
            {
                Pop();
                Frame target = _frames[^(1 + (int)instr.Index)];
                if (NeedsFixup(target))
                {
                    IlLabel skip = _il.DefineLabel();
                    _il.Emit(OpCodes.Brfalse, skip);
                    EmitBranch(target);
                    _il.MarkLabel(skip);
                }
                else
                {
                    target.Targeted = true;
                    _il.Emit(OpCodes.Brtrue, target.Label);
                }
                return true;
            }
            case Opcode.BrTable:
                EmitBrTable(instr.Targets, instr.Index);
                SetUnreachable();
                return true;
            case Opcode.Return:
                EmitReturn();
                SetUnreachable();
                return true;
            case Opcode.Drop:
                Pop();
                _il.Emit(OpCodes.Pop);
                return true;
            case Opcode.Select:
            case Opcode.SelectTyped:
                EmitSelect();
                return true;
            default:
                return false;
        }
    }

    private (Type[] Params, Type[] Results) BlockTypes(BlockType bt) => bt.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [ClrTypes.Of(bt.Value)]),
        _ => BlockTypesOf((Binary.FuncCompositeType)_module.Types[bt.TypeIndex].Composite),
    };

    private static (Type[], Type[]) BlockTypesOf(Binary.FuncCompositeType f) => (Clr(f.Params), Clr(f.Results));

    private void SetUnreachable()
    {
        _unreachable = true;
        _skipDepth = 0;
    }

    private void EmitElse()
    {
        Frame frame = _frames[^1];
        if (!_unreachable)
        {
            frame.Targeted = true;
            _il.Emit(OpCodes.Br, frame.Label);
        }
        _il.MarkLabel(frame.ElseLabel);
        frame.HasElse = true;
        ResetStack(frame.Height, frame.Params);
        _unreachable = false;
    }

    private void EmitEnd()
    {
        Frame frame = _frames[^1];
        if (frame.Try is not null)
        {
            EndTry(frame.Try);
            return;
        }
        _frames.RemoveAt(_frames.Count - 1);
        bool reached = !_unreachable;
        if (frame.Copies is { } copies)
        {
            if (copies.Left > 0)
            {
                StartNextLoopCopy(frame, copies, reached);
                return;
            }
            _il.MarkLabel(copies.Exit);
            reached |= copies.ExitReached;
        }
        if (frame.Kind == Opcode.Call)
        {
            if (reached) EmitReturn();
            return;
        }
        if (frame.Kind == Opcode.If && !frame.HasElse)
        {
            // The false path goes straight to the end with the parameters, which are the results.
            _il.MarkLabel(frame.ElseLabel);
            reached = true;
        }
        if (frame.Kind != Opcode.Loop)
        {
            _il.MarkLabel(frame.Label);
            reached |= frame.Targeted;
        }
        if (reached)
        {
            ResetStack(frame.Height, frame.Results);
            _unreachable = false;
        }
        else
        {
            SetUnreachable();
        }
    }

    private void ResetStack(int height, Type[] top)
    {
        _stack.RemoveRange(height, _stack.Count - height);
        _stack.AddRange(top);
    }

    private bool NeedsFixup(Frame target) =>
        target.Kind == Opcode.Call || Crosses(target) || _stack.Count - target.Height - target.BranchTypes.Length > 0;

    /// <summary>
    /// Jumps to <paramref name="target"/> with its branch values on top of the stack; values below
    /// them that belong to inner blocks are dropped first (through temps). Leaves
    /// <see cref="_stack"/> unchanged: br_if's fall-through keeps it.
    /// </summary>
    private void EmitBranch(Frame target)
    {
        if (Crosses(target))
        {
            // Out of a try block: IL needs leave (see FunctionCompiler.Exceptions.cs).
            EmitLeaveTo(target);
            return;
        }
        if (target.Kind == Opcode.Call)
        {
            EmitReturnValues();
            return;
        }
        Type[] values = target.BranchTypes;
        int extra = _stack.Count - target.Height - values.Length;
        if (extra > 0) DropBelow(values, extra);
        target.Targeted = true;
        _il.Emit(OpCodes.Br, target.Label);
    }

    /// <summary>Removes the <paramref name="extra"/> IL stack values below the top <paramref name="values"/>.</summary>
    private void DropBelow(Type[] values, int extra)
    {
        var temps = new IlLocal[values.Length];
        for (int i = values.Length - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(values[i]);
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        for (int i = 0; i < extra; i++) _il.Emit(OpCodes.Pop);
        for (int i = 0; i < values.Length; i++)
        {
            _il.Emit(OpCodes.Ldloc, temps[i]);
            ReturnTemp(temps[i]);
        }
    }

    private void EmitReturn()
    {
        if (Part is not null) EmitBranch(_frames[0]);
        else if (_try is not null) EmitLeaveTo(_frames[0]);
        else EmitReturnValues();
    }

    /// <summary>Stores results after the first through the byref parameters, drops the rest of the stack, returns.</summary>
    private void EmitReturnValues()
    {
        if (EntersLoops)
        {
            EmitLoopEntryReturn();
            return;
        }
        ValueType[] results = _type.Results;
        int k = results.Length;
        var tops = new IlLocal?[k];
        for (int i = k - 1; i >= 1; i--)
        {
            Type t = ClrTypes.Of(results[i]);
            IlLocal tmp = RentTemp(t);
            _il.Emit(OpCodes.Stloc, tmp);
            EmitLdarg(_type.Params.Length + i - 1);
            _il.Emit(OpCodes.Ldloc, tmp);
            _il.Emit(OpCodes.Stobj, t);
            ReturnTemp(tmp);
        }
        int extra = _stack.Count - k;
        if (extra > 0)
        {
            if (k > 0)
            {
                DropBelow([ClrTypes.Of(results[0])], extra);
            }
            else
            {
                for (int i = 0; i < extra; i++) _il.Emit(OpCodes.Pop);
            }
        }
        _il.Emit(OpCodes.Ret);
    }

    private void EmitBrTable(ReadOnlySpan<uint> targets, uint defaultTarget)
    {
        Pop();
        IlLocal index = RentTemp(typeof(int));
        _il.Emit(OpCodes.Stloc, index);
        var stubs = new Dictionary<uint, IlLabel>();
        var labels = new IlLabel[targets.Length];
        IlLabel LabelOf(uint depth)
        {
            Frame f = _frames[^(1 + (int)depth)];
            if (!NeedsFixup(f))
            {
                f.Targeted = true;
                return f.Label;
            }
            if (!stubs.TryGetValue(depth, out IlLabel l)) stubs[depth] = l = _il.DefineLabel();
            return l;
        }
        for (int i = 0; i < targets.Length; i++) labels[i] = LabelOf(targets[i]);
        IlLabel defaultLabel = LabelOf(defaultTarget);
        if (labels.Length > 0)
        {
            _il.Emit(OpCodes.Ldloc, index);
            _il.Emit(OpCodes.Switch, labels);
        }
        ReturnTemp(index);
        _il.Emit(OpCodes.Br, defaultLabel);
        foreach (KeyValuePair<uint, IlLabel> stub in stubs)
        {
            _il.MarkLabel(stub.Value);
            EmitBranch(_frames[^(1 + (int)stub.Key)]);
        }
    }

    private void EmitSelect()
    {
        Pop();
        Type t = Pop();
        Pop();
        IlLocal cond = RentTemp(typeof(int));
        IlLocal b = RentTemp(t);
        IlLocal a = RentTemp(t);
        _il.Emit(OpCodes.Stloc, cond);
        _il.Emit(OpCodes.Stloc, b);
        _il.Emit(OpCodes.Stloc, a);
        IlLabel pickA = _il.DefineLabel();
        IlLabel done = _il.DefineLabel();
        _il.Emit(OpCodes.Ldloc, cond);
        _il.Emit(OpCodes.Brtrue, pickA);
        _il.Emit(OpCodes.Ldloc, b);
        _il.Emit(OpCodes.Br, done);
        _il.MarkLabel(pickA);
        _il.Emit(OpCodes.Ldloc, a);
        _il.MarkLabel(done);
        ReturnTemp(cond);
        ReturnTemp(b);
        ReturnTemp(a);
        Push(t);
    }
}
