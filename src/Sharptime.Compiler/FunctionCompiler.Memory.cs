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
                // Another thread may have grown a shared memory: pages the size shows must be accessible.
                if (instr.Index == 0 && _module.Memories[0].Shared) ReloadMemory0();
                return true;
            case Opcode.MemoryGrow:
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.MemoryGrow)), 1, (int)instr.Index);
                ReloadMemory0();
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
    /// Turns the address on top of the stack into a checked native pointer. Memory 0 is checked
    /// against the base and length cached in locals (<see cref="ReloadMemory0"/>) with one compare
    /// and a cold trap block; other memories go through <see cref="MemoryAccess"/>, which reads the
    /// memory's fields at every access.
    /// </summary>
    private void EmitAddress(MemArg arg, int size)
    {
        Pop();
        bool is64 = _module.Memories[arg.MemoryIndex].Is64;
        if (arg.MemoryIndex == 0 && _memoryBase is not null)
        {
            if (is64) EmitAddress64Cached(arg, size);
            else EmitAddress32Cached(arg, size);
            return;
        }
        _il.Emit(OpCodes.Conv_U8);
        if (arg.Offset != 0)
        {
            EmitLdcI8((long)arg.Offset);
            if (is64) _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.EffectiveAddress64)));
            else _il.Emit(OpCodes.Add);
        }
        LoadMemory(arg.MemoryIndex);
        _il.Emit(OpCodes.Call, Method(typeof(MemoryAccess), is64 ? $"At64x{size}" : $"At{size}"));
    }

    /// <summary>
    /// memory32: the access is in bounds when ea &lt;= length - (offset + size). The zero-extended
    /// address is below 2^32 and the length at most 2^32, so the compare is signed: when the
    /// memory is smaller than offset + size the right side is negative and every address traps.
    /// length - (offset + size) is loop-invariant between reloads, so the JIT hoists it and the
    /// check is one compare and branch. The offset is added to the pointer after the check so
    /// that the JIT can fold it into the addressing mode.
    /// </summary>
    private void EmitAddress32Cached(MemArg arg, int size)
    {
        // ea, length and base are native-sized locals (this needs a 64-bit process, like memory
        // reservations do): small constants then go in as ldc.i4 without a widening conversion.
        _il.Emit(OpCodes.Conv_U);
        if (CallsBoundsChecks && _wasmOffsets.Count > 0)
        {
            _il.Emit(OpCodes.Ldloc, _memoryLength!);
            EmitNativeConstant((long)arg.Offset + size);
            _il.Emit(OpCodes.Ldloc, _memoryBase!);
            EmitLdcI4(_wasmOffsets[^1]);
            _il.Emit(OpCodes.Call, Method(typeof(MemoryAccess), nameof(MemoryAccess.Checked)));
        }
        else
        {
            IlLocal ea = _memoryEa!;
            IlLabel ok = _il.DefineLabel();
            _il.Emit(OpCodes.Stloc, ea);
            _il.Emit(OpCodes.Ldloc, ea);
            _il.Emit(OpCodes.Ldloc, _memoryLength!);
            EmitNativeConstant((long)arg.Offset + size);
            _il.Emit(OpCodes.Sub);
            // The trap is at most 11 bytes of IL (ldc.i4 offset, call, throw): a short branch skips it.
            _il.Emit(OpCodes.Ble_S, ok);
            EmitTrap(TrapCode.MemoryOutOfBounds);
            _il.MarkLabel(ok);
            _il.Emit(OpCodes.Ldloc, _memoryBase!);
            _il.Emit(OpCodes.Ldloc, ea);
            _il.Emit(OpCodes.Add);
        }
        if (arg.Offset != 0)
        {
            EmitNativeConstant((long)arg.Offset);
            _il.Emit(OpCodes.Add);
        }
    }

    /// <summary>A non-negative constant as a native int: ldc.i4 (short forms) when it fits, which IL widens for free.</summary>
    private void EmitNativeConstant(long value)
    {
        if (value <= int.MaxValue)
        {
            EmitLdcI4((int)value);
        }
        else
        {
            _il.Emit(OpCodes.Ldc_I8, value);
            _il.Emit(OpCodes.Conv_I);
        }
    }

    /// <summary>memory64: the address can be anywhere, so the check is ea &lt;= length and length - ea &gt;= size.</summary>
    private void EmitAddress64Cached(MemArg arg, int size)
    {
        IlLocal ea = _memoryEa!;
        IlLabel ok = _il.DefineLabel();
        IlLabel fail = _il.DefineLabel();
        if (arg.Offset != 0)
        {
            EmitLdcI8((long)arg.Offset);
            _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.EffectiveAddress64)));
        }
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Stloc, ea);
        _il.Emit(OpCodes.Ldloc, ea);
        _il.Emit(OpCodes.Ldloc, _memoryLength!);
        _il.Emit(OpCodes.Bgt_Un, fail);
        _il.Emit(OpCodes.Ldloc, _memoryLength!);
        _il.Emit(OpCodes.Ldloc, ea);
        _il.Emit(OpCodes.Sub);
        EmitLdcI4(size);
        _il.Emit(OpCodes.Bge_Un_S, ok);
        _il.MarkLabel(fail);
        EmitTrap(TrapCode.MemoryOutOfBounds);
        _il.MarkLabel(ok);
        _il.Emit(OpCodes.Ldloc, _memoryBase!);
        _il.Emit(OpCodes.Ldloc, ea);
        _il.Emit(OpCodes.Add);
    }

    /// <summary>
    /// Copies memory 0's base and length into locals, where the JIT can keep them in registers.
    /// Emitted on entry and after everything that can grow memory 0 or run code that can: every
    /// call (a callee or a host function can grow it, also through another instance that imports
    /// it) and every memory.grow (another memory index can be the same imported memory). Growing
    /// can move the base when the memory is not reserved up front.
    /// </summary>
    private void ReloadMemory0()
    {
        if (_memoryBase is null) return;
        _il.Emit(OpCodes.Ldloc, _memory0!);
        _il.Emit(OpCodes.Ldfld, Field(typeof(MemoryInstance), nameof(MemoryInstance.Base)));
        _il.Emit(OpCodes.Stloc, _memoryBase);
        _il.Emit(OpCodes.Ldloc, _memory0!);
        _il.Emit(OpCodes.Ldfld, Field(typeof(MemoryInstance), nameof(MemoryInstance.Length)));
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Stloc, _memoryLength!);
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
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Memories)));
            EmitLdcI4((int)index);
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
        IlLocal value = RentTemp(t);
        _il.Emit(OpCodes.Stloc, value);
        EmitAddress(arg, size);
        _il.Emit(OpCodes.Ldloc, value);
        ReturnTemp(value);
        if (narrowFrom64) _il.Emit(OpCodes.Conv_I4);
        if (size > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(store);
    }
}
