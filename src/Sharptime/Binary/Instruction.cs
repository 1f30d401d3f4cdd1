namespace Sharptime.Binary;

/// <summary>The kind of a block type (Wasm 3.0 section 5.4.1).</summary>
internal enum BlockTypeKind : byte
{
    /// <summary>No parameters, no results (0x40).</summary>
    Empty,
    /// <summary>No parameters, one result of <see cref="BlockType.Value"/>.</summary>
    Value,
    /// <summary>The function type at <see cref="BlockType.TypeIndex"/>.</summary>
    TypeIndex,
}

/// <summary>A block type.</summary>
/// <param name="Kind">Empty, one value type, or a type index.</param>
/// <param name="Value">The result type for <see cref="BlockTypeKind.Value"/>.</param>
/// <param name="TypeIndex">The type index for <see cref="BlockTypeKind.TypeIndex"/>.</param>
internal readonly record struct BlockType(BlockTypeKind Kind, ValueType Value = default, uint TypeIndex = 0);

/// <summary>The kinds of catch clauses of <c>try_table</c>.</summary>
internal enum CatchKind : byte
{
    /// <summary><c>catch tag label</c></summary>
    Catch = 0,
    /// <summary><c>catch_ref tag label</c></summary>
    CatchRef = 1,
    /// <summary><c>catch_all label</c></summary>
    CatchAll = 2,
    /// <summary><c>catch_all_ref label</c></summary>
    CatchAllRef = 3,
}

/// <summary>A catch clause of <c>try_table</c>.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Tag">The tag index (not for catch_all forms).</param>
/// <param name="Label">The label branched to.</param>
internal readonly record struct Catch(CatchKind Kind, uint Tag, uint Label);

/// <summary>
/// One decoded instruction: the opcode and its immediates. Which fields are meaningful depends on
/// <see cref="OpcodeInfo.Immediates"/>; the table below maps them.
/// <list type="bullet">
/// <item>Label, Func, Type, Local, Global, Table, Elem, Memory, Data, Tag, Lane: <see cref="Index"/>.</item>
/// <item>BrTable: <see cref="Targets"/>, default label in <see cref="Index"/>.</item>
/// <item>CallIndirect: type in <see cref="Index"/>, table in <see cref="Index2"/>.</item>
/// <item>TableInit: elem in <see cref="Index"/>, table in <see cref="Index2"/>. MemoryInit: data, memory.</item>
/// <item>TableCopy / MemoryCopy / TypeType: destination in <see cref="Index"/>, source in <see cref="Index2"/>.</item>
/// <item>StructField: type, field. ArrayFixed: type, count. TypeData: type, data. TypeElem: type, elem.</item>
/// <item>MemArg: <see cref="MemArg"/>; MemArgLane adds the lane in <see cref="Index"/>.</item>
/// <item>I32/I64: <see cref="Int"/>. F32/F64: bits in <see cref="Bits"/>. V128/Shuffle: <see cref="V128Low"/>, <see cref="V128High"/>.</item>
/// <item>HeapType: <see cref="Heap"/>. BrOnCast: flags in <see cref="Index2"/>, label in <see cref="Index"/>, <see cref="Heap"/> and <see cref="Heap2"/>.</item>
/// <item>SelectTypes: <see cref="Types"/>. TryTable: <see cref="Block"/> and <see cref="Catches"/>. BlockType: <see cref="Block"/>.</item>
/// </list>
/// </summary>
internal ref struct Instruction
{
    /// <summary>The instruction's table entry.</summary>
    public OpcodeInfo Info;

    /// <summary>The absolute byte offset of the opcode in the module binary.</summary>
    public int Offset;

    /// <summary>The first index immediate.</summary>
    public uint Index;

    /// <summary>The second index immediate.</summary>
    public uint Index2;

    /// <summary>A block type.</summary>
    public BlockType Block;

    /// <summary>A memory argument.</summary>
    public MemArg MemArg;

    /// <summary>An integer constant (i32 values sign-extended).</summary>
    public long Int;

    /// <summary>The bits of a float constant.</summary>
    public ulong Bits;

    /// <summary>The low 8 bytes of a v128 constant or shuffle mask (little-endian).</summary>
    public ulong V128Low;

    /// <summary>The high 8 bytes of a v128 constant or shuffle mask (little-endian).</summary>
    public ulong V128High;

    /// <summary>A heap type.</summary>
    public HeapType Heap;

    /// <summary>A second heap type (br_on_cast target).</summary>
    public HeapType Heap2;

    /// <summary>br_table targets (without the default).</summary>
    public ReadOnlySpan<uint> Targets;

    /// <summary>Typed select's value types.</summary>
    public ReadOnlySpan<ValueType> Types;

    /// <summary>try_table's catch clauses.</summary>
    public ReadOnlySpan<Catch> Catches;

    /// <summary>The opcode.</summary>
    public readonly Opcode Opcode => Info.Opcode;
}

/// <summary>A memory argument (Wasm 3.0 section 5.4.6).</summary>
/// <param name="AlignLog2">The alignment exponent.</param>
/// <param name="MemoryIndex">The memory (0 unless bit 6 of the alignment field was set).</param>
/// <param name="Offset">The static offset.</param>
internal readonly record struct MemArg(uint AlignLog2, uint MemoryIndex, ulong Offset);
