using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitNumeric(ref Instruction instr)
    {
        OpcodeInfo info = instr.Info;
        switch (instr.Opcode)
        {
            case Opcode.I32Const:
                EmitLdcI4((int)instr.Int);
                Push(typeof(int));
                return true;
            case Opcode.I64Const:
                EmitLdcI8(instr.Int);
                Push(typeof(long));
                return true;
            case Opcode.F32Const:
                // Through the bits: a float literal could lose a signaling NaN's payload.
                EmitLdcI4((int)(uint)instr.Bits);
                bool signaling = (instr.Bits & 0x7F800000) == 0x7F800000 && (instr.Bits & 0x007FFFFF) != 0 && (instr.Bits & 0x00400000) == 0;
                _il.Emit(OpCodes.Call, signaling
                    ? Method(typeof(Numerics), nameof(Numerics.F32FromBitsExact))
                    : Method(typeof(BitConverter), nameof(BitConverter.Int32BitsToSingle)));
                Push(typeof(float));
                return true;
            case Opcode.F64Const:
                EmitLdcI8((long)instr.Bits);
                _il.Emit(OpCodes.Call, Method(typeof(BitConverter), nameof(BitConverter.Int64BitsToDouble)));
                Push(typeof(double));
                return true;
        }
        if (info.Params is null || info.Results is null || info.Immediates != ImmediateKind.None || info.Results.Length != 1) return false;
        if (instr.Opcode == Opcode.F32ReinterpretI32 && OpcodeBefore(1) == Opcode.I32Const)
        {
            // The JIT folds the reinterpretation of a constant through a double, quieting a signaling NaN.
            _il.Emit(OpCodes.Call, Method(typeof(Numerics), nameof(Numerics.F32FromBitsExact)));
        }
        else if (instr.Opcode is Opcode.I32Rotl or Opcode.I32Rotr or Opcode.I64Rotl or Opcode.I64Rotr
            && InstructionBefore(1) is { Opcode: Opcode.I32Const or Opcode.I64Const } count)
        {
            // dotnet/runtime issue 129288: see JitWorkarounds.EmitRotateByConstant.
            bool wide = instr.Opcode is Opcode.I64Rotl or Opcode.I64Rotr;
            bool left = instr.Opcode is Opcode.I32Rotl or Opcode.I64Rotl;
            _il.Emit(OpCodes.Pop);
            IlLocal temp = RentTemp(wide ? typeof(long) : typeof(int));
            if (JitWorkarounds.EmitRotateByConstant(_il, temp, wide, left, count.Int, asRotate: !_likelyMinOpts) && !_likelyMinOpts
                && JitWorkarounds.RotateMayBeTested(_module.Bytes.Span[_codeStart.._codeEnd], _codeStart, instr.Offset, ref _rotateScanBudget))
            {
                _il.Emit(OpCodes.Stloc, temp);
                LoadContext();
                _il.Emit(OpCodes.Ldloc, temp);
                if (wide) _il.Emit(OpCodes.Conv_I4);
                _il.Emit(OpCodes.Stfld, Field(typeof(VmContext), nameof(VmContext.FlagsFence)));
                _il.Emit(OpCodes.Ldloc, temp);
            }
            ReturnTemp(temp);
        }
        else if (_likelyMinOpts && instr.Opcode is Opcode.F32Add or Opcode.F32Sub or Opcode.F32Mul or Opcode.F32Div
            or Opcode.F64Add or Opcode.F64Sub or Opcode.F64Mul or Opcode.F64Div)
        {
            // Numerics.F32Add and its kin would be calls under MinOpts (2-3x slower float code, measured):
            // the IL operation, then a NaN result is quieted, which is right whatever the JIT folded.
            bool wide = instr.Opcode is Opcode.F64Add or Opcode.F64Sub or Opcode.F64Mul or Opcode.F64Div;
            _il.Emit(instr.Opcode switch
            {
                Opcode.F32Add or Opcode.F64Add => OpCodes.Add,
                Opcode.F32Sub or Opcode.F64Sub => OpCodes.Sub,
                Opcode.F32Mul or Opcode.F64Mul => OpCodes.Mul,
                _ => OpCodes.Div,
            });
            IlLabel number = _il.DefineLabel();
            Emit(OpCodes.Dup, OpCodes.Dup);
            _il.Emit(OpCodes.Beq, number);
            _il.Emit(OpCodes.Call, Method(typeof(Numerics), wide ? nameof(Numerics.QuietF64) : nameof(Numerics.QuietF32)));
            _il.MarkLabel(number);
        }
        else if (!EmitDirect(instr.Opcode))
        {
            MethodInfo? helper = HelperFor(instr.Opcode);
            if (helper is null) return false;
            _il.Emit(OpCodes.Call, helper);
        }
        PopN(info.Params.Length);
        Push(info.Results[0] switch
        {
            'i' => typeof(int),
            'I' => typeof(long),
            'f' => typeof(float),
            _ => typeof(double),
        });
        return true;
    }

    private static MethodInfo? HelperFor(Opcode op) => OpcodeHelpers.Numeric.GetValueOrDefault(op);

    /// <summary>Instructions that are one or a few IL opcodes with the spec's semantics.</summary>
    private bool EmitDirect(Opcode op)
    {
        switch (op)
        {
            case Opcode.I32Eqz: Emit(OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I64Eqz: Emit(OpCodes.Ldc_I4_0, OpCodes.Conv_I8, OpCodes.Ceq); return true;
            case Opcode.I32Eq or Opcode.I64Eq or Opcode.F32Eq or Opcode.F64Eq: Emit(OpCodes.Ceq); return true;
            case Opcode.I32Ne or Opcode.I64Ne or Opcode.F32Ne or Opcode.F64Ne: Emit(OpCodes.Ceq, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I32LtS or Opcode.I64LtS or Opcode.F32Lt or Opcode.F64Lt: Emit(OpCodes.Clt); return true;
            case Opcode.I32LtU or Opcode.I64LtU: Emit(OpCodes.Clt_Un); return true;
            case Opcode.I32GtS or Opcode.I64GtS or Opcode.F32Gt or Opcode.F64Gt: Emit(OpCodes.Cgt); return true;
            case Opcode.I32GtU or Opcode.I64GtU: Emit(OpCodes.Cgt_Un); return true;
            case Opcode.I32LeS or Opcode.I64LeS: Emit(OpCodes.Cgt, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I32LeU or Opcode.I64LeU: Emit(OpCodes.Cgt_Un, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I32GeS or Opcode.I64GeS: Emit(OpCodes.Clt, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I32GeU or Opcode.I64GeU: Emit(OpCodes.Clt_Un, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            // Unordered comparisons negated: false when either operand is NaN.
            case Opcode.F32Le or Opcode.F64Le: Emit(OpCodes.Cgt_Un, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.F32Ge or Opcode.F64Ge: Emit(OpCodes.Clt_Un, OpCodes.Ldc_I4_0, OpCodes.Ceq); return true;
            case Opcode.I32Add or Opcode.I64Add: Emit(OpCodes.Add); return true;
            case Opcode.I32Sub or Opcode.I64Sub: Emit(OpCodes.Sub); return true;
            case Opcode.I32Mul or Opcode.I64Mul: Emit(OpCodes.Mul); return true;
            case Opcode.I32And or Opcode.I64And: Emit(OpCodes.And); return true;
            case Opcode.I32Or or Opcode.I64Or: Emit(OpCodes.Or); return true;
            case Opcode.I32Xor or Opcode.I64Xor: Emit(OpCodes.Xor); return true;
            // IL leaves shifts by the width or more unspecified; Wasm takes the count modulo the width.
            case Opcode.I32Shl: EmitShift(OpCodes.Shl, 31, false); return true;
            case Opcode.I32ShrS: EmitShift(OpCodes.Shr, 31, false); return true;
            case Opcode.I32ShrU: EmitShift(OpCodes.Shr_Un, 31, false); return true;
            case Opcode.I64Shl: EmitShift(OpCodes.Shl, 63, true); return true;
            case Opcode.I64ShrS: EmitShift(OpCodes.Shr, 63, true); return true;
            case Opcode.I64ShrU: EmitShift(OpCodes.Shr_Un, 63, true); return true;
            case Opcode.I32WrapI64: Emit(OpCodes.Conv_I4); return true;
            case Opcode.I64ExtendI32S: Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64ExtendI32U: Emit(OpCodes.Conv_U8); return true;
            case Opcode.I32Extend8S: Emit(OpCodes.Conv_I1); return true;
            case Opcode.I32Extend16S: Emit(OpCodes.Conv_I2); return true;
            case Opcode.I64Extend8S: Emit(OpCodes.Conv_I1, OpCodes.Conv_I8); return true;
            case Opcode.I64Extend16S: Emit(OpCodes.Conv_I2, OpCodes.Conv_I8); return true;
            case Opcode.I64Extend32S: Emit(OpCodes.Conv_I4, OpCodes.Conv_I8); return true;
            case Opcode.F32ConvertI32S: Emit(OpCodes.Conv_R4); return true;
            case Opcode.F64ConvertI32S or Opcode.F64ConvertI64S: Emit(OpCodes.Conv_R8); return true;
            // JIT intrinsics (sqrtss/sqrtsd), never a call; IEEE 754 square root quiets a NaN as Wasm requires.
            case Opcode.F32Sqrt: _il.Emit(OpCodes.Call, Method(typeof(MathF), nameof(MathF.Sqrt))); return true;
            case Opcode.F64Sqrt: _il.Emit(OpCodes.Call, Method(typeof(Math), nameof(Math.Sqrt))); return true;
            default: return false;
        }
    }

    private void Emit(params ReadOnlySpan<OpCode> ops)
    {
        foreach (OpCode op in ops) _il.Emit(op);
    }

    private void EmitShift(OpCode shift, int mask, bool wide)
    {
        if (wide) _il.Emit(OpCodes.Conv_I4);
        EmitLdcI4(mask);
        _il.Emit(OpCodes.And);
        _il.Emit(shift);
    }
}
