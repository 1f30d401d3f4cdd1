namespace Sharptime;

/// <summary>Why WebAssembly execution trapped.</summary>
public enum TrapCode
{
    /// <summary>An <c>unreachable</c> instruction ran.</summary>
    Unreachable,
    /// <summary>A memory access was out of bounds.</summary>
    MemoryOutOfBounds,
    /// <summary>An integer division or remainder by zero.</summary>
    IntegerDivideByZero,
    /// <summary>An integer overflow (signed division of the minimum by -1).</summary>
    IntegerOverflow,
    /// <summary>A float to integer conversion of NaN or of a value out of range.</summary>
    BadConversionToInteger,
    /// <summary>call_indirect found a function of another type.</summary>
    IndirectCallTypeMismatch,
    /// <summary>call_indirect found an index outside the table.</summary>
    UndefinedElement,
    /// <summary>A null reference was used.</summary>
    NullReference,
    /// <summary>The call stack was exhausted.</summary>
    StackOverflow,
    /// <summary>A table access was out of bounds.</summary>
    TableOutOfBounds,
    /// <summary>A host function was called for an import that was defined as a trap.</summary>
    UnknownImport,
    /// <summary>call_indirect found a null element.</summary>
    UninitializedElement,
    /// <summary>The store ran out of fuel (<see cref="Config.ConsumeFuel"/>, <see cref="Store.SetFuel"/>).</summary>
    OutOfFuel,
    /// <summary>
    /// Execution was interrupted: the epoch deadline was reached (<see cref="Config.EpochInterruption"/>)
    /// or the store was disposed while the code ran.
    /// </summary>
    Interrupt,
    /// <summary>A memory or table could not grow and the store's limits say to trap (<see cref="StoreLimits.TrapOnGrowFailure"/>).</summary>
    GrowFailed,
    /// <summary><c>ref.cast</c> found a reference of another type.</summary>
    CastFailure,
    /// <summary>A GC array access was out of bounds.</summary>
    ArrayOutOfBounds,
    /// <summary>A GC array larger than the engine allows was asked for.</summary>
    AllocationTooLarge,
    /// <summary>The .NET heap could not hold a new GC object (the process's heap limit was reached).</summary>
    HeapOutOfMemory,
    /// <summary>An atomic memory access at an address that is not a multiple of its size (threads).</summary>
    HeapMisaligned,
    /// <summary><c>memory.atomic.wait32</c> or <c>wait64</c> on a memory that is not shared (threads).</summary>
    AtomicWaitNonSharedMemory,
}
