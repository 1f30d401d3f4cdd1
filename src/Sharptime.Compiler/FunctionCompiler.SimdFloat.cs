using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// Float-lane arithmetic, comparisons, rounding and float conversions. Each is a call to the
    /// <see cref="SimdFloat"/> method named after its opcode, which the JIT inlines; the helpers
    /// hold the NaN and saturation rules in one place for JIT and artifact code alike. Relaxed SIMD
    /// is dispatched from here too.
    /// </summary>
    private bool EmitSimdFloat(ref Instruction instr)
    {
        if (EmitSimdRelaxed(ref instr)) return true;
        OpcodeInfo info = instr.Info;
        if ((info.Feature & WasmFeatures.Simd) == 0 || info.Immediates != ImmediateKind.None || info.Params is null) return false;
        if (!OpcodeHelpers.SimdFloat.TryGetValue(instr.Opcode, out MethodInfo? helper)) return false;
        _il.Emit(OpCodes.Call, helper);
        PopN(info.Params.Length);
        Push(typeof(Vector128<byte>));
        return true;
    }
}
