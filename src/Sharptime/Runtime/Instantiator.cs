using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Runtime;

/// <summary>
/// Instantiation (Wasm 3.0 section 4.5.4): check imports (once per <see cref="InstancePre"/>), allocate memories, tables and globals,
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
        nint code = host.Thunk != 0 || importer is null ? host.Thunk : importer.HostCall(typeIndex);
        return new Func(store, host.Type, host.TypeIdIn(store.Engine), code, host.ArrayCall, store.CreateContext(caller, host), importer?.Code?.KeepAlive);
    }

    /// <summary>The <see cref="Func"/> of defined function <paramref name="index"/>, made when it first escapes.</summary>
    public static Func DefinedFunction(VmContext ctx, int index)
    {
        Instance instance = ctx.Instance!;
        CompiledModule module = instance.Module.Compiled;
        uint typeIndex = module.Module.Functions[index];
        if (module.Code is null)
        {
            var interpreted = new Interpreter.InterpretedFunction(ctx, module.Interpreted, index);
            FuncType type = module.FuncTypeAt(typeIndex);
            var host = new HostFunction(type, (HostCallback)interpreted.Call, 0,
                (nint)(delegate*<nint, VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&HostCalls.ArrayCallUntyped);
            VmContext own = instance.Store.NewContext(instance, host);
            own.Types = ctx.Types;
            Func g = new(instance.Store, type, module.TypeIds[typeIndex], 0, host.ArrayCall, own, interpreted);
            ctx.Functions[index] = g;
            return g;
        }
        var f = new Func(instance.Store, module.FuncTypeAt(typeIndex), module.TypeIds[typeIndex],
            module.Entry(index - module.Module.ImportedFunctionCount), module.ArrayCall(typeIndex), ctx, module.Code!.KeepAlive);
        // Two threads may race here only if they share the store, which is not allowed; last write wins harmlessly.
        ctx.Functions[index] = f;
        return f;
    }

    /// <summary>
    /// Type-checks the definitions <paramref name="resolved"/> against <paramref name="module"/>'s
    /// imports once, for every later instantiation (Wasm 3.0 section 4.5.2, import matching). Messages
    /// are built only when a check fails. Externs of a store are checked again only for their store.
    /// </summary>
    /// <exception cref="LinkException">A definition has the wrong kind or type.</exception>
    public static PreparedImport[] Prepare(Module module, object[] resolved)
    {
        WasmModule m = module.Info;
        CompiledModule compiled = module.Compiled;
        Engine engine = module.Engine;
        int[] typeIds = module.TypeIds;
        var prepared = new PreparedImport[m.Imports.Length];
        for (int i = 0; i < m.Imports.Length; i++)
        {
            Import import = m.Imports[i];
            object d = resolved[i];
            switch (import.Kind)
            {
                case ExternKind.Func:
                    if (d is HostFunction host)
                    {
                        int id = host.TypeIdIn(engine);
                        if (id != typeIds[import.TypeIndex]) Fail(import, host.Type.ToString(), module.FuncTypeAt(import.TypeIndex).ToString());
                        // Untyped host functions are entered through this module's shim for the import's type.
                        nint code = host.Thunk != 0 ? host.Thunk : compiled.Code is null ? 0 : compiled.HostCall(import.TypeIndex);
                        prepared[i] = new PreparedImport(host, code);
                    }
                    else if (d is Func func)
                    {
                        if (!engine.IsSubtype(func.TypeId, typeIds[import.TypeIndex])) Fail(import, func.Type.ToString(), module.FuncTypeAt(import.TypeIndex).ToString());
                        nint code = func.Code == 0 && compiled.Code is not null ? compiled.HostCall(import.TypeIndex) : 0;
                        prepared[i] = new PreparedImport(func, code);
                    }
                    else
                    {
                        Mismatch(import, d, module.FuncTypeAt(import.TypeIndex).ToString());
                    }
                    break;
                case ExternKind.Memory:
                {
                    if (d is not Memory mem) { Mismatch(import, d, MemoryText(import)); break; }
                    MemoryInstance mi = mem.Instance;
                    if (!(mi.Type.Is64 == import.Memory.Is64 && mi.Type.Shared == import.Memory.Shared
                        && mi.PageSizeLog2 == import.Memory.PageSizeLog2
                        && Matching.LimitsMatch(mi.Pages, mi.Type.Limits.Max, import.Memory.Limits)))
                    {
                        // A memory only grows, so a size that matches now matches at every later instantiation.
                        Fail(import, mem.TypeText, MemoryText(import));
                    }
                    prepared[i] = new PreparedImport(mem, 0);
                    break;
                }
                case ExternKind.Table:
                {
                    if (d is not Table table) { Mismatch(import, d, TableText(import)); break; }
                    TableInstance t = table.Instance;
                    if (!(SameModuloTypeIndex(t.Type.ElementType, import.Table.ElementType) && t.Type.Is64 == import.Table.Is64
                        && Matching.LimitsMatch((ulong)t.Size, t.Type.Limits.Max, import.Table.Limits)))
                    {
                        Fail(import, table.TypeText, TableText(import));
                    }
                    prepared[i] = new PreparedImport(table, 0);
                    break;
                }
                case ExternKind.Global:
                {
                    if (d is not Global global) { Mismatch(import, d, GlobalText(import)); break; }
                    GlobalInstance g = global.Instance;
                    if (!(g.Type.Mutable == import.Global.Mutable && GlobalTypeMatches(g.Type.Type, import.Global.Type, import.Global.Mutable)))
                    {
                        Fail(import, global.TypeText, GlobalText(import));
                    }
                    prepared[i] = new PreparedImport(global, 0);
                    break;
                }
                case ExternKind.Tag:
                {
                    if (d is not Tag tag) { Mismatch(import, d, $"(tag {module.FuncTypeAt(import.TypeIndex)})"); break; }
                    // Tag types match exactly (Wasm 3.0 section 4.5.2): no subtyping.
                    if (tag.TypeId != typeIds[import.TypeIndex]) Fail(import, tag.TypeText, $"(tag {module.FuncTypeAt(import.TypeIndex)})");
                    prepared[i] = new PreparedImport(tag, 0);
                    break;
                }
                default:
                    throw new LinkException($"incompatible import type: {import.Module}::{import.Name}: importing a {Linker.KindText(import.Kind)} is not supported");
            }
        }
        return prepared;
    }

    private static string MemoryText(Import import) =>
        $"(memory{(import.Memory.Is64 ? " i64" : "")} {import.Memory.Limits.Min}{(import.Memory.Limits.Max is ulong x ? $" {x}" : "")})";

    private static string TableText(Import import) =>
        $"(table {import.Table.Limits.Min}{(import.Table.Limits.Max is ulong x ? $" {x}" : "")} {import.Table.ElementType})";

    private static string GlobalText(Import import) => import.Global.Mutable ? $"(mut {import.Global.Type})" : import.Global.Type.ToString();

    /// <summary>
    /// Instantiates with imports <see cref="Prepare"/> checked: binds host functions to the store,
    /// allocates memories and tables from the engine's allocator, evaluates initializers, applies
    /// active segments (those the memory image covers are mapped, not copied) and runs the start function.
    /// </summary>
    public static Instance Instantiate(Store store, Module module, PreparedImport[] imports)
    {
        if (module.Engine != store.Engine) throw new WasmException("the module and the store belong to different engines");
        WasmModule m = module.Info;
        CompiledModule compiled = module.Compiled;
        CompiledCode? code = compiled.Code;
        InstanceLayout layout = compiled.Layout;
        Allocation.IInstanceAllocator allocator = store.Engine.Allocator;
        VmContext ctx = allocator.TakeInstanceContext(layout) ?? NewContext(m);
        var instance = new Instance(store, module, ctx);
        ctx.TypeIds = module.TypeIds;
        ctx.Types = compiled.Types;
        ctx.Code = code?.KeepAlive;

        Func?[] functions = ctx.Functions;
        MemoryInstance[] memories = ctx.Memories;
        TableInstance[] tables = ctx.Tables;
        GlobalInstance[] globals = ctx.Globals;
        Tag[] tags = ctx.Tags;
        int fi = 0, mi = 0, ti = 0, gi = 0, tgi = 0;
        for (int i = 0; i < imports.Length; i++)
        {
            PreparedImport p = imports[i];
            switch (p.Definition)
            {
                case HostFunction host:
                    functions[fi++] = new Func(store, host.Type, host.TypeIdIn(store.Engine), p.Code, host.ArrayCall, store.CreateContext(instance, host), code?.KeepAlive);
                    break;
                case Func f:
                    CheckStore(store, f, m.Imports[i]);
                    functions[fi++] = p.Code == 0 ? f : new Func(f.Store, f.Type, f.TypeId, p.Code, f.ArrayCall, f.Context, code?.KeepAlive);
                    break;
                case Memory mem when mem.Instance.Shared && mem.Store != store:
                    // A shared memory may be imported by instances of any store, on any thread.
                    store.AdoptSharedMemory(mem.Instance);
                    memories[mi++] = mem.Instance;
                    break;
                case Memory mem:
                    CheckStore(store, mem, m.Imports[i]);
                    memories[mi++] = mem.Instance;
                    break;
                case Table table:
                    CheckStore(store, table, m.Imports[i]);
                    tables[ti++] = table.Instance;
                    break;
                case Global global:
                    CheckStore(store, global, m.Imports[i]);
                    globals[gi++] = global.Instance;
                    break;
                case Tag tag:
                    CheckStore(store, tag, m.Imports[i]);
                    tags[tgi++] = tag;
                    break;
            }
        }

        for (int i = m.ImportedTagCount; i < tags.Length; i++)
        {
            uint typeIndex = m.Tags[i].TypeIndex;
            tags[i] = new Tag(store, module.FuncTypeAt(typeIndex), module.TypeIds[typeIndex]);
        }
        for (int i = 0; i < m.DefinedGlobals.Length; i++)
        {
            Binary.DefinedGlobal def = m.DefinedGlobals[i];
            RawValue v = InstanceLayout.Evaluate(m, def.Init, layout.GlobalInits[i], ctx);
            // A context from the pool keeps the objects of the module's own globals.
            GlobalInstance g = globals[m.ImportedGlobalCount + i] ??= new GlobalInstance(def.Type) { ModuleTypes = compiled.Types };
            g.Bits = v.Bits;
            g.High = v.High;
            g.Ref = v.Ref;
        }
        bool imaged = false;
        for (int i = m.ImportedMemoryCount; i < m.Memories.Length; i++)
        {
            // Only memory 0 has an image, and only a defined one (ImportedMemoryCount is then 0).
            Allocation.MemoryImage? image = i == 0 && layout.ImageEligible ? layout.Image : null;
            memories[i] = store.CreateMemory(m.Memories[i], allocator, layout, image, out bool initialized);
            imaged |= i == 0 && initialized;
        }
        ctx.Memory0 = memories.Length > 0 ? memories[0] : null;
        for (int i = 0; i < m.DefinedTables.Length; i++)
        {
            Binary.DefinedTable def = m.DefinedTables[i];
            object? init = def.Init is ConstExpr e ? ConstEvaluator.Evaluate(m, e, ctx).Ref : null;
            tables[m.ImportedTableCount + i] = store.CreateTable(def.Type, init, allocator);
            tables[m.ImportedTableCount + i].ModuleTypes = compiled.Types;
        }

        InitializeSegments(m, layout, ctx, imaged);
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
            catch (OutOfMemoryException e)
            {
                throw TrapException.HeapOutOfMemory(e);
            }
        }
        return instance;
    }

    /// <summary>A context with arrays sized for the module's functions, memories, tables, globals and tags.</summary>
    private static VmContext NewContext(WasmModule m) => new()
    {
        Functions = m.Functions.Length == 0 ? [] : new Func?[m.Functions.Length],
        Memories = m.Memories.Length == 0 ? [] : new MemoryInstance[m.Memories.Length],
        Tables = m.TableTypes.Length == 0 ? [] : new TableInstance[m.TableTypes.Length],
        Globals = m.GlobalTypes.Length == 0 ? [] : new GlobalInstance[m.GlobalTypes.Length],
        Tags = m.Tags.Length == 0 ? [] : new Tag[m.Tags.Length],
    };

    /// <summary>The extern export <paramref name="index"/> of <paramref name="instance"/>, made on first use.</summary>
    public static Extern MakeExport(Instance instance, int index)
    {
        Export export = instance.Module.Info.Exports[index];
        VmContext ctx = instance.Context;
        Store store = instance.Store;
        return export.Kind switch
        {
            ExternKind.Func => ctx.GetFunction((int)export.Index),
            ExternKind.Memory => new Memory(store, ctx.Memories[export.Index]),
            ExternKind.Table => new Table(store, ctx.Tables[export.Index]),
            ExternKind.Global => new Global(store, ctx.Globals[export.Index]),
            ExternKind.Tag => ctx.Tags[export.Index],
            _ => throw new WasmException($"exporting a {Linker.KindText(export.Kind)} is not supported"),
        };
    }

    private static void InitializeSegments(WasmModule m, InstanceLayout layout, VmContext ctx, bool imaged)
    {
        object?[][] elements = layout.SharedElementSegments ?? new object?[m.Elements.Length][];
        ctx.ElementSegments = elements;
        if (layout.TableTemplates is { } templates)
        {
            // Lazy initialization: the tables get the segments' functions as placeholders, made on first use.
            for (int i = 0; i < templates.Length; i++)
            {
                if (templates[i] is not object?[] template) continue;
                TableInstance table = ctx.Tables[m.ImportedTableCount + i];
                Array.Copy(template, table.Items, template.Length);
                table.LazyContext = ctx;
            }
        }
        for (int i = 0; i < m.Elements.Length; i++)
        {
            Element e = m.Elements[i];
            if (e.Mode == SegmentMode.Passive)
            {
                var items = new object?[e.Count];
                for (int j = 0; j < items.Length; j++) items[j] = Item(m, e, j, ctx);
                elements[i] = items;
                continue;
            }
            if (layout.SharedElementSegments is null) elements[i] = [];
            if (e.Mode != SegmentMode.Active || layout.TableTemplates is not null) continue;
            ulong d = layout.ElementOffsets[i] ?? Offset(m, e.Offset!.Value, m.TableTypes[e.TableIndex].Is64, ctx);
            TableInstance table = ctx.Tables[e.TableIndex];
            int n = e.Count;
            if (d > (ulong)table.Size || (ulong)n > (ulong)table.Size - d) Traps.Throw(TrapCode.TableOutOfBounds);
            // Straight into the table: no array of the segment's items per instance.
            for (int j = 0; j < n; j++) table.Items[(int)d + j] = Item(m, e, j, ctx);
        }

        ReadOnlyMemory<byte>[] data = layout.SharedDataSegments ?? new ReadOnlyMemory<byte>[m.Data.Length];
        ctx.DataSegments = data;
        if (layout.SharedDataSegments is null)
        {
            for (int i = 0; i < data.Length; i++) data[i] = m.Data[i].Mode == SegmentMode.Active ? ReadOnlyMemory<byte>.Empty : m.Data[i].Bytes;
        }
        // The image holds every active segment (eligibility demands it): nothing left to copy.
        if (imaged) return;
        for (int i = 0; i < m.Data.Length; i++)
        {
            Data seg = m.Data[i];
            if (seg.Mode != SegmentMode.Active) continue;
            ulong d = layout.DataOffsets[i] ?? Offset(m, seg.Offset!.Value, m.Memories[seg.MemoryIndex].Is64, ctx);
            MemoryInstance memory = ctx.Memories[seg.MemoryIndex];
            ReadOnlySpan<byte> bytes = seg.Bytes.Span;
            if (d > memory.Length || (ulong)bytes.Length > memory.Length - d) Traps.Throw(TrapCode.MemoryOutOfBounds);
            bytes.CopyTo(new Span<byte>(memory.Base + d, bytes.Length));
        }
    }

    private static object? Item(WasmModule m, Element e, int j, VmContext ctx) =>
        e.FunctionIndices is uint[] f ? ctx.GetFunction((int)f[j]) : ConstEvaluator.Evaluate(m, e.Expressions![j], ctx).Ref;

    private static ulong Offset(WasmModule m, ConstExpr expr, bool is64, VmContext ctx)
    {
        RawValue offset = ConstEvaluator.Evaluate(m, expr, ctx);
        return is64 ? (ulong)offset.Bits : (uint)offset.Bits;
    }

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

    private static void Fail(Import import, string actual, string expected) =>
        throw new LinkException($"incompatible import type for {import.Module}::{import.Name}: expected {expected}, found {actual}");

    private static void Mismatch(Import import, object actual, string expected)
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

/// <summary>An import definition checked by <see cref="Instantiator.Prepare"/>.</summary>
/// <param name="Definition">A <see cref="HostFunction"/> or an <see cref="Extern"/> of a store.</param>
/// <param name="Code">
/// For a host function: its native entry (an untyped one's is the importing module's shim). For a
/// <see cref="Func"/> without a native entry: the importing module's shim. Otherwise 0.
/// </param>
internal readonly record struct PreparedImport(object Definition, nint Code);
