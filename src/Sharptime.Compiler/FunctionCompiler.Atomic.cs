using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// The threads proposal's instructions (0xFE prefix). Each is one call of <see cref="Atomics"/>, the code the
/// interpreter runs too: atomics are rare next to plain accesses and their cost is the locked instruction
/// itself, so a call costs little and both tiers share one implementation of the alignment check, the
/// narrow compare-exchange loops and the wait/notify queues.
/// </summary>
internal sealed partial class FunctionCompiler
{
    private bool EmitAtomic(ref Instruction instr)
    {
        if ((uint)instr.Opcode >> 24 != 0xFE) return false;
        int code = (int)((uint)instr.Opcode & 0xFFFF);
        if (instr.Opcode == Opcode.AtomicFence)
        {
            _il.Emit(OpCodes.Call, Method(typeof(Atomics), nameof(Atomics.Fence)));
            return true;
        }
        MemArg arg = instr.MemArg;
        switch (instr.Opcode)
        {
            case Opcode.MemoryAtomicNotify:
                EmitAtomicCall(nameof(Atomics.Notify), arg, 2, null, null);
                break;
            case Opcode.MemoryAtomicWait32:
                EmitAtomicCall(nameof(Atomics.Wait32), arg, 3, null, null);
                break;
            case Opcode.MemoryAtomicWait64:
                EmitAtomicCall(nameof(Atomics.Wait64), arg, 3, null, null);
                break;
            case >= Opcode.I32AtomicLoad and < Opcode.I32AtomicStore:
                EmitAtomicCall(nameof(Atomics.Load), arg, 1, null, code - Atomics.FirstLoad);
                break;
            case >= Opcode.I32AtomicStore and < Opcode.I32AtomicRmwAdd:
                EmitAtomicCall(nameof(Atomics.Store), arg, 2, null, code - Atomics.FirstStore);
                break;
            case >= Opcode.I32AtomicRmwCmpxchg:
                EmitAtomicCall(nameof(Atomics.Cmpxchg), arg, 3, null, code - Atomics.FirstCmpxchg);
                break;
            default:
                EmitAtomicCall(nameof(Atomics.Rmw), arg, 2, (code - Atomics.FirstRmw) / 7, (code - Atomics.FirstRmw) % 7);
                break;
        }
        // Atomics are where threads synchronize: after one, another thread's memory.grow may be visible.
        if (arg.MemoryIndex == 0 && _module.Memories[0].Shared) ReloadMemory0();
        return true;
    }

    /// <summary>
    /// Calls <paramref name="helper"/> with the <paramref name="operands"/> values on the stack (the address
    /// first, zero-extended; i32 values widened to the helper's <c>ulong</c> parameters), then the memory, the
    /// offset and, when given, the <see cref="Atomics.RmwOp"/> <paramref name="op"/> and the <paramref name="width"/>
    /// (and the context, for the waits: a waiting thread looks at its store's deadline).
    /// </summary>
    private void EmitAtomicCall(string helper, MemArg arg, int operands, int? op, int? width)
    {
        System.Reflection.MethodInfo method = Method(typeof(Atomics), helper);
        System.Reflection.ParameterInfo[] ps = method.GetParameters();
        var temps = new IlLocal[operands - 1];
        for (int i = operands - 2; i >= 0; i--)
        {
            temps[i] = RentTemp(Pop());
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        if (Pop() == typeof(int)) _il.Emit(OpCodes.Conv_U8);
        for (int i = 0; i < temps.Length; i++)
        {
            _il.Emit(OpCodes.Ldloc, temps[i]);
            if (temps[i].LocalType == typeof(int) && ps[i + 1].ParameterType == typeof(ulong)) _il.Emit(OpCodes.Conv_U8);
            ReturnTemp(temps[i]);
        }
        LoadMemory(arg.MemoryIndex);
        EmitLdcI8((long)arg.Offset);
        if (op is int o) EmitLdcI4(o);
        if (width is int w) EmitLdcI4(w);
        if (ps[^1].ParameterType == typeof(VmContext)) LoadContext();
        _il.Emit(OpCodes.Call, method);
        if (method.ReturnType == typeof(void)) return;
        if (method.ReturnType == typeof(int))
        {
            Push(typeof(int));
        }
        else if (Atomics.Is64(width!.Value))
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
