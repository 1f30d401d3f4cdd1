using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Interpreter;

internal sealed partial class Translator
{
    /// <summary>
    /// The GC instructions: each becomes one <see cref="Op.Gc"/> (br_on_cast and br_on_cast_fail: a
    /// <c>ref.test</c> into a scratch slot and a branch on it). False for any other instruction.
    /// </summary>
    private bool TranslateGc(ref Instruction instr)
    {
        Opcode opcode = instr.Opcode;
        int imm = (int)instr.Index, imm2 = (int)instr.Index2;
        switch (opcode)
        {
            case Opcode.StructNew:
                EmitGc(opcode, StructType(instr.Index).Fields.Length, Kind.Reference, imm, 0);
                return true;
            case Opcode.StructNewDefault:
                EmitGc(opcode, 0, Kind.Reference, imm, 0);
                return true;
            case Opcode.StructGet or Opcode.StructGetS or Opcode.StructGetU:
                EmitGc(opcode, 1, KindOf(StructType(instr.Index).Fields[imm2].Storage), imm, imm2);
                return true;
            case Opcode.StructSet:
                EmitGc(opcode, 2, null, imm, imm2);
                return true;
            case Opcode.ArrayNew or Opcode.ArrayNewData or Opcode.ArrayNewElem:
                EmitGc(opcode, 2, Kind.Reference, imm, imm2);
                return true;
            case Opcode.ArrayNewDefault:
                EmitGc(opcode, 1, Kind.Reference, imm, 0);
                return true;
            case Opcode.ArrayNewFixed:
                EmitGc(opcode, imm2, Kind.Reference, imm, imm2);
                return true;
            case Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU:
                EmitGc(opcode, 2, KindOf(ElementType(instr.Index)), imm, 0);
                return true;
            case Opcode.ArraySet:
                EmitGc(opcode, 3, null, imm, 0);
                return true;
            case Opcode.ArrayLen:
                EmitGc(opcode, 1, Kind.Scalar, 0, 0);
                return true;
            case Opcode.ArrayFill or Opcode.ArrayInitData or Opcode.ArrayInitElem:
                EmitGc(opcode, 4, null, imm, imm2);
                return true;
            case Opcode.ArrayCopy:
                EmitGc(opcode, 5, null, imm, imm2);
                return true;
            case Opcode.RefI31:
                EmitGc(opcode, 1, Kind.Reference, 0, 0);
                return true;
            case Opcode.I31GetS or Opcode.I31GetU:
                EmitGc(opcode, 1, Kind.Scalar, 0, 0);
                return true;
            case Opcode.RefTest or Opcode.RefTestNull:
                EmitGc(Opcode.RefTest, 1, Kind.Scalar, Gc.EncodeHeap(instr.Heap), opcode == Opcode.RefTestNull ? 1 : 0);
                return true;
            case Opcode.RefCast or Opcode.RefCastNull:
                EmitGc(Opcode.RefCast, 1, Kind.Reference, Gc.EncodeHeap(instr.Heap), opcode == Opcode.RefCastNull ? 1 : 0);
                return true;
            case Opcode.BrOnCast or Opcode.BrOnCastFail:
                BrOnCast(ref instr);
                return true;
            case Opcode.AnyConvertExtern or Opcode.ExternConvertAny:
                EmitGc(opcode, 1, Kind.Reference, 0, 0);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Emits <see cref="Op.Gc"/>: pops <paramref name="count"/> operands, listing their slots in stack
    /// order, and pushes a result of <paramref name="result"/>'s kind (none when null).
    /// </summary>
    private void EmitGc(Opcode opcode, int count, Kind? result, int imm, int imm2)
    {
        _code.Add((int)Op.Gc);
        _code.Add((int)opcode);
        int destination = _code.Count;
        _code.Add(-1);
        _code.Add(imm);
        _code.Add(imm2);
        _code.Add(count);
        int first = _code.Count;
        for (int i = 0; i < count; i++) _code.Add(-1);
        for (int i = count - 1; i >= 0; i--) _code[first + i] = Pop();
        if (result is { } kind) _code[destination] = Push(kind);
        _lastDestination = -1;
    }

    /// <summary>
    /// br_on_cast and br_on_cast_fail: the reference stays on the stack either way (the label's last
    /// value, or the value after the instruction); the test goes to a slot above the stack.
    /// </summary>
    private void BrOnCast(ref Instruction instr)
    {
        Entry reference = _stack[^1];
        int test = TopSlot;
        _maxSlot = Math.Max(_maxSlot, test + 1);
        bool targetNullable = (instr.Index2 & 2) != 0;
        EmitAll(Op.Gc, unchecked((int)Opcode.RefTest), test, Gc.EncodeHeap(instr.Heap2), targetNullable ? 1 : 0, 1, reference.Source);
        var taken = new Condition(Op.BrIfNez, Op.BrIfEqz, test);
        EmitConditionalBranch(Label(instr.Index), instr.Opcode == Opcode.BrOnCast ? taken : taken.Negated);
    }

    private StructCompositeType StructType(uint typeIndex) => (StructCompositeType)_module.Types[typeIndex].Composite;

    private ValueType ElementType(uint typeIndex) => ((ArrayCompositeType)_module.Types[typeIndex].Composite).Element.Storage;
}
