using System.Security.Cryptography;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    // WASI clock ids (realtime, monotonic, process_cputime_id, thread_cputime_id) equal Linux's 0..3.
    internal static unsafe ulong? Now(uint clock)
    {
        if (clock > 3) return null;
        LibC.Timespec t;
        if (LibC.ClockGetTime((int)clock, &t) < 0) return null;
        return (ulong)t.Sec * 1_000_000_000UL + (ulong)t.Nsec;
    }

    internal static Errno ClockTimeGet(GuestMemory m, uint clock, ulong precision, uint time)
    {
        _ = precision;
        if (Now(clock) is not ulong now) return Errno.Inval;
        m.WriteU64(time, now);
        return Errno.Success;
    }

    internal static unsafe Errno ClockResGet(GuestMemory m, uint clock, uint resolution)
    {
        if (clock > 3) return Errno.Inval;
        LibC.Timespec t;
        if (LibC.ClockGetRes((int)clock, &t) < 0) return Errno.Inval;
        ulong ns = (ulong)t.Sec * 1_000_000_000UL + (ulong)t.Nsec;
        m.WriteU64(resolution, Math.Max(ns, 1));
        return Errno.Success;
    }

    internal static Errno RandomGet(GuestMemory m, uint buf, uint len)
    {
        RandomNumberGenerator.Fill(m.Span(buf, len));
        return Errno.Success;
    }

    internal static Errno SchedYield()
    {
        Thread.Yield();
        return Errno.Success;
    }

    /// <summary>
    /// proc_raise: a signal whose default action ignores it (or stops, which a guest cannot do)
    /// returns; any other ends the guest as the host's default action would, with status 128 + the
    /// Linux signal number.
    /// </summary>
    internal Errno ProcRaise(uint signal)
    {
        if (signal > 30) return Errno.Inval;
        // none, chld, cont, stop, tstp, ttin, ttou, urg, winch.
        if (signal is 0 or 16 or 17 or 18 or 19 or 20 or 21 or 22 or 27) return Errno.Success;
        int linux = signal <= 15 ? (int)signal : (int)signal + 1;
        ProcExit(128 + linux);
        return Errno.Success;
    }
}
