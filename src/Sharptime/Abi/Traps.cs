using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// Creates the exceptions generated code throws. Generated code emits <c>call Create; throw</c>
/// so that the JIT sees the end of the block; the cold path stays out of line.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Traps
{
    /// <summary>Creates a trap for <paramref name="code"/> (the value of a <see cref="TrapCode"/>).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Create(int code) => new TrapException((TrapCode)code);

    /// <summary>
    /// Creates a trap for <paramref name="code"/> raised by the instruction at byte
    /// <paramref name="offset"/> of the module, which generated code throws right away: the .NET
    /// stack trace only knows the start of the statement (the JIT records IL offsets where the
    /// evaluation stack is empty), so the backtrace takes the innermost frame's offset from here.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception CreateAt(int code, int offset) => new TrapException((TrapCode)code) { InstructionOffset = offset };

    /// <summary>
    /// <see cref="CreateAt"/> for <see cref="TrapCode.MemoryOutOfBounds"/>: every bounds check has
    /// a trap block, so leaving out the code constant saves an instruction at each.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception MemoryOutOfBoundsAt(int offset) => new TrapException(TrapCode.MemoryOutOfBounds) { InstructionOffset = offset };

    /// <summary>Throws a trap; for helpers written in C#.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(TrapCode code) => throw new TrapException(code);
}
