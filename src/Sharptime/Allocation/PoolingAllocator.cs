using System.Runtime.InteropServices;
using Sharptime.Abi;

namespace Sharptime.Allocation;

/// <summary>
/// The pooling allocator (Wasmtime's <c>PoolingInstanceAllocator</c>): the address space of every
/// memory slot is reserved once, when the engine is created, and memories and tables are taken from
/// and given back to slots instead of being mapped and freed.
/// <code>
///   one reservation, PROT_NONE until committed (MAP_NORESERVE):
///   ┌──────────── slot 0 ────────────┬──────────── slot 1 ────────────┬─ … ─┐
///   │ image │ committed, zero … │ PROT_NONE …│ image │ …                     │     │
///   └────────────────────────────────┴────────────────────────────────┴─────┘
///   slot size = MaxMemorySize rounded up to the OS page
/// </code>
/// A slot stays committed (read-write) up to the largest size any of its memories reached, so a
/// reused slot costs no mprotect. Releasing a slot resets only its dirty range: the bytes up to the
/// largest length the memory had (the high-water mark): the first
/// <see cref="PoolingAllocationConfig.LinearMemoryKeepResident"/> bytes with memset, the rest with
/// <c>madvise(MADV_DONTNEED)</c>; a copy-on-write image mapped in the slot is restored by
/// <c>MADV_DONTNEED</c> of its range (private file pages revert to the file) and stays mapped, so the
/// next instance of the same module maps nothing. Allocation prefers a free slot last used by the
/// same module. Slots released beyond <see cref="PoolingAllocationConfig.MaxUnusedWarmSlots"/> free
/// ones are made cold: image unmapped, every page decommitted. A table slot keeps the largest managed
/// array its tables used (at most <see cref="PoolingAllocationConfig.MaxTableElements"/>), cleared
/// up to the table's size on release. The objects of freed stores are reused too: the memory object
/// of each slot, store contexts and instance contexts per module, so that a steady-state
/// instantiation allocates only its Store and Instance (docs/rationale/0008-instantiation.md).
/// </summary>
internal sealed unsafe class PoolingAllocator : IInstanceAllocator
{
    private readonly PoolingAllocationConfig _config;
    private readonly bool _copyOnWrite;
    private readonly ulong _slotBytes;
    private readonly object _lock = new();
    private byte* _base;

    // Per memory slot. Free slots are in a doubly linked list (most recently released first), and
    // those with an affinity also in a list per affinity, so taking and giving back are O(1) and allocate nothing.
    private readonly ulong[] _committed;
    private readonly MemoryImage?[] _images;
    private readonly object?[] _affinity;
    private readonly bool[] _warm;
    private readonly int[] _next, _prev, _affinityNext, _affinityPrev;
    private readonly Dictionary<object, int> _affinityHead = new(ReferenceEqualityComparer.Instance);
    private int _freeHead = -1;
    private int _warmCount;
    private int _neverUsed;

    private readonly object?[]?[] _tableArrays;
    private readonly Stack<int> _freeTables;

    // Objects of disposed stores kept for the next ones, so that a steady-state instantiation
    // allocates only its Store and Instance (0008): the memory object of each free slot, store
    // contexts, instance contexts per module (InstanceLayout.FreeContexts), and the table object
    // of each table slot.
    private readonly MemoryInstance?[] _memoryObjects;
    private readonly TableInstance?[] _tableObjects;
    private readonly Stack<VmStoreContext> _storeContexts = new(MaxFreeContexts);

    /// <summary>The most free store contexts kept, and free instance contexts kept per module.</summary>
    private const int MaxFreeContexts = 64;

    public PoolingAllocator(PoolingAllocationConfig config, bool copyOnWrite)
    {
        Validate(config);
        _config = config;
        _copyOnWrite = copyOnWrite;
        _slotBytes = Mmap.RoundUp(config.MaxMemorySize);
        int n = config.TotalMemories;
        _committed = new ulong[n];
        _images = new MemoryImage?[n];
        _affinity = new object?[n];
        _warm = new bool[n];
        _next = new int[n];
        _prev = new int[n];
        _affinityNext = new int[n];
        _affinityPrev = new int[n];
        _memoryObjects = new MemoryInstance?[n];
        _tableObjects = new TableInstance?[config.TotalTables];
        _tableArrays = new object?[config.TotalTables][];
        _freeTables = new Stack<int>(config.TotalTables);
        for (int i = config.TotalTables - 1; i >= 0; i--) _freeTables.Push(i);
    }

    /// <summary>The limits are checked once, when the engine is created.</summary>
    private static void Validate(PoolingAllocationConfig c)
    {
        if (!Mmap.Supported)
        {
            throw new PlatformNotSupportedException($"the pooling allocator needs 64-bit Linux (x64 or Arm64), this is {RuntimeInformation.OSDescription} {RuntimeInformation.ProcessArchitecture}; use InstanceAllocationStrategy.OnDemand");
        }
        if (c.TotalMemories < 0) throw new WasmException($"PoolingAllocationConfig.TotalMemories must not be negative (it is {c.TotalMemories})");
        if (c.TotalTables < 0) throw new WasmException($"PoolingAllocationConfig.TotalTables must not be negative (it is {c.TotalTables})");
        if (c.MaxTableElements < 0 || c.MaxTableElements > TableInstance.MaxElements)
        {
            throw new WasmException($"PoolingAllocationConfig.MaxTableElements must be between 0 and {TableInstance.MaxElements} (it is {c.MaxTableElements})");
        }
        if (c.MaxUnusedWarmSlots < 0) throw new WasmException($"PoolingAllocationConfig.MaxUnusedWarmSlots must not be negative (it is {c.MaxUnusedWarmSlots})");
        const ulong AddressSpace = 1UL << 46; // 64 TiB: half of what x86-64 gives a process, leaving the rest to it.
        if (c.MaxMemorySize > AddressSpace || c.TotalMemories > 0 && Mmap.RoundUp(c.MaxMemorySize) > AddressSpace / (ulong)c.TotalMemories)
        {
            throw new WasmException($"the pooling allocator would reserve {c.TotalMemories} x {c.MaxMemorySize} bytes (PoolingAllocationConfig.TotalMemories x MaxMemorySize), more than the {AddressSpace >> 40} TiB of address space it may use");
        }
    }

    /// <summary>Reserves the slots' address space on first use (an engine that never instantiates reserves nothing).</summary>
    private byte* Base()
    {
        if (_base != null) return _base;
        lock (_lock)
        {
            if (_base != null) return _base;
            ulong total = Math.Max(_slotBytes * (ulong)_config.TotalMemories, Mmap.Page);
            void* p = Mmap.mmap(null, (nuint)total, Mmap.ProtNone, Mmap.MapPrivate | Mmap.MapAnonymous | Mmap.MapNoReserve, -1, 0);
            if (p == (void*)-1 || p == null)
            {
                throw new WasmException($"the pooling allocator cannot reserve {total} bytes of address space for {_config.TotalMemories} memories of {_slotBytes} bytes (errno {Marshal.GetLastPInvokeError()}){MemoryInstance.MappingLimitHint()}; lower PoolingAllocationConfig.TotalMemories or MaxMemorySize");
            }
            _base = (byte*)p;
            return _base;
        }
    }

    public MemoryInstance AllocateMemory(Store owner, Binary.MemoryType type, ulong maxBytesLimit, object? affinity, MemoryImage? image, out bool initialized)
    {
        ulong bytes = type.Limits.Min <= ulong.MaxValue >> type.PageSizeLog2 ? type.Limits.Min << type.PageSizeLog2 : ulong.MaxValue;
        if (bytes > _slotBytes)
        {
            throw new WasmException($"memory minimum size of {bytes} bytes exceeds the pooling allocator's limit of {_config.MaxMemorySize} bytes per memory (PoolingAllocationConfig.MaxMemorySize)");
        }
        byte* poolBase = Base();
        int slot = Take(affinity);
        MemoryInstance? memory = _memoryObjects[slot];
        if (memory is null)
        {
            memory = new MemoryInstance(type, Math.Min(maxBytesLimit, _slotBytes), this) { Owner = owner };
        }
        else
        {
            // Released by a disposed store: nothing reaches it any more but this slot (a stale Memory reads empty: Memory.Instance).
            _memoryObjects[slot] = null;
            try
            {
                memory.Initialize(type, Math.Min(maxBytesLimit, _slotBytes), owner);
            }
            catch
            {
                Give(slot, affinity: null);
                throw;
            }
            GC.ReRegisterForFinalize(memory);
        }
        byte* b = poolBase + (ulong)slot * _slotBytes;
        try
        {
            if (_committed[slot] < bytes)
            {
                if (!Mmap.Commit(b, _committed[slot], bytes)) throw new WasmException($"cannot commit {bytes} bytes of a memory slot (errno {Marshal.GetLastPInvokeError()})");
                _committed[slot] = Mmap.RoundUp(bytes);
            }
            initialized = false;
            MemoryImage? current = _images[slot];
            MemoryImage? wanted = _copyOnWrite ? image : null;
            if (current is not null && current != wanted)
            {
                Mmap.ReplaceWithZeros(b, current.Offset, current.Offset + current.Length);
                _images[slot] = null;
            }
            if (wanted is not null)
            {
                if (current == wanted) initialized = true;
                else if (wanted.TryMap(b))
                {
                    _images[slot] = wanted;
                    initialized = true;
                }
            }
        }
        catch
        {
            Give(slot, affinity: null);
            throw;
        }
        memory.Slot = slot;
        memory.Reserved = _slotBytes;
        memory.Base = b;
        memory.Length = bytes;
        // The slot's owner from now on: a later release resets its state for this module.
        _affinity[slot] = affinity;
        return memory;
    }

    public bool GrowMemory(MemoryInstance memory, ulong newBytes)
    {
        if (newBytes > _slotBytes) return false;
        int slot = memory.Slot;
        if (_committed[slot] < newBytes)
        {
            if (!Mmap.Commit(memory.Base, _committed[slot], newBytes)) return false;
            _committed[slot] = Mmap.RoundUp(newBytes);
        }
        return true;
    }

    public void ReleaseMemory(MemoryInstance memory, bool reusable)
    {
        byte* b = memory.Base;
        if (b == null) return;
        int slot = memory.Slot;
        // The memory only grows, so its length is the high-water mark: nothing beyond was ever accessible.
        ulong dirty = Mmap.RoundUp(memory.Length);
        memory.Base = null;
        memory.Length = 0;
        memory.Owner = null;
        Reset(slot, b, dirty);
        // Before the slot is free: whoever takes the slot next takes the object with it.
        if (reusable) _memoryObjects[slot] = memory;
        Give(slot, _affinity[slot]);
    }

    /// <summary>Makes <c>[0, dirty)</c> of the slot read as a fresh memory: zeros, and the image where one is mapped.</summary>
    private void Reset(int slot, byte* b, ulong dirty)
    {
        ulong keep = Mmap.RoundDown(Math.Min(_config.LinearMemoryKeepResident, dirty));
        MemoryImage? image = _images[slot];
        if (DirtyPages.Supported && ResetChanged(b, dirty, keep, image)) return;
        if (image is null)
        {
            Clear(b, 0, dirty, keep);
            return;
        }
        // The image lies within the minimum size, so within [0, dirty): discarding its range restores it.
        ulong imageEnd = image.Offset + image.Length;
        Mmap.Discard(b, image.Offset, imageEnd);
        Clear(b, 0, image.Offset, keep);
        Clear(b, imageEnd, dirty, keep);
    }

    /// <summary>
    /// Resets only the pages the tenant changed (<see cref="DirtyPages"/>): below <paramref name="keep"/>
    /// by writing zeros or the image's bytes (the pages stay resident), above by discarding them. Pages
    /// only read stay mapped, so the next tenant reads them without a fault. More changed runs than one
    /// scan returns: the rest of the range is discarded wholesale (as Wasmtime does), which bounds the
    /// syscalls of a release at one scan and 33 madvise calls. False when the scan failed.
    /// </summary>
    private static bool ResetChanged(byte* b, ulong dirty, ulong keep, MemoryImage? image)
    {
        Span<DirtyPages.Region> regions = stackalloc DirtyPages.Region[32];
        int n = DirtyPages.Scan(b, b + dirty, regions, out byte* walkEnd);
        if (n < 0) return false;
        for (int i = 0; i < n; i++)
        {
            ulong start = regions[i].Start - (ulong)b, stop = regions[i].End - (ulong)b;
            ulong split = Math.Clamp(keep, start, stop);
            if (split > start) Rewrite(b, start, split, image);
            Mmap.Discard(b, split, stop);
        }
        // Discarding restores zeros and the image alike; nothing remains when the scan reached the end.
        Mmap.Discard(b, walkEnd > b ? Math.Min((ulong)(walkEnd - b), dirty) : 0, dirty);
        return true;
    }

    /// <summary>Writes into <c>[from, to)</c> what a fresh memory holds there: the image's bytes inside its range, zeros elsewhere.</summary>
    private static void Rewrite(byte* b, ulong from, ulong to, MemoryImage? image)
    {
        ulong imageStart = image is null ? to : Math.Clamp(image.Offset, from, to);
        ulong imageEnd = image is null ? to : Math.Clamp(image.Offset + image.Length, from, to);
        NativeMemory.Clear(b + from, (nuint)(imageStart - from));
        if (imageEnd > imageStart) image!.CopyTo(b, imageStart, imageEnd);
        NativeMemory.Clear(b + imageEnd, (nuint)(to - imageEnd));
    }

    private static void Clear(byte* b, ulong from, ulong to, ulong keep)
    {
        if (to <= from) return;
        ulong split = Math.Clamp(keep, from, to);
        if (split > from) NativeMemory.Clear(b + from, (nuint)(split - from));
        Mmap.Discard(b, split, to);
    }

    private int Take(object? affinity)
    {
        lock (_lock)
        {
            int slot = -1;
            if (affinity is not null && _affinityHead.TryGetValue(affinity, out int head)) slot = head;
            else if (_freeHead >= 0) slot = _freeHead;
            else if (_neverUsed < _config.TotalMemories) return _neverUsed++;
            if (slot < 0)
            {
                throw new WasmException($"maximum concurrent memory limit of {_config.TotalMemories} reached for the pooling allocator (PoolingAllocationConfig.TotalMemories); dispose stores no longer used or raise the limit");
            }
            Unlink(slot);
            if (_warm[slot]) _warmCount--;
            _warm[slot] = false;
            return slot;
        }
    }

    private void Give(int slot, object? affinity)
    {
        bool cold;
        lock (_lock)
        {
            cold = _warmCount >= _config.MaxUnusedWarmSlots;
            if (cold) affinity = null;
            _affinity[slot] = affinity;
            // Most recently released first: its pages are the likeliest to be resident still.
            _prev[slot] = -1;
            _next[slot] = _freeHead;
            if (_freeHead >= 0) _prev[_freeHead] = slot;
            _freeHead = slot;
            _affinityPrev[slot] = -1;
            _affinityNext[slot] = -1;
            if (affinity is not null)
            {
                if (_affinityHead.TryGetValue(affinity, out int h))
                {
                    _affinityNext[slot] = h;
                    _affinityPrev[h] = slot;
                }
                _affinityHead[affinity] = slot;
            }
            if (cold) MakeCold(slot);
            else
            {
                _warm[slot] = true;
                _warmCount++;
            }
        }
    }

    /// <summary>Unmaps the slot's image and decommits it entirely (it is zero already where it matters).</summary>
    private void MakeCold(int slot)
    {
        byte* b = _base + (ulong)slot * _slotBytes;
        if (_images[slot] is MemoryImage image)
        {
            Mmap.ReplaceWithZeros(b, image.Offset, image.Offset + image.Length);
            _images[slot] = null;
        }
        Mmap.Discard(b, 0, _committed[slot]);
    }

    private void Unlink(int slot)
    {
        if (_prev[slot] >= 0) _next[_prev[slot]] = _next[slot];
        else _freeHead = _next[slot];
        if (_next[slot] >= 0) _prev[_next[slot]] = _prev[slot];
        if (_affinity[slot] is object a)
        {
            if (_affinityPrev[slot] >= 0) _affinityNext[_affinityPrev[slot]] = _affinityNext[slot];
            else if (_affinityNext[slot] >= 0) _affinityHead[a] = _affinityNext[slot];
            else _affinityHead.Remove(a);
            if (_affinityNext[slot] >= 0) _affinityPrev[_affinityNext[slot]] = _affinityPrev[slot];
        }
    }

    public bool ReusesContexts => true;

    // Each thread keeps one free store context and one free instance context (of the module it
    // released last) in thread-static fields: a thread that creates, runs and disposes one store
    // after another touches no shared state for them. Others wait in the locked stacks.
    [ThreadStatic] private static VmStoreContext? t_spareStoreContext;
    [ThreadStatic] private static VmContext? t_spareContext;
    [ThreadStatic] private static Runtime.InstanceLayout? t_spareLayout;

    public VmStoreContext? TakeStoreContext()
    {
        if (t_spareStoreContext is VmStoreContext spare)
        {
            t_spareStoreContext = null;
            return spare;
        }
        lock (_storeContexts)
        {
            return _storeContexts.TryPop(out VmStoreContext? context) ? context : null;
        }
    }

    public void ReleaseStoreContext(VmStoreContext context)
    {
        // A store context holds nothing of its engine once reset: any pooling engine may take it.
        context.Reset();
        if (t_spareStoreContext is null)
        {
            t_spareStoreContext = context;
            return;
        }
        lock (_storeContexts)
        {
            if (_storeContexts.Count < MaxFreeContexts) _storeContexts.Push(context);
        }
    }

    public VmContext? TakeInstanceContext(Runtime.InstanceLayout layout)
    {
        if (t_spareLayout == layout)
        {
            VmContext spare = t_spareContext!;
            t_spareContext = null;
            t_spareLayout = null;
            return spare;
        }
        Stack<VmContext> free = layout.FreeContexts;
        lock (free)
        {
            return free.TryPop(out VmContext? context) ? context : null;
        }
    }

    public void ReleaseInstanceContext(VmContext context, Runtime.InstanceLayout layout)
    {
        context.Reset(layout.Compiled.Module.ImportedGlobalCount);
        if (t_spareLayout is null)
        {
            t_spareContext = context;
            t_spareLayout = layout;
            return;
        }
        Stack<VmContext> free = layout.FreeContexts;
        lock (free)
        {
            if (free.Count < MaxFreeContexts) free.Push(context);
        }
    }

    public TableInstance AllocateTable(Store owner, Binary.TableType type, object? init)
    {
        if (type.Limits.Min > (ulong)_config.MaxTableElements)
        {
            throw new WasmException($"table minimum size of {type.Limits.Min} elements exceeds the pooling allocator's limit of {_config.MaxTableElements} elements per table (PoolingAllocationConfig.MaxTableElements)");
        }
        int slot;
        lock (_lock)
        {
            if (!_freeTables.TryPop(out slot))
            {
                throw new WasmException($"maximum concurrent table limit of {_config.TotalTables} reached for the pooling allocator (PoolingAllocationConfig.TotalTables); dispose stores no longer used or raise the limit");
            }
        }
        // A slot keeps the largest array any of its tables grew to; arrays are made as tables need them.
        object?[]? items = _tableArrays[slot];
        if (items is null || (ulong)items.Length < type.Limits.Min) items = _tableArrays[slot] = new object?[type.Limits.Min];
        // A slot keeps its table object too: a stale Table of a freed store reads empty (Table.Instance).
        TableInstance? table = _tableObjects[slot];
        if (table is null) return _tableObjects[slot] = new TableInstance(type, init, owner, items, slot, (ulong)_config.MaxTableElements);
        table.Initialize(type, init, owner, items, slot, (ulong)_config.MaxTableElements);
        return table;
    }

    public void ReleaseTable(TableInstance table)
    {
        object?[] items = table.Items;
        int slot = table.Slot;
        if (slot < 0) return;
        // The table only grows: nothing past its size was ever written.
        Array.Clear(items, 0, table.Size);
        table.Items = [];
        table.Size = 0;
        table.LazyContext = null;
        lock (_lock)
        {
            if (items.Length > (_tableArrays[slot]?.Length ?? 0)) _tableArrays[slot] = items;
            _freeTables.Push(slot);
        }
    }
}
