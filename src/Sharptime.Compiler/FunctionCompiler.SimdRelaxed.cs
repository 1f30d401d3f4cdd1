using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// Relaxed SIMD: a call to the <see cref="SimdRelaxed"/> method named after the opcode, which
    /// picks one allowed result per instruction by hardware, the same at every call site.
    /// </summary>
    private bool EmitSimdRelaxed(ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        if ((info.Feature & WasmFeatures.RelaxedSimd) == 0 || info.Params is null) return false;
        if (!OpcodeHelpers.SimdRelaxed.TryGetValue(instr.Opcode, out MethodInfo? helper)) return false;
        _il.Emit(OpCodes.Call, helper);
        PopN(info.Params.Length);
        Push(typeof(Vector128<byte>));
        return true;
    }
}
