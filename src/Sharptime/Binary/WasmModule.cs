namespace Sharptime.Binary;

/// <summary>
/// A decoded WebAssembly module: the immutable result of <see cref="ModuleDecoder"/>. Index spaces
/// (functions, tables, memories, globals, tags) start with the imports, as in the spec. Function
/// bodies and constant expressions stay as byte ranges of <see cref="Bytes"/> and are read with
/// <see cref="InstructionReader"/>.
/// </summary>
internal sealed class WasmModule
{
    /// <summary>The module binary.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>Every defined type, by type index.</summary>
    public required SubType[] Types { get; init; }

    /// <summary>The imports, in order.</summary>
    public required Import[] Imports { get; init; }

    /// <summary>Type index of every function (imported first, then defined).</summary>
    public required uint[] Functions { get; init; }

    /// <summary>Every table type (imported first, then defined).</summary>
    public required TableType[] TableTypes { get; init; }

    /// <summary>Every memory type (imported first, then defined).</summary>
    public required MemoryType[] Memories { get; init; }

    /// <summary>Every global type (imported first, then defined).</summary>
    public required GlobalType[] GlobalTypes { get; init; }

    /// <summary>Every tag type (imported first, then defined).</summary>
    public required TagType[] Tags { get; init; }

    /// <summary>The defined tables with their initializers.</summary>
    public required DefinedTable[] DefinedTables { get; init; }

    /// <summary>The defined globals with their initializers.</summary>
    public required DefinedGlobal[] DefinedGlobals { get; init; }

    /// <summary>The exports, in order.</summary>
    public required Export[] Exports { get; init; }

    /// <summary>The start function, if any.</summary>
    public required uint? Start { get; init; }

    /// <summary>The element segments.</summary>
    public required Element[] Elements { get; init; }

    /// <summary>The data count section's value, if present.</summary>
    public required uint? DataCount { get; init; }

    /// <summary>The bodies of the defined functions.</summary>
    public required FunctionBody[] Code { get; init; }

    /// <summary>The data segments.</summary>
    public required Data[] Data { get; init; }

    /// <summary>The name section, if present and well-formed.</summary>
    public required NameSection? Names { get; init; }

    /// <summary>Every other custom section, in order.</summary>
    public required CustomSection[] CustomSections { get; init; }

    /// <summary>The number of imported functions; defined function i has index ImportedFunctionCount + i.</summary>
    public required int ImportedFunctionCount { get; init; }

    /// <summary>The number of imported tables.</summary>
    public required int ImportedTableCount { get; init; }

    /// <summary>The number of imported memories.</summary>
    public required int ImportedMemoryCount { get; init; }

    /// <summary>The number of imported globals.</summary>
    public required int ImportedGlobalCount { get; init; }

    /// <summary>The number of imported tags.</summary>
    public required int ImportedTagCount { get; init; }

    /// <summary>The function type of function <paramref name="funcIndex"/>.</summary>
    public FuncCompositeType FuncTypeOf(uint funcIndex) => (FuncCompositeType)Types[Functions[funcIndex]].Composite;
}
