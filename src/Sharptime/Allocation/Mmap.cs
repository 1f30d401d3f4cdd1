using System.Runtime.InteropServices;

namespace Sharptime.Allocation;

/// <summary>The Linux (64-bit) virtual-memory calls the allocators use.</summary>
internal static unsafe partial class Mmap
{
    public const int ProtNone = 0;
    public const int ProtReadWrite = 1 | 2;
    public const int MapShared = 0x01;
    public const int MapPrivate = 0x02;
    public const int MapFixed = 0x10;
    public const int MapAnonymous = 0x20;
    public const int MapNoReserve = 0x4000;
    public const int MadvDontNeed = 4;
    public const int MremapMayMove = 1;
    public const ulong Page = 4096;

    /// <summary>Whether the mmap-based paths are available: 64-bit Linux on x64 or Arm64.</summary>
    public static bool Supported { get; } = OperatingSystem.IsLinux() && IntPtr.Size == 8
        && (RuntimeInformation.ProcessArchitecture == Architecture.X64 || RuntimeInformation.ProcessArchitecture == Architecture.Arm64);

    public static ulong RoundUp(ulong bytes) => bytes > ulong.MaxValue - Page ? ulong.MaxValue & ~(Page - 1) : (bytes + Page - 1) & ~(Page - 1);

    public static ulong RoundDown(ulong bytes) => bytes & ~(Page - 1);

    /// <summary>Makes <c>[from, to)</c> of a reservation readable and writable (rounded out to pages).</summary>
    public static bool Commit(byte* baseAddress, ulong from, ulong to)
    {
        ulong start = RoundUp(from);
        ulong end = RoundUp(to);
        return end <= start || mprotect(baseAddress + start, (nuint)(end - start), ProtReadWrite) == 0;
    }

    /// <summary>Returns the pages of <c>[from, to)</c> to the kernel: anonymous pages read as zero again, private file pages as the file.</summary>
    public static void Discard(byte* baseAddress, ulong from, ulong to)
    {
        if (to <= from) return;
        if (madvise(baseAddress + from, (nuint)(to - from), MadvDontNeed) != 0)
        {
            throw new WasmException($"madvise(MADV_DONTNEED) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Replaces <c>[from, to)</c> with fresh zero pages (drops a file mapping there).</summary>
    public static void ReplaceWithZeros(byte* baseAddress, ulong from, ulong to)
    {
        if (to <= from) return;
        void* p = mmap(baseAddress + from, (nuint)(to - from), ProtReadWrite, MapPrivate | MapAnonymous | MapFixed | MapNoReserve, -1, 0);
        if (p == (void*)-1) throw new WasmException($"mmap over a memory slot failed with errno {Marshal.GetLastPInvokeError()}");
    }

    [LibraryImport("libc", SetLastError = true)]
    public static partial void* mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int mprotect(void* address, nuint length, int protection);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int munmap(void* address, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int madvise(void* address, nuint length, int advice);

    [LibraryImport("libc", SetLastError = true)]
    public static partial void* mremap(void* address, nuint oldLength, nuint newLength, int flags);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int memfd_create(string name, uint flags);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int ftruncate(int fd, long length);

    [LibraryImport("libc", SetLastError = true)]
    public static partial nint pwrite(int fd, byte* buffer, nuint count, long offset);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int close(int fd);
}
