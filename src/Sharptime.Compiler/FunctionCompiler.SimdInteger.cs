using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.Intrinsics;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private static readonly Type V128 = typeof(Vector128<byte>);

    /// <summary>The last v128.const compiled: its byte offset and value, for f32x4.extract_lane right after it.</summary>
    private (int Offset, ulong Low, ulong High) _lastV128Const = (-1, 0, 0);

    /// <summary>v128 memory access, constants, lane moves, shuffles, bitwise and integer-lane operations.</summary>
    private bool EmitSimdInteger(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.V128Const:
                EmitV128Const(instr.V128Low, instr.V128High);
                _lastV128Const = (instr.Offset, instr.V128Low, instr.V128High);
                return true;
            case Opcode.F32x4ExtractLane when OperandIsLastV128Const(instr.Offset):
            {
                // The JIT would fold the lane of a constant vector into a float constant, which it
                // keeps as a double: a signaling NaN would come out quiet. Take the bits here instead.
                _il.Emit(OpCodes.Pop);
                Pop();
                ulong half = instr.Index < 2 ? _lastV128Const.Low : _lastV128Const.High;
                int bits = (int)(uint)(half >> (int)(32 * (instr.Index & 1)));
                EmitLdcI4(bits);
                _il.Emit(OpCodes.Call, Method(typeof(Numerics), nameof(Numerics.F32FromBitsExact)));
                Push(typeof(float));
                return true;
            }
            case Opcode.I8x16Shuffle:
                EmitShuffle(instr.V128Low, instr.V128High);
                return true;
            case Opcode.V128Load:
                EmitAddress(instr.MemArg, 16);
                _il.Emit(OpCodes.Unaligned, (byte)1);
                _il.Emit(OpCodes.Ldobj, V128);
                Push(V128);
                return true;
            case Opcode.V128Store:
                EmitV128Store(instr.MemArg);
                return true;
            case Opcode.V128Load8x8S or Opcode.V128Load8x8U or Opcode.V128Load16x4S or Opcode.V128Load16x4U
                or Opcode.V128Load32x2S or Opcode.V128Load32x2U:
                EmitV128LoadBits(instr.MemArg, 8, OpcodeHelpers.SimdInteger[instr.Opcode]);
                return true;
            case Opcode.V128Load8Splat: EmitV128LoadBits(instr.MemArg, 1, OpcodeHelpers.SimdInteger[Opcode.I8x16Splat]); return true;
            case Opcode.V128Load16Splat: EmitV128LoadBits(instr.MemArg, 2, OpcodeHelpers.SimdInteger[Opcode.I16x8Splat]); return true;
            case Opcode.V128Load32Splat: EmitV128LoadBits(instr.MemArg, 4, OpcodeHelpers.SimdInteger[Opcode.I32x4Splat]); return true;
            case Opcode.V128Load64Splat: EmitV128LoadBits(instr.MemArg, 8, OpcodeHelpers.SimdInteger[Opcode.I64x2Splat]); return true;
            case Opcode.V128Load32Zero: EmitV128LoadBits(instr.MemArg, 4, OpcodeHelpers.SimdInteger[Opcode.V128Load32Zero]); return true;
            case Opcode.V128Load64Zero: EmitV128LoadBits(instr.MemArg, 8, OpcodeHelpers.SimdInteger[Opcode.V128Load64Zero]); return true;
            case Opcode.V128Load8Lane: EmitV128Lane(ref instr, 1, true); return true;
            case Opcode.V128Load16Lane: EmitV128Lane(ref instr, 2, true); return true;
            case Opcode.V128Load32Lane: EmitV128Lane(ref instr, 4, true); return true;
            case Opcode.V128Load64Lane: EmitV128Lane(ref instr, 8, true); return true;
            case Opcode.V128Store8Lane: EmitV128Lane(ref instr, 1, false); return true;
            case Opcode.V128Store16Lane: EmitV128Lane(ref instr, 2, false); return true;
            case Opcode.V128Store32Lane: EmitV128Lane(ref instr, 4, false); return true;
            case Opcode.V128Store64Lane: EmitV128Lane(ref instr, 8, false); return true;
        }
        if (SimdIntrinsics.Recipes.TryGetValue(instr.Opcode, out SimdIntrinsics.Recipe recipe))
        {
            EmitSimdIntrinsic(recipe, (int)instr.Index);
            return true;
        }
        OpcodeInfo info = instr.Info;
        if (info.Immediates is not (ImmediateKind.None or ImmediateKind.Lane) || info.Params is null
            || !OpcodeHelpers.SimdInteger.TryGetValue(instr.Opcode, out MethodInfo? helper))
        {
            return false;
        }
        // Operands are already on the IL stack in the helper's parameter types; the lane follows them.
        if (info.Immediates == ImmediateKind.Lane) EmitLdcI4((int)instr.Index);
        _il.Emit(OpCodes.Call, helper);
        PopN(info.Params.Length);
        if (helper.ReturnType != typeof(void)) Push(helper.ReturnType);
        return true;
    }

    /// <summary>
    /// Whether the operand on top is the value of the v128.const just before the instruction at
    /// <paramref name="offset"/>: compiled last, and adjacent in the code (18 bytes: prefix, opcode, 16
    /// bytes), so no block boundary lies between them and no other path brings the value.
    /// </summary>
    private bool OperandIsLastV128Const(int offset) =>
        _lastV128Const.Offset >= 0 && _lastV128Const.Offset + 18 == offset && _wasmOffsets.Count >= 2 && _wasmOffsets[^2] == _lastV128Const.Offset;

    private void EmitV128Const(ulong low, ulong high)
    {
        _il.Emit(OpCodes.Ldc_I8, (long)low);
        _il.Emit(OpCodes.Ldc_I8, (long)high);
        _il.Emit(OpCodes.Call, SimdIntrinsics.CreateFromHalves);
        _il.Emit(OpCodes.Call, SimdIntrinsics.FromLane(typeof(long)));
        Push(V128);
    }

    /// <summary>
    /// An instruction that is one <see cref="Vector128"/> operation: its v128 operands are seen with
    /// the operation's lane type (the one below the top through a temporary), and its v128 result
    /// goes back to <c>Vector128&lt;byte&gt;</c>. The conversions cost nothing in machine code.
    /// </summary>
    private void EmitSimdIntrinsic(in SimdIntrinsics.Recipe recipe, int lane)
    {
        Type t = recipe.Lane;
        bool typed = t != typeof(byte);
        switch (recipe.Shape)
        {
            case SimdIntrinsics.Shape.Unary:
                if (typed) _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(t));
                _il.Emit(OpCodes.Call, recipe.Operation);
                Pop();
                break;
            case SimdIntrinsics.Shape.Binary or SimdIntrinsics.Shape.BinaryComplemented:
                if (typed) ConvertBelowTop(t, V128);
                _il.Emit(OpCodes.Call, recipe.Operation);
                if (recipe.Shape == SimdIntrinsics.Shape.BinaryComplemented) _il.Emit(OpCodes.Call, SimdIntrinsics.OnesComplement(t));
                PopN(2);
                break;
            case SimdIntrinsics.Shape.Subtract:
            {
                IlLocal subtrahend = RentTemp(V128);
                _il.Emit(OpCodes.Stloc, subtrahend);
                _il.Emit(OpCodes.Ldsfld, Field(typeof(SimdInteger), nameof(SimdInteger.OpaqueZero)));
                _il.Emit(OpCodes.Call, SimdIntrinsics.Recipes[Opcode.V128Xor].Operation);
                _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(t));
                _il.Emit(OpCodes.Ldloc, subtrahend);
                ReturnTemp(subtrahend);
                _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(t));
                _il.Emit(OpCodes.Call, recipe.Operation);
                PopN(2);
                break;
            }
            case SimdIntrinsics.Shape.Shift:
                EmitLdcI4((8 * LaneBytes(t)) - 1);
                _il.Emit(OpCodes.And);
                if (typed) ConvertBelowTop(t, typeof(int));
                _il.Emit(OpCodes.Call, recipe.Operation);
                PopN(2);
                break;
            case SimdIntrinsics.Shape.Splat:
                _il.Emit(OpCodes.Call, recipe.Operation);
                Pop();
                break;
            case SimdIntrinsics.Shape.ExtractLane:
                if (typed) _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(t));
                EmitLdcI4(lane);
                _il.Emit(OpCodes.Call, recipe.Operation);
                Pop();
                Push(t == typeof(long) ? typeof(long) : typeof(int));
                return;
            case SimdIntrinsics.Shape.ReplaceLane:
            {
                Type scalar = _stack[^1];
                IlLocal value = RentTemp(scalar);
                _il.Emit(OpCodes.Stloc, value);
                if (typed) _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(t));
                EmitLdcI4(lane);
                _il.Emit(OpCodes.Ldloc, value);
                ReturnTemp(value);
                _il.Emit(OpCodes.Call, recipe.Operation);
                PopN(2);
                break;
            }
        }
        if (typed) _il.Emit(OpCodes.Call, SimdIntrinsics.FromLane(t));
        Push(V128);
    }

    /// <summary>Sees the v128 below the top (of type <paramref name="top"/>) with lanes of type <paramref name="lane"/>, and the top too if it is a v128.</summary>
    private void ConvertBelowTop(Type lane, Type top)
    {
        IlLocal spilled = RentTemp(top);
        _il.Emit(OpCodes.Stloc, spilled);
        _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(lane));
        _il.Emit(OpCodes.Ldloc, spilled);
        ReturnTemp(spilled);
        if (top == V128) _il.Emit(OpCodes.Call, SimdIntrinsics.ToLane(lane));
    }

    private static int LaneBytes(Type lane) => lane == typeof(sbyte) || lane == typeof(byte) ? 1
        : lane == typeof(short) || lane == typeof(ushort) ? 2
        : lane == typeof(int) || lane == typeof(uint) ? 4 : 8;

    /// <summary>
    /// i8x16.shuffle as one byte selection per source that contributes lanes: the immediate's
    /// indices become two constant masks, lanes of the other source marked 0x80 (selects 0).
    /// </summary>
    private void EmitShuffle(ulong low, ulong high)
    {
        (ulong aLow, ulong bLow) = SplitShuffleMask(low);
        (ulong aHigh, ulong bHigh) = SplitShuffleMask(high);
        const ulong None = 0x8080_8080_8080_8080;
        MethodInfo select = SimdIntrinsics.ShuffleBytes;
        if (bLow == None && bHigh == None)
        {
            _il.Emit(OpCodes.Pop);
            Pop();
            EmitV128Const(aLow, aHigh);
            _il.Emit(OpCodes.Call, select);
            PopN(2);
        }
        else if (aLow == None && aHigh == None)
        {
            IlLocal b = RentTemp(V128);
            _il.Emit(OpCodes.Stloc, b);
            _il.Emit(OpCodes.Pop);
            _il.Emit(OpCodes.Ldloc, b);
            ReturnTemp(b);
            Pop();
            EmitV128Const(bLow, bHigh);
            _il.Emit(OpCodes.Call, select);
            PopN(2);
        }
        else
        {
            // (a selected by its mask) | (b selected by its mask).
            EmitV128Const(bLow, bHigh);
            _il.Emit(OpCodes.Call, select);
            PopN(2);
            IlLocal b = RentTemp(V128);
            _il.Emit(OpCodes.Stloc, b);
            EmitV128Const(aLow, aHigh);
            _il.Emit(OpCodes.Call, select);
            _il.Emit(OpCodes.Ldloc, b);
            ReturnTemp(b);
            _il.Emit(OpCodes.Call, SimdIntrinsics.OrBytes);
            PopN(2);
        }
        Push(V128);
    }

    /// <summary>Splits 8 shuffle indices (0-31) into the masks of the first and the second source.</summary>
    private static (ulong A, ulong B) SplitShuffleMask(ulong indices)
    {
        ulong a = 0, b = 0;
        for (int i = 0; i < 64; i += 8)
        {
            ulong index = (indices >> i) & 0xFF;
            a |= (index < 16 ? index : 0x80) << i;
            b |= (index >= 16 ? index - 16 : 0x80) << i;
        }
        return (a, b);
    }

    /// <summary>The value is spilled so that the address can be checked first: a trap writes nothing.</summary>
    private void EmitV128Store(MemArg arg)
    {
        Pop();
        IlLocal value = RentTemp(V128);
        _il.Emit(OpCodes.Stloc, value);
        EmitAddress(arg, 16);
        _il.Emit(OpCodes.Ldloc, value);
        ReturnTemp(value);
        _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(OpCodes.Stobj, V128);
    }

    /// <summary>Loads <paramref name="size"/> bytes as an integer and widens or splats them with <paramref name="helper"/>.</summary>
    private void EmitV128LoadBits(MemArg arg, int size, MethodInfo helper)
    {
        EmitAddress(arg, size);
        if (size > 1) _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(size switch
        {
            1 => OpCodes.Ldind_U1,
            2 => OpCodes.Ldind_U2,
            4 => OpCodes.Ldind_I4,
            _ => OpCodes.Ldind_I8,
        });
        _il.Emit(OpCodes.Call, helper);
        Push(V128);
    }

    /// <summary>load*_lane and store*_lane: the vector is spilled, the address checked, then the helper reads or writes one lane through the pointer.</summary>
    private void EmitV128Lane(ref Instruction instr, int size, bool load)
    {
        Pop();
        IlLocal vector = RentTemp(V128);
        _il.Emit(OpCodes.Stloc, vector);
        EmitAddress(instr.MemArg, size);
        _il.Emit(OpCodes.Ldloc, vector);
        ReturnTemp(vector);
        EmitLdcI4((int)instr.Index);
        _il.Emit(OpCodes.Call, OpcodeHelpers.SimdInteger[instr.Opcode]);
        if (load) Push(V128);
    }
}
