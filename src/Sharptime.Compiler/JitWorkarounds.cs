using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Code shapes that RyuJIT miscompiles, and what the compiler emits instead. Each workaround names
/// its dotnet/runtime issue; when the runtime is newer than <see cref="LastKnownBroken"/> a test
/// (JitWorkaroundTests) says so, and each workaround should be re-checked with the same test
/// modules (tests/Sharptime.Cli.Tests/JitWorkaroundCases.wat, also run with hardware intrinsics off)
/// before it is removed.
/// </summary>
internal static class JitWorkarounds
{
    /// <summary>The newest runtime known to have every bug below (the one this was written on).</summary>
    public static readonly Version LastKnownBroken = new(10, 0, 12);

    /// <summary>The dotnet/runtime issues worked around here.</summary>
    public static readonly IReadOnlyList<(int Issue, string What)> Issues =
    [
        (133580, "f32.reinterpret_i32 / f64.reinterpret_i64 of a narrow load reads 4 or 8 bytes (Numerics.F32ReinterpretI32 and F64ReinterpretI64: movd/movq)"),
        (129288, "i32.eqz, if, br_if, select on a rotate by a constant test the flags of rol/ror, which has none (EmitRotateByConstant)"),
        (129099, "BitOperations.RotateLeft/RotateRight(uint) of a constant folds to a zero-extended constant that comparisons read as positive (EmitRotateByConstant)"),
        (133783, "if, br_if, select on ctz without BMI1 test bsf's zero flag (Numerics.I32Ctz, Numerics.I64Ctz)"),
        (130830, "an integer v128 subtraction from a constant whose lowest lane is 0, added to something, loses the constant (SimdIntrinsics.Shape.Subtract: the minuend is combined with SimdInteger.OpaqueZero)"),
    ];

    /// <summary>
    /// dotnet/runtime issue 129288: RyuJIT takes the zero and sign flags after <c>rol</c>/<c>ror</c>
    /// by a constant as those of the result (the instructions leave them unchanged). Its emitter
    /// drops a compare of a register against zero when the instruction just before it, in the same
    /// instruction group, wrote that register: so a test of the rotated value that follows the
    /// rotate with no machine instruction in between (directly, through a local, or through an
    /// operation the JIT folds away, such as adding a zero it can prove) reads stale flags.
    /// A rotate by a constant is <c>(x &lt;&lt; k) | (x &gt;&gt;&gt; (w - k))</c>, which the JIT makes
    /// one <c>rol</c>; where <see cref="RotateMayBeTested"/> cannot rule such a test out, the
    /// compiler follows it with a store of the result to <see cref="VmContext.FlagsFence"/>, an
    /// instruction that writes no register, so the compare stays. (Two shifts and an add, which the
    /// JIT does not make a rotate, were the previous workaround: ChaCha20 ran 1.2-1.6x slower.)
    /// Not <see cref="System.Numerics.BitOperations.RotateLeft(uint, int)"/>: dotnet/runtime issue
    /// 129099, its 32-bit rotate of a constant folds to a zero-extended constant that comparisons
    /// read as positive. With <paramref name="asRotate"/> false (methods the JIT will compile with
    /// MinOpts, which fences nothing) the shifts are added instead, never a rotate.
    /// Expects x on the IL stack (the constant count already popped); returns false, emitting
    /// nothing, when the count is a multiple of the width.
    /// </summary>
    public static bool EmitRotateByConstant(IlEmitter il, IlLocal temp, bool wide, bool left, long count, bool asRotate)
    {
        int width = wide ? 64 : 32;
        int k = (int)(count & (width - 1));
        if (!left) k = (width - k) & (width - 1);
        if (k == 0) return false;
        il.Emit(OpCodes.Stloc, temp);
        il.Emit(OpCodes.Ldloc, temp);
        il.Emit(OpCodes.Ldc_I4, k);
        il.Emit(OpCodes.Shl);
        il.Emit(OpCodes.Ldloc, temp);
        il.Emit(OpCodes.Ldc_I4, width - k);
        il.Emit(OpCodes.Shr_Un);
        il.Emit(asRotate ? OpCodes.Or : OpCodes.Add);
        return true;
    }

    /// <summary>
    /// Whether the result of the rotate at <paramref name="rotateOffset"/> may be tested against
    /// zero before a machine instruction is certain to follow the rotate (issue 129288, see
    /// <see cref="EmitRotateByConstant"/>). Reads the straight-line code after the rotate, tracking
    /// which operand-stack values and locals may hold the rotated value or a value the JIT could
    /// fold to it (any result of an integer operation on it). Answers no at a store, a global.set
    /// or an unreachable (a memory write or a throw is always emitted), or where no such value is
    /// left; yes when a tracked value meets a test (a comparison, eqz, select's condition, a
    /// division's divisor) or is live where the straight line ends (a branch, an if, a call, a
    /// return, the end of the code, or any other instruction), after <see cref="RotateScanLimit"/>
    /// instructions, and once <paramref name="budget"/> (instructions read for the whole function,
    /// so that the cost stays linear in its size) runs out.
    /// </summary>
    /// <param name="code">The code being compiled (a function body or a part of one).</param>
    /// <param name="codeOffset">The module offset of <paramref name="code"/>.</param>
    /// <param name="rotateOffset">The module offset of the rotate.</param>
    /// <param name="budget">How many more instructions may be read; decreased by those read.</param>
    public static bool RotateMayBeTested(ReadOnlySpan<byte> code, int codeOffset, int rotateOffset, ref int budget)
    {
        var reader = new InstructionReader(code[(rotateOffset - codeOffset)..], rotateOffset);
        var instr = new Instruction();
        reader.Read(ref instr);
        Span<bool> stack = stackalloc bool[RotateScanLimit + 1];
        int height = 0;
        stack[height++] = true;
        Span<uint> locals = stackalloc uint[64];
        int localCount = 0;

        static bool Pop(Span<bool> stack, ref int height) => height > 0 && stack[--height];
        static bool Live(Span<bool> stack, int height, int localCount) => localCount > 0 || stack[..height].Contains(true);

        for (int scanned = 0; scanned < RotateScanLimit && budget > 0 && !reader.AtEnd; scanned++, budget--)
        {
            reader.Read(ref instr);
            Opcode op = instr.Opcode;
            switch (op)
            {
                case Opcode.Nop or Opcode.Block or Opcode.Loop or Opcode.End:
                    break;
                case Opcode.LocalGet:
                    stack[height++] = locals[..localCount].Contains(instr.Index);
                    break;
                case Opcode.LocalSet or Opcode.LocalTee:
                {
                    bool tainted = op == Opcode.LocalSet ? Pop(stack, ref height) : height > 0 && stack[height - 1];
                    int at = locals[..localCount].IndexOf(instr.Index);
                    if (tainted && at < 0 && localCount == locals.Length) return true;
                    if (tainted && at < 0) locals[localCount++] = instr.Index;
                    else if (!tainted && at >= 0) locals[at] = locals[--localCount];
                    break;
                }
                case Opcode.I32Const or Opcode.I64Const or Opcode.F32Const or Opcode.F64Const or Opcode.GlobalGet:
                    stack[height++] = false;
                    break;
                case Opcode.Drop:
                    Pop(stack, ref height);
                    break;
                case Opcode.I32DivS or Opcode.I32DivU or Opcode.I32RemS or Opcode.I32RemU
                    or Opcode.I64DivS or Opcode.I64DivU or Opcode.I64RemS or Opcode.I64RemU:
                case Opcode.I32Eqz or Opcode.I64Eqz:
                case (>= Opcode.I32Eq and <= Opcode.I32GeU) or (>= Opcode.I64Eq and <= Opcode.I64GeU):
                {
                    // Tests, and helpers that test their divisor: a result from other values is one more value.
                    bool tested = Pop(stack, ref height) | (op is not (Opcode.I32Eqz or Opcode.I64Eqz) && Pop(stack, ref height));
                    if (tested) return true;
                    stack[height++] = false;
                    break;
                }
                case (>= Opcode.I32Add and <= Opcode.I32Rotr) or (>= Opcode.I64Add and <= Opcode.I64Rotr):
                {
                    bool right = Pop(stack, ref height), left = Pop(stack, ref height);
                    stack[height++] = left | right;
                    break;
                }
                case Opcode.I32WrapI64 or Opcode.I64ExtendI32S or Opcode.I64ExtendI32U
                    or (>= Opcode.I32Extend8S and <= Opcode.I64Extend32S):
                    stack[height++] = Pop(stack, ref height);
                    break;
                case >= Opcode.I32Load and <= Opcode.I64Load32U:
                    Pop(stack, ref height);
                    stack[height++] = false;
                    break;
                case (>= Opcode.I32Store and <= Opcode.I64Store32) or Opcode.GlobalSet or Opcode.Unreachable:
                    return false;
                case Opcode.Select or Opcode.SelectTyped:
                {
                    if (Pop(stack, ref height)) return true;
                    bool second = Pop(stack, ref height), first = Pop(stack, ref height);
                    stack[height++] = first | second;
                    break;
                }
                default:
                    // Something may still hold the rotated value (else the scan has ended) and the
                    // straight line ends, or the instruction is not modelled. Branches and ifs too:
                    // the JIT may fold a condition it can prove and emit nothing, and may test a
                    // carried value or a local at the target right away.
                    return true;
            }
            if (!Live(stack, height, localCount)) return false;
        }
        return true;
    }

    /// <summary>How many instructions after a rotate <see cref="RotateMayBeTested"/> reads before it assumes a test.</summary>
    private const int RotateScanLimit = 2000;
}
