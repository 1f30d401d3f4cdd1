using System.Reflection.Emit;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// The wide-arithmetic proposal: 128-bit add and subtract over (low, high) i64 pairs and the
    /// full 128-bit products of two i64. Each pushes the low half, then the high half.
    /// </summary>
    private bool EmitWideArithmetic(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.I64Add128:
            case Opcode.I64Sub128:
                Emit128(add: instr.Opcode == Opcode.I64Add128);
                return true;
            case Opcode.I64MulWideS:
            case Opcode.I64MulWideU:
                EmitMulWide(signed: instr.Opcode == Opcode.I64MulWideS);
                return true;
            default:
                return false;
        }
    }

    private void Emit128(bool add)
    {
        IlLocal rightHigh = RentTemp(typeof(long)), rightLow = RentTemp(typeof(long));
        IlLocal leftHigh = RentTemp(typeof(long)), leftLow = RentTemp(typeof(long));
        IlLocal low = RentTemp(typeof(long));
        _il.Emit(OpCodes.Stloc, rightHigh);
        _il.Emit(OpCodes.Stloc, rightLow);
        _il.Emit(OpCodes.Stloc, leftHigh);
        _il.Emit(OpCodes.Stloc, leftLow);
        _il.Emit(OpCodes.Ldloc, leftLow);
        _il.Emit(OpCodes.Ldloc, rightLow);
        _il.Emit(add ? OpCodes.Add : OpCodes.Sub);
        _il.Emit(OpCodes.Stloc, low);
        _il.Emit(OpCodes.Ldloc, low);
        // high = left.high ± right.high ± carry, where the carry (borrow) is an unsigned overflow of the low halves.
        _il.Emit(OpCodes.Ldloc, leftHigh);
        _il.Emit(OpCodes.Ldloc, rightHigh);
        _il.Emit(add ? OpCodes.Add : OpCodes.Sub);
        if (add)
        {
            _il.Emit(OpCodes.Ldloc, low);
            _il.Emit(OpCodes.Ldloc, leftLow);
        }
        else
        {
            _il.Emit(OpCodes.Ldloc, leftLow);
            _il.Emit(OpCodes.Ldloc, rightLow);
        }
        _il.Emit(OpCodes.Clt_Un);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(add ? OpCodes.Add : OpCodes.Sub);
        foreach (IlLocal t in (ReadOnlySpan<IlLocal>)[rightHigh, rightLow, leftHigh, leftLow, low]) ReturnTemp(t);
        PopN(4);
        Push(typeof(long));
        Push(typeof(long));
    }

    private void EmitMulWide(bool signed)
    {
        IlLocal low = RentTemp(typeof(long));
        IlLocal high = RentTemp(typeof(long));
        _il.Emit(OpCodes.Ldloca, low);
        _il.Emit(OpCodes.Call, signed
            ? typeof(Math).GetMethod(nameof(Math.BigMul), [typeof(long), typeof(long), typeof(long).MakeByRefType()])!
            : typeof(Math).GetMethod(nameof(Math.BigMul), [typeof(ulong), typeof(ulong), typeof(ulong).MakeByRefType()])!);
        _il.Emit(OpCodes.Stloc, high);
        _il.Emit(OpCodes.Ldloc, low);
        _il.Emit(OpCodes.Ldloc, high);
        ReturnTemp(low);
        ReturnTemp(high);
        PopN(2);
        Push(typeof(long));
        Push(typeof(long));
    }
}
