using System.ComponentModel;
using System.Runtime.InteropServices;

namespace Sharptime.Abi;

/// <summary>
/// A linear memory: native memory reached through <see cref="Base"/>, never a managed array, so
/// that 4 GiB and memory64 memories work. On 64-bit Linux the address space for the maximum size is
/// reserved up front and pages are committed as the memory grows, so <see cref="Base"/> never
/// moves. When the reservation fails (huge limits, or the kernel's limit on mappings reached) a
/// Linux memory is one read-write mapping of its current size with MAP_NORESERVE that grows with
/// mremap: untouched pages cost no RAM and the base can move. Elsewhere (or when even that mapping
/// fails) the memory lives in the native heap and growing reallocates.
/// Generated code copies memory 0's base and length into locals and reloads them after every call
/// and memory.grow (docs/rationale/0004-memory-access.md), which is right in both cases: only
/// growing changes them, and only those can grow.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed unsafe partial class MemoryInstance : IDisposable
{
    /// <summary>The address of byte 0.</summary>
    public byte* Base;

    /// <summary>The size in bytes.</summary>
    public ulong Length;

    /// <summary>The bytes of address space reserved, or 0 when the memory is not reserved up front.</summary>
    private readonly ulong _reserved;

    /// <summary>The bytes of the read-write mapping of an unreserved memory, or 0 when it lives in the native heap.</summary>
    private ulong _mapped;

    /// <param name="type">The memory's type.</param>
    /// <param name="maxBytesLimit">The engine's limit on a memory's size.</param>
    /// <param name="reserve">Whether to try reserving the maximum size up front (tests switch it off to reach the fallback).</param>
    internal MemoryInstance(Binary.MemoryType type, ulong maxBytesLimit, bool reserve = true)
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
        ulong maxBytes = Math.Min(MaxPages > ulong.MaxValue >> PageSizeLog2 ? ulong.MaxValue : MaxPages << PageSizeLog2, maxBytesLimit);
        if (reserve && TryReserve(maxBytes, bytes, out byte* reserved, out ulong size))
        {
            Base = reserved;
            _reserved = size;
        }
        else if (TryMap(bytes, out byte* mapped, out ulong mappedSize))
        {
            Base = mapped;
            _mapped = mappedSize;
        }
        else
        {
            try
            {
                Base = (byte*)NativeMemory.AllocZeroed((nuint)Math.Max(bytes, 1));
            }
            catch (OutOfMemoryException e)
            {
                throw new WasmException($"cannot allocate a memory of {bytes} bytes{MappingLimitHint()}", e);
            }
        }
        Length = bytes;
    }

    internal Binary.MemoryType Type { get; }

    /// <summary>The store whose limiter is asked before growing, or null.</summary>
    internal Store? Owner { get; init; }

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
        IResourceLimiter? limiter = Owner?.Limiter;
        if (delta > MaxPages - old)
        {
            limiter?.MemoryGrowFailed(delta > ulong.MaxValue >> PageSizeLog2 ? ulong.MaxValue : Length + (delta << PageSizeLog2));
            return -1;
        }
        ulong newBytes = (old + delta) << PageSizeLog2;
        if (limiter is not null && !limiter.MemoryGrowing(Length, newBytes, Type.Limits.Max is ulong m && m <= ulong.MaxValue >> PageSizeLog2 ? m << PageSizeLog2 : null))
        {
            return -1;
        }
        if (newBytes > MaxBytesLimit || newBytes > (ulong)nuint.MaxValue)
        {
            limiter?.MemoryGrowFailed(newBytes);
            return -1;
        }
        if (_reserved != 0)
        {
            // Fresh pages of an anonymous mapping read as zero: committing them is all there is to do.
            if (newBytes > _reserved || !Commit(Base, Length, newBytes))
            {
                limiter?.MemoryGrowFailed(newBytes);
                return -1;
            }
            Length = newBytes;
            return (long)old;
        }
        if (_mapped != 0)
        {
            // The kernel moves the pages (no copy) and maps the new ones lazily, zero-filled.
            ulong size = Math.Max(RoundUp(newBytes), OsPage);
            if (size > _mapped)
            {
                void* moved = mremap(Base, (nuint)_mapped, (nuint)size, MremapMayMove);
                if (moved == (void*)-1) return -1;
                Base = (byte*)moved;
                _mapped = size;
            }
            Length = newBytes;
            return (long)old;
        }
        byte* grown;
        try
        {
            grown = (byte*)NativeMemory.Realloc(Base, (nuint)newBytes);
        }
        catch (OutOfMemoryException)
        {
            // memory.grow reports failure with -1; the old memory is still valid.
            limiter?.MemoryGrowFailed(newBytes);
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
            if (_reserved != 0) _ = munmap(Base, (nuint)_reserved);
            else if (_mapped != 0) _ = munmap(Base, (nuint)_mapped);
            else NativeMemory.Free(Base);
            Base = null;
            Length = 0;
        }
    }

    /// <summary>Frees the native memory of an instance nobody disposed.</summary>
    ~MemoryInstance() => Free();

    private const int ProtNone = 0;
    private const int ProtReadWrite = 1 | 2;
    private const int MapPrivateAnonymousNoReserve = 0x02 | 0x20 | 0x4000;
    private const ulong OsPage = 4096;

    private static bool TryReserve(ulong maxBytes, ulong initialBytes, out byte* address, out ulong size)
    {
        address = null;
        size = 0;
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8 || (!RuntimeInformation.ProcessArchitecture.Equals(Architecture.X64) && !RuntimeInformation.ProcessArchitecture.Equals(Architecture.Arm64)))
        {
            return false;
        }
        size = Math.Max(RoundUp(maxBytes), OsPage);
        try
        {
            void* p = mmap(null, (nuint)size, ProtNone, MapPrivateAnonymousNoReserve, -1, 0);
            if (p == (void*)-1 || p == null) return false;
            if (!Commit((byte*)p, 0, initialBytes))
            {
                _ = munmap(p, (nuint)size);
                return false;
            }
            address = (byte*)p;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// The fallback on Linux: one read-write mapping of the current size, never touched here, so
    /// the kernel provides zero pages on first access and grown-but-unused memory costs no RAM.
    /// </summary>
    private static bool TryMap(ulong bytes, out byte* address, out ulong size)
    {
        address = null;
        size = 0;
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8) return false;
        ulong length = Math.Max(RoundUp(bytes), OsPage);
        try
        {
            void* p = mmap(null, (nuint)length, ProtReadWrite, MapPrivateAnonymousNoReserve, -1, 0);
            if (p == (void*)-1 || p == null) return false;
            address = (byte*)p;
            size = length;
            return true;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// Why an allocation may have failed when the process is at the kernel's limit on memory
    /// mappings (Linux vm.max_map_count): each reserved memory takes two mappings, so about 32,000
    /// live memories reach the default limit of 65,530.
    /// </summary>
    internal static string MappingLimitHint()
    {
        if (!OperatingSystem.IsLinux()) return "";
        try
        {
            long limit = long.Parse(File.ReadAllText("/proc/sys/vm/max_map_count").Trim(), System.Globalization.CultureInfo.InvariantCulture);
            long count = 0;
            using (var maps = new StreamReader("/proc/self/maps"))
            {
                while (maps.ReadLine() is not null) count++;
            }
            if (count + 16 < limit) return "";
            return $": the process has {count} memory mappings and the kernel's limit (vm.max_map_count) is {limit}; "
                + "every live memory takes one or two mappings, so dispose the stores (or memories) no longer used, "
                + "or raise the limit (sysctl -w vm.max_map_count=N)";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return "";
        }
    }

    private static bool Commit(byte* baseAddress, ulong from, ulong to)
    {
        ulong start = RoundUp(from);
        ulong end = RoundUp(to);
        return end <= start || mprotect(baseAddress + start, (nuint)(end - start), ProtReadWrite) == 0;
    }

    private static ulong RoundUp(ulong bytes) => bytes > ulong.MaxValue - OsPage ? ulong.MaxValue & ~(OsPage - 1) : (bytes + OsPage - 1) & ~(OsPage - 1);

    [LibraryImport("libc")]
    private static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc")]
    private static partial int mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc")]
    private static partial int munmap(void* address, nuint length);

    private const int MremapMayMove = 1;

    [LibraryImport("libc")]
    private static partial void* mremap(void* address, nuint oldLength, nuint newLength, int flags);
}
