using Sharptime.Binary;

namespace Sharptime.Interpreter;

internal sealed partial class Translator
{
    /// <summary>
    /// The threads proposal's instructions (0xFE prefix) become <see cref="Op.Atomic"/>, which runs them through
    /// <see cref="Abi.Atomics"/> as compiled code does.
    /// </summary>
    private bool TranslateAtomic(ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        if (info.Feature != WasmFeatures.Threads) return false;
        if (instr.Opcode == Opcode.AtomicFence)
        {
            EmitAll(Op.Atomic, (int)instr.Opcode, -1, -1, -1, -1, 0, 0, 0);
            return true;
        }
        int c = info.Params!.Length > 2 ? Pop() : -1;
        int b = info.Params.Length > 1 ? Pop() : -1;
        int a = Pop();
        int d = info.Results!.Length > 0 ? Push(Kind.Scalar) : -1;
        MemArg arg = instr.MemArg;
        EmitAll(Op.Atomic, (int)instr.Opcode, d, a, b, c, (int)arg.MemoryIndex, (int)arg.Offset, (int)(arg.Offset >> 32));
        return true;
    }
}
