using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private static readonly Dictionary<Opcode, MethodInfo?> SimdFloatHelpers = [];

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
        MethodInfo? helper = SimdFloatHelperFor(instr.Opcode);
        if (helper is null) return false;
        _il.Emit(OpCodes.Call, helper);
        if (instr.Opcode is Opcode.F32x4Add or Opcode.F32x4Sub or Opcode.F32x4Mul or Opcode.F32x4Div && HasConstantOperand())
        {
            _il.Emit(OpCodes.Call, typeof(SimdFloat).GetMethod(nameof(SimdFloat.QuietF32x4))!);
        }
        else if (instr.Opcode is Opcode.F64x2Add or Opcode.F64x2Sub or Opcode.F64x2Mul or Opcode.F64x2Div && HasConstantOperand())
        {
            _il.Emit(OpCodes.Call, typeof(SimdFloat).GetMethod(nameof(SimdFloat.QuietF64x2))!);
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
    private bool HasConstantOperand()
    {
        // _wasmOffsets ends with the current instruction.
        if (_wasmOffsets.Count < 2) return false;
        Opcode previous = OpcodeAt(_wasmOffsets[^2]);
        if (previous == Opcode.V128Const) return true;
        return _wasmOffsets.Count >= 3 && previous is Opcode.LocalGet or Opcode.GlobalGet && OpcodeAt(_wasmOffsets[^3]) == Opcode.V128Const;
    }

    private Opcode OpcodeAt(int offset)
    {
        var reader = new InstructionReader(_module.Bytes.Span[offset..], offset);
        var instr = new Instruction();
        reader.Read(ref instr);
        return instr.Opcode;
    }

    private static MethodInfo? SimdFloatHelperFor(Opcode op)
    {
        lock (SimdFloatHelpers)
        {
            if (!SimdFloatHelpers.TryGetValue(op, out MethodInfo? m))
            {
                SimdFloatHelpers[op] = m = typeof(SimdFloat).GetMethod(op.ToString(), BindingFlags.Public | BindingFlags.Static);
            }
            return m;
        }
    }
}
