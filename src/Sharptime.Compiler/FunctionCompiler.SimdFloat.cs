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
        if (instr.Opcode is Opcode.F32x4Add or Opcode.F32x4Sub or Opcode.F32x4Mul or Opcode.F32x4Div && HasConstantOperand())
        {
            _il.Emit(OpCodes.Call, Method(typeof(SimdFloat), nameof(SimdFloat.QuietF32x4)));
        }
        else if (instr.Opcode is Opcode.F64x2Add or Opcode.F64x2Sub or Opcode.F64x2Mul or Opcode.F64x2Div && HasConstantOperand())
        {
            _il.Emit(OpCodes.Call, Method(typeof(SimdFloat), nameof(SimdFloat.QuietF64x2)));
        }
        PopN(info.Params.Length);
        Push(typeof(Vector128<byte>));
        return true;
    }

    /// <summary>
    /// Whether an operand of the current binary instruction is a <c>v128.const</c> the JIT can see:
    /// the previous instruction, or the one before a <c>local.get</c>/<c>global.get</c>. The JIT folds
    /// identities such as <c>x * 1</c> to <c>x</c>, so such results get their NaNs quieted. A
    /// constant that reaches the operation through a local set earlier is not detected.
    /// </summary>
    private bool HasConstantOperand() =>
        OpcodeBefore(1) == Opcode.V128Const
        || OpcodeBefore(1) is Opcode.LocalGet or Opcode.GlobalGet && OpcodeBefore(2) == Opcode.V128Const;
}
