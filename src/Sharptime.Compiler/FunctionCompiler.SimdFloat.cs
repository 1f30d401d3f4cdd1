using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>Float-lane arithmetic, comparisons, rounding and float conversions.</summary>
    private bool EmitSimdFloat(ref Instruction instr) => instr.Opcode == Opcode.Unreachable && _module is null; // integration skeleton: the simd-float branch replaces it
}
