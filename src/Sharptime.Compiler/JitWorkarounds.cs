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
        (133783, "if, br_if, select on ctz without BMI1 test bsf's zero flag (Numerics.I32Ctz, Numerics.I64Ctz)"),
    ];

    /// <summary>
    /// dotnet/runtime issue 129288: RyuJIT takes the zero and sign flags after <c>rol</c>/<c>ror</c>
    /// by a constant as those of the result (the instructions leave them unchanged), so a test of
    /// a rotated value right after the rotate (directly or through a local) reads stale flags.
    /// A rotate by a constant is emitted as <c>(x &lt;&lt; k) + (x &gt;&gt;&gt; (w - k))</c>, which
    /// the JIT does not turn back into a rotate (it only matches | and ^) and compiles to
    /// shr + lea, whose flags it does not reuse. Expects x on the IL stack (the constant count
    /// already popped).
    /// </summary>
    public static void EmitRotateByConstant(IlEmitter il, IlLocal temp, bool wide, bool left, long count)
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
