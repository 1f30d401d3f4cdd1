using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Interpreter;

internal static partial class Executor
{
    /// <summary>
    /// <see cref="Op.Atomic"/>: the threads proposal's instructions, through <see cref="Atomics"/> (the code
    /// compiled code calls). Operands: Wasm opcode, d, a (address), b, c (values), memory, offset (two words).
    /// </summary>
    private static void Atomic(VmContext ctx, ref int code, int pc, ref ulong f)
    {
        var opcode = (Opcode)I(ref code, pc + 1);
        if (opcode == Opcode.AtomicFence)
        {
            Atomics.Fence();
            return;
        }
        int d = I(ref code, pc + 2), a = I(ref code, pc + 3), b = I(ref code, pc + 4), c = I(ref code, pc + 5);
        MemoryInstance m = ctx.Memories[I(ref code, pc + 6)];
        ulong offset = (uint)I(ref code, pc + 7) | ((ulong)(uint)I(ref code, pc + 8) << 32);
        ulong address = m.Type.Is64 ? S(ref f, a) : (uint)S(ref f, a);
        int group = (int)((uint)opcode & 0xFFFF);
        switch (opcode)
        {
            case Opcode.MemoryAtomicNotify:
                S(ref f, d) = (uint)Atomics.Notify(address, (int)S(ref f, b), m, offset);
                break;
            case Opcode.MemoryAtomicWait32:
                S(ref f, d) = (uint)Atomics.Wait32(address, (int)S(ref f, b), (long)S(ref f, c), m, offset, ctx);
                break;
            case Opcode.MemoryAtomicWait64:
                S(ref f, d) = (uint)Atomics.Wait64(address, (long)S(ref f, b), (long)S(ref f, c), m, offset, ctx);
                break;
            case >= Opcode.I32AtomicLoad and < Opcode.I32AtomicStore:
                S(ref f, d) = Atomics.Load(address, m, offset, group - Atomics.FirstLoad);
                break;
            case >= Opcode.I32AtomicStore and < Opcode.I32AtomicRmwAdd:
                Atomics.Store(address, S(ref f, b), m, offset, group - Atomics.FirstStore);
                break;
            case >= Opcode.I32AtomicRmwCmpxchg:
                S(ref f, d) = Atomics.Cmpxchg(address, S(ref f, b), S(ref f, c), m, offset, group - Atomics.FirstCmpxchg);
                break;
            default:
                S(ref f, d) = Atomics.Rmw(address, S(ref f, b), m, offset, (group - Atomics.FirstRmw) / 7, (group - Atomics.FirstRmw) % 7);
                break;
        }
    }
}
