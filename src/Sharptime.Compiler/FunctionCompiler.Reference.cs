using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitReference(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.RefNull:
                _il.Emit(OpCodes.Ldnull);
                Push(typeof(object));
                return true;
            case Opcode.RefIsNull:
                Pop();
                _il.Emit(OpCodes.Ldnull);
                _il.Emit(OpCodes.Ceq);
                Push(typeof(int));
                return true;
            case Opcode.RefFunc:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.RefFunc)), 0, (int)instr.Index);
                Pop();
                Push(typeof(object));
                return true;
            case Opcode.RefAsNonNull:
            {
                IlLabel ok = _il.DefineLabel();
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Brtrue, ok);
                EmitTrap(TrapCode.NullReference);
                _il.MarkLabel(ok);
                return true;
            }
            case Opcode.BrOnNull:
            {
                Pop();
                IlLabel notNull = _il.DefineLabel();
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Brtrue, notNull);
                _il.Emit(OpCodes.Pop);
                EmitBranch(_frames[^(1 + (int)instr.Index)]);
                _il.MarkLabel(notNull);
                Push(typeof(object));
                return true;
            }
            case Opcode.BrOnNonNull:
            {
                IlLabel isNull = _il.DefineLabel();
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Brfalse, isNull);
                EmitBranch(_frames[^(1 + (int)instr.Index)]);
                _il.MarkLabel(isNull);
                _il.Emit(OpCodes.Pop);
                Pop();
                return true;
            }
            default:
                return false;
        }
    }

    private bool EmitTable(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.TableGet:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableGet)), 1, (int)instr.Index);
                return true;
            case Opcode.TableSet:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableSet)), 2, (int)instr.Index);
                return true;
            case Opcode.TableSize:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableSize)), 0, (int)instr.Index);
                NarrowForTable(instr.Index);
                return true;
            case Opcode.TableGrow:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableGrow)), 2, (int)instr.Index);
                NarrowForTable(instr.Index);
                return true;
            case Opcode.TableFill:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableFill)), 3, (int)instr.Index);
                return true;
            case Opcode.TableCopy:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableCopy)), 3, (int)instr.Index, (int)instr.Index2);
                return true;
            case Opcode.TableInit:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.TableInit)), 3, (int)instr.Index2, (int)instr.Index);
                return true;
            case Opcode.ElemDrop:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.ElemDrop)), 0, (int)instr.Index);
                return true;
            default:
                return false;
        }
    }

    private void NarrowForTable(uint table)
    {
        Pop();
        if (_module.TableTypes[table].Is64)
        {
            Push(typeof(long));
        }
        else
        {
            _il.Emit(OpCodes.Conv_I4);
            Push(typeof(int));
        }
    }
}
