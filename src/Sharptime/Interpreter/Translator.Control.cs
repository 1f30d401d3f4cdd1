using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Interpreter;

internal sealed partial class Translator
{
    private void Translate(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Nop:
                return;
            case Opcode.Unreachable:
                Emit(Op.Unreachable);
                SetUnreachable();
                return;
            case Opcode.Block:
                _frames.Add(OpenFrame(Opcode.Block, instr.Block));
                return;
            case Opcode.Loop:
            {
                Frame frame = OpenFrame(Opcode.Loop, instr.Block);
                MarkLabel();
                frame.LoopPc = Pc;
                _frames.Add(frame);
                if (_fuel || _epoch) Emit(Op.Check, CheckFlags);
                if (_heat) Emit(Op.Heat, instr.Offset);
                return;
            }
            case Opcode.If:
            {
                Condition condition = ConditionOf(Pop());
                Frame frame = OpenFrame(Opcode.If, instr.Block);
                EmitTest(condition.Negated);
                frame.ElseFixup = _code.Count;
                _code.Add(-1);
                _frames.Add(frame);
                return;
            }
            case Opcode.Else:
            {
                Frame frame = _frames[^1];
                if (!frame.Unreachable)
                {
                    MaterializeAll();
                    _code.Add((int)Op.Br);
                    frame.Fixups.Add(_code.Count);
                    _code.Add(-1);
                }
                _code[frame.ElseFixup] = Pc;
                frame.ElseFixup = -1;
                MarkLabel();
                frame.Unreachable = false;
                ResetTo(frame, frame.Params);
                return;
            }
            case Opcode.End:
                End();
                return;
            case Opcode.Br:
                FlushFuel();
                EmitBranch(Label(instr.Index));
                SetUnreachable();
                return;
            case Opcode.BrIf:
            {
                Condition condition = ConditionOf(Pop());
                EmitConditionalBranch(Label(instr.Index), condition);
                return;
            }
            case Opcode.BrTable:
                BrTable(instr.Targets, instr.Index);
                return;
            case Opcode.Return:
                EmitBranch(_frames[0]);
                SetUnreachable();
                return;
            case Opcode.BrOnNull:
            {
                Entry reference = PopEntry();
                EmitConditionalBranch(Label(instr.Index), new Condition(Op.BrIfNull, Op.BrIfNonNull, reference.Source));
                _stack.Add(reference);
                return;
            }
            case Opcode.BrOnNonNull:
            {
                Entry reference = _stack[^1];
                EmitConditionalBranch(Label(instr.Index), new Condition(Op.BrIfNonNull, Op.BrIfNull, reference.Source));
                PopEntry();
                return;
            }
            case Opcode.Call:
                Call(Op.Call, (int)instr.Index, _module.FuncTypeOf(instr.Index), -1);
                return;
            case Opcode.ReturnCall:
                ReturnCall(Op.ReturnCall, (int)instr.Index, _module.FuncTypeOf(instr.Index), -1);
                return;
            case Opcode.CallIndirect:
            {
                int index = Pop();
                Call(Op.CallIndirect, (int)instr.Index2, TypeAt(instr.Index), index, (int)instr.Index);
                return;
            }
            case Opcode.ReturnCallIndirect:
            {
                int index = Pop();
                ReturnCall(Op.ReturnCallIndirect, (int)instr.Index2, TypeAt(instr.Index), index, (int)instr.Index);
                return;
            }
            case Opcode.CallRef:
            {
                int reference = Pop();
                Call(Op.CallRef, 0, TypeAt(instr.Index), reference, (int)instr.Index);
                return;
            }
            case Opcode.ReturnCallRef:
            {
                int reference = Pop();
                ReturnCall(Op.ReturnCallRef, 0, TypeAt(instr.Index), reference, (int)instr.Index);
                return;
            }
            case Opcode.Throw:
            {
                FuncCompositeType tag = TagType(instr.Index);
                MaterializeTop(tag.Params.Length);
                int first = tag.Params.Length == 0 ? TopSlot : _stack[^tag.Params.Length].Home;
                Emit(Op.Throw, (int)instr.Index, first);
                SetUnreachable();
                return;
            }
            case Opcode.ThrowRef:
                Emit(Op.ThrowRef, Pop());
                SetUnreachable();
                return;
            case Opcode.TryTable:
                TryTable(ref instr);
                return;
            case Opcode.Try:
                Try(instr.Block);
                return;
            case Opcode.Catch:
            case Opcode.CatchAll:
                Catch(instr.Opcode == Opcode.Catch ? (int)instr.Index : -1);
                return;
            case Opcode.Delegate:
                Delegate(instr.Index);
                return;
            case Opcode.Rethrow:
            {
                Frame target = Label(instr.Index);
                _code.Add((int)Op.Rethrow);
                _hiddenFixups.Add((_code.Count, _legacyHandlers.IndexOf(target.Handler!)));
                _code.Add(-1);
                SetUnreachable();
                return;
            }
            default:
                TranslateOther(ref instr);
                return;
        }
    }

    private FuncCompositeType TypeAt(uint typeIndex) => (FuncCompositeType)_module.Types[typeIndex].Composite;

    private FuncCompositeType TagType(uint tag) => TypeAt(_module.Tags[tag].TypeIndex);

    private void End()
    {
        Frame frame = _frames[^1];
        if (!frame.Unreachable) MaterializeAll();
        if (frame.Kind == Opcode.Call)
        {
            if (!frame.Unreachable) EmitBranch(frame);
            _frames.RemoveAt(_frames.Count - 1);
            ReleaseFrame(frame);
            return;
        }
        if (frame.ElseFixup >= 0)
        {
            // An if without else: the false path takes the parameters through as the results.
            _code[frame.ElseFixup] = Pc;
        }
        if (frame.InTryBody)
        {
            frame.Handler!.End = Pc;
            frame.InTryBody = false;
        }
        _frames.RemoveAt(_frames.Count - 1);
        PatchFixups(frame);
        ResetTo(frame, frame.Results);
        ReleaseFrame(frame);
    }

    private void BrTable(ReadOnlySpan<uint> targets, uint defaultTarget)
    {
        int index = Pop();
        FlushFuel();
        int count = targets.Length;
        Emit(Op.BrTable, index, count + 1);
        int table = _code.Count;
        for (int i = 0; i <= count; i++) _code.Add(-1);
        // Targets that need moves get a stub after the table: moves, then the branch.
        for (int i = 0; i <= count; i++)
        {
            Frame target = Label(i < count ? targets[i] : defaultTarget);
            if (NeedsMoves(target))
            {
                _code[table + i] = Pc;
                EmitBranch(target);
            }
            else if (target.Kind == Opcode.Loop)
            {
                _code[table + i] = target.LoopPc;
            }
            else
            {
                target.Fixups.Add(table + i);
            }
        }
        SetUnreachable();
    }

    /// <summary>
    /// call, call_indirect and call_ref: the arguments go to their homes, which are the callee's
    /// parameter slots; the results come back to the same place.
    /// </summary>
    private void Call(Op op, int immediate, FuncCompositeType type, int operand, int typeIndex = -1)
    {
        int count = type.Params.Length;
        MaterializeTop(count);
        int first = count == 0 ? TopSlot : _stack[^count].Home;
        _stack.Truncate(_stack.Count - count);
        switch (op)
        {
            case Op.Call: Emit(op, immediate, first); break;
            case Op.CallIndirect: Emit(op, operand, immediate, typeIndex, first); break;
            default: Emit(op, operand, typeIndex, first); break;
        }
        foreach (ValueType t in type.Results) Push(t);
        MarkLabel();
    }

    /// <summary>return_call*: the arguments move to slots 0 and up, where the callee's frame starts.</summary>
    private void ReturnCall(Op op, int immediate, FuncCompositeType type, int operand, int typeIndex = -1)
    {
        int count = type.Params.Length;
        MaterializeTop(count);
        int first = _stack.Count - count;
        int slot = 0;
        // The table index or reference is read before the moves could overwrite it: keep it above them.
        int kept = operand;
        if (operand >= 0 && operand < TopSlot)
        {
            kept = TopSlot;
            Kind kind = op == Op.ReturnCallIndirect ? Kind.Scalar : Kind.Reference;
            EmitCopy(kind, kept, operand);
            _maxSlot = Math.Max(_maxSlot, kept + 1);
        }
        for (int i = 0; i < count; i++)
        {
            Entry e = _stack[first + i];
            if (e.Source != slot) EmitCopy(e.Kind, slot, e.Source);
            slot += Width(e.Kind);
        }
        switch (op)
        {
            case Op.ReturnCall: Emit(op, immediate); break;
            case Op.ReturnCallIndirect: Emit(op, kept, immediate, typeIndex); break;
            default: Emit(op, kept, typeIndex); break;
        }
        SetUnreachable();
    }

    private void TryTable(ref Instruction instr)
    {
        Frame frame = OpenFrame(Opcode.TryTable, instr.Block);
        var handler = new Handler { Kind = HandlerKind.TryTable, Start = Pc, Parent = ActiveHandler };
        var catches = new CatchClause[instr.Catches.Length];
        for (int i = 0; i < catches.Length; i++)
        {
            Catch c = instr.Catches[i];
            // Catch labels are relative to the frames outside the try_table.
            Frame target = Label(c.Label);
            int payload = c.Kind is CatchKind.Catch or CatchKind.CatchRef ? PayloadSlots(TagType(c.Tag)) : 0;
            int refSlot = c.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef ? target.BaseSlot + payload : -1;
            int tag = c.Kind is CatchKind.Catch or CatchKind.CatchRef ? (int)c.Tag : -1;
            catches[i] = new CatchClause(tag, target.Kind == Opcode.Loop ? target.LoopPc : -1, target.BaseSlot, refSlot);
            if (target.Kind != Opcode.Loop) target.CatchFixups.Add((handler, i));
            _maxSlot = Math.Max(_maxSlot, target.BaseSlot + payload + 1);
        }
        handler.Catches = catches;
        frame.Handler = handler;
        frame.HandlerIndex = _handlers.Count;
        frame.InTryBody = true;
        _handlers.Add(handler);
        _frames.Add(frame);
        MarkLabel();
    }

    private static int PayloadSlots(FuncCompositeType tag)
    {
        int slots = 0;
        foreach (ValueType t in tag.Params) slots += Width(KindOf(t));
        return slots;
    }

    private void Try(BlockType block)
    {
        Frame frame = OpenFrame(Opcode.Try, block);
        var handler = new Handler { Kind = HandlerKind.Legacy, Start = Pc, Parent = ActiveHandler };
        frame.Handler = handler;
        frame.HandlerIndex = _handlers.Count;
        frame.InTryBody = true;
        _handlers.Add(handler);
        _legacyHandlers.Add(handler);
        _frames.Add(frame);
        MarkLabel();
    }

    /// <summary>catch and catch_all of a legacy try: the try body (or the previous clause) ends, a clause begins.</summary>
    private void Catch(int tag)
    {
        Frame frame = _frames[^1];
        if (!frame.Unreachable)
        {
            MaterializeAll();
            _code.Add((int)Op.Br);
            frame.Fixups.Add(_code.Count);
            _code.Add(-1);
        }
        if (frame.InTryBody)
        {
            frame.Handler!.End = Pc;
            frame.InTryBody = false;
        }
        MarkLabel();
        frame.Handler!.Catches = [.. frame.Handler.Catches, new CatchClause(tag, Pc, frame.BaseSlot, -1)];
        frame.Unreachable = false;
        _stack.Truncate(frame.Height);
        if (tag >= 0)
        {
            foreach (ValueType t in TagType((uint)tag).Params) Push(t);
        }
    }

    /// <summary>try … delegate: exceptions of the try body go to the handler of the label outside the try.</summary>
    private void Delegate(uint depth)
    {
        Frame frame = _frames[^1];
        if (!frame.Unreachable) MaterializeAll();
        Handler handler = frame.Handler!;
        handler.End = Pc;
        frame.InTryBody = false;
        _frames.RemoveAt(_frames.Count - 1);
        Frame target = Label(depth);
        handler.Kind = HandlerKind.Delegate;
        handler.Parent = target == _frames[0] ? -1 : target.InTryBody ? target.HandlerIndex : target.OuterHandler;
        PatchFixups(frame);
        ResetTo(frame, frame.Results);
        ReleaseFrame(frame);
    }
}
