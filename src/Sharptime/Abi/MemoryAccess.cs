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
