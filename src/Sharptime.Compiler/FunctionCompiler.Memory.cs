using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitMemory(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.I32Load: EmitLoad(instr.MemArg, 4, OpCodes.Ldind_I4, null, typeof(int)); return true;
            case Opcode.I64Load: EmitLoad(instr.MemArg, 8, OpCodes.Ldind_I8, null, typeof(long)); return true;
            case Opcode.F32Load: EmitLoad(instr.MemArg, 4, OpCodes.Ldind_R4, null, typeof(float)); return true;
            case Opcode.F64Load: EmitLoad(instr.MemArg, 8, OpCodes.Ldind_R8, null, typeof(double)); return true;
            case Opcode.I32Load8S: EmitLoad(instr.MemArg, 1, OpCodes.Ldind_I1, null, typeof(int)); return true;
            case Opcode.I32Load8U: EmitLoad(instr.MemArg, 1, OpCodes.Ldind_U1, null, typeof(int)); return true;
            case Opcode.I32Load16S: EmitLoad(instr.MemArg, 2, OpCodes.Ldind_I2, null, typeof(int)); return true;
            case Opcode.I32Load16U: EmitLoad(instr.MemArg, 2, OpCodes.Ldind_U2, null, typeof(int)); return true;
            case Opcode.I64Load8S: EmitLoad(instr.MemArg, 1, OpCodes.Ldind_I1, OpCodes.Conv_I8, typeof(long)); return true;
            case Opcode.I64Load8U: EmitLoad(instr.MemArg, 1, OpCodes.Ldind_U1, OpCodes.Conv_U8, typeof(long)); return true;
            case Opcode.I64Load16S: EmitLoad(instr.MemArg, 2, OpCodes.Ldind_I2, OpCodes.Conv_I8, typeof(long)); return true;
            case Opcode.I64Load16U: EmitLoad(instr.MemArg, 2, OpCodes.Ldind_U2, OpCodes.Conv_U8, typeof(long)); return true;
            case Opcode.I64Load32S: EmitLoad(instr.MemArg, 4, OpCodes.Ldind_I4, OpCodes.Conv_I8, typeof(long)); return true;
            case Opcode.I64Load32U: EmitLoad(instr.MemArg, 4, OpCodes.Ldind_U4, OpCodes.Conv_U8, typeof(long)); return true;
            case Opcode.I32Store: EmitStore(instr.MemArg, 4, OpCodes.Stind_I4, false); return true;
            case Opcode.I64Store: EmitStore(instr.MemArg, 8, OpCodes.Stind_I8, false); return true;
            case Opcode.F32Store: EmitStore(instr.MemArg, 4, OpCodes.Stind_R4, false); return true;
            case Opcode.F64Store: EmitStore(instr.MemArg, 8, OpCodes.Stind_R8, false); return true;
            case Opcode.I32Store8: EmitStore(instr.MemArg, 1, OpCodes.Stind_I1, false); return true;
            case Opcode.I32Store16: EmitStore(instr.MemArg, 2, OpCodes.Stind_I2, false); return true;
            case Opcode.I64Store8: EmitStore(instr.MemArg, 1, OpCodes.Stind_I1, true); return true;
            case Opcode.I64Store16: EmitStore(instr.MemArg, 2, OpCodes.Stind_I2, true); return true;
            case Opcode.I64Store32: EmitStore(instr.MemArg, 4, OpCodes.Stind_I4, true); return true;
            case Opcode.MemorySize:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemorySize)), 0, (int)instr.Index);
                NarrowForMemory(instr.Index);
                return true;
            case Opcode.MemoryGrow:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemoryGrow)), 1, (int)instr.Index);
                NarrowForMemory(instr.Index);
                return true;
            case Opcode.MemoryFill:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemoryFill)), 3, (int)instr.Index);
                return true;
            case Opcode.MemoryCopy:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemoryCopy)), 3, (int)instr.Index, (int)instr.Index2);
                return true;
            case Opcode.MemoryInit:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemoryInit)), 3, (int)instr.Index2, (int)instr.Index);
                return true;
            case Opcode.DataDrop:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.DataDrop)), 0, (int)instr.Index);
                return true;
            default:
                return false;
        }
    }

    /// <summary>memory.size and memory.grow return i32 for memory32: the helper's long narrows.</summary>
    private void NarrowForMemory(uint memory)
    {
        Pop();
        if (_module.Memories[memory].Is64)
        {
            Push(typeof(long));
        }
        else
        {
            _il.Emit(OpCodes.Conv_I4);
            Push(typeof(int));
        }
    }

    /// <summary>
    /// Turns the address on top of the stack into a checked native pointer: the effective address
    /// in ulong, then <see cref="MemoryAccess"/>'s bounds check against the memory's current length.
    /// </summary>
    private void EmitAddress(MemArg arg, int size)
    {
        Pop();
        bool is64 = _module.Memories[arg.MemoryIndex].Is64;
        _il.Emit(OpCodes.Conv_U8);
        if (arg.Offset != 0)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)arg.Offset);
            if (is64) _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.EffectiveAddress64)));
            else _il.Emit(OpCodes.Add);
        }
        LoadMemory(arg.MemoryIndex);
        _il.Emit(OpCodes.Call, Method(typeof(MemoryAccess), is64 ? $"At64x{size}" : $"At{size}"));
    }

    private void LoadMemory(uint index)
    {
        if (index == 0)
        {
            _il.Emit(OpCodes.Ldloc, _memory0!);
        }
        else
        {
            LoadContext();
            _il.Emit(OpCodes.Ldfld, typeof(VmContext).GetField(nameof(VmContext.Memories))!);
            _il.Emit(OpCodes.Ldc_I4, (int)index);
            _il.Emit(OpCodes.Ldelem_Ref);
        }
    }

    private void EmitLoad(MemArg arg, int size, OpCode load, OpCode? widen, Type result)
    {
        EmitAddress(arg, size);
        if (size > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(load);
        if (widen is OpCode w) _il.Emit(w);
        Push(result);
    }

    private void EmitStore(MemArg arg, int size, OpCode store, bool narrowFrom64)
    {
        Type t = Pop();
        LocalBuilder value = RentTemp(t);
        _il.Emit(OpCodes.Stloc, value);
        EmitAddress(arg, size);
        _il.Emit(OpCodes.Ldloc, value);
        ReturnTemp(value);
        if (narrowFrom64) _il.Emit(OpCodes.Conv_I4);
        if (size > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(store);
    }
}
