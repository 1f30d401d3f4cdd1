using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Interpreter;

internal static unsafe partial class Executor
{
    /// <summary>
    /// <see cref="Op.Access"/>: a load or store of any memory with either address type, and the SIMD
    /// loads and stores. Operands: Wasm opcode, d, a (address), b (value or vector), memory, offset (two words), lane.
    /// </summary>
    private static void Access(VmContext ctx, ref int code, int pc, ref ulong f, object?[] refs, int fp)
    {
        var opcode = (Opcode)I(ref code, pc + 1);
        int d = I(ref code, pc + 2), a = I(ref code, pc + 3), b = I(ref code, pc + 4);
        MemoryInstance m = ctx.Memories[I(ref code, pc + 5)];
        ulong offset = (uint)I(ref code, pc + 6) | ((ulong)(uint)I(ref code, pc + 7) << 32);
        int lane = I(ref code, pc + 8);
        ulong address = m.Type.Is64 ? S(ref f, a) : (uint)S(ref f, a);
        ulong size = (ulong)AccessSize(opcode);
        ulong ea = address + offset;
        if (ea < address || ea > m.Length || size > m.Length - ea) throw OutOfBounds();
        byte* p = m.Base + ea;
        switch (opcode)
        {
            case Opcode.I32Load or Opcode.F32Load: S(ref f, d) = Unsafe.ReadUnaligned<uint>(p); break;
            case Opcode.I64Load or Opcode.F64Load: S(ref f, d) = Unsafe.ReadUnaligned<ulong>(p); break;
            case Opcode.I32Load8S: S(ref f, d) = (uint)(int)*(sbyte*)p; break;
            case Opcode.I32Load8U or Opcode.I64Load8U: S(ref f, d) = *p; break;
            case Opcode.I32Load16S: S(ref f, d) = (uint)(int)Unsafe.ReadUnaligned<short>(p); break;
            case Opcode.I32Load16U or Opcode.I64Load16U: S(ref f, d) = Unsafe.ReadUnaligned<ushort>(p); break;
            case Opcode.I64Load8S: S(ref f, d) = (ulong)(long)*(sbyte*)p; break;
            case Opcode.I64Load16S: S(ref f, d) = (ulong)(long)Unsafe.ReadUnaligned<short>(p); break;
            case Opcode.I64Load32S: S(ref f, d) = (ulong)(long)Unsafe.ReadUnaligned<int>(p); break;
            case Opcode.I64Load32U: S(ref f, d) = Unsafe.ReadUnaligned<uint>(p); break;
            case Opcode.V128Load: SetV(ref f, d, Unsafe.ReadUnaligned<Vector128<byte>>(p)); break;
            case Opcode.V128Load8x8S: SetV(ref f, d, SimdInteger.V128Load8x8S(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load8x8U: SetV(ref f, d, SimdInteger.V128Load8x8U(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load16x4S: SetV(ref f, d, SimdInteger.V128Load16x4S(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load16x4U: SetV(ref f, d, SimdInteger.V128Load16x4U(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load32x2S: SetV(ref f, d, SimdInteger.V128Load32x2S(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load32x2U: SetV(ref f, d, SimdInteger.V128Load32x2U(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load8Splat: SetV(ref f, d, SimdInteger.I8x16Splat(*p)); break;
            case Opcode.V128Load16Splat: SetV(ref f, d, SimdInteger.I16x8Splat(Unsafe.ReadUnaligned<ushort>(p))); break;
            case Opcode.V128Load32Splat: SetV(ref f, d, SimdInteger.I32x4Splat(Unsafe.ReadUnaligned<int>(p))); break;
            case Opcode.V128Load64Splat: SetV(ref f, d, SimdInteger.I64x2Splat(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load32Zero: SetV(ref f, d, SimdInteger.V128Load32Zero(Unsafe.ReadUnaligned<int>(p))); break;
            case Opcode.V128Load64Zero: SetV(ref f, d, SimdInteger.V128Load64Zero(Unsafe.ReadUnaligned<long>(p))); break;
            case Opcode.V128Load8Lane: SetV(ref f, d, SimdInteger.V128Load8Lane(p, V(ref f, b), lane)); break;
            case Opcode.V128Load16Lane: SetV(ref f, d, SimdInteger.V128Load16Lane(p, V(ref f, b), lane)); break;
            case Opcode.V128Load32Lane: SetV(ref f, d, SimdInteger.V128Load32Lane(p, V(ref f, b), lane)); break;
            case Opcode.V128Load64Lane: SetV(ref f, d, SimdInteger.V128Load64Lane(p, V(ref f, b), lane)); break;
            case Opcode.I32Store or Opcode.F32Store or Opcode.I64Store32: Unsafe.WriteUnaligned(p, (uint)S(ref f, b)); break;
            case Opcode.I64Store or Opcode.F64Store: Unsafe.WriteUnaligned(p, S(ref f, b)); break;
            case Opcode.I32Store8 or Opcode.I64Store8: *p = (byte)S(ref f, b); break;
            case Opcode.I32Store16 or Opcode.I64Store16: Unsafe.WriteUnaligned(p, (ushort)S(ref f, b)); break;
            case Opcode.V128Store: Unsafe.WriteUnaligned(p, V(ref f, b)); break;
            case Opcode.V128Store8Lane: SimdInteger.V128Store8Lane(p, V(ref f, b), lane); break;
            case Opcode.V128Store16Lane: SimdInteger.V128Store16Lane(p, V(ref f, b), lane); break;
            case Opcode.V128Store32Lane: SimdInteger.V128Store32Lane(p, V(ref f, b), lane); break;
            case Opcode.V128Store64Lane: SimdInteger.V128Store64Lane(p, V(ref f, b), lane); break;
            default: throw new InvalidOperationException($"internal error: {opcode} is not a memory access");
        }
    }

    /// <summary>Bytes a load or store touches.</summary>
    public static int AccessSize(Opcode opcode) => opcode switch
    {
        Opcode.I32Load8S or Opcode.I32Load8U or Opcode.I64Load8S or Opcode.I64Load8U or Opcode.I32Store8 or Opcode.I64Store8
            or Opcode.V128Load8Splat or Opcode.V128Load8Lane or Opcode.V128Store8Lane => 1,
        Opcode.I32Load16S or Opcode.I32Load16U or Opcode.I64Load16S or Opcode.I64Load16U or Opcode.I32Store16 or Opcode.I64Store16
            or Opcode.V128Load16Splat or Opcode.V128Load16Lane or Opcode.V128Store16Lane => 2,
        Opcode.I32Load or Opcode.F32Load or Opcode.I64Load32S or Opcode.I64Load32U or Opcode.I32Store or Opcode.F32Store or Opcode.I64Store32
            or Opcode.V128Load32Splat or Opcode.V128Load32Zero or Opcode.V128Load32Lane or Opcode.V128Store32Lane => 4,
        Opcode.V128Load or Opcode.V128Store => 16,
        _ => 8,
    };

    /// <summary>
    /// <see cref="Op.Instance"/>: tables, bulk memory, memory size and growth, references, wide
    /// arithmetic. Operands: Wasm opcode, d, a, b, c, imm, imm2 (the instruction's two indices).
    /// Every operand is read before the destination is written (d may be a's slot).
    /// </summary>
    private static void InstanceOp(VmContext ctx, ref int code, int pc, ref ulong f, object?[] refs, int fp)
    {
        var opcode = (Opcode)I(ref code, pc + 1);
        int d = I(ref code, pc + 2), a = I(ref code, pc + 3), b = I(ref code, pc + 4), c = I(ref code, pc + 5);
        int imm = I(ref code, pc + 6), imm2 = I(ref code, pc + 7);
        switch (opcode)
        {
            case Opcode.MemorySize:
                S(ref f, d) = (ulong)Instructions.MemorySize(ctx, imm);
                break;
            case Opcode.MemoryGrow:
                S(ref f, d) = (ulong)Instructions.MemoryGrow(MemoryOperand(ctx, imm, ref f, a), ctx, imm);
                break;
            case Opcode.MemoryFill:
                Instructions.MemoryFill(MemoryOperand(ctx, imm, ref f, a), (int)S(ref f, b), MemoryOperand(ctx, imm, ref f, c), ctx, imm);
                break;
            case Opcode.MemoryCopy:
            {
                ulong n = ctx.Memories[imm].Type.Is64 && ctx.Memories[imm2].Type.Is64 ? S(ref f, c) : (uint)S(ref f, c);
                Instructions.MemoryCopy(MemoryOperand(ctx, imm, ref f, a), MemoryOperand(ctx, imm2, ref f, b), n, ctx, imm, imm2);
                break;
            }
            case Opcode.MemoryInit:
                Instructions.MemoryInit(MemoryOperand(ctx, imm2, ref f, a), (uint)S(ref f, b), (uint)S(ref f, c), ctx, imm2, imm);
                break;
            case Opcode.DataDrop:
                Instructions.DataDrop(ctx, imm);
                break;
            case Opcode.TableGet:
                refs[fp + d] = Instructions.TableGet(TableOperand(ctx, imm, ref f, a), ctx, imm);
                break;
            case Opcode.TableSet:
                Instructions.TableSet(TableOperand(ctx, imm, ref f, a), refs[fp + b], ctx, imm);
                break;
            case Opcode.TableSize:
                S(ref f, d) = (ulong)Instructions.TableSize(ctx, imm);
                break;
            case Opcode.TableGrow:
                S(ref f, d) = (ulong)Instructions.TableGrow(refs[fp + a], TableOperand(ctx, imm, ref f, b), ctx, imm);
                break;
            case Opcode.TableFill:
                Instructions.TableFill(TableOperand(ctx, imm, ref f, a), refs[fp + b], TableOperand(ctx, imm, ref f, c), ctx, imm);
                break;
            case Opcode.TableCopy:
            {
                ulong n = ctx.Tables[imm].Type.Is64 && ctx.Tables[imm2].Type.Is64 ? S(ref f, c) : (uint)S(ref f, c);
                Instructions.TableCopy(TableOperand(ctx, imm, ref f, a), TableOperand(ctx, imm2, ref f, b), n, ctx, imm, imm2);
                break;
            }
            case Opcode.TableInit:
                Instructions.TableInit(TableOperand(ctx, imm2, ref f, a), (uint)S(ref f, b), (uint)S(ref f, c), ctx, imm2, imm);
                break;
            case Opcode.ElemDrop:
                Instructions.ElemDrop(ctx, imm);
                break;
            case Opcode.RefIsNull:
                S(ref f, d) = refs[fp + a] is null ? 1UL : 0UL;
                break;
            case Opcode.RefAsNonNull:
                refs[fp + d] = refs[fp + a] ?? throw new TrapException(TrapCode.NullReference, "null reference");
                break;
            case Opcode.RefEq:
                S(ref f, d) = (ulong)Gc.RefEq(refs[fp + a], refs[fp + b]);
                break;
            case Opcode.I64Add128 or Opcode.I64Sub128:
            {
                // In 64-bit halves with the carry by hand: UInt128 operators would keep this method out of
                // the ReadyToRun image (their calling convention is not version-resilient).
                ulong xLow = S(ref f, a), xHigh = S(ref f, b), yLow = S(ref f, c), yHigh = S(ref f, imm);
                ulong low, high;
                if (opcode == Opcode.I64Add128)
                {
                    low = xLow + yLow;
                    high = xHigh + yHigh + (low < xLow ? 1UL : 0UL);
                }
                else
                {
                    low = xLow - yLow;
                    high = xHigh - yHigh - (xLow < yLow ? 1UL : 0UL);
                }
                S(ref f, d) = low;
                S(ref f, d + 1) = high;
                break;
            }
            case Opcode.I64MulWideS:
            {
                long high = Math.BigMul((long)S(ref f, a), (long)S(ref f, b), out long low);
                S(ref f, d) = (ulong)low;
                S(ref f, d + 1) = (ulong)high;
                break;
            }
            case Opcode.I64MulWideU:
            {
                ulong high = Math.BigMul(S(ref f, a), S(ref f, b), out ulong low);
                S(ref f, d) = low;
                S(ref f, d + 1) = high;
                break;
            }
            default:
                throw new InvalidOperationException($"internal error: {opcode} is not an instance instruction");
        }
    }

    private static ulong MemoryOperand(VmContext ctx, int memory, ref ulong f, int slot) =>
        ctx.Memories[memory].Type.Is64 ? S(ref f, slot) : (uint)S(ref f, slot);

    private static ulong TableOperand(VmContext ctx, int table, ref ulong f, int slot) =>
        ctx.Tables[table].Type.Is64 ? S(ref f, slot) : (uint)S(ref f, slot);
}
