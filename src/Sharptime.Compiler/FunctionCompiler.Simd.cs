using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// The 128-bit SIMD instructions: v128 values are <c>Vector128&lt;byte&gt;</c> on the IL stack and
    /// reinterpret for free. Integer lanes, memory and lane moves in one part, float lanes in another.
    /// </summary>
    private bool EmitSimd(ref Instruction instr) => EmitSimdInteger(ref instr) || EmitSimdFloat(ref instr);
}
