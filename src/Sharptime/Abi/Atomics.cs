using System.ComponentModel;
using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// The atomic instructions of the threads proposal (0xFE prefix), for compiled code and the interpreter
/// alike. Every access is sequentially consistent: loads are volatile reads (a plain load is already
/// sequentially consistent against locked stores on x64 and against Arm64's acquire/release forms), stores
/// and read-modify-writes go through <see cref="Interlocked"/>; the 8- and 16-bit forms use .NET's byte
/// and ushort compare-exchange, so no neighbouring byte is ever written.
/// </summary>
/// <remarks>
/// An access checks, in this order, that the effective address does not overflow (memory64), that it is a
/// multiple of the access size (<see cref="TrapCode.HeapMisaligned"/>, "unaligned atomic", as the spec's
/// reference interpreter checks first) and that it is in bounds. Atomic instructions on a memory that is not
/// shared behave the same, except that <c>memory.atomic.wait32/64</c> trap with
/// <see cref="TrapCode.AtomicWaitNonSharedMemory"/> (nothing could ever notify them) and
/// <c>memory.atomic.notify</c> wakes nobody.
///
/// The <c>width</c> arguments follow the opcode order of each group (loads 0x10-0x16, stores 0x17-0x1D,
/// every read-modify-write group of seven from 0x1E): 0 i32, 1 i64, 2 i32 8-bit, 3 i32 16-bit, 4 i64 8-bit,
/// 5 i64 16-bit, 6 i64 32-bit. Values travel zero-extended in a <c>ulong</c>; i32 results are its low half.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Atomics
{
    /// <summary>The read-modify-write operations, in opcode order (group k starts at 0x1E + 7k).</summary>
    public enum RmwOp
    {
        /// <summary><c>rmw.add</c></summary>
        Add,
        /// <summary><c>rmw.sub</c></summary>
        Sub,
        /// <summary><c>rmw.and</c></summary>
        And,
        /// <summary><c>rmw.or</c></summary>
        Or,
        /// <summary><c>rmw.xor</c></summary>
        Xor,
        /// <summary><c>rmw.xchg</c></summary>
        Xchg,
    }

    /// <summary>The first atomic load opcode (<c>i32.atomic.load</c>) without the prefix.</summary>
    public const int FirstLoad = 0x10;

    /// <summary>The first atomic store opcode (<c>i32.atomic.store</c>) without the prefix.</summary>
    public const int FirstStore = 0x17;

    /// <summary>The first read-modify-write opcode (<c>i32.atomic.rmw.add</c>) without the prefix.</summary>
    public const int FirstRmw = 0x1E;

    /// <summary>The compare-exchange group (<c>i32.atomic.rmw.cmpxchg</c> and its forms) without the prefix.</summary>
    public const int FirstCmpxchg = FirstRmw + 6 * 7;

    /// <summary>The bytes an access of <paramref name="width"/> touches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SizeOf(int width) => width switch { 0 => 4, 1 => 8, 2 or 4 => 1, 3 or 5 => 2, _ => 4 };

    /// <summary>True when the instruction of <paramref name="width"/> takes and returns i64.</summary>
    public static bool Is64(int width) => width is 1 or 4 or 5 or 6;

    /// <summary>The checked address of an access: overflow, alignment, then bounds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte* At(ulong address, ulong offset, MemoryInstance memory, int size)
    {
        ulong ea = address + offset;
        if (ea < address) Traps.Throw(TrapCode.MemoryOutOfBounds);
        if ((ea & (ulong)(size - 1)) != 0) Traps.Throw(TrapCode.HeapMisaligned);
        // A shared memory's length only grows (under a lock, after its pages are committed).
        ulong length = Volatile.Read(ref memory.Length);
        if (ea >= length || length - ea < (ulong)size) Traps.Throw(TrapCode.MemoryOutOfBounds);
        return memory.Base + ea;
    }

    /// <summary>The atomic loads (<c>i32.atomic.load</c> … <c>i64.atomic.load32_u</c>).</summary>
    public static ulong Load(ulong address, MemoryInstance memory, ulong offset, int width)
    {
        byte* p = At(address, offset, memory, SizeOf(width));
        return SizeOf(width) switch
        {
            1 => Volatile.Read(ref *p),
            2 => Volatile.Read(ref *(ushort*)p),
            4 => Volatile.Read(ref *(uint*)p),
            _ => Volatile.Read(ref *(ulong*)p),
        };
    }

    /// <summary>The atomic stores (<c>i32.atomic.store</c> … <c>i64.atomic.store32</c>): the value is wrapped to the width.</summary>
    public static void Store(ulong address, ulong value, MemoryInstance memory, ulong offset, int width)
    {
        byte* p = At(address, offset, memory, SizeOf(width));
        switch (SizeOf(width))
        {
            case 1: Interlocked.Exchange(ref *p, (byte)value); break;
            case 2: Interlocked.Exchange(ref *(ushort*)p, (ushort)value); break;
            case 4: Interlocked.Exchange(ref *(uint*)p, (uint)value); break;
            default: Interlocked.Exchange(ref *(ulong*)p, value); break;
        }
    }

    /// <summary>The read-modify-write instructions other than compare-exchange.</summary>
    /// <returns>The old value, zero-extended.</returns>
    public static ulong Rmw(ulong address, ulong value, MemoryInstance memory, ulong offset, int op, int width)
    {
        byte* p = At(address, offset, memory, SizeOf(width));
        var o = (RmwOp)op;
        switch (SizeOf(width))
        {
            case 1:
                return CasLoop(ref *p, (byte)value, o);
            case 2:
                return CasLoop(ref *(ushort*)p, (ushort)value, o);
            case 4:
            {
                ref uint cell = ref *(uint*)p;
                uint v = (uint)value;
                return o switch
                {
                    RmwOp.Add => Interlocked.Add(ref cell, v) - v,
                    RmwOp.Sub => Interlocked.Add(ref cell, unchecked(0u - v)) + v,
                    RmwOp.And => Interlocked.And(ref cell, v),
                    RmwOp.Or => Interlocked.Or(ref cell, v),
                    RmwOp.Xor => CasLoop(ref cell, v, o),
                    _ => Interlocked.Exchange(ref cell, v),
                };
            }
            default:
            {
                ref ulong cell = ref *(ulong*)p;
                return o switch
                {
                    RmwOp.Add => Interlocked.Add(ref cell, value) - value,
                    RmwOp.Sub => Interlocked.Add(ref cell, unchecked(0UL - value)) + value,
                    RmwOp.And => Interlocked.And(ref cell, value),
                    RmwOp.Or => Interlocked.Or(ref cell, value),
                    RmwOp.Xor => CasLoop(ref cell, value, o),
                    _ => Interlocked.Exchange(ref cell, value),
                };
            }
        }
    }

    /// <summary>
    /// A read-modify-write as a compare-exchange loop: for the widths and operations <see cref="Interlocked"/>
    /// has no instruction for (8- and 16-bit, and xor).
    /// </summary>
    private static T CasLoop<T>(ref T cell, T value, RmwOp op) where T : unmanaged, IBinaryInteger<T>
    {
        T old, result;
        do
        {
            // The compare-exchange is a full barrier: the read cannot be hoisted out of the loop.
            old = cell;
            result = op switch
            {
                RmwOp.Add => old + value,
                RmwOp.Sub => old - value,
                RmwOp.And => old & value,
                RmwOp.Or => old | value,
                RmwOp.Xor => old ^ value,
                _ => value,
            };
        }
        while (Interlocked.CompareExchange(ref cell, result, old) != old);
        return old;
    }

    /// <summary>
    /// The compare-exchange instructions: the expected value is wrapped to the width before the compare, as
    /// the spec says, and the replacement is written only when it matches.
    /// </summary>
    /// <returns>The old value, zero-extended.</returns>
    public static ulong Cmpxchg(ulong address, ulong expected, ulong replacement, MemoryInstance memory, ulong offset, int width)
    {
        byte* p = At(address, offset, memory, SizeOf(width));
        return SizeOf(width) switch
        {
            1 => Interlocked.CompareExchange(ref *p, (byte)replacement, (byte)expected),
            2 => Interlocked.CompareExchange(ref *(ushort*)p, (ushort)replacement, (ushort)expected),
            4 => Interlocked.CompareExchange(ref *(uint*)p, (uint)replacement, (uint)expected),
            _ => Interlocked.CompareExchange(ref *(ulong*)p, replacement, expected),
        };
    }

    /// <summary><c>atomic.fence</c>: a full barrier.</summary>
    public static void Fence() => Interlocked.MemoryBarrier();

    /// <summary><c>memory.atomic.notify</c>: wakes up to <paramref name="count"/> (unsigned) threads waiting on the address.</summary>
    /// <returns>The number of threads woken.</returns>
    public static int Notify(ulong address, int count, MemoryInstance memory, ulong offset)
    {
        byte* p = At(address, offset, memory, 4);
        return memory.Shared ? ParkingLot.Notify(memory, (ulong)(p - memory.Base), (uint)count) : 0;
    }

    /// <summary><c>memory.atomic.wait32</c>: 0 when woken, 1 when the value differs from <paramref name="expected"/>, 2 on time-out.</summary>
    public static int Wait32(ulong address, int expected, long timeout, MemoryInstance memory, ulong offset, VmContext ctx) =>
        Wait(address, (uint)expected, timeout, memory, offset, 4, ctx.StoreContext);

    /// <summary><c>memory.atomic.wait64</c>: 0 when woken, 1 when the value differs from <paramref name="expected"/>, 2 on time-out.</summary>
    public static int Wait64(ulong address, long expected, long timeout, MemoryInstance memory, ulong offset, VmContext ctx) =>
        Wait(address, (ulong)expected, timeout, memory, offset, 8, ctx.StoreContext);

    private static int Wait(ulong address, ulong expected, long timeout, MemoryInstance memory, ulong offset, int size, VmStoreContext store)
    {
        byte* p = At(address, offset, memory, size);
        if (!memory.Shared) Traps.Throw(TrapCode.AtomicWaitNonSharedMemory);
        return ParkingLot.Wait(memory, p, size, expected, timeout, store);
    }

    /// <summary>
    /// The threads waiting in <c>memory.atomic.wait32/64</c>, in arrival order per (memory, address). One
    /// process-wide lock guards the queues and the compare of the waited-on value, so a notify that follows a
    /// store can never slip between a waiter's compare and its enqueueing; each waiter sleeps on its own
    /// monitor, so a notify wakes exactly the waiters it dequeued.
    /// </summary>
    private static class ParkingLot
    {
        private static readonly Lock Gate = new();
        private static readonly Dictionary<(MemoryInstance Memory, ulong Address), Queue<Waiter>> Queues = [];

        private sealed class Waiter
        {
            /// <summary>Set under <see cref="Gate"/> by the notify that dequeued the waiter.</summary>
            public volatile bool Notified;
        }

        /// <summary>
        /// How long a waiter sleeps before it looks at its store again: a wait ends early with the trap (or the
        /// deadline callback) of a reached epoch deadline or a disposed store, as running code would at a loop header.
        /// </summary>
        private static readonly TimeSpan Slice = TimeSpan.FromMilliseconds(10);

        public static int Wait(MemoryInstance memory, byte* p, int size, ulong expected, long timeout, VmStoreContext store)
        {
            var key = (memory, (ulong)(p - memory.Base));
            var waiter = new Waiter();
            lock (Gate)
            {
                ulong current = size == 4 ? Volatile.Read(ref *(uint*)p) : Volatile.Read(ref *(ulong*)p);
                if (current != expected) return 1;
                if (timeout == 0) return 2;
                if (!Queues.TryGetValue(key, out Queue<Waiter>? queue)) Queues[key] = queue = new Queue<Waiter>();
                queue.Enqueue(waiter);
            }
            long start = Stopwatch.GetTimestamp();
            while (true)
            {
                long left = timeout < 0 ? long.MaxValue : timeout - (long)Stopwatch.GetElapsedTime(start).TotalNanoseconds;
                if (left <= 0) break;
                lock (waiter)
                {
                    if (!waiter.Notified) Monitor.Wait(waiter, left >= Slice.Ticks * 100 ? Slice : TimeSpan.FromTicks(Math.Max(left / 100, 1)));
                }
                if (waiter.Notified) return 0;
                if (Interrupted(store))
                {
                    try
                    {
                        // Traps, or runs the store's deadline callback, which may move the deadline: then wait on.
                        StoreHelpers.Interrupted(store);
                    }
                    catch (TrapException)
                    {
                        // A notify that dequeued the waiter first counted it as woken: then it was.
                        if (Leave(key, waiter)) return 0;
                        throw;
                    }
                }
            }
            return Leave(key, waiter) ? 0 : 2;
        }

        /// <summary>Whether the store of a waiting thread was disposed or reached its epoch deadline.</summary>
        private static bool Interrupted(VmStoreContext store) =>
            Volatile.Read(ref store.StackLimit) == VmStoreContext.Interrupt;

        /// <summary>Takes a waiter that stops waiting out of its queue; true when a notify dequeued it first (it was woken).</summary>
        private static bool Leave((MemoryInstance, ulong) key, Waiter waiter)
        {
            lock (Gate)
            {
                if (waiter.Notified) return true;
                Queue<Waiter> queue = Queues[key];
                var rest = new Queue<Waiter>(queue.Count);
                foreach (Waiter w in queue)
                {
                    if (w != waiter) rest.Enqueue(w);
                }
                if (rest.Count == 0) Queues.Remove(key);
                else Queues[key] = rest;
                return false;
            }
        }

        public static int Notify(MemoryInstance memory, ulong address, uint count)
        {
            List<Waiter>? woken = null;
            lock (Gate)
            {
                if (count == 0 || !Queues.TryGetValue((memory, address), out Queue<Waiter>? queue)) return 0;
                woken = [];
                while (queue.Count > 0 && (uint)woken.Count < count)
                {
                    Waiter w = queue.Dequeue();
                    w.Notified = true;
                    woken.Add(w);
                }
                if (queue.Count == 0) Queues.Remove((memory, address));
            }
            foreach (Waiter w in woken)
            {
                lock (w) Monitor.Pulse(w);
            }
            return woken.Count;
        }
    }
}
