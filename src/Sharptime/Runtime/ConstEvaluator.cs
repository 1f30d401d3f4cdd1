using Sharptime.Abi;
using Sharptime.Binary;

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
                case Opcode.End: break;
                default: throw new WasmException($"constant expression instruction {instr.Info.Name} at offset {instr.Offset} is not supported");
            }
        }
        return stack.Pop();
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
