using System.Diagnostics.CodeAnalysis;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// The bounds check of every load and store: the effective address is computed in <c>ulong</c>
/// (it cannot wrap for memory32), and the access traps unless all of its bytes are inside.
/// Small enough for the JIT to inline; the throw stays out of line.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class MemoryAccess
{
    /// <summary>
    /// The checked address of a memory 0 (memory32) access in functions whose checks as branches
    /// would make RyuJIT compile them with MinOpts (over its limits on basic blocks, instructions or
    /// local references): one call instead of a branch, a trap block and a local per access, which the
    /// JIT inlines into a compare and a branch to a shared cold throw once it optimizes.
    /// </summary>
    /// <param name="ea">The effective address without the static offset.</param>
    /// <param name="length">The memory's length (cached by the function).</param>
    /// <param name="end">The static offset plus the access size.</param>
    /// <param name="memoryBase">The memory's base (cached by the function).</param>
    /// <param name="wasmOffset">The access's offset in the module, for the trap.</param>
    /// <returns><paramref name="memoryBase"/> + <paramref name="ea"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* Checked(nint ea, nint length, nint end, byte* memoryBase, int wasmOffset)
    {
        if (ea > length - end) OutOfBounds(wasmOffset);
        return memoryBase + ea;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void OutOfBounds(int wasmOffset) => throw Traps.MemoryOutOfBoundsAt(wasmOffset);

    /// <summary>The address of the <paramref name="size"/> bytes at <paramref name="ea"/>, or a trap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At(ulong ea, MemoryInstance memory, int size)
    {
        ulong length = memory.Length;
        if (ea >= length || length - ea < (ulong)size) Traps.Throw(TrapCode.MemoryOutOfBounds);
        return memory.Base + ea;
    }

#pragma warning disable CS1591 // Fixed-size forms of At, so that generated code passes no size.
    // memory32: the effective address is below 2^33, so adding the size cannot wrap: one compare.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At1(ulong ea, MemoryInstance memory) => ea + 1 <= memory.Length ? memory.Base + ea : Fail();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At2(ulong ea, MemoryInstance memory) => ea + 2 <= memory.Length ? memory.Base + ea : Fail();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At4(ulong ea, MemoryInstance memory) => ea + 4 <= memory.Length ? memory.Base + ea : Fail();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At8(ulong ea, MemoryInstance memory) => ea + 8 <= memory.Length ? memory.Base + ea : Fail();
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At16(ulong ea, MemoryInstance memory) => ea + 16 <= memory.Length ? memory.Base + ea : Fail();

    // memory64: the address can be anywhere in 64 bits.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At64x1(ulong ea, MemoryInstance memory) => At(ea, memory, 1);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At64x2(ulong ea, MemoryInstance memory) => At(ea, memory, 2);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At64x4(ulong ea, MemoryInstance memory) => At(ea, memory, 4);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At64x8(ulong ea, MemoryInstance memory) => At(ea, memory, 8);
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte* At64x16(ulong ea, MemoryInstance memory) => At(ea, memory, 16);
#pragma warning restore CS1591

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static byte* Fail()
    {
        Traps.Throw(TrapCode.MemoryOutOfBounds);
        return null;
    }
}
