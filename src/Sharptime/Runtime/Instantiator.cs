using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Runtime;

/// <summary>
/// Instantiation (Wasm 3.0 section 4.5.4): check imports, allocate memories, tables and globals,
/// evaluate initializers, apply active segments in order (a trap leaves earlier writes in
/// imported memories and tables, as the spec says), then run the start function.
/// </summary>
internal static unsafe class Instantiator
{
    /// <summary>
    /// Binds a host function to a store. An untyped one has no native entry of its own: when a module
    /// imports it, the module's shim for the import's type is its entry (<paramref name="importer"/>).
    /// </summary>
    public static Func BindHost(Store store, HostFunction host, Instance? caller, CompiledModule? importer = null, uint typeIndex = 0)
    {
        VmContext ctx = store.CreateContext(caller, host);
        nint code = host.Thunk != 0 || importer is null ? host.Thunk : importer.HostCall(typeIndex);
        return new Func(store, host.Type, store.Engine.TypeIdOf(TypeKeys.ForHost(host.Type)), code, host.ArrayCall, ctx, importer?.Code?.KeepAlive);
    }

    /// <summary>The <see cref="Func"/> of defined function <paramref name="index"/>, made when it first escapes.</summary>
    public static Func DefinedFunction(VmContext ctx, int index)
    {
        Instance instance = ctx.Instance!;
        CompiledModule module = instance.Module.Compiled;
        uint typeIndex = module.Module.Functions[index];
        var f = new Func(instance.Store, module.FuncTypeAt(typeIndex), module.TypeIds[typeIndex],
            module.Entry(index - module.Module.ImportedFunctionCount), module.ArrayCall(typeIndex), ctx, module.Code!.KeepAlive);
        // Two threads may race here only if they share the store, which is not allowed; last write wins harmlessly.
        ctx.Functions[index] = f;
        return f;
    }

    public static Instance Instantiate(Store store, Module module, object[] resolved)
    {
        if (module.Engine != store.Engine) throw new WasmException("the module and the store belong to different engines");
        WasmModule m = module.Info;
        CompiledModule compiled = module.Compiled;
        CompiledCode code = compiled.RequireCode();
        var instance = new Instance(store, module);
        VmContext ctx = instance.Context;
        int[] typeIds = module.TypeIds;
        ctx.TypeIds = typeIds;
        ctx.Code = code.KeepAlive;

        var functions = new Func[m.Functions.Length];
        var memories = new MemoryInstance[m.Memories.Length];
        var tables = new TableInstance[m.TableTypes.Length];
        var globals = new GlobalInstance[m.GlobalTypes.Length];
        var tags = new Tag[m.Tags.Length];
        int fi = 0, mi = 0, ti = 0, gi = 0, tgi = 0;
        for (int i = 0; i < m.Imports.Length; i++)
        {
            Import import = m.Imports[i];
            object d = resolved[i];
            switch (import.Kind)
            {
                case ExternKind.Func:
                {
                    FuncType expected = module.FuncTypeAt(import.TypeIndex);
                    Func f = d switch
                    {
                        HostFunction host => Check(import, store.Engine.TypeIdOf(TypeKeys.ForHost(host.Type)) == typeIds[import.TypeIndex], host.Type.ToString(), expected.ToString()) ? BindHost(store, host, instance, compiled, import.TypeIndex) : null!,
                        Func func => Check(import, store.Engine.IsSubtype(func.TypeId, typeIds[import.TypeIndex]), func.Type.ToString(), expected.ToString()) ? WithEntry(func, compiled, import.TypeIndex) : null!,
                        Extern other => Mismatch<Func>(import, other, expected.ToString()),
                        _ => throw new InvalidOperationException(),
                    };
                    CheckStore(store, f, import);
                    functions[fi++] = f;
                    break;
                }
                case ExternKind.Memory:
                {
                    string expected = $"(memory{(import.Memory.Is64 ? " i64" : "")} {import.Memory.Limits.Min}{(import.Memory.Limits.Max is ulong x ? $" {x}" : "")})";
                    if (d is not Memory mem) { Mismatch<Memory>(import, d, expected); return null!; }
                    CheckStore(store, mem, import);
                    MemoryInstance mi2 = mem.Instance;
                    Check(import, mi2.Type.Is64 == import.Memory.Is64 && mi2.Type.Shared == import.Memory.Shared
                        && mi2.PageSizeLog2 == import.Memory.PageSizeLog2
                        && Matching.LimitsMatch(mi2.Pages, mi2.Type.Limits.Max, import.Memory.Limits), mem.TypeText, expected);
                    memories[mi++] = mi2;
                    break;
                }
                case ExternKind.Table:
                {
                    string expected = $"(table {import.Table.Limits.Min}{(import.Table.Limits.Max is ulong x ? $" {x}" : "")} {import.Table.ElementType})";
                    if (d is not Table table) { Mismatch<Table>(import, d, expected); return null!; }
                    CheckStore(store, table, import);
                    TableInstance t = table.Instance;
                    Check(import, SameModuloTypeIndex(t.Type.ElementType, import.Table.ElementType) && t.Type.Is64 == import.Table.Is64
                        && Matching.LimitsMatch((ulong)t.Size, t.Type.Limits.Max, import.Table.Limits), table.TypeText, expected);
                    tables[ti++] = t;
                    break;
                }
                case ExternKind.Global:
                {
                    string expected = import.Global.Mutable ? $"(mut {import.Global.Type})" : import.Global.Type.ToString();
                    if (d is not Global global) { Mismatch<Global>(import, d, expected); return null!; }
                    CheckStore(store, global, import);
                    GlobalInstance g = global.Instance;
                    Check(import, g.Type.Mutable == import.Global.Mutable && GlobalTypeMatches(g.Type.Type, import.Global.Type, import.Global.Mutable), global.TypeText, expected);
                    globals[gi++] = g;
                    break;
                }
                case ExternKind.Tag:
                {
                    FuncType expected = module.FuncTypeAt(import.TypeIndex);
                    if (d is not Tag tag) { Mismatch<Tag>(import, d, $"(tag {expected})"); return null!; }
                    CheckStore(store, tag, import);
                    // Tag types match exactly (Wasm 3.0 section 4.5.2): no subtyping.
                    Check(import, tag.TypeId == typeIds[import.TypeIndex], tag.TypeText, $"(tag {expected})");
                    tags[tgi++] = tag;
                    break;
                }
                default:
                    throw new LinkException($"incompatible import type: {import.Module}::{import.Name}: importing a {Linker.KindText(import.Kind)} is not supported");
            }
        }

        for (int i = m.ImportedTagCount; i < tags.Length; i++)
        {
            uint typeIndex = m.Tags[i].TypeIndex;
            tags[i] = new Tag(store, module.FuncTypeAt(typeIndex), typeIds[typeIndex]);
        }
        ctx.Tags = tags;
        ctx.Functions = functions;
        ctx.Globals = globals;
        for (int i = 0; i < m.DefinedGlobals.Length; i++)
        {
            Binary.DefinedGlobal def = m.DefinedGlobals[i];
            RawValue v = ConstEvaluator.Evaluate(m, def.Init, ctx);
            globals[m.ImportedGlobalCount + i] = new GlobalInstance(def.Type) { Bits = v.Bits, High = v.High, Ref = v.Ref };
        }
        for (int i = m.ImportedMemoryCount; i < m.Memories.Length; i++) memories[i] = store.CreateMemory(m.Memories[i]);
        ctx.Memories = memories;
        ctx.Memory0 = memories.Length > 0 ? memories[0] : null;
        for (int i = 0; i < m.DefinedTables.Length; i++)
        {
            Binary.DefinedTable def = m.DefinedTables[i];
            object? init = def.Init is ConstExpr e ? ConstEvaluator.Evaluate(m, e, ctx).Ref : null;
            tables[m.ImportedTableCount + i] = store.CreateTable(def.Type, init);
        }
        ctx.Tables = tables;

        foreach (Export export in m.Exports)
        {
            Extern item = export.Kind switch
            {
                ExternKind.Func => ctx.GetFunction((int)export.Index),
                ExternKind.Memory => new Memory(store, memories[export.Index]),
                ExternKind.Table => new Table(store, tables[export.Index]),
                ExternKind.Global => new Global(store, globals[export.Index]),
                ExternKind.Tag => tags[export.Index],
                _ => throw new WasmException($"exporting a {Linker.KindText(export.Kind)} is not supported"),
            };
            instance.AddExport(export.Name, item);
        }

        InitializeSegments(m, ctx);
        if (m.Start is uint start)
        {
            Func f = ctx.GetFunction((int)start);
            using Store.Entry entry = store.Enter();
            try
            {
                ((delegate*<nint, VmContext, ReadOnlySpan<Value>, Span<Value>, void>)f.ArrayCall)(f.Code, f.Context, [], []);
            }
            catch (TrapException e) when (e.AttachEngine(store.Engine))
            {
                throw;
            }
        }
        return instance;
    }

    private static void InitializeSegments(WasmModule m, VmContext ctx)
    {
        var elements = new object?[m.Elements.Length][];
        for (int i = 0; i < elements.Length; i++)
        {
            Element e = m.Elements[i];
            var items = new object?[e.Count];
            for (int j = 0; j < items.Length; j++)
            {
                items[j] = e.FunctionIndices is uint[] f ? ctx.GetFunction((int)f[j]) : ConstEvaluator.Evaluate(m, e.Expressions![j], ctx).Ref;
            }
            elements[i] = items;
        }
        ctx.ElementSegments = elements;
        var data = new ReadOnlyMemory<byte>[m.Data.Length];
        for (int i = 0; i < data.Length; i++) data[i] = m.Data[i].Bytes;
        ctx.DataSegments = data;

        for (int i = 0; i < elements.Length; i++)
        {
            Element e = m.Elements[i];
            if (e.Mode == SegmentMode.Active)
            {
                RawValue offset = ConstEvaluator.Evaluate(m, e.Offset!.Value, ctx);
                ulong d = m.TableTypes[e.TableIndex].Is64 ? (ulong)offset.Bits : (uint)offset.Bits;
                Instructions.TableInit(d, 0, (ulong)elements[i].Length, ctx, (int)e.TableIndex, i);
            }
            if (e.Mode != SegmentMode.Passive) elements[i] = [];
        }
        for (int i = 0; i < data.Length; i++)
        {
            Data seg = m.Data[i];
            if (seg.Mode != SegmentMode.Active) continue;
            RawValue offset = ConstEvaluator.Evaluate(m, seg.Offset!.Value, ctx);
            ulong d = m.Memories[seg.MemoryIndex].Is64 ? (ulong)offset.Bits : (uint)offset.Bits;
            Instructions.MemoryInit(d, 0, (ulong)seg.Bytes.Length, ctx, (int)seg.MemoryIndex, i);
            data[i] = ReadOnlyMemory<byte>.Empty;
        }
    }

    /// <summary>An imported function as this module's code calls it: one without a native entry gets the module's shim.</summary>
    private static Func WithEntry(Func func, CompiledModule importer, uint typeIndex) =>
        func.Code != 0 ? func : new Func(func.Store, func.Type, func.TypeId, importer.HostCall(typeIndex), func.ArrayCall, func.Context, importer.Code?.KeepAlive);

    private static bool GlobalTypeMatches(Binary.ValueType actual, Binary.ValueType expected, bool mutable)
    {
        if (SameModuloTypeIndex(actual, expected)) return true;
        // An immutable global may be a subtype of the import's type.
        return !mutable && actual.IsRef && expected.IsRef && (expected.Nullable || !actual.Nullable) && IsSubHeap(actual.Heap.Kind, expected.Heap.Kind);
    }

    /// <summary>
    /// Type equality where concrete heap types are taken as equal: their indices are relative to
    /// different modules. Comparing their canonical forms is left to full GC type support.
    /// </summary>
    private static bool SameModuloTypeIndex(Binary.ValueType a, Binary.ValueType b) =>
        a == b || a.IsRef && b.IsRef && a.Nullable == b.Nullable && a.Heap.Kind == HeapKind.Concrete && b.Heap.Kind == HeapKind.Concrete;

    /// <summary>Subtyping of heap types as far as it does not need the type definitions (Wasm 3.0 section 3.3.5).</summary>
    private static bool IsSubHeap(HeapKind a, HeapKind b) => a == b || b switch
    {
        HeapKind.Func => a is HeapKind.NoFunc or HeapKind.Concrete,
        HeapKind.Extern => a is HeapKind.NoExtern,
        HeapKind.Exn => a is HeapKind.NoExn,
        HeapKind.Any => a is HeapKind.Eq or HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None or HeapKind.Concrete,
        HeapKind.Eq => a is HeapKind.I31 or HeapKind.Struct or HeapKind.Array or HeapKind.None or HeapKind.Concrete,
        HeapKind.Struct or HeapKind.Array or HeapKind.I31 => a is HeapKind.None,
        HeapKind.Concrete => a is HeapKind.NoFunc or HeapKind.None,
        _ => false,
    };

    private static bool Check(Import import, bool ok, string actual, string expected)
    {
        if (!ok) throw new LinkException($"incompatible import type for {import.Module}::{import.Name}: expected {expected}, found {actual}");
        return true;
    }

    private static T Mismatch<T>(Import import, object actual, string expected)
    {
        string found = actual switch
        {
            Extern e => $"a {e.KindName} {e.TypeText}",
            HostFunction h => $"a func {h.Type}",
            _ => actual.ToString() ?? "?",
        };
        throw new LinkException($"incompatible import type for {import.Module}::{import.Name}: expected a {Linker.KindText(import.Kind)} {expected}, found {found}");
    }

    private static void CheckStore(Store store, Extern item, Import import)
    {
        if (item.Store != store) throw new LinkException($"incompatible import type for {import.Module}::{import.Name}: the definition belongs to another store");
    }
}
