using Sharptime.Abi;
using Sharptime.Binary;
using System.Runtime.Intrinsics;

namespace Sharptime.Runtime;

/// <summary>The value of a constant expression: number bits, or a reference.</summary>
internal readonly record struct RawValue(long Bits, long High, object? Ref);

/// <summary>Evaluates constant expressions (Wasm 3.0 section 3.3.11), extended-const included.</summary>
internal static class ConstEvaluator
{
    public static RawValue Evaluate(WasmModule module, ConstExpr expr, VmContext ctx)
    {
        var stack = new Stack<RawValue>();
        var reader = new InstructionReader(module.Bytes.Span.Slice(expr.Offset, expr.Length), expr.Offset);
        var instr = new Instruction();
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            switch (instr.Opcode)
            {
                case Opcode.I32Const: stack.Push(new RawValue((int)instr.Int, 0, null)); break;
                case Opcode.I64Const: stack.Push(new RawValue(instr.Int, 0, null)); break;
                case Opcode.F32Const: stack.Push(new RawValue((int)(uint)instr.Bits, 0, null)); break;
                case Opcode.F64Const: stack.Push(new RawValue((long)instr.Bits, 0, null)); break;
                case Opcode.V128Const: stack.Push(new RawValue((long)instr.V128Low, (long)instr.V128High, null)); break;
                case Opcode.RefNull: stack.Push(default); break;
                case Opcode.RefFunc: stack.Push(new RawValue(0, 0, ctx.GetFunction((int)instr.Index))); break;
                case Opcode.GlobalGet:
                {
                    GlobalInstance g = ctx.Globals[instr.Index];
                    stack.Push(new RawValue(g.Bits, g.High, g.Ref));
                    break;
                }
                case Opcode.I32Add: Binary32(stack, static (a, b) => a + b); break;
                case Opcode.I32Sub: Binary32(stack, static (a, b) => a - b); break;
                case Opcode.I32Mul: Binary32(stack, static (a, b) => a * b); break;
                case Opcode.I64Add: Binary64(stack, static (a, b) => a + b); break;
                case Opcode.I64Sub: Binary64(stack, static (a, b) => a - b); break;
                case Opcode.I64Mul: Binary64(stack, static (a, b) => a * b); break;
                case Opcode.RefI31: stack.Push(new RawValue(0, 0, Gc.RefI31((int)stack.Pop().Bits))); break;
                case Opcode.AnyConvertExtern: stack.Push(new RawValue(0, 0, Gc.AnyConvertExtern(stack.Pop().Ref))); break;
                case Opcode.ExternConvertAny: stack.Push(new RawValue(0, 0, Gc.ExternConvertAny(stack.Pop().Ref))); break;
                case Opcode.StructNewDefault: stack.Push(new RawValue(0, 0, Gc.NewStruct(ctx, (int)instr.Index))); break;
                case Opcode.StructNew: stack.Push(new RawValue(0, 0, NewStruct(stack, ctx, (int)instr.Index))); break;
                case Opcode.ArrayNewDefault:
                    stack.Push(new RawValue(0, 0, Gc.ArrayNewDefault((int)stack.Pop().Bits, ctx, (int)instr.Index)));
                    break;
                case Opcode.ArrayNew:
                {
                    int length = (int)stack.Pop().Bits;
                    RawValue value = stack.Pop();
                    var array = (GcArray)Gc.ArrayNewDefault(length, ctx, (int)instr.Index);
                    for (int i = 0; i < length; i++) SetElement(array, i, value);
                    stack.Push(new RawValue(0, 0, array));
                    break;
                }
                case Opcode.ArrayNewFixed:
                {
                    int count = (int)instr.Index2;
                    var array = (GcArray)Gc.ArrayNewDefault(count, ctx, (int)instr.Index);
                    for (int i = count - 1; i >= 0; i--) SetElement(array, i, stack.Pop());
                    stack.Push(new RawValue(0, 0, array));
                    break;
                }
                case Opcode.End: break;
                default: throw new WasmException($"constant expression instruction {instr.Info.Name} at offset {instr.Offset} is not supported");
            }
        }
        return stack.Pop();
    }

    private static GcStruct NewStruct(Stack<RawValue> stack, VmContext ctx, int type)
    {
        GcStruct s = Gc.NewStruct(ctx, type);
        for (int field = s.Type.Fields.Length - 1; field >= 0; field--)
        {
            RawValue v = stack.Pop();
            int slot = s.Type.Slots[field];
            switch (s.Type.Fields[field])
            {
                case StorageKind.Ref: GcStructSlots.Ref(s, slot) = v.Ref; break;
                case StorageKind.V128:
                    GcStructSlots.Scalar(s, slot) = v.Bits;
                    GcStructSlots.Scalar(s, slot + 1) = v.High;
                    break;
                case StorageKind.I8: GcStructSlots.Scalar(s, slot) = (byte)v.Bits; break;
                case StorageKind.I16: GcStructSlots.Scalar(s, slot) = (ushort)v.Bits; break;
                case StorageKind.I32 or StorageKind.F32: GcStructSlots.Scalar(s, slot) = (uint)v.Bits; break;
                default: GcStructSlots.Scalar(s, slot) = v.Bits; break;
            }
        }
        return s;
    }

    private static void SetElement(GcArray array, int i, RawValue v)
    {
        switch (array.Data)
        {
            case object?[] refs: refs[i] = v.Ref; break;
            case long[] longs: longs[i] = v.Bits; break;
            case double[] doubles: doubles[i] = BitConverter.Int64BitsToDouble(v.Bits); break;
            case float[] floats: floats[i] = BitConverter.Int32BitsToSingle((int)v.Bits); break;
            case Vector128<byte>[] vectors:
                vectors[i] = Vector128.Create(v.Bits, v.High).AsByte();
                break;
            default: Gc.ArraySetI32(array, i, (int)v.Bits); break;
        }
    }

    private static void Binary32(Stack<RawValue> stack, Func<int, int, int> op)
    {
        int b = (int)stack.Pop().Bits;
        int a = (int)stack.Pop().Bits;
        stack.Push(new RawValue(op(a, b), 0, null));
    }

    private static void Binary64(Stack<RawValue> stack, Func<long, long, long> op)
    {
        long b = stack.Pop().Bits;
        long a = stack.Pop().Bits;
        stack.Push(new RawValue(op(a, b), 0, null));
    }
}
