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

    /// <summary>Throws a trap; for helpers written in C#.</summary>
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(TrapCode code) => throw new TrapException(code);

    /// <summary>Creates the exception for an instruction the code generator does not support.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Unsupported(string instruction) =>
        new WasmException($"instruction {instruction} is not supported by this engine");
}
