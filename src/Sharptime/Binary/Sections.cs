namespace Sharptime.Binary;

/// <summary>The kinds of definitions a module imports and exports.</summary>
internal enum ExternKind : byte
{
    /// <summary>A function.</summary>
    Func = 0,
    /// <summary>A table.</summary>
    Table = 1,
    /// <summary>A memory.</summary>
    Memory = 2,
    /// <summary>A global.</summary>
    Global = 3,
    /// <summary>An exception tag.</summary>
    Tag = 4,
}

/// <summary>
/// A constant expression (an init expression of a global, table or segment), kept as the location
/// of its bytes in <see cref="WasmModule.Bytes"/> including the final <c>end</c>.
/// </summary>
/// <param name="Offset">Byte offset of the first instruction in the module binary.</param>
/// <param name="Length">Length in bytes, including the final <c>end</c>.</param>
internal readonly record struct ConstExpr(int Offset, int Length);

/// <summary>An import (Wasm 3.0 section 2.5.11). Exactly the field of <see cref="Kind"/> is meaningful.</summary>
/// <param name="Module">The module name.</param>
/// <param name="Name">The field name.</param>
/// <param name="Kind">What is imported.</param>
/// <param name="TypeIndex">For functions: the type index. For tags: the tag's type index.</param>
/// <param name="Table">For tables: the table type.</param>
/// <param name="Memory">For memories: the memory type.</param>
/// <param name="Global">For globals: the global type.</param>
internal sealed record Import(string Module, string Name, ExternKind Kind, uint TypeIndex = 0,
    TableType Table = default, MemoryType Memory = default, GlobalType Global = default);

/// <summary>An export (Wasm 3.0 section 2.5.10).</summary>
/// <param name="Name">The export name.</param>
/// <param name="Kind">What is exported.</param>
/// <param name="Index">The index in the space of <paramref name="Kind"/>.</param>
internal sealed record Export(string Name, ExternKind Kind, uint Index);

/// <summary>A table definition with its optional initializer (Wasm 3.0 section 2.5.4).</summary>
/// <param name="Type">The table type.</param>
/// <param name="Init">The initial value of every element, or null for <c>ref.null</c> of the element type.</param>
internal sealed record DefinedTable(TableType Type, ConstExpr? Init);

/// <summary>A global definition (Wasm 3.0 section 2.5.6).</summary>
/// <param name="Type">The global type.</param>
/// <param name="Init">The initializer.</param>
internal sealed record DefinedGlobal(GlobalType Type, ConstExpr Init);

/// <summary>The mode of an element or data segment.</summary>
internal enum SegmentMode : byte
{
    /// <summary>Copied into a table or memory at instantiation.</summary>
    Active,
    /// <summary>Used by <c>table.init</c>/<c>memory.init</c> and friends.</summary>
    Passive,
    /// <summary>Only declares functions for <c>ref.func</c> (element segments only).</summary>
    Declarative,
}

/// <summary>An element segment (Wasm 3.0 section 2.5.7).</summary>
/// <param name="Mode">The mode.</param>
/// <param name="Type">The reference type of the elements.</param>
/// <param name="TableIndex">For active segments: the table.</param>
/// <param name="Offset">For active segments: the offset expression.</param>
/// <param name="FunctionIndices">The elements when given as function indices, else null.</param>
/// <param name="Expressions">The elements when given as constant expressions, else null.</param>
internal sealed record Element(SegmentMode Mode, ValueType Type, uint TableIndex, ConstExpr? Offset,
    uint[]? FunctionIndices, ConstExpr[]? Expressions)
{
    /// <summary>The number of elements.</summary>
    public int Count => FunctionIndices?.Length ?? Expressions!.Length;
}

/// <summary>A data segment (Wasm 3.0 section 2.5.8).</summary>
/// <param name="Mode">Active or passive.</param>
/// <param name="MemoryIndex">For active segments: the memory.</param>
/// <param name="Offset">For active segments: the offset expression.</param>
/// <param name="Bytes">The bytes.</param>
internal sealed record Data(SegmentMode Mode, uint MemoryIndex, ConstExpr? Offset, ReadOnlyMemory<byte> Bytes);

/// <summary>A run of locals of one type, as the code section declares them.</summary>
/// <param name="Count">How many locals.</param>
/// <param name="Type">Their type.</param>
internal readonly record struct LocalRun(uint Count, ValueType Type);

/// <summary>The body of a defined function (Wasm 3.0 section 5.5.13).</summary>
/// <param name="Locals">The declared locals (parameters excluded), as runs.</param>
/// <param name="LocalCount">The total number of declared locals.</param>
/// <param name="CodeOffset">Byte offset of the first instruction in the module binary.</param>
/// <param name="CodeLength">Length of the instructions in bytes, including the final <c>end</c>.</param>
internal sealed record FunctionBody(LocalRun[] Locals, uint LocalCount, int CodeOffset, int CodeLength)
{
    /// <summary>
    /// Byte offset of the body (its locals declaration, just after the size) in the module binary, or -1 for a body
    /// that was not decoded from a binary. Code metadata such as branch hints counts offsets from here.
    /// </summary>
    public int BodyOffset { get; init; } = -1;
}

/// <summary>A custom section other than the name section, preserved as bytes.</summary>
/// <param name="Name">The section name.</param>
/// <param name="Offset">Byte offset of the section contents (after the name) in the module binary.</param>
/// <param name="Contents">The contents after the name.</param>
internal sealed record CustomSection(string Name, int Offset, ReadOnlyMemory<byte> Contents);

/// <summary>The decoded name section (custom section "name"); only the parts that decoded cleanly.</summary>
internal sealed class NameSection
{
    /// <summary>The module's name, if given.</summary>
    public string? ModuleName { get; init; }

    /// <summary>Function names by function index.</summary>
    public IReadOnlyDictionary<uint, string> FunctionNames { get; init; } = new Dictionary<uint, string>();

    /// <summary>Local names by function index, then local index.</summary>
    public IReadOnlyDictionary<uint, IReadOnlyDictionary<uint, string>> LocalNames { get; init; } =
        new Dictionary<uint, IReadOnlyDictionary<uint, string>>();
}
