using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Control instructions (Wasm 3.0 section 3.4.9) and the dispatch of hand-typed instructions.</summary>
internal sealed partial class FunctionValidator
{
    private void StepByHand(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Unreachable: MarkUnreachable(); break;
            case Opcode.Block: Block(instr.Block, FrameKind.Block); break;
            case Opcode.Loop: Block(instr.Block, FrameKind.Loop); break;
            case Opcode.If:
            {
                BlockSignature(instr.Block, out ValueType[] parameters, out ValueType[] results);
                Pop(ValueType.I32);
                PopValues(parameters);
                PushFrame(FrameKind.If, parameters, results);
                break;
            }
            case Opcode.Else: Else(); break;
            case Opcode.End: End(); break;
            case Opcode.Br:
                PopValues(Label(instr.Index).LabelTypes);
                MarkUnreachable();
                break;
            case Opcode.BrIf:
            {
                Pop(ValueType.I32);
                ValueType[] types = Label(instr.Index).LabelTypes;
                PopValues(types);
                PushValues(types);
                break;
            }
            case Opcode.BrTable: BrTable(ref instr); break;
            case Opcode.Return:
                PopValues(_returnTypes);
                MarkUnreachable();
                break;
            case Opcode.Call:
            {
                FuncCompositeType f = Function(instr.Index);
                PopValues(f.Params);
                PushValues(f.Results);
                break;
            }
            case Opcode.CallIndirect: CallIndirect(ref instr, tail: false); break;
            case Opcode.ReturnCall:
            {
                FuncCompositeType f = Function(instr.Index);
                CheckTailResults(f);
                PopValues(f.Params);
                MarkUnreachable();
                break;
            }
            case Opcode.ReturnCallIndirect: CallIndirect(ref instr, tail: true); break;
            case Opcode.CallRef: CallRef(instr.Index, tail: false); break;
            case Opcode.ReturnCallRef: CallRef(instr.Index, tail: true); break;
            case Opcode.Drop: Pop(); break;
            case Opcode.Select: Select(); break;
            case Opcode.SelectTyped: SelectTyped(ref instr); break;
            case Opcode.Throw:
                PopValues(Tag(instr.Index).Params);
                MarkUnreachable();
                break;
            case Opcode.ThrowRef:
                Pop(ValueType.ExnRef);
                MarkUnreachable();
                break;
            case Opcode.TryTable: TryTable(ref instr); break;
            case Opcode.Try: Block(instr.Block, FrameKind.Try); break;
            case Opcode.Catch: Catch(instr.Index); break;
            case Opcode.CatchAll: CatchAll(); break;
            case Opcode.Delegate: Delegate(instr.Index); break;
            case Opcode.Rethrow: Rethrow(instr.Index); break;
            // Locals are the most frequent hand-typed instructions: keep them in this jump table.
            case Opcode.LocalGet: LocalGet(instr.Index); break;
            case Opcode.LocalSet:
                Pop(Local(instr.Index));
                MarkInitialized(instr.Index);
                break;
            case Opcode.LocalTee:
            {
                ValueType t = Local(instr.Index);
                Pop(t);
                MarkInitialized(instr.Index);
                Push(t);
                break;
            }
            default: StepVariableOrMemory(ref instr); break;
        }
    }

    private void BlockSignature(in BlockType bt, out ValueType[] parameters, out ValueType[] results)
    {
        switch (bt.Kind)
        {
            case BlockTypeKind.Empty:
                parameters = [];
                results = [];
                return;
            case BlockTypeKind.Value:
                CheckValueType(bt.Value);
                parameters = [];
                results = Single(bt.Value);
                return;
            default:
                FuncCompositeType f = FuncTypeAt(bt.TypeIndex);
                if ((f.Params.Length > 0 || f.Results.Length > 1) && (_features & WasmFeatures.MultiValue) == 0)
                {
                    Fail(TypeSpace.ProposalMessage(WasmFeatures.MultiValue, "a block type with parameters or several results"));
                }
                parameters = f.Params;
                results = f.Results;
                return;
        }
    }

    private void Block(in BlockType bt, FrameKind kind)
    {
        BlockSignature(bt, out ValueType[] parameters, out ValueType[] results);
        PopValues(parameters);
        PushFrame(kind, parameters, results);
    }

    private void Else()
    {
        ref Frame frame = ref _frames[_fp - 1];
        if (frame.Kind != FrameKind.If) Fail("else without matching if");
        CheckFrameEnd();
        ResetLocalInits(frame.InitHeight);
        frame.Kind = FrameKind.Else;
        frame.Unreachable = false;
        _sp = frame.Height;
        PushValues(frame.Params);
    }

    private void End()
    {
        ref Frame top = ref _frames[_fp - 1];
        if (top.Kind == FrameKind.If)
        {
            // An if without else has an empty else branch, which must turn the parameters into the results.
            CheckFrameEnd();
            ResetLocalInits(top.InitHeight);
            top.Unreachable = false;
            _sp = top.Height;
            PushValues(top.Params);
            top.Kind = FrameKind.Else;
        }
        Frame frame = PopFrame();
        if (_fp > 0) PushValues(frame.Results);
    }

    private void BrTable(ref Instruction instr)
    {
        Pop(ValueType.I32);
        ValueType[] defaultTypes = Label(instr.Index).LabelTypes;
        int arity = defaultTypes.Length;
        foreach (uint target in instr.Targets)
        {
            ValueType[] types = Label(target).LabelTypes;
            if (types.Length != arity)
            {
                Fail($"type mismatch: br_table target {target} has {types.Length} values but the default target has {arity}");
            }
            ValueType[] actual = PopValuesKeep(types);
            PushValues(actual, types.Length);
        }
        PopValues(defaultTypes);
        MarkUnreachable();
    }

    private void CallIndirect(ref Instruction instr, bool tail)
    {
        TableType table = Table(instr.Index2);
        if (!_types.IsSubtype(table.ElementType, ValueType.FuncRef))
        {
            Fail($"type mismatch: call_indirect needs a table of functions, table {instr.Index2} holds {table.ElementType}");
        }
        FuncCompositeType f = FuncTypeAt(instr.Index);
        Pop(table.Is64 ? ValueType.I64 : ValueType.I32);
        if (tail) CheckTailResults(f);
        PopValues(f.Params);
        if (tail) MarkUnreachable();
        else PushValues(f.Results);
    }

    private void CallRef(uint typeIndex, bool tail)
    {
        FuncCompositeType f = FuncTypeAt(typeIndex);
        Pop(ValueType.Ref(HeapType.Concrete(typeIndex), nullable: true));
        if (tail) CheckTailResults(f);
        PopValues(f.Params);
        if (tail) MarkUnreachable();
        else PushValues(f.Results);
    }

    private void CheckTailResults(FuncCompositeType callee)
    {
        ValueType[] mine = _returnTypes;
        bool ok = callee.Results.Length == mine.Length;
        for (int i = 0; ok && i < mine.Length; i++) ok = _types.IsSubtype(callee.Results[i], mine[i]);
        if (!ok) Fail($"type mismatch: the callee's results {callee} do not match the caller's results");
    }

    private void Select()
    {
        Pop(ValueType.I32);
        ValueType t1 = Pop();
        ValueType t2 = Pop();
        if (t1.Kind == ValueKind.Ref || t2.Kind == ValueKind.Ref)
        {
            Fail($"type mismatch: select without a type needs numeric or vector operands, found {t2} and {t1}");
        }
        if (t1.Kind == ValueKind.Bottom)
        {
            Push(t2);
            return;
        }
        if (t2.Kind != ValueKind.Bottom && t1.Kind != t2.Kind)
        {
            Fail($"type mismatch: select operands have different types {t2} and {t1}");
        }
        Push(t1);
    }

    private void SelectTyped(ref Instruction instr)
    {
        if ((_features & WasmFeatures.ReferenceTypes) == 0) Fail(TypeSpace.ProposalMessage(WasmFeatures.ReferenceTypes, "select with a type"));
        if (instr.Types.Length != 1) Fail($"invalid result arity: select has {instr.Types.Length} types, expected 1");
        ValueType t = instr.Types[0];
        CheckValueType(t);
        Pop(ValueType.I32);
        Pop(t);
        Pop(t);
        Push(t);
    }

    private void TryTable(ref Instruction instr)
    {
        BlockSignature(instr.Block, out ValueType[] parameters, out ValueType[] results);
        // Catch labels are relative to the enclosing frames: check them before pushing the try_table.
        foreach (Catch c in instr.Catches)
        {
            ValueType[] label = Label(c.Label).LabelTypes;
            ValueType[] payload = c.Kind is CatchKind.Catch or CatchKind.CatchRef ? Tag(c.Tag).Params : [];
            bool withRef = c.Kind is CatchKind.CatchRef or CatchKind.CatchAllRef;
            int count = payload.Length + (withRef ? 1 : 0);
            bool ok = label.Length == count;
            for (int i = 0; ok && i < payload.Length; i++) ok = _types.IsSubtype(payload[i], label[i]);
            if (ok && withRef) ok = _types.IsSubtype(ValueType.Ref(HeapKind.Exn, nullable: false), label[count - 1]);
            if (!ok) Fail($"type mismatch: catch clause does not match the types of label {c.Label}");
        }
        PopValues(parameters);
        PushFrame(FrameKind.TryTable, parameters, results);
    }

    private void Catch(uint tagIndex)
    {
        ref Frame frame = ref _frames[_fp - 1];
        if (frame.Kind is not (FrameKind.Try or FrameKind.Catch)) Fail("catch without matching try");
        FuncCompositeType tag = Tag(tagIndex);
        CheckFrameEnd();
        ResetLocalInits(frame.InitHeight);
        frame.Kind = FrameKind.Catch;
        frame.Unreachable = false;
        _sp = frame.Height;
        PushValues(tag.Params);
    }

    private void CatchAll()
    {
        ref Frame frame = ref _frames[_fp - 1];
        if (frame.Kind is not (FrameKind.Try or FrameKind.Catch)) Fail("catch_all without matching try");
        CheckFrameEnd();
        ResetLocalInits(frame.InitHeight);
        frame.Kind = FrameKind.CatchAll;
        frame.Unreachable = false;
        _sp = frame.Height;
    }

    private void Delegate(uint depth)
    {
        if (_frames[_fp - 1].Kind != FrameKind.Try) Fail("delegate without matching try");
        Frame frame = PopFrame();
        // The label is relative to the frames outside the try.
        Label(depth);
        PushValues(frame.Results);
    }

    private void Rethrow(uint depth)
    {
        ref Frame frame = ref Label(depth);
        if (frame.Kind is not (FrameKind.Catch or FrameKind.CatchAll)) Fail($"invalid rethrow label {depth}: not a catch block");
        MarkUnreachable();
    }

    // ---- index spaces used by control ----

    private FuncCompositeType Function(uint index)
    {
        if (index >= (uint)_module.Functions.Length) Fail($"unknown function {index}");
        return _module.FuncTypeOf(index);
    }

    private FuncCompositeType FuncTypeAt(uint typeIndex)
    {
        if (typeIndex >= (uint)_types.Count) Fail($"unknown type {typeIndex}");
        if (_types[typeIndex].Composite is not FuncCompositeType f) throw Error($"type mismatch: type {typeIndex} is not a function type");
        return f;
    }

    private FuncCompositeType Tag(uint index)
    {
        if (index >= (uint)_module.Tags.Length) Fail($"unknown tag {index}");
        // The module validator checked that every tag names a function type.
        return (FuncCompositeType)_types[_module.Tags[index].TypeIndex].Composite;
    }
}
