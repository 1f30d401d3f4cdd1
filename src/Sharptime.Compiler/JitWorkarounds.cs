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
        (133580, "f32.reinterpret_i32 / f64.reinterpret_i64 of a narrow load reads 4 or 8 bytes (ReinterpretOperandIsSafe)"),
        (129288, "i32.eqz, if, br_if, select on a rotate by a constant test the flags of rol/ror, which has none (EmitRotateByConstant)"),
        (133783, "if, br_if, select on ctz without BMI1 test bsf's zero flag (Numerics.I32Ctz, Numerics.I64Ctz)"),
    ];

    /// <summary>
    /// dotnet/runtime issue 133580: whether a reinterpretation of the value <paramref name="producer"/>
    /// pushed may be inlined. The JIT folds a reinterpretation of a narrow load, an extend or a
    /// masked load (also when it forwards such a value through a local) into a full-width float
    /// load; only producers that cannot be a narrow load are let through, the rest go through
    /// <see cref="Numerics.F32FromBitsOpaque"/> and <see cref="Numerics.F64FromBitsOpaque"/>.
    /// </summary>
    public static bool ReinterpretOperandIsSafe(Opcode? producer) => producer switch
    {
        Opcode.I32Load or Opcode.I64Load => true,
        Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or Opcode.I32DivS or Opcode.I32DivU or Opcode.I32RemS or Opcode.I32RemU
            or Opcode.I32Or or Opcode.I32Xor or Opcode.I32Shl or Opcode.I32ShrS or Opcode.I32ShrU or Opcode.I32Rotl or Opcode.I32Rotr
            or Opcode.I32Clz or Opcode.I32Ctz or Opcode.I32Popcnt or Opcode.I32ReinterpretF32 => true,
        Opcode.I64Add or Opcode.I64Sub or Opcode.I64Mul or Opcode.I64DivS or Opcode.I64DivU or Opcode.I64RemS or Opcode.I64RemU
            or Opcode.I64Or or Opcode.I64Xor or Opcode.I64Shl or Opcode.I64ShrS or Opcode.I64ShrU or Opcode.I64Rotl or Opcode.I64Rotr
            or Opcode.I64Clz or Opcode.I64Ctz or Opcode.I64Popcnt or Opcode.I64ReinterpretF64 => true,
        _ => false,
    };

    /// <summary>
    /// dotnet/runtime issue 129288: RyuJIT takes the zero and sign flags after <c>rol</c>/<c>ror</c>
    /// by a constant as those of the result (the instructions leave them unchanged), so a test of
    /// a rotated value right after the rotate (directly or through a local) reads stale flags.
    /// A rotate by a constant is emitted as <c>(x &lt;&lt; k) + (x &gt;&gt;&gt; (w - k))</c>, which
    /// the JIT does not turn back into a rotate (it only matches | and ^) and compiles to
    /// shr + lea, whose flags it does not reuse. Expects x on the IL stack (the constant count
    /// already popped).
    /// </summary>
    public static void EmitRotateByConstant(ILGenerator il, LocalBuilder temp, bool wide, bool left, long count)
    {
        int width = wide ? 64 : 32;
        int k = (int)(count & (width - 1));
        if (!left) k = (width - k) & (width - 1);
        if (k == 0) return;
        il.Emit(OpCodes.Stloc, temp);
        il.Emit(OpCodes.Ldloc, temp);
        il.Emit(OpCodes.Ldc_I4, k);
        il.Emit(OpCodes.Shl);
        il.Emit(OpCodes.Ldloc, temp);
        il.Emit(OpCodes.Ldc_I4, width - k);
        il.Emit(OpCodes.Shr_Un);
        il.Emit(OpCodes.Add);
    }
}
