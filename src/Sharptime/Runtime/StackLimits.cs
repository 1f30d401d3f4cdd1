using System.Runtime.InteropServices;

namespace Sharptime.Runtime;

/// <summary>
/// The lowest stack address generated code may use on the current thread. Generated code compares
/// the address of a local with it on entry to every function, so deep recursion traps with
/// <see cref="TrapCode.StackOverflow"/> instead of ending the process.
/// </summary>
internal static unsafe partial class StackLimits
{
    /// <summary>
    /// Stack kept free for the host: throwing and unwinding the trap, the JIT compiling a method on
    /// first call at the deepest point, and host functions called from Wasm.
    /// </summary>
    private const int Margin = 384 * 1024;

    /// <summary>
    /// The most stack Wasm may use below the point where the limit was computed: keeps the depth of
    /// a runaway recursion (and the cost of unwinding it) bounded on threads with huge stacks.
    /// </summary>
    private const int MaxUsable = 16 * 1024 * 1024;

    /// <summary>When the stack bounds are unknown: this much below the first entry on the thread.</summary>
    private const int FallbackUsable = 512 * 1024;

    [ThreadStatic]
    private static nuint t_limit;

    public static nuint ForCurrentThread()
    {
        if (t_limit != 0) return t_limit;
        byte here = 0;
        nuint sp = (nuint)(&here);
        nuint limit = sp - FallbackUsable;
        if (TryGetStackLow(out nuint low) && low < sp)
        {
            // On a small stack keep half of what is left for the host rather than the full margin.
            nuint margin = Math.Min((nuint)Margin, (sp - low) / 2);
            limit = Math.Max(low + margin, sp > MaxUsable ? sp - MaxUsable : 0);
        }
        t_limit = limit;
        return limit;
    }

    /// <summary>
    /// The limit for code entered here that may use at most <paramref name="maxWasmStack"/> bytes of
    /// stack below the current frame (<see cref="Config.MaxWasmStack"/>), never below the thread's own limit.
    /// </summary>
    public static nuint ForCurrentThread(ulong maxWasmStack)
    {
        nuint limit = ForCurrentThread();
        byte here = 0;
        nuint sp = (nuint)(&here);
        return maxWasmStack < sp ? Math.Max(limit, sp - (nuint)maxWasmStack) : limit;
    }

    /// <summary>
    /// The stack size of a thread that runs an async call (<see cref="AsyncCalls"/>): room for
    /// <paramref name="maxWasmStack"/> bytes of WebAssembly (at most what any thread allows it), the
    /// host margin and the frames above the entry.
    /// </summary>
    public static int AsyncThreadSize(ulong? maxWasmStack) =>
        (int)Math.Min(maxWasmStack ?? MaxUsable, MaxUsable) + Margin + HostFrames;

    /// <summary>Stack an async call's thread uses above the point where it enters the store.</summary>
    private const int HostFrames = 256 * 1024;

    private static bool TryGetStackLow(out nuint low)
    {
        low = 0;
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            // pthread_attr_t is 56 bytes on 64-bit glibc and musl; give it room.
            byte* attr = stackalloc byte[256];
            if (pthread_getattr_np(pthread_self(), attr) != 0) return false;
            int rc = pthread_attr_getstack(attr, out nint address, out nuint size);
            _ = pthread_attr_destroy(attr);
            if (rc != 0 || address == 0 || size == 0) return false;
            low = (nuint)address;
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

    [LibraryImport("libc")]
    private static partial nint pthread_self();

    [LibraryImport("libc")]
    private static partial int pthread_getattr_np(nint thread, byte* attr);

    [LibraryImport("libc")]
    private static partial int pthread_attr_getstack(byte* attr, out nint address, out nuint size);

    [LibraryImport("libc")]
    private static partial int pthread_attr_destroy(byte* attr);
}
