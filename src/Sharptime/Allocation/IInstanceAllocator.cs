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

    /// <summary>
    /// Gives the memory back; afterwards its base is null and its length 0. When
    /// <paramref name="reusable"/> (disposed, not finalized), the allocator may hand the object out again.
    /// </summary>
    void ReleaseMemory(MemoryInstance memory, bool reusable);

    /// <summary>Allocates a table of <paramref name="type"/>'s minimum size with every element <paramref name="init"/>.</summary>
    TableInstance AllocateTable(Store owner, Binary.TableType type, object? init);

    /// <summary>Gives the table back; afterwards it is empty.</summary>
    void ReleaseTable(TableInstance table);

    /// <summary>Whether instance contexts go back to the allocator when their store is freed (stores then track their instances).</summary>
    bool ReusesContexts { get; }

    /// <summary>A store context released by a disposed store, reset, or null: the store makes one.</summary>
    VmStoreContext? TakeStoreContext();

    /// <summary>Takes back the context of a disposed store once nothing runs in it (it may be handed out again).</summary>
    void ReleaseStoreContext(VmStoreContext context);

    /// <summary>
    /// An instance context of <paramref name="layout"/>'s module released by a disposed store, with
    /// its arrays (functions, memories, globals and the module's own globals, tables, tags) cleared
    /// and sized for the module, or null: the instantiator makes one.
    /// </summary>
    VmContext? TakeInstanceContext(Runtime.InstanceLayout layout);

    /// <summary>Takes back the context of an instance of a disposed store once nothing runs in it.</summary>
    void ReleaseInstanceContext(VmContext context, Runtime.InstanceLayout layout);
}
