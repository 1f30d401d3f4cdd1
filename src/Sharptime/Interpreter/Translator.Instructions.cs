using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Interpreter;

internal sealed partial class Translator
{
    private void TranslateOther(ref Instruction instr)
    {
        Opcode opcode = instr.Opcode;
        switch (opcode)
        {
            case Opcode.Drop:
                PopEntry();
                return;
            case Opcode.Select:
            case Opcode.SelectTyped:
            {
                int condition = Pop();
                int b = Pop();
                Entry a = PopEntry();
                int d = Push(a.Kind);
                EmitResult(a.Kind switch { Kind.Vector => Op.Select2, Kind.Reference => Op.SelectRef, _ => Op.Select }, d, condition, a.Source, b);
                return;
            }
            case Opcode.LocalGet:
                PushAt(_localKinds[instr.Index], _localSlots[instr.Index]);
                return;
            case Opcode.LocalSet:
                SetLocal((int)instr.Index, tee: false);
                return;
            case Opcode.LocalTee:
                SetLocal((int)instr.Index, tee: true);
                return;
            case Opcode.GlobalGet:
            {
                Kind kind = KindOf(_module.GlobalTypes[instr.Index].Type);
                int d = Push(kind);
                EmitResult(kind switch { Kind.Vector => Op.GlobalGet2, Kind.Reference => Op.GlobalGetRef, _ => Op.GlobalGet }, d, (int)instr.Index);
                return;
            }
            case Opcode.GlobalSet:
            {
                ValueType type = _module.GlobalTypes[instr.Index].Type;
                Op op = KindOf(type) switch
                {
                    Kind.Vector => Op.GlobalSet2,
                    Kind.Reference => Op.GlobalSetRef,
                    _ => type.Kind is ValueKind.I32 or ValueKind.F32 ? Op.GlobalSet32 : Op.GlobalSet,
                };
                Emit(op, Pop(), (int)instr.Index);
                return;
            }
            case Opcode.I32Const:
                PushConstant((uint)instr.Int);
                return;
            case Opcode.I64Const:
                PushConstant((ulong)instr.Int);
                return;
            case Opcode.F32Const:
                PushConstant((uint)instr.Bits);
                return;
            case Opcode.F64Const:
                PushConstant(instr.Bits);
                return;
            case Opcode.V128Const:
                EmitResult(Op.Const2, Push(Kind.Vector), (int)instr.V128Low, (int)(instr.V128Low >> 32), (int)instr.V128High, (int)(instr.V128High >> 32));
                return;
            case Opcode.RefNull:
                EmitResult(Op.RefNull, Push(Kind.Reference));
                return;
            case Opcode.RefFunc:
                EmitResult(Op.RefFunc, Push(Kind.Reference), (int)instr.Index);
                return;
            case Opcode.I32ReinterpretF32 or Opcode.I64ReinterpretF64 or Opcode.F32ReinterpretI32 or Opcode.F64ReinterpretI64:
            {
                // The slots hold bits: a reinterpretation changes only the static type.
                Entry e = PopEntry();
                PushAt(Kind.Scalar, e.Source);
                return;
            }
        }
        OpcodeInfo info = instr.Info;
        if (TranslateAtomic(ref instr)) return;
        if (info.Immediates is ImmediateKind.MemArg or ImmediateKind.MemArgLane)
        {
            Access(ref instr);
            return;
        }
        if (TranslateInstanceOp(ref instr)) return;
        if (TranslateGc(ref instr)) return;
        if (info.Params is not null && info.Results is { Length: 1 } && info.Immediates is ImmediateKind.None or ImmediateKind.Lane)
        {
            if (info.Immediates == ImmediateKind.None && DedicatedOp(opcode) is var op && op != Op.Unreachable)
            {
                int b = info.Params.Length > 1 ? Pop() : -1;
                int a = Pop();
                int d = Push(LetterKind(info.Results[0]));
                if (b >= 0) EmitResult(op, d, a, b);
                else EmitResult(op, d, a);
                return;
            }
            if (Executor.HasHelper(opcode))
            {
                int c = info.Params.Length > 2 ? Pop() : -1;
                int b = info.Params.Length > 1 ? Pop() : -1;
                int a = info.Params.Length > 0 ? Pop() : -1;
                int d = Push(LetterKind(info.Results[0]));
                EmitAll(Op.Helper, (int)opcode, d, a, b, c, (int)instr.Index);
                return;
            }
        }
        if (opcode == Opcode.I8x16Shuffle)
        {
            int b = Pop();
            int a = Pop();
            int d = Push(Kind.Vector);
            EmitResult(Op.Shuffle, d, a, b, (int)instr.V128Low, (int)(instr.V128Low >> 32), (int)instr.V128High, (int)(instr.V128High >> 32));
            return;
        }
        throw new WasmException($"instruction {info.Name} at offset 0x{instr.Offset:x} is not supported by this engine");
    }

    private static Kind LetterKind(char letter) => letter == 'v' ? Kind.Vector : Kind.Scalar;

    private void SetLocal(int index, bool tee)
    {
        int slot = _localSlots[index];
        Kind kind = _localKinds[index];
        Entry value = PopEntry();
        bool othersRead = false;
        for (int i = 0; i < _stack.Count; i++) othersRead |= _stack[i].Source == slot;
        if (value.Source == value.Home && _lastDestination >= 0 && _lastEnd == _code.Count && _labelMark < _lastEnd
            && _code[_lastDestination] == value.Home && !othersRead)
        {
            // The instruction that computed the value writes the local instead.
            _code[_lastDestination] = slot;
        }
        else
        {
            MaterializeReadersOf(slot);
            if (value.Source != slot) EmitCopy(kind, slot, value.Source);
        }
        _lastDestination = -1;
        if (tee) PushAt(kind, slot);
    }

    /// <summary>Loads and stores: memory 0 with 32-bit addresses and small offsets get their own instructions.</summary>
    private void Access(ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        MemArg arg = instr.MemArg;
        // Float loads and stores move bits, like the integer ones of the same size.
        Op fastOp = instr.Opcode switch
        {
            Opcode.F32Load => Op.I32Load,
            Opcode.F64Load => Op.I64Load,
            Opcode.F32Store => Op.I32Store,
            Opcode.F64Store => Op.I64Store,
            _ => DedicatedOp(instr.Opcode),
        };
        bool fast = arg.MemoryIndex == 0 && !_module.Memories[0].Is64 && arg.Offset <= int.MaxValue && fastOp != Op.Unreachable;
        bool store = info.Results!.Length == 0;
        if (store)
        {
            int value = Pop();
            Entry target = PopEntry();
            if (fast && target.Source == target.Home && value != target.Home && TryTakeAdd(target.Home, out int baseSlot, out int indexSlot))
            {
                // The address is base + index: the store adds them itself.
                EmitAll(fastOp + (Op.I32StoreAdd - Op.I32Store), value, baseSlot, indexSlot, (int)arg.Offset);
                return;
            }
            int address = target.Source;
            if (fast) Emit(fastOp, value, address, (int)arg.Offset);
            else EmitAll(Op.Access, (int)instr.Opcode, -1, address, value, (int)arg.MemoryIndex, (int)arg.Offset, (int)(arg.Offset >> 32), (int)instr.Index);
            return;
        }
        int vector = info.Params!.Length > 1 ? Pop() : -1;
        Entry operand = PopEntry();
        int a = operand.Source;
        if (fast && a == operand.Home && TryTakeAdd(a, out int x, out int y))
        {
            // The address is base + index: the load adds them itself.
            EmitResult(fastOp + (Op.I32LoadAdd - Op.I32Load), Push(LetterKind(info.Results[0])), x, y, (int)arg.Offset);
            return;
        }
        int d = Push(LetterKind(info.Results[0]));
        if (fast) EmitResult(fastOp, d, a, (int)arg.Offset);
        else EmitAll(Op.Access, (int)instr.Opcode, d, a, vector, (int)arg.MemoryIndex, (int)arg.Offset, (int)(arg.Offset >> 32), (int)instr.Index);
    }

    /// <summary>Table, bulk memory, reference and wide-arithmetic instructions: <see cref="Op.Instance"/>.</summary>
    private bool TranslateInstanceOp(ref Instruction instr)
    {
        int imm = (int)instr.Index, imm2 = (int)instr.Index2;
        int d = -1, a = -1, b = -1, c = -1;
        switch (instr.Opcode)
        {
            case Opcode.MemorySize or Opcode.TableSize:
                d = Push(Kind.Scalar);
                break;
            case Opcode.MemoryGrow:
                a = Pop();
                d = Push(Kind.Scalar);
                break;
            case Opcode.TableGrow:
                b = Pop();
                a = Pop();
                d = Push(Kind.Scalar);
                break;
            case Opcode.TableGet:
                a = Pop();
                d = Push(Kind.Reference);
                break;
            case Opcode.TableSet:
                b = Pop();
                a = Pop();
                break;
            case Opcode.MemoryFill or Opcode.MemoryCopy or Opcode.MemoryInit or Opcode.TableFill or Opcode.TableCopy or Opcode.TableInit:
                c = Pop();
                b = Pop();
                a = Pop();
                break;
            case Opcode.DataDrop or Opcode.ElemDrop:
                break;
            case Opcode.RefIsNull:
                a = Pop();
                d = Push(Kind.Scalar);
                break;
            case Opcode.RefAsNonNull:
                a = Pop();
                d = Push(Kind.Reference);
                break;
            case Opcode.RefEq:
                b = Pop();
                a = Pop();
                d = Push(Kind.Scalar);
                break;
            case Opcode.I64Add128 or Opcode.I64Sub128:
                imm = Pop();
                c = Pop();
                b = Pop();
                a = Pop();
                d = Push(Kind.Scalar);
                Push(Kind.Scalar);
                break;
            case Opcode.I64MulWideS or Opcode.I64MulWideU:
                b = Pop();
                a = Pop();
                d = Push(Kind.Scalar);
                Push(Kind.Scalar);
                break;
            default:
                return false;
        }
        EmitAll(Op.Instance, (int)instr.Opcode, d, a, b, c, imm, imm2);
        return true;
    }
}
