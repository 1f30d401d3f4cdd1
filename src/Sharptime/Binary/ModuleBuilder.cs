namespace Sharptime.Binary;

/// <summary>
/// The mutable state of one decoding: what the sections read so far have declared. The section
/// readers fill it in module order; <see cref="ModuleDecoder"/> turns it into a <see cref="WasmModule"/>.
/// </summary>
internal sealed class ModuleBuilder(ReadOnlyMemory<byte> bytes, WasmFeatures features)
{
    /// <summary>The module binary.</summary>
    public ReadOnlyMemory<byte> Bytes { get; } = bytes;

    /// <summary>
    /// Function bodies were decoded and validated before (the module comes from an artifact): their
    /// instructions are not decoded again, only their locals and extent.
    /// </summary>
    public bool TrustedBodies { get; init; }

    /// <summary>The enabled proposals (only binary-level rules look at them).</summary>
    public WasmFeatures Features { get; } = features;

    /// <summary>Every type, in type index order.</summary>
    public List<SubType> Types { get; } = [];

    /// <summary>The imports, in order.</summary>
    public List<Import> Imports { get; } = [];

    /// <summary>Type index of every function, imported ones first.</summary>
    public ValueList<uint> Functions { get; } = new();

    /// <summary>Every table type, imported ones first.</summary>
    public ValueList<TableType> TableTypes { get; } = new();

    /// <summary>Every memory type, imported ones first.</summary>
    public ValueList<MemoryType> Memories { get; } = new();

    /// <summary>Every global type, imported ones first.</summary>
    public ValueList<GlobalType> GlobalTypes { get; } = new();

    /// <summary>Every tag type, imported ones first.</summary>
    public ValueList<TagType> Tags { get; } = new();

    /// <summary>The number of imported functions.</summary>
    public int ImportedFunctionCount { get; set; }

    /// <summary>The number of imported tables.</summary>
    public int ImportedTableCount { get; set; }

    /// <summary>The number of imported memories.</summary>
    public int ImportedMemoryCount { get; set; }

    /// <summary>The number of imported globals.</summary>
    public int ImportedGlobalCount { get; set; }

    /// <summary>The number of imported tags.</summary>
    public int ImportedTagCount { get; set; }

    /// <summary>The number of entries of the function section (0 when absent).</summary>
    public uint DeclaredFunctionCount { get; set; }

    /// <summary>The defined tables.</summary>
    public List<DefinedTable> DefinedTables { get; } = [];

    /// <summary>The defined globals.</summary>
    public List<DefinedGlobal> DefinedGlobals { get; } = [];

    /// <summary>The exports.</summary>
    public List<Export> Exports { get; } = [];

    /// <summary>The start function.</summary>
    public uint? Start { get; set; }

    /// <summary>The element segments.</summary>
    public List<Element> Elements { get; } = [];

    /// <summary>The data count section's value.</summary>
    public uint? DataCount { get; set; }

    /// <summary>The function bodies (empty when there is no code section).</summary>
    public FunctionBody[] Code { get; set; } = [];

    /// <summary>The data segments.</summary>
    public List<Data> Data { get; } = [];

    /// <summary>The decoded name section.</summary>
    public NameSection? Names { get; set; }

    /// <summary>True once a section named "name" has been seen (later ones are kept as custom sections).</summary>
    public bool SawNameSection { get; set; }

    /// <summary>The other custom sections.</summary>
    public List<CustomSection> CustomSections { get; } = [];

    /// <summary>The expression decoder's state for this module's thread (function bodies may also be decoded on other threads, each with its own).</summary>
    public ExpressionDecoder.State Decoding { get; } = new();
}
