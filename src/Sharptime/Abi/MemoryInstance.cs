using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sharptime.Abi;

/// <summary>
/// A linear memory: native memory reached through <see cref="Base"/>, never a managed array, so
/// that 4 GiB and memory64 memories work. <see cref="Base"/> moves when the memory grows, so
/// generated code reloads it at every access.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed unsafe class MemoryInstance : IDisposable
{
    /// <summary>The address of byte 0.</summary>
    public byte* Base;

    /// <summary>The size in bytes.</summary>
    public ulong Length;

    internal MemoryInstance(Binary.MemoryType type, ulong maxBytesLimit)
    {
        Type = type;
        PageSizeLog2 = type.PageSizeLog2;
        ulong absoluteMax = type.Is64 ? ulong.MaxValue >> PageSizeLog2 : (1UL << 32) >> PageSizeLog2;
        MaxPages = Math.Min(type.Limits.Max ?? absoluteMax, absoluteMax);
        MaxBytesLimit = maxBytesLimit;
        ulong bytes = type.Limits.Min << PageSizeLog2;
        if (type.Limits.Min > MaxPages || bytes > maxBytesLimit)
        {
            throw new WasmException($"memory of {type.Limits.Min} pages is larger than the limit of {maxBytesLimit} bytes");
        }
        try
        {
            Base = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
        }
        catch (OutOfMemoryException e)
        {
            throw new WasmException($"cannot allocate a memory of {bytes} bytes", e);
        }
        Length = bytes;
    }

    internal Binary.MemoryType Type { get; }

    internal int PageSizeLog2 { get; }

    internal ulong MaxPages { get; }

    internal ulong MaxBytesLimit { get; }

    /// <summary>The size in pages.</summary>
    public ulong Pages => Length >> PageSizeLog2;

    /// <summary>Grows by <paramref name="delta"/> pages.</summary>
    /// <returns>The old size in pages, or -1 (all ones) when the memory cannot grow.</returns>
    public long Grow(ulong delta)
    {
        ObjectDisposedException.ThrowIf(Base == null, this);
        ulong old = Pages;
        if (delta == 0) return (long)old;
        if (delta > MaxPages - old) return -1;
        ulong newBytes = (old + delta) << PageSizeLog2;
        if (newBytes > MaxBytesLimit || newBytes > (ulong)nuint.MaxValue) return -1;
        byte* grown;
        try
        {
            grown = (byte*)NativeMemory.Realloc(Base, (nuint)newBytes);
        }
        catch (OutOfMemoryException)
        {
            // memory.grow reports failure with -1; the old memory is still valid.
            return -1;
        }
        NativeMemory.Clear(grown + Length, (nuint)(newBytes - Length));
        Base = grown;
        Length = newBytes;
        return (long)old;
    }

    /// <summary>Frees the native memory.</summary>
    public void Dispose()
    {
        Free();
        GC.SuppressFinalize(this);
    }

    private void Free()
    {
        if (Base != null)
        {
            NativeMemory.Free(Base);
            Base = null;
            Length = 0;
        }
    }

    /// <summary>Frees the native memory of an instance nobody disposed.</summary>
    ~MemoryInstance() => Free();
}
