using Sharptime.Binary;
using Sharptime.Validation;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Tests.Validation;

/// <summary>
/// Builds <see cref="WasmModule"/> objects directly, so validator tests do not depend on the
/// decoder: function bodies and constant expressions are hand-assembled instruction bytes.
/// </summary>
internal sealed class TestModule
{
    private readonly List<SubType> _types = [];
    private readonly List<uint> _functions = [];
    private readonly List<(LocalRun[] Locals, byte[] Code)> _bodies = [];
    private readonly List<TableType> _tables = [];
    private readonly List<MemoryType> _memories = [];
    private readonly List<(GlobalType Type, byte[] Init)> _globals = [];
    private readonly List<GlobalType> _importedGlobals = [];
    private readonly List<uint> _importedFunctions = [];
    private readonly List<TagType> _tags = [];
    private readonly List<Export> _exports = [];
    private readonly List<(SegmentMode Mode, ValueType Type, uint Table, byte[]? Offset, uint[]? Functions, byte[][]? Exprs)> _elements = [];
    private readonly List<(SegmentMode Mode, uint Memory, byte[]? Offset)> _data = [];

    public uint? Start { get; set; }

    public uint? DataCount { get; set; }

    public static ValueType Ref(uint typeIndex, bool nullable = false) => ValueType.Ref(HeapType.Concrete(typeIndex), nullable);

    /// <summary>Adds a final function type in its own rec group.</summary>
    public uint Func(ValueType[] parameters, ValueType[] results) =>
        Type(new FuncCompositeType(parameters, results));

    /// <summary>Adds a type in its own rec group.</summary>
    public uint Type(CompositeType composite, bool final = true, params uint[] supertypes)
    {
        uint index = (uint)_types.Count;
        _types.Add(new SubType(final, supertypes, composite, index, 1));
        return index;
    }

    /// <summary>Adds a rec group of several types.</summary>
    public uint RecGroup(params (CompositeType Composite, bool Final, uint[] Supertypes)[] types)
    {
        uint start = (uint)_types.Count;
        foreach (var t in types) _types.Add(new SubType(t.Final, t.Supertypes, t.Composite, start, (uint)types.Length));
        return start;
    }

    public uint ImportFunction(uint typeIndex)
    {
        if (_functions.Count > _importedFunctions.Count) throw new InvalidOperationException("import functions first");
        _importedFunctions.Add(typeIndex);
        _functions.Add(typeIndex);
        return (uint)_functions.Count - 1;
    }

    /// <summary>Adds a defined function with a body (the bytes must include the final end).</summary>
    public uint Function(uint typeIndex, byte[] code, params LocalRun[] locals)
    {
        _functions.Add(typeIndex);
        _bodies.Add((locals, code));
        return (uint)_functions.Count - 1;
    }

    /// <summary>Adds a function of type [] -> [] or with the given signature.</summary>
    public uint Function(ValueType[] parameters, ValueType[] results, byte[] code, params LocalRun[] locals) =>
        Function(Func(parameters, results), code, locals);

    public uint Memory(ulong min, ulong? max = null, bool is64 = false, bool shared = false, byte pageSizeLog2 = 16)
    {
        _memories.Add(new MemoryType(new Limits(min, max), is64, shared, pageSizeLog2));
        return (uint)_memories.Count - 1;
    }

    public uint Table(ValueType element, ulong min, ulong? max = null, bool is64 = false)
    {
        _tables.Add(new TableType(element, new Limits(min, max), is64));
        return (uint)_tables.Count - 1;
    }

    public uint ImportGlobal(ValueType type, bool mutable = false)
    {
        if (_globals.Count > 0) throw new InvalidOperationException("import globals first");
        _importedGlobals.Add(new GlobalType(type, mutable));
        return (uint)_importedGlobals.Count - 1;
    }

    public uint Global(ValueType type, bool mutable, byte[] init)
    {
        _globals.Add((new GlobalType(type, mutable), init));
        return (uint)(_importedGlobals.Count + _globals.Count - 1);
    }

    public uint Tag(uint typeIndex)
    {
        _tags.Add(new TagType(typeIndex));
        return (uint)_tags.Count - 1;
    }

    public void Export(string name, ExternKind kind, uint index) => _exports.Add(new Export(name, kind, index));

    public void ActiveElements(uint table, byte[] offset, params uint[] functions) =>
        _elements.Add((SegmentMode.Active, ValueType.Ref(HeapKind.Func, nullable: false), table, offset, functions, null));

    public void DeclarativeElements(params uint[] functions) =>
        _elements.Add((SegmentMode.Declarative, ValueType.Ref(HeapKind.Func, nullable: false), 0, null, functions, null));

    public void PassiveElementExprs(ValueType type, params byte[][] exprs) =>
        _elements.Add((SegmentMode.Passive, type, 0, null, null, exprs));

    public void ActiveData(uint memory, byte[] offset) => _data.Add((SegmentMode.Active, memory, offset));

    public void PassiveData() => _data.Add((SegmentMode.Passive, 0, null));

    /// <summary>Lays the bodies and expressions out in one byte array and builds the model.</summary>
    public WasmModule Build()
    {
        var bytes = new List<byte> { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 };
        ConstExpr Place(byte[] code)
        {
            var expr = new ConstExpr(bytes.Count, code.Length);
            bytes.AddRange(code);
            return expr;
        }
        var globals = new List<DefinedGlobal>();
        foreach (var g in _globals) globals.Add(new DefinedGlobal(g.Type, Place(g.Init)));
        var bodies = new List<FunctionBody>();
        foreach (var (locals, code) in _bodies)
        {
            uint count = 0;
            foreach (LocalRun run in locals) count += run.Count;
            ConstExpr at = Place(code);
            bodies.Add(new FunctionBody(locals, count, at.Offset, at.Length));
        }
        var elements = new List<Element>();
        foreach (var e in _elements)
        {
            ConstExpr? offset = e.Offset is null ? null : Place(e.Offset);
            ConstExpr[]? exprs = null;
            if (e.Exprs is not null)
            {
                exprs = new ConstExpr[e.Exprs.Length];
                for (int i = 0; i < exprs.Length; i++) exprs[i] = Place(e.Exprs[i]);
            }
            elements.Add(new Element(e.Mode, e.Type, e.Table, offset, e.Functions, exprs));
        }
        var data = new List<Data>();
        foreach (var d in _data) data.Add(new Data(d.Mode, d.Memory, d.Offset is null ? null : Place(d.Offset), new byte[] { 1, 2, 3 }));

        var imports = new List<Import>();
        foreach (uint f in _importedFunctions) imports.Add(new Import("env", "f", ExternKind.Func, f));
        foreach (GlobalType g in _importedGlobals) imports.Add(new Import("env", "g", ExternKind.Global, Global: g));
        var globalTypes = new List<GlobalType>(_importedGlobals);
        foreach (var g in _globals) globalTypes.Add(g.Type);
        var tables = new List<DefinedTable>();
        foreach (TableType t in _tables) tables.Add(new DefinedTable(t, null));

        return new WasmModule
        {
            Bytes = bytes.ToArray(),
            Types = [.. _types],
            Imports = [.. imports],
            Functions = [.. _functions],
            TableTypes = [.. _tables],
            Memories = [.. _memories],
            GlobalTypes = [.. globalTypes],
            Tags = [.. _tags],
            DefinedTables = [.. tables],
            DefinedGlobals = [.. globals],
            Exports = [.. _exports],
            Start = Start,
            Elements = [.. elements],
            DataCount = DataCount,
            Code = [.. bodies],
            Data = [.. data],
            Names = null,
            CustomSections = [],
            ImportedFunctionCount = _importedFunctions.Count,
            ImportedTableCount = 0,
            ImportedMemoryCount = 0,
            ImportedGlobalCount = _importedGlobals.Count,
            ImportedTagCount = 0,
        };
    }

    public void Validate(WasmFeatures features = WasmFeatures.All) => ModuleValidator.Validate(Build(), features);

    /// <summary>Asserts that validation fails with a message starting with <paramref name="prefix"/>.</summary>
    public InvalidModuleException Invalid(string prefix, WasmFeatures features = WasmFeatures.All)
    {
        var e = Assert.Throws<InvalidModuleException>(() => Validate(features));
        Assert.StartsWith(prefix, e.Message, StringComparison.Ordinal);
        string? dump = Environment.GetEnvironmentVariable("SHARPTIME_DUMP_MESSAGES");
        if (dump is not null) File.AppendAllText(dump, e.Message + Environment.NewLine);
        return e;
    }

    /// <summary>A one-function module with the given signature and body.</summary>
    public static TestModule WithBody(ValueType[] parameters, ValueType[] results, byte[] code, params LocalRun[] locals)
    {
        var m = new TestModule();
        m.Function(parameters, results, code, locals);
        return m;
    }

    public static TestModule WithBody(byte[] code, params LocalRun[] locals) => WithBody([], [], code, locals);
}
