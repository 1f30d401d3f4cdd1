using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Which defined functions may change memory 0's base or length before they return, so that a
/// direct call to one that cannot keeps the caller's cached base and length (<c>ReloadMemory0</c>).
/// Conservative: a function may when it executes memory.grow (any index: it can be the same imported
/// memory), calls an import or through a table or reference (host code or another instance can grow
/// the memory), executes an atomic while memory 0 is shared (another thread's grow becomes visible
/// there), or calls, directly or in a tail call, a function that may. With epoch interruption every
/// function may: the deadline callback is host code run from any function entry.
/// </summary>
internal static class MemoryGrowth
{
    /// <summary>Per defined function: whether a call to it may change memory 0's base or length.</summary>
    public static bool[] MayChangeMemory0(WasmModule m, bool epochInterruption)
    {
        int count = m.Code.Length;
        var may = new bool[count];
        if (epochInterruption)
        {
            Array.Fill(may, true);
            return may;
        }
        bool sharedMemory0 = m.Memories.Length > 0 && m.Memories[0].Shared;
        var callers = new List<int>?[count];
        var pending = new Stack<int>();
        var instr = new Instruction();
        for (int i = 0; i < count; i++)
        {
            FunctionBody body = m.Code[i];
            var reader = new InstructionReader(m.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
            while (!reader.AtEnd)
            {
                reader.Read(ref instr);
                switch (instr.Opcode)
                {
                    case Opcode.Call or Opcode.ReturnCall when instr.Index >= (uint)m.ImportedFunctionCount:
                        (callers[instr.Index - (uint)m.ImportedFunctionCount] ??= []).Add(i);
                        continue;
                    case Opcode.MemoryGrow or Opcode.Call or Opcode.ReturnCall
                        or Opcode.CallIndirect or Opcode.ReturnCallIndirect or Opcode.CallRef or Opcode.ReturnCallRef:
                        may[i] = true;
                        break;
                    default:
                        may[i] = sharedMemory0 && instr.Info.Feature == WasmFeatures.Threads;
                        break;
                }
                if (may[i]) break;
            }
            if (may[i]) pending.Push(i);
        }
        while (pending.Count > 0)
        {
            foreach (int caller in callers[pending.Pop()] ?? [])
            {
                if (may[caller]) continue;
                may[caller] = true;
                pending.Push(caller);
            }
        }
        return may;
    }
}
