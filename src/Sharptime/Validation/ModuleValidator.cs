using Sharptime.Binary;
using Sharptime.Runtime;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>
/// Validates a decoded module (Wasm 3.0 chapter 3, section 3.5 for modules): types, imports, every
/// definition, constant expressions, exports, the start function and every function body, with the
/// proposals of <see cref="WasmFeatures"/> enabled.
/// </summary>
internal sealed class ModuleValidator
{
    private readonly WasmModule _module;
    private readonly WasmFeatures _features;
    private readonly TypeSpace _types;
    private readonly bool[] _declaredFunctions;
    private readonly FunctionValidator _code;

    private ModuleValidator(WasmModule module, WasmFeatures features)
    {
        _module = module;
        _features = features;
        _types = new TypeSpace(module, features);
        _declaredFunctions = new bool[module.Functions.Length];
        _code = new FunctionValidator(module, _types, features, _declaredFunctions);
    }

    /// <summary>Throws <see cref="InvalidModuleException"/> when <paramref name="module"/> is not valid.</summary>
    /// <exception cref="InvalidModuleException">The module does not validate; the message starts with the spec's wording.</exception>
    /// <exception cref="MalformedModuleException">A function body or constant expression is not well-formed.</exception>
    public static void Validate(WasmModule module, WasmFeatures features)
    {
        ArgumentNullException.ThrowIfNull(module);
        var validator = new ModuleValidator(module, features);
        validator.ValidateModule();
    }

    /// <summary>Validates a module and returns the canonical type id of every type index.</summary>
    /// <remarks>Equal ids mean equivalent types; engines use them for call_indirect and casts.</remarks>
    public static int[] ValidateAndCanonicalize(WasmModule module, WasmFeatures features)
    {
        ArgumentNullException.ThrowIfNull(module);
        var validator = new ModuleValidator(module, features);
        validator.ValidateModule();
        return validator._types.CanonicalIds.ToArray();
    }

    private void ValidateModule()
    {
        CheckFunctionTypes();
        CheckImports();
        CheckTables();
        CheckMemories();
        CheckTags();
        CheckGlobals();
        CheckTableInitializers();
        CheckExports();
        CheckStart();
        CheckElements();
        CheckData();
        CheckCode();
        BranchHints.Check(_module);
    }

    private void CheckFunctionTypes()
    {
        uint[] functions = _module.Functions;
        for (int i = 0; i < functions.Length; i++)
        {
            uint t = functions[i];
            if (t >= (uint)_types.Count) throw new InvalidModuleException($"unknown type {t} (function {i})");
            if (_types[t].Composite is not FuncCompositeType) throw new InvalidModuleException($"type mismatch: type {t} of function {i} is not a function type");
        }
    }

    private void CheckImports()
    {
        foreach (Import import in _module.Imports)
        {
            switch (import.Kind)
            {
                case ExternKind.Func:
                    if (import.TypeIndex >= (uint)_types.Count) throw Invalid($"unknown type {import.TypeIndex}", import);
                    if (_types[import.TypeIndex].Composite is not FuncCompositeType) throw Invalid($"type mismatch: type {import.TypeIndex} is not a function type", import);
                    break;
                case ExternKind.Global:
                    if (import.Global.Mutable) RequireFeature(WasmFeatures.MutableGlobals, "importing a mutable global");
                    break;
                case ExternKind.Tag:
                case ExternKind.Table:
                case ExternKind.Memory:
                    // Checked with the rest of their index space.
                    break;
                default:
                    throw Invalid($"malformed import kind {import.Kind}", import);
            }
        }
    }

    private static InvalidModuleException Invalid(string message, Import import) =>
        new($"{message} (import \"{import.Module}\" \"{import.Name}\")");

    private void CheckTables()
    {
        TableType[] tables = _module.TableTypes;
        if (tables.Length > 1 && (_features & WasmFeatures.ReferenceTypes) == 0)
        {
            throw new InvalidModuleException($"multiple tables: {tables.Length} tables need the ReferenceTypes proposal");
        }
        for (int i = 0; i < tables.Length; i++)
        {
            TableType t = tables[i];
            string where = $" (table {i})";
            if (t.ElementType.Kind != ValueKind.Ref) throw new InvalidModuleException($"malformed reference type {t.ElementType}{where}");
            if (t.ElementType != ValueType.FuncRef) CheckValueType(t.ElementType, where);
            if (t.Is64) RequireFeature(WasmFeatures.Memory64, "a 64-bit table");
            CheckLimits(t.Limits, where);
            ulong max = t.Is64 ? ulong.MaxValue : uint.MaxValue;
            if (t.Limits.Min > max || t.Limits.Max > max)
            {
                throw new InvalidModuleException($"table size must be at most {max} elements{where}");
            }
        }
    }

    private void CheckMemories()
    {
        MemoryType[] memories = _module.Memories;
        if (memories.Length > 1 && (_features & WasmFeatures.MultiMemory) == 0)
        {
            throw new InvalidModuleException($"multiple memories: {memories.Length} memories need the MultiMemory proposal");
        }
        for (int i = 0; i < memories.Length; i++)
        {
            MemoryType m = memories[i];
            string where = $" (memory {i})";
            if (m.PageSizeLog2 is not (0 or 16)) throw new InvalidModuleException($"invalid custom page size: 2**{m.PageSizeLog2} bytes{where}");
            if (m.PageSizeLog2 != 16) RequireFeature(WasmFeatures.CustomPageSizes, "a custom page size");
            if (m.Is64) RequireFeature(WasmFeatures.Memory64, "a 64-bit memory");
            CheckLimits(m.Limits, where);
            ulong maxPages = (m.Is64, m.PageSizeLog2) switch
            {
                (false, 16) => 65536,
                (false, _) => uint.MaxValue,
                (true, 16) => 1UL << 48,
                (true, _) => ulong.MaxValue,
            };
            if (m.Limits.Min > maxPages || m.Limits.Max > maxPages)
            {
                string bytes = m.Is64 ? "2**64 bytes" : "4GiB";
                throw new InvalidModuleException($"memory size must be at most {maxPages} pages ({bytes}){where}");
            }
            if (m.Shared)
            {
                RequireFeature(WasmFeatures.Threads, "a shared memory");
                if (m.Limits.Max is null) throw new InvalidModuleException($"shared memory must have maximum{where}");
            }
        }
    }

    private static void CheckLimits(Limits limits, string where)
    {
        if (limits.Max is ulong max && limits.Min > max)
        {
            throw new InvalidModuleException($"size minimum must not be greater than maximum: {limits.Min} > {max}{where}");
        }
    }

    private void CheckTags()
    {
        TagType[] tags = _module.Tags;
        if (tags.Length > 0 && (_features & (WasmFeatures.ExceptionHandling | WasmFeatures.LegacyExceptions)) == 0)
        {
            throw new InvalidModuleException(TypeSpace.ProposalMessage(WasmFeatures.ExceptionHandling, "tags"));
        }
        for (int i = 0; i < tags.Length; i++)
        {
            uint t = tags[i].TypeIndex;
            if (t >= (uint)_types.Count) throw new InvalidModuleException($"unknown type {t} (tag {i})");
            if (_types[t].Composite is not FuncCompositeType f) throw new InvalidModuleException($"type mismatch: type {t} of tag {i} is not a function type");
            if (f.Results.Length != 0) throw new InvalidModuleException($"non-empty tag result type: type {t} of tag {i}");
        }
    }

    private void CheckGlobals()
    {
        GlobalType[] globals = _module.GlobalTypes;
        for (int i = 0; i < globals.Length; i++)
        {
            CheckValueType(globals[i].Type, $" (global {i})");
        }
        DefinedGlobal[] defined = _module.DefinedGlobals;
        int imported = _module.ImportedGlobalCount;
        if ((uint)imported > (uint)globals.Length || defined.Length != globals.Length - imported)
        {
            throw new InvalidModuleException("unknown global: the global index space does not match the definitions");
        }
        for (int i = 0; i < defined.Length; i++)
        {
            uint index = (uint)(imported + i);
            // Wasm 3.0: an initializer may read any earlier immutable global, imported or defined.
            _code.ValidateConstant(defined[i].Init, defined[i].Type.Type, VisibleGlobals(index), $"global {index} initializer");
        }
    }

    private void CheckTableInitializers()
    {
        DefinedTable[] defined = _module.DefinedTables;
        int imported = _module.ImportedTableCount;
        if ((uint)imported > (uint)_module.TableTypes.Length || defined.Length != _module.TableTypes.Length - imported)
        {
            throw new InvalidModuleException("unknown table: the table index space does not match the definitions");
        }
        for (int i = 0; i < defined.Length; i++)
        {
            TableType t = defined[i].Type;
            int index = imported + i;
            if (defined[i].Init is ConstExpr init)
            {
                RequireFeature(WasmFeatures.FunctionReferences, "a table initializer");
                // The table section precedes the global section: only imported globals are visible.
                _code.ValidateConstant(init, t.ElementType, (uint)_module.ImportedGlobalCount, $"table {index} initializer");
            }
            else if (!t.ElementType.Nullable)
            {
                throw new InvalidModuleException($"type mismatch: table {index} of non-nullable {t.ElementType} needs an initializer");
            }
        }
    }

    private void CheckExports()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        Export[] exports = _module.Exports;
        for (int i = 0; i < exports.Length; i++)
        {
            Export e = exports[i];
            if (!names.Add(e.Name)) throw new InvalidModuleException($"duplicate export name \"{e.Name}\" (export {i})");
            uint count = e.Kind switch
            {
                ExternKind.Func => (uint)_module.Functions.Length,
                ExternKind.Table => (uint)_module.TableTypes.Length,
                ExternKind.Memory => (uint)_module.Memories.Length,
                ExternKind.Global => (uint)_module.GlobalTypes.Length,
                ExternKind.Tag => (uint)_module.Tags.Length,
                _ => 0,
            };
            if (e.Index >= count)
            {
                string kind = e.Kind switch
                {
                    ExternKind.Func => "function",
                    ExternKind.Table => "table",
                    ExternKind.Memory => "memory",
                    ExternKind.Global => "global",
                    ExternKind.Tag => "tag",
                    _ => "export kind",
                };
                throw new InvalidModuleException($"unknown {kind} {e.Index} (export \"{e.Name}\")");
            }
            if (e.Kind == ExternKind.Func) _declaredFunctions[e.Index] = true;
            if (e.Kind == ExternKind.Global && _module.GlobalTypes[e.Index].Mutable)
            {
                RequireFeature(WasmFeatures.MutableGlobals, "exporting a mutable global");
            }
        }
    }

    private void CheckStart()
    {
        if (_module.Start is not uint start) return;
        if (start >= (uint)_module.Functions.Length) throw new InvalidModuleException($"unknown function {start} (start function)");
        FuncCompositeType f = _module.FuncTypeOf(start);
        if (f.Params.Length != 0 || f.Results.Length != 0)
        {
            throw new InvalidModuleException($"start function {start} must have type [] -> [], has {f}");
        }
    }

    private void CheckElements()
    {
        Element[] elements = _module.Elements;
        for (int i = 0; i < elements.Length; i++)
        {
            Element e = elements[i];
            string where = $" (elem segment {i})";
            if (e.Type.Kind != ValueKind.Ref) throw new InvalidModuleException($"malformed reference type {e.Type}{where}");
            // The MVP encodings of function-index segments have type (ref func) in Wasm 3.0: no proposal needed.
            if (e.Type.Heap.Kind != HeapKind.Func) CheckValueType(e.Type, where);
            if (e.Mode != SegmentMode.Active) RequireFeature(WasmFeatures.BulkMemory | WasmFeatures.ReferenceTypes, "passive and declarative element segments", any: true);
            if (e.FunctionIndices is uint[] functions)
            {
                foreach (uint f in functions)
                {
                    if (f >= (uint)_module.Functions.Length) throw new InvalidModuleException($"unknown function {f}{where}");
                    _declaredFunctions[f] = true;
                    if (!_types.IsSubtype(ValueType.Ref(HeapType.Concrete(_module.Functions[f]), nullable: false), e.Type))
                    {
                        throw new InvalidModuleException($"type mismatch: function {f} is not a {e.Type}{where}");
                    }
                }
            }
            else if (e.Expressions is ConstExpr[] exprs)
            {
                foreach (ConstExpr expr in exprs)
                {
                    _code.ValidateConstant(expr, e.Type, VisibleGlobals((uint)_module.GlobalTypes.Length), $"elem segment {i}");
                }
            }
            if (e.Mode == SegmentMode.Active)
            {
                if (e.TableIndex >= (uint)_module.TableTypes.Length) throw new InvalidModuleException($"unknown table {e.TableIndex}{where}");
                TableType table = _module.TableTypes[e.TableIndex];
                if (e.Offset is not ConstExpr offset) throw new InvalidModuleException($"malformed active segment without offset{where}");
                _code.ValidateConstant(offset, table.Is64 ? ValueType.I64 : ValueType.I32, VisibleGlobals((uint)_module.GlobalTypes.Length), $"elem segment {i} offset");
                if (!_types.IsSubtype(e.Type, table.ElementType))
                {
                    throw new InvalidModuleException($"type mismatch: elem segment {i} of {e.Type} does not fit table {e.TableIndex} of {table.ElementType}");
                }
            }
        }
    }

    private void CheckData()
    {
        Data[] data = _module.Data;
        for (int i = 0; i < data.Length; i++)
        {
            Data d = data[i];
            if (d.Mode != SegmentMode.Active)
            {
                RequireFeature(WasmFeatures.BulkMemory, "passive data segments");
                continue;
            }
            if (d.MemoryIndex >= (uint)_module.Memories.Length) throw new InvalidModuleException($"unknown memory {d.MemoryIndex} (data segment {i})");
            if (d.Offset is not ConstExpr offset) throw new InvalidModuleException($"malformed active segment without offset (data segment {i})");
            bool is64 = _module.Memories[d.MemoryIndex].Is64;
            _code.ValidateConstant(offset, is64 ? ValueType.I64 : ValueType.I32, VisibleGlobals((uint)_module.GlobalTypes.Length), $"data segment {i} offset");
        }
    }

    /// <summary>Bodies below this many bytes of code in all are validated on the calling thread.</summary>
    private const long ParallelCodeBytes = 1 << 20;

    private void CheckCode()
    {
        int imported = _module.ImportedFunctionCount;
        FunctionBody[] code = _module.Code;
        if ((uint)imported > (uint)_module.Functions.Length || code.Length != _module.Functions.Length - imported)
        {
            throw new InvalidModuleException("unknown function: the function and code sections do not match");
        }
        long bytes = 0;
        foreach (FunctionBody body in code) bytes += body.CodeLength;
        // Large modules: the bodies are independent, so the cores share them out.
        int workers = bytes < ParallelCodeBytes ? 1 : FunctionWork.Workers;
        FunctionWork.Run(code.Length, workers,
            worker => worker == 0 ? _code : new FunctionValidator(_module, _types, _features, _declaredFunctions),
            (validator, i) => validator.ValidateFunction((uint)(imported + i), code[i]));
    }

    /// <summary>
    /// How many globals constant expressions may read: Wasm 3.0 (with GC) lets them read defined
    /// globals below <paramref name="limit"/>; before it, only imported globals are visible.
    /// </summary>
    private uint VisibleGlobals(uint limit) =>
        (_features & WasmFeatures.Gc) != 0 ? limit : Math.Min(limit, (uint)_module.ImportedGlobalCount);

    private void CheckValueType(ValueType t, string where)
    {
        string? problem = _types.ValueTypeProblem(t, (uint)_types.Count);
        if (problem is not null) throw new InvalidModuleException(problem + where);
    }

    private void RequireFeature(WasmFeatures feature, string what, bool any = false)
    {
        bool ok = any ? (_features & feature) != 0 : (_features & feature) == feature;
        if (!ok) throw new InvalidModuleException(TypeSpace.ProposalMessage(feature, what));
    }
}
