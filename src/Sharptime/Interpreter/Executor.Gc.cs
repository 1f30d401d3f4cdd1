using System.Runtime.CompilerServices;
using Sharptime.Abi;
using Sharptime.Binary;
using Sharptime.Runtime;

namespace Sharptime.Interpreter;

internal static unsafe partial class Executor
{
    /// <summary>
    /// <see cref="Op.Gc"/>: the GC instructions, through the helpers compiled code calls
    /// (<see cref="Gc"/>), so both tiers share one implementation. Operands: Wasm opcode, d, imm,
    /// imm2 (the instruction's immediates; for casts the encoded heap type and whether null passes),
    /// n, then the slots of the n operands in stack order. How a field or element is stored comes
    /// from the instruction's type. Every operand is read before d is written (d may be an operand's
    /// slot). Returns the instruction's length in words.
    /// </summary>
    private static int GcOp(VmContext ctx, ref int ip, ref ulong f, object?[] refs, int fp)
    {
        var opcode = (Opcode)I(ref ip, 1);
        int d = I(ref ip, 2), imm = I(ref ip, 3), imm2 = I(ref ip, 4), n = I(ref ip, 5);
        ref int x = ref Unsafe.Add(ref ip, 6);
        switch (opcode)
        {
            case Opcode.StructNew:
            {
                object s = Gc.NewStruct(ctx, imm);
                StorageKind[] fields = ctx.Types[imm].Fields;
                for (int i = 0; i < n; i++) SetField(s, i, fields[i], ref f, refs, fp, I(ref x, i));
                refs[fp + d] = s;
                break;
            }
            case Opcode.StructNewDefault:
                refs[fp + d] = Gc.NewStruct(ctx, imm);
                break;
            case Opcode.StructGet or Opcode.StructGetS or Opcode.StructGetU:
                GetField(opcode, refs[fp + I(ref x, 0)], imm2, ctx.Types[imm].Fields[imm2], ref f, refs, fp, d);
                break;
            case Opcode.StructSet:
                SetField(refs[fp + I(ref x, 0)], imm2, ctx.Types[imm].Fields[imm2], ref f, refs, fp, I(ref x, 1));
                break;
            case Opcode.ArrayNew:
                refs[fp + d] = ArrayNew(ctx, imm, (int)S(ref f, I(ref x, 1)), ref f, refs, fp, I(ref x, 0));
                break;
            case Opcode.ArrayNewDefault:
                refs[fp + d] = Gc.ArrayNewDefault((int)S(ref f, I(ref x, 0)), ctx, imm);
                break;
            case Opcode.ArrayNewFixed:
            {
                object a = Gc.ArrayNewDefault(n, ctx, imm);
                StorageKind element = ctx.Types[imm].Element;
                for (int i = 0; i < n; i++) SetElement(a, i, element, ref f, refs, fp, I(ref x, i));
                refs[fp + d] = a;
                break;
            }
            case Opcode.ArrayNewData:
                refs[fp + d] = Gc.ArrayNewData((int)S(ref f, I(ref x, 0)), (int)S(ref f, I(ref x, 1)), ctx, imm, imm2);
                break;
            case Opcode.ArrayNewElem:
                refs[fp + d] = Gc.ArrayNewElem((int)S(ref f, I(ref x, 0)), (int)S(ref f, I(ref x, 1)), ctx, imm, imm2);
                break;
            case Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU:
                GetElement(opcode, refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), ctx.Types[imm].Element, ref f, refs, fp, d);
                break;
            case Opcode.ArraySet:
                SetElement(refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), ctx.Types[imm].Element, ref f, refs, fp, I(ref x, 2));
                break;
            case Opcode.ArrayLen:
                S(ref f, d) = (uint)Gc.ArrayLen(refs[fp + I(ref x, 0)]);
                break;
            case Opcode.ArrayFill:
                ArrayFill(refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), (int)S(ref f, I(ref x, 3)), ctx.Types[imm].Element, ref f, refs, fp, I(ref x, 2));
                break;
            case Opcode.ArrayCopy:
                Gc.ArrayCopy(refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), refs[fp + I(ref x, 2)], (int)S(ref f, I(ref x, 3)), (int)S(ref f, I(ref x, 4)));
                break;
            case Opcode.ArrayInitData:
                Gc.ArrayInitData(refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), (int)S(ref f, I(ref x, 2)), (int)S(ref f, I(ref x, 3)), ctx, imm2);
                break;
            case Opcode.ArrayInitElem:
                Gc.ArrayInitElem(refs[fp + I(ref x, 0)], (int)S(ref f, I(ref x, 1)), (int)S(ref f, I(ref x, 2)), (int)S(ref f, I(ref x, 3)), ctx, imm2);
                break;
            case Opcode.RefI31:
                refs[fp + d] = Gc.RefI31((int)S(ref f, I(ref x, 0)));
                break;
            case Opcode.AnyConvertExtern:
                refs[fp + d] = Gc.AnyConvertExtern(refs[fp + I(ref x, 0)]);
                break;
            case Opcode.ExternConvertAny:
                refs[fp + d] = Gc.ExternConvertAny(refs[fp + I(ref x, 0)]);
                break;
            case Opcode.I31GetS:
                S(ref f, d) = (uint)Gc.I31GetS(refs[fp + I(ref x, 0)]);
                break;
            case Opcode.I31GetU:
                S(ref f, d) = (uint)Gc.I31GetU(refs[fp + I(ref x, 0)]);
                break;
            case Opcode.RefTest:
                S(ref f, d) = (uint)Gc.RefTest(refs[fp + I(ref x, 0)], ctx, imm, imm2);
                break;
            case Opcode.RefCast:
                refs[fp + d] = Gc.RefCast(refs[fp + I(ref x, 0)], ctx, imm, imm2);
                break;
            default:
                throw new InvalidOperationException($"internal error: {opcode} is not a GC instruction");
        }
        return 6 + n;
    }

    /// <summary>struct.get, struct.get_s and struct.get_u: the field of <paramref name="s"/> into slot <paramref name="d"/>.</summary>
    private static void GetField(Opcode opcode, object? s, int field, StorageKind kind, ref ulong f, object?[] refs, int fp, int d)
    {
        switch (kind)
        {
            case StorageKind.Ref: refs[fp + d] = Gc.StructGetRef(s, field); break;
            case StorageKind.V128: StructGetV128(s, field, ref f, d); break;
            case StorageKind.I8 or StorageKind.I16:
                S(ref f, d) = (uint)(opcode == Opcode.StructGetS ? Gc.StructGetS(s, field) : Gc.StructGetU(s, field));
                break;
            case StorageKind.I32: S(ref f, d) = (uint)Gc.StructGetI32(s, field); break;
            case StorageKind.I64: S(ref f, d) = (ulong)Gc.StructGetI64(s, field); break;
            case StorageKind.F32: S(ref f, d) = (uint)BitConverter.SingleToInt32Bits(Gc.StructGetF32(s, field)); break;
            default: S(ref f, d) = (ulong)BitConverter.DoubleToInt64Bits(Gc.StructGetF64(s, field)); break;
        }
    }

    /// <summary>struct.set, and each field of struct.new: the value in slot <paramref name="slot"/> into the field.</summary>
    private static void SetField(object? s, int field, StorageKind kind, ref ulong f, object?[] refs, int fp, int slot)
    {
        switch (kind)
        {
            case StorageKind.Ref: Gc.StructSetRef(s, refs[fp + slot], field); break;
            case StorageKind.V128: StructSetV128(s, field, ref f, slot); break;
            case StorageKind.I64: Gc.StructSetI64(s, (long)S(ref f, slot), field); break;
            case StorageKind.F32: Gc.StructSetF32(s, BitConverter.Int32BitsToSingle((int)S(ref f, slot)), field); break;
            case StorageKind.F64: Gc.StructSetF64(s, BitConverter.Int64BitsToDouble((long)S(ref f, slot)), field); break;
            default: Gc.StructSetI32(s, (int)S(ref f, slot), field); break;
        }
    }

    /// <summary>array.new: <paramref name="length"/> copies of the value in slot <paramref name="slot"/>.</summary>
    private static object ArrayNew(VmContext ctx, int type, int length, ref ulong f, object?[] refs, int fp, int slot) => ctx.Types[type].Element switch
    {
        StorageKind.Ref => Gc.ArrayNewRef(refs[fp + slot], length, ctx, type),
        StorageKind.V128 => ArrayNewV128(ctx, type, length, ref f, slot),
        StorageKind.I64 => Gc.ArrayNewI64((long)S(ref f, slot), length, ctx, type),
        StorageKind.F32 => Gc.ArrayNewF32(BitConverter.Int32BitsToSingle((int)S(ref f, slot)), length, ctx, type),
        StorageKind.F64 => Gc.ArrayNewF64(BitConverter.Int64BitsToDouble((long)S(ref f, slot)), length, ctx, type),
        _ => Gc.ArrayNewI32((int)S(ref f, slot), length, ctx, type),
    };

    /// <summary>array.get, array.get_s and array.get_u: element <paramref name="i"/> of <paramref name="a"/> into slot <paramref name="d"/>.</summary>
    private static void GetElement(Opcode opcode, object? a, int i, StorageKind kind, ref ulong f, object?[] refs, int fp, int d)
    {
        switch (kind)
        {
            case StorageKind.Ref: refs[fp + d] = Gc.ArrayGetRef(a, i); break;
            case StorageKind.V128: ArrayGetV128(a, i, ref f, d); break;
            case StorageKind.I8 or StorageKind.I16:
                S(ref f, d) = (uint)(opcode == Opcode.ArrayGetS ? Gc.ArrayGetS(a, i) : Gc.ArrayGetU(a, i));
                break;
            case StorageKind.I32: S(ref f, d) = (uint)Gc.ArrayGetI32(a, i); break;
            case StorageKind.I64: S(ref f, d) = (ulong)Gc.ArrayGetI64(a, i); break;
            case StorageKind.F32: S(ref f, d) = (uint)BitConverter.SingleToInt32Bits(Gc.ArrayGetF32(a, i)); break;
            default: S(ref f, d) = (ulong)BitConverter.DoubleToInt64Bits(Gc.ArrayGetF64(a, i)); break;
        }
    }

    /// <summary>array.set, and each element of array.new_fixed: the value in slot <paramref name="slot"/> into element <paramref name="i"/>.</summary>
    private static void SetElement(object? a, int i, StorageKind kind, ref ulong f, object?[] refs, int fp, int slot)
    {
        switch (kind)
        {
            case StorageKind.Ref: Gc.ArraySetRef(a, i, refs[fp + slot]); break;
            case StorageKind.V128: ArraySetV128(a, i, ref f, slot); break;
            case StorageKind.I64: Gc.ArraySetI64(a, i, (long)S(ref f, slot)); break;
            case StorageKind.F32: Gc.ArraySetF32(a, i, BitConverter.Int32BitsToSingle((int)S(ref f, slot))); break;
            case StorageKind.F64: Gc.ArraySetF64(a, i, BitConverter.Int64BitsToDouble((long)S(ref f, slot))); break;
            default: Gc.ArraySetI32(a, i, (int)S(ref f, slot)); break;
        }
    }

    /// <summary>array.fill: <paramref name="count"/> elements from <paramref name="offset"/> get the value in slot <paramref name="slot"/>.</summary>
    private static void ArrayFill(object? a, int offset, int count, StorageKind kind, ref ulong f, object?[] refs, int fp, int slot)
    {
        switch (kind)
        {
            case StorageKind.Ref: Gc.ArrayFillRef(a, offset, refs[fp + slot], count); break;
            case StorageKind.V128: ArrayFillV128(a, offset, count, ref f, slot); break;
            case StorageKind.I64: Gc.ArrayFillI64(a, offset, (long)S(ref f, slot), count); break;
            case StorageKind.F32: Gc.ArrayFillF32(a, offset, BitConverter.Int32BitsToSingle((int)S(ref f, slot)), count); break;
            case StorageKind.F64: Gc.ArrayFillF64(a, offset, BitConverter.Int64BitsToDouble((long)S(ref f, slot)), count); break;
            default: Gc.ArrayFillI32(a, offset, (int)S(ref f, slot), count); break;
        }
    }

    // The v128 cases are separate methods: a Vector128 passed by value would keep the methods above
    // out of the ReadyToRun image (its calling convention is not version-resilient).

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StructGetV128(object? s, int field, ref ulong f, int d) => SetV(ref f, d, Gc.StructGetV128(s, field));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StructSetV128(object? s, int field, ref ulong f, int slot) => Gc.StructSetV128(s, V(ref f, slot), field);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static object ArrayNewV128(VmContext ctx, int type, int length, ref ulong f, int slot) => Gc.ArrayNewV128(V(ref f, slot), length, ctx, type);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ArrayGetV128(object? a, int i, ref ulong f, int d) => SetV(ref f, d, Gc.ArrayGetV128(a, i));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ArraySetV128(object? a, int i, ref ulong f, int slot) => Gc.ArraySetV128(a, i, V(ref f, slot));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ArrayFillV128(object? a, int offset, int count, ref ulong f, int slot) => Gc.ArrayFillV128(a, offset, V(ref f, slot), count);
}
