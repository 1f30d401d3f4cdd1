namespace Sharptime.Binary;

/// <summary>
/// The shape of an instruction's immediates in the binary format (Wasm 3.0 section 5.4). The text
/// format uses the same shapes; where the text form differs from the binary one (ref.test with a
/// nullable type, br_on_cast's two reference types) the text parser maps it.
/// </summary>
internal enum ImmediateKind : byte
{
    /// <summary>No immediate.</summary>
    None,
    /// <summary>A block type: empty (0x40), a value type, or a type index (s33).</summary>
    BlockType,
    /// <summary>A label index.</summary>
    Label,
    /// <summary>A vector of label indices and a default label.</summary>
    BrTable,
    /// <summary>A function index.</summary>
    Func,
    /// <summary>A type index, then a table index.</summary>
    CallIndirect,
    /// <summary>A type index.</summary>
    Type,
    /// <summary>A local index.</summary>
    Local,
    /// <summary>A global index.</summary>
    Global,
    /// <summary>A table index.</summary>
    Table,
    /// <summary>An element segment index, then a table index.</summary>
    TableInit,
    /// <summary>Destination table index, then source table index.</summary>
    TableCopy,
    /// <summary>An element segment index.</summary>
    Elem,
    /// <summary>A memory argument: alignment (with the multi-memory flag bit 6), optional memory index, offset.</summary>
    MemArg,
    /// <summary>A memory argument followed by a lane index byte.</summary>
    MemArgLane,
    /// <summary>A memory index.</summary>
    Memory,
    /// <summary>A data segment index, then a memory index.</summary>
    MemoryInit,
    /// <summary>Destination memory index, then source memory index.</summary>
    MemoryCopy,
    /// <summary>A data segment index.</summary>
    Data,
    /// <summary>A signed LEB128 32-bit integer.</summary>
    I32,
    /// <summary>A signed LEB128 64-bit integer.</summary>
    I64,
    /// <summary>4 bytes of an IEEE 754 binary32.</summary>
    F32,
    /// <summary>8 bytes of an IEEE 754 binary64.</summary>
    F64,
    /// <summary>16 bytes of a v128.</summary>
    V128,
    /// <summary>A lane index byte.</summary>
    Lane,
    /// <summary>16 lane index bytes.</summary>
    Shuffle,
    /// <summary>A vector of value types (typed select).</summary>
    SelectTypes,
    /// <summary>A heap type.</summary>
    HeapType,
    /// <summary>A type index, then a field index.</summary>
    StructField,
    /// <summary>A type index, then an element count.</summary>
    ArrayFixed,
    /// <summary>A type index, then a data segment index.</summary>
    TypeData,
    /// <summary>A type index, then an element segment index.</summary>
    TypeElem,
    /// <summary>Destination type index, then source type index.</summary>
    TypeType,
    /// <summary>A flags byte (bit 0: source nullable, bit 1: target nullable), a label, two heap types.</summary>
    BrOnCast,
    /// <summary>A tag index.</summary>
    Tag,
    /// <summary>A block type, then a vector of catch clauses.</summary>
    TryTable,
    /// <summary>A reserved zero byte (atomic.fence).</summary>
    ZeroByte,
}
