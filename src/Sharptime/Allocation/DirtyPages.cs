using System.Runtime.InteropServices;

namespace Sharptime.Allocation;

/// <summary>
/// Finds the pages of a memory slot a tenant changed, with the <c>PAGEMAP_SCAN</c> ioctl on
/// <c>/proc/self/pagemap</c> (Linux 6.7+), as Wasmtime's pooling allocator does. A page differs from
/// what a fresh mapping reads only if it is a private page: present or swapped out, and neither the
/// shared zero page nor a page of the image's file (a page only read stays one of those). Resetting
/// only those keeps the image's pages mapped across tenants: the next instance reads them without a
/// page fault, and a release that wrote nothing makes no <c>madvise</c> at all.
/// </summary>
internal static unsafe partial class DirtyPages
{
    // _IOWR('f', 16, struct pm_scan_arg): direction 3 << 30, size 96 << 16, type 'f' << 8, number 16.
    private const uint PagemapScan = 0xC0606610;
    private const ulong IsFile = 1 << 2, IsPresent = 1 << 3, IsSwapped = 1 << 4, IsPfnZero = 1 << 5;

    // Opened once per process. A child made by fork() without exec() would scan its parent's pages,
    // but .NET only forks to exec.
    private static readonly int s_pagemap = Open();

    /// <summary>Whether scans work here; otherwise callers reset whole ranges.</summary>
    public static bool Supported => s_pagemap >= 0;

    /// <summary>A run of changed pages, <c>[Start, End)</c> as addresses (<c>struct page_region</c>).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Region
    {
        public ulong Start, End, Categories;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct ScanArg
    {
        public ulong Size, Flags, Start, End, WalkEnd, Vec, VecLength, MaxPages, CategoryInverted, CategoryMask, CategoryAnyOfMask, ReturnMask;
    }

    /// <summary>
    /// Fills <paramref name="regions"/> with the changed pages of <c>[start, end)</c> in address order
    /// and returns how many; <paramref name="walkEnd"/> is where the scan stopped (before
    /// <paramref name="end"/> only when <paramref name="regions"/> filled up: pages from there on were not looked at). -1 when the scan failed.
    /// </summary>
    public static int Scan(byte* start, byte* end, Span<Region> regions, out byte* walkEnd)
    {
        fixed (Region* vec = regions)
        {
            var arg = new ScanArg
            {
                Size = (ulong)sizeof(ScanArg),
                Start = (ulong)start,
                End = (ulong)end,
                Vec = (ulong)vec,
                VecLength = (ulong)regions.Length,
                // Not the zero page, not a file page (inverted, then required) …
                CategoryInverted = IsPfnZero | IsFile,
                CategoryMask = IsPfnZero | IsFile,
                // … and present, or swapped out (a written page the kernel swapped still differs).
                CategoryAnyOfMask = IsPresent | IsSwapped,
            };
            int n = ioctl(s_pagemap, PagemapScan, &arg);
            walkEnd = (byte*)arg.WalkEnd;
            return n;
        }
    }

    private static int Open()
    {
        if (!Mmap.Supported) return -1;
        int fd = open("/proc/self/pagemap", 0x80000 /* O_RDONLY | O_CLOEXEC */);
        if (fd < 0) return -1;
        // Older kernels do not know the ioctl (ENOTTY); an empty scan tells.
        var arg = new ScanArg { Size = (ulong)sizeof(ScanArg) };
        if (ioctl(fd, PagemapScan, &arg) < 0)
        {
            Mmap.close(fd);
            return -1;
        }
        return fd;
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, void* arg);
}
