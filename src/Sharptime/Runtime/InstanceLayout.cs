using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Runtime;

/// <summary>
/// What every instantiation of a module would otherwise recompute, computed once per compiled module
/// (lazily, cached on <see cref="CompiledModule.Layout"/>): constant initializers of globals, the
/// constant offsets of active segments, the export names, the shared segment arrays of modules
/// without passive segments, and the memory image (<see cref="Allocation.MemoryImage"/>).
/// Immutable once built, so any number of threads may instantiate from it.
/// </summary>
internal sealed class InstanceLayout
{
    private Allocation.MemoryImage? _image;
    private int _imageState;

    public InstanceLayout(CompiledModule compiled)
    {
        Compiled = compiled;
        WasmModule m = compiled.Module;
        GlobalInits = new RawValue?[m.DefinedGlobals.Length];
        for (int i = 0; i < GlobalInits.Length; i++)
        {
            if (TryConstant(m, m.DefinedGlobals[i].Init, out RawValue v)) GlobalInits[i] = v;
        }

        DataOffsets = new ulong?[m.Data.Length];
        bool passiveData = false;
        for (int i = 0; i < m.Data.Length; i++)
        {
            Data d = m.Data[i];
            if (d.Mode != SegmentMode.Active) { passiveData = true; continue; }
            if (TryConstant(m, d.Offset!.Value, out RawValue v)) DataOffsets[i] = m.Memories[d.MemoryIndex].Is64 ? (ulong)v.Bits : (uint)v.Bits;
        }
        ElementOffsets = new ulong?[m.Elements.Length];
        bool passiveElements = false;
        for (int i = 0; i < m.Elements.Length; i++)
        {
            Element e = m.Elements[i];
            if (e.Mode == SegmentMode.Passive) passiveElements = true;
            if (e.Mode != SegmentMode.Active) continue;
            if (TryConstant(m, e.Offset!.Value, out RawValue v)) ElementOffsets[i] = m.TableTypes[e.TableIndex].Is64 ? (ulong)v.Bits : (uint)v.Bits;
        }
        // Without passive segments every segment is dropped at instantiation, and data.drop/elem.drop
        // of a dropped segment writes the empty value again: one array serves every instance.
        if (!passiveData)
        {
            SharedDataSegments = new ReadOnlyMemory<byte>[m.Data.Length];
        }
        if (!passiveElements)
        {
            SharedElementSegments = new object?[m.Elements.Length][];
            Array.Fill(SharedElementSegments, []);
        }
        TableTemplates = ComputeTableTemplates(m, ElementOffsets);
        ExportIndex = new Dictionary<string, int>(m.Exports.Length, StringComparer.Ordinal);
        for (int i = 0; i < m.Exports.Length; i++) ExportIndex[m.Exports[i].Name] = i;
        ImageEligible = ComputeImageEligible(m, DataOffsets);
    }

    public CompiledModule Compiled { get; }

    /// <summary>The value of each defined global whose initializer is a single constant, else null.</summary>
    public RawValue?[] GlobalInits { get; }

    /// <summary>The offset of each active data segment when it is a constant, else null.</summary>
    public ulong?[] DataOffsets { get; }

    /// <summary>The offset of each active element segment when it is a constant, else null.</summary>
    public ulong?[] ElementOffsets { get; }

    /// <summary>The data segments of every instance when the module has no passive data segment, else null.</summary>
    public ReadOnlyMemory<byte>[]? SharedDataSegments { get; }

    /// <summary>The element segments of every instance when the module has no passive element segment, else null.</summary>
    public object?[][]? SharedElementSegments { get; }

    /// <summary>
    /// Lazy table initialization: per defined table, its elements after every active element segment,
    /// as <see cref="LazyFunction"/>s (null where no segment writes). Instantiation copies them into
    /// the tables instead of making a function object per element. Null unless every active segment
    /// lists function indices, at a constant offset, in a defined table with no initializer, within its
    /// minimum size (so that applying the segments cannot trap).
    /// </summary>
    public object?[]?[]? TableTemplates { get; }

    private static object?[]?[]? ComputeTableTemplates(WasmModule m, ulong?[] offsets)
    {
        if (m.DefinedTables.Length == 0) return null;
        object?[]?[]? templates = null;
        LazyFunction?[]? lazy = null;
        for (int i = 0; i < m.Elements.Length; i++)
        {
            Element e = m.Elements[i];
            if (e.Mode != SegmentMode.Active) continue;
            int defined = (int)e.TableIndex - m.ImportedTableCount;
            if (e.FunctionIndices is not uint[] functions || defined < 0 || offsets[i] is not ulong offset) return null;
            DefinedTable table = m.DefinedTables[defined];
            if (table.Init is not null || offset > table.Type.Limits.Min || (ulong)functions.Length > table.Type.Limits.Min - offset) return null;
            templates ??= new object?[]?[m.DefinedTables.Length];
            lazy ??= new LazyFunction?[m.Functions.Length];
            object?[] template = templates[defined] ??= new object?[table.Type.Limits.Min];
            for (int j = 0; j < functions.Length; j++)
            {
                uint f = functions[j];
                template[(int)offset + j] = lazy[f] ??= new LazyFunction((int)f);
            }
        }
        return templates;
    }

    /// <summary>Contexts of released instances of the module for the pooling allocator to hand out again (lock it to use it).</summary>
    public Stack<VmContext> FreeContexts { get; } = new();

    /// <summary>The export index of every export name.</summary>
    public Dictionary<string, int> ExportIndex { get; }

    /// <summary>
    /// Whether the data segments can be laid out statically: memory 0 is defined, every active data
    /// segment targets it with a constant offset and fits in its minimum size.
    /// </summary>
    public bool ImageEligible { get; }

    /// <summary>The memory image of memory 0 (built on first use), or null when the data cannot be laid out statically or is empty.</summary>
    public Allocation.MemoryImage? Image
    {
        get
        {
            if (Volatile.Read(ref _imageState) != 0) return _image;
            lock (this)
            {
                if (_imageState == 0)
                {
                    _image = ImageEligible ? Allocation.MemoryImage.Create(Compiled.Module, DataOffsets, Compiled.ArtifactImage) : null;
                    Volatile.Write(ref _imageState, 1);
                }
            }
            return _image;
        }
    }

    private static bool ComputeImageEligible(WasmModule m, ulong?[] offsets)
    {
        if (m.Memories.Length == 0 || m.ImportedMemoryCount > 0) return false;
        MemoryType mem0 = m.Memories[0];
        if (mem0.Limits.Min > ulong.MaxValue >> mem0.PageSizeLog2) return false;
        ulong min = mem0.Limits.Min << mem0.PageSizeLog2;
        bool any = false;
        for (int i = 0; i < m.Data.Length; i++)
        {
            Data d = m.Data[i];
            if (d.Mode != SegmentMode.Active) continue;
            if (d.MemoryIndex != 0 || offsets[i] is not ulong o) return false;
            if (o > min || (ulong)d.Bytes.Length > min - o) return false;
            any |= d.Bytes.Length > 0;
        }
        return any;
    }

    /// <summary>The value of <paramref name="expr"/> when it is one constant instruction (no global.get, no ref.func).</summary>
    private static bool TryConstant(WasmModule module, ConstExpr expr, out RawValue value)
    {
        value = default;
        var reader = new InstructionReader(module.Bytes.Span.Slice(expr.Offset, expr.Length), expr.Offset);
        var instr = new Instruction();
        if (reader.AtEnd) return false;
        reader.Read(ref instr);
        switch (instr.Opcode)
        {
            case Opcode.I32Const: value = new RawValue((int)instr.Int, 0, null); break;
            case Opcode.I64Const: value = new RawValue(instr.Int, 0, null); break;
            case Opcode.F32Const: value = new RawValue((int)(uint)instr.Bits, 0, null); break;
            case Opcode.F64Const: value = new RawValue((long)instr.Bits, 0, null); break;
            case Opcode.V128Const: value = new RawValue((long)instr.V128Low, (long)instr.V128High, null); break;
            case Opcode.RefNull: value = default; break;
            default: return false;
        }
        if (reader.AtEnd) return false;
        reader.Read(ref instr);
        return instr.Opcode == Opcode.End && reader.AtEnd;
    }

    /// <summary>Evaluates a constant expression, using the precomputed value when there is one.</summary>
    public static RawValue Evaluate(WasmModule m, ConstExpr expr, RawValue? constant, VmContext ctx) =>
        constant ?? ConstEvaluator.Evaluate(m, expr, ctx);
}
