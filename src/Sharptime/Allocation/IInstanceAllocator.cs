using Sharptime.Abi;

namespace Sharptime.Allocation;

/// <summary>
/// Where the memories and tables of instances come from (Wasmtime's <c>InstanceAllocator</c>): the
/// allocator reserves, grows, resets and releases them; <see cref="MemoryInstance"/> and
/// <see cref="TableInstance"/> only hold the fields generated code reads. One allocator per engine,
/// used by every store of the engine from any thread.
/// </summary>
internal interface IInstanceAllocator
{
    /// <summary>
    /// Allocates a memory of <paramref name="type"/>'s minimum size, zeroed, for an instance of the
    /// module <paramref name="affinity"/> stands for. When <paramref name="image"/> is given and the
    /// allocator mapped it (copy-on-write), <paramref name="initialized"/> is true and the data
    /// segments it lays out must not be copied again.
    /// </summary>
    MemoryInstance AllocateMemory(Store owner, Binary.MemoryType type, ulong maxBytesLimit, object? affinity, MemoryImage? image, out bool initialized);

    /// <summary>Makes <paramref name="memory"/> <paramref name="newBytes"/> long (larger than now); false when it cannot.</summary>
    bool GrowMemory(MemoryInstance memory, ulong newBytes);

    /// <summary>Gives the memory back; afterwards its base is null and its length 0.</summary>
    void ReleaseMemory(MemoryInstance memory);

    /// <summary>Allocates a table of <paramref name="type"/>'s minimum size with every element <paramref name="init"/>.</summary>
    TableInstance AllocateTable(Store owner, Binary.TableType type, object? init);

    /// <summary>Gives the table back; afterwards it is empty.</summary>
    void ReleaseTable(TableInstance table);
}
