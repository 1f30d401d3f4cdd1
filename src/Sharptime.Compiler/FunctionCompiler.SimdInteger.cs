using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>v128 memory access, constants, lane moves, shuffles, bitwise and integer-lane operations.</summary>
    private bool EmitSimdInteger(ref Instruction instr) => instr.Opcode == Opcode.Unreachable && _module is null; // integration skeleton: the simd-int branch replaces it
}
