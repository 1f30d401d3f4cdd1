using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>
/// A linear memory: native memory reached through <see cref="Base"/>, never a managed array, so
/// that 4 GiB and memory64 memories work. Where the memory lives and how it grows is the business of
/// the engine's allocator (src/Sharptime/Allocation: on-demand or pooling); this object holds what
/// generated code reads. Generated code copies memory 0's base and length into locals and reloads
/// them after every call and memory.grow (docs/rationale/0004-memory-access.md): only growing
/// changes them, and only those can grow.
/// A shared memory (threads) is reserved at its maximum when it is created, so its base never moves; growing
/// it takes a lock and only ever raises <see cref="Length"/>, so code on other threads that reads a stale
/// length sees a smaller memory, never a freed one. Several stores may use it (each import counts a user);
/// the last store to let go frees it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed unsafe class MemoryInstance : IDisposable
{
    /// <summary>The address of byte 0.</summary>
    public byte* Base;

    /// <summary>The size in bytes.</summary>
    public ulong Length;

    /// <summary>The bytes of address space reserved from <see cref="Base"/> (a pool slot, or an on-demand reservation), or 0.</summary>
    internal ulong Reserved;

    /// <summary>The bytes of the read-write mapping of an unreserved on-demand memory, or 0 when it lives in the native heap.</summary>
    internal ulong Mapped;

    /// <summary>The pool slot, or -1.</summary>
    internal int Slot = -1;

    /// <summary>What only a shared memory needs, or null (instantiation allocates nothing more for other memories).</summary>
    private readonly SharedState? _shared;

    /// <summary>The lock that serializes growing a shared memory, and the count of stores that hold it (1 when created).</summary>
    private sealed class SharedState
    {
        public readonly Lock GrowLock = new();
        public int Users = 1;
    }

    /// <param name="type">The memory's type.</param>
    /// <param name="maxBytesLimit">The most bytes the memory may reach (the engine's limit, or a pool slot's size).</param>
    /// <param name="allocator">The allocator that grows and releases it.</param>
    internal MemoryInstance(Binary.MemoryType type, ulong maxBytesLimit, Allocation.IInstanceAllocator allocator)
    {
        Allocator = allocator;
        if (type.Shared) _shared = new SharedState();
        Initialize(type, maxBytesLimit, owner: null);
    }

    /// <summary>
    /// Gives the object the type and limit of a new memory: at creation, and when the pooling allocator
    /// hands a released (unshared) one out again.
    /// </summary>
    internal void Initialize(Binary.MemoryType type, ulong maxBytesLimit, Store? owner)
    {
        Type = type;
        Owner = owner;
        PageSizeLog2 = type.PageSizeLog2;
        ulong absoluteMax = type.Is64 ? ulong.MaxValue >> PageSizeLog2 : (1UL << 32) >> PageSizeLog2;
        MaxPages = Math.Min(type.Limits.Max ?? absoluteMax, absoluteMax);
        MaxBytesLimit = maxBytesLimit;
        if (type.Limits.Min > MaxPages || type.Limits.Min << PageSizeLog2 > maxBytesLimit)
        {
            throw new WasmException($"memory of {type.Limits.Min} pages is larger than the limit of {maxBytesLimit} bytes");
        }
    }

    /// <summary>What a <see cref="Memory"/> of a freed store reads: an empty memory that cannot grow.</summary>
    internal static MemoryInstance Released { get; } =
        new(new Binary.MemoryType(new Binary.Limits(0, 0), Is64: false, Shared: false), 0, Allocation.OnDemandAllocator.Host);

    internal Binary.MemoryType Type { get; private set; }

    internal Allocation.IInstanceAllocator Allocator { get; }

    /// <summary>The store whose limiter is asked before growing, or null.</summary>
    internal Store? Owner { get; set; }

    internal int PageSizeLog2 { get; private set; }

    /// <summary>True for a shared memory (threads).</summary>
    internal bool Shared => Type.Shared;

    internal ulong MaxPages { get; private set; }

    internal ulong MaxBytesLimit { get; private set; }

    /// <summary>The bytes of the largest memory the type allows within <see cref="MaxBytesLimit"/>.</summary>
    internal ulong MaxBytes => Math.Min(MaxPages > ulong.MaxValue >> PageSizeLog2 ? ulong.MaxValue : MaxPages << PageSizeLog2, MaxBytesLimit);

    /// <summary>The size in pages.</summary>
    public ulong Pages => Length >> PageSizeLog2;

    /// <summary>Grows by <paramref name="delta"/> pages.</summary>
    /// <returns>The old size in pages, or -1 (all ones) when the memory cannot grow.</returns>
    public long Grow(ulong delta)
    {
        if (_shared is null) return GrowUnshared(delta);
        lock (_shared.GrowLock)
        {
            return GrowUnshared(delta);
        }
    }

    private long GrowUnshared(ulong delta)
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
        if (newBytes > MaxBytesLimit || newBytes > (ulong)nuint.MaxValue || !Allocator.GrowMemory(this, newBytes))
        {
            limiter?.MemoryGrowFailed(newBytes);
            return -1;
        }
        // Code on other threads may read the length at any time: it must see the committed pages first.
        Volatile.Write(ref Length, newBytes);
        return (long)old;
    }

    /// <summary>Counts one more store that holds this shared memory (an import into an instance of another store).</summary>
    /// <exception cref="ObjectDisposedException">Every store that held the memory has let it go.</exception>
    internal void AddUser()
    {
        SharedState shared = _shared ?? throw new InvalidOperationException("internal error: only a shared memory has several users");
        int users;
        do
        {
            users = Volatile.Read(ref shared.Users);
            ObjectDisposedException.ThrowIf(users == 0, this);
        }
        while (Interlocked.CompareExchange(ref shared.Users, users + 1, users) != users);
    }

    /// <summary>
    /// Gives the native memory back to the allocator (a shared memory: once its last user lets go).
    /// The pooling allocator may hand this object out again for another memory: call it only once
    /// nothing reaches the memory through this object (the store frees its memories last).
    /// </summary>
    public void Dispose()
    {
        if (_shared is not null && Interlocked.Decrement(ref _shared.Users) > 0) return;
        GC.SuppressFinalize(this);
        if (Base != null) Allocator.ReleaseMemory(this, reusable: true);
    }

    /// <summary>Gives back the native memory of an instance nobody disposed (this object is not reused).</summary>
    ~MemoryInstance()
    {
        if (Base != null) Allocator.ReleaseMemory(this, reusable: false);
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
}
