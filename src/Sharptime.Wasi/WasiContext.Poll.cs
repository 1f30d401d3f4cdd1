using System.Buffers.Binary;
using System.Diagnostics;
using System.Net.Sockets;
using Sharptime.Wasi.Native;

namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    private const uint SubscriptionSize = 48, EventSize = 32;
    private const byte EventClock = 0, EventFdRead = 1, EventFdWrite = 2;

    private struct Subscription
    {
        public ulong UserData;
        public byte Tag;
        public uint Fd;
        public long DeadlineTicks; // Stopwatch ticks, for clocks
        public Errno ClockError;
    }

    internal Errno PollOneoff(GuestMemory m, uint input, uint output, uint count, uint nevents)
    {
        if (count == 0) return Errno.Inval;
        if (count > 65536) return Errno.Inval;
        Span<byte> raw = m.Span(input, checked(count * SubscriptionSize));
        m.Span(output, checked(count * EventSize));
        var subs = new Subscription[count];
        long start = Stopwatch.GetTimestamp();
        bool anyFd = false;
        for (int i = 0; i < subs.Length; i++)
        {
            ReadOnlySpan<byte> s = raw.Slice(i * (int)SubscriptionSize, (int)SubscriptionSize);
            ref Subscription sub = ref subs[i];
            sub.UserData = BinaryPrimitives.ReadUInt64LittleEndian(s);
            sub.Tag = s[8];
            if (sub.Tag == EventClock)
            {
                uint id = BinaryPrimitives.ReadUInt32LittleEndian(s[16..]);
                ulong timeout = BinaryPrimitives.ReadUInt64LittleEndian(s[24..]);
                ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(s[40..]);
                ulong? now = Now(id);
                if (now is null)
                {
                    sub.ClockError = Errno.Inval;
                    continue;
                }
                // Absolute deadlines (subclockflags bit 0) are relative to the same clock's now.
                ulong wait = (flags & 1) != 0 ? (timeout > now.Value ? timeout - now.Value : 0) : timeout;
                double ticks = wait / 1e9 * Stopwatch.Frequency;
                sub.DeadlineTicks = ticks >= long.MaxValue / 2 ? long.MaxValue : start + (long)ticks;
            }
            else if (sub.Tag is EventFdRead or EventFdWrite)
            {
                sub.Fd = BinaryPrimitives.ReadUInt32LittleEndian(s[16..]);
                anyFd = true;
            }
            else
            {
                return Errno.Inval;
            }
        }

        while (true)
        {
            int written = 0;
            long now = Stopwatch.GetTimestamp();
            long nearest = long.MaxValue;
            foreach (Subscription sub in subs)
            {
                if (sub.Tag == EventClock)
                {
                    if (sub.ClockError != Errno.Success || now >= sub.DeadlineTicks) WriteEvent(m, output, written++, sub, sub.ClockError, 0, false);
                    else nearest = Math.Min(nearest, sub.DeadlineTicks);
                }
                else if (Ready(sub, out Errno error, out ulong nbytes, out bool hangup))
                {
                    WriteEvent(m, output, written++, sub, error, nbytes, hangup);
                }
            }
            if (written > 0)
            {
                m.WriteU32(nevents, (uint)written);
                return Errno.Success;
            }
            long waitTicks = nearest == long.MaxValue ? Stopwatch.Frequency : nearest - now;
            double ms = waitTicks * 1000.0 / Stopwatch.Frequency;
            // Descriptors are polled, so cap the sleep while any is waited on.
            if (anyFd) ms = Math.Min(ms, 5);
            Thread.Sleep(TimeSpan.FromMilliseconds(Math.Max(ms, 0.05)));
        }
    }

    private static void WriteEvent(GuestMemory m, uint output, int index, Subscription sub, Errno error, ulong nbytes, bool hangup)
    {
        Span<byte> e = m.Span(output + (uint)index * EventSize, EventSize);
        e.Clear();
        BinaryPrimitives.WriteUInt64LittleEndian(e, sub.UserData);
        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], (ushort)error);
        e[10] = sub.Tag;
        if (sub.Tag != EventClock)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(e[16..], nbytes);
            BinaryPrimitives.WriteUInt16LittleEndian(e[24..], hangup ? (ushort)1 : (ushort)0);
        }
    }

    private bool Ready(Subscription sub, out Errno error, out ulong nbytes, out bool hangup)
    {
        error = Errno.Success;
        nbytes = 0;
        hangup = false;
        bool read = sub.Tag == EventFdRead;
        FdEntry? e = sub.Fd < (uint)_fds.Count ? _fds[(int)sub.Fd] : null;
        if (e is null)
        {
            error = Errno.Badf;
            return true;
        }
        if ((e.RightsBase & Rights.PollFdReadwrite) == 0)
        {
            error = Errno.NotCapable;
            return true;
        }
        switch (e)
        {
            case HostFd h:
                if (h.IsDirectory)
                {
                    error = Errno.Badf;
                    return true;
                }
                if (read)
                {
                    long pos = LibC.LSeek(h.Fd, 0, 1);
                    FileStat stat = FileStat.Of(h.Fd);
                    nbytes = pos >= 0 && (ulong)pos < stat.Size ? stat.Size - (ulong)pos : 0;
                }
                return true;
            case StreamFd s:
                if (read != s.Readable)
                {
                    error = Errno.Badf;
                    return true;
                }
                if (read && s.Stream is { CanSeek: true } st) nbytes = (ulong)Math.Max(0, st.Length - st.Position);
                return true;
            case SocketFd k:
                if (read)
                {
                    if (!k.Socket.Poll(0, SelectMode.SelectRead)) return false;
                    nbytes = (ulong)k.Socket.Available;
                    hangup = nbytes == 0 && !k.Socket.IsBound;
                    return true;
                }
                return k.Socket.Poll(0, SelectMode.SelectWrite);
            default:
                error = Errno.Badf;
                return true;
        }
    }
}
