using System.Runtime.InteropServices;
using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// Memory, table, reference and call instructions that generated code calls out of line.
/// Addresses and lengths are <c>ulong</c>: generated code zero-extends 32-bit operands, so one
/// helper serves memory32 and memory64. Stack operands come first, then the context and the
/// instruction's immediates.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class Instructions
{
#pragma warning disable CS1591 // One method per instruction; the name is the spec's instruction.
    public static long MemorySize(VmContext ctx, int memory) => (long)ctx.Memories[memory].Pages;

    public static long MemoryGrow(ulong delta, VmContext ctx, int memory) => ctx.Memories[memory].Grow(delta);

    public static void MemoryFill(ulong d, int value, ulong n, VmContext ctx, int memory)
    {
        MemoryInstance m = ctx.Memories[memory];
        if (d > m.Length || n > m.Length - d) Traps.Throw(TrapCode.MemoryOutOfBounds);
        NativeMemory.Fill(m.Base + d, (nuint)n, (byte)value);
    }

    public static void MemoryCopy(ulong d, ulong s, ulong n, VmContext ctx, int destination, int source)
    {
        MemoryInstance dm = ctx.Memories[destination];
        MemoryInstance sm = ctx.Memories[source];
        if (d > dm.Length || n > dm.Length - d || s > sm.Length || n > sm.Length - s) Traps.Throw(TrapCode.MemoryOutOfBounds);
        Buffer.MemoryCopy(sm.Base + s, dm.Base + d, n, n);
    }

    public static void MemoryInit(ulong d, ulong s, ulong n, VmContext ctx, int memory, int segment)
    {
        MemoryInstance m = ctx.Memories[memory];
        ReadOnlySpan<byte> data = ctx.DataSegments[segment].Span;
        if (d > m.Length || n > m.Length - d || s > (ulong)data.Length || n > (ulong)data.Length - s) Traps.Throw(TrapCode.MemoryOutOfBounds);
        data.Slice((int)s, (int)n).CopyTo(new Span<byte>(m.Base + d, (int)n));
    }

    public static void DataDrop(VmContext ctx, int segment) => ctx.DataSegments[segment] = ReadOnlyMemory<byte>.Empty;

    public static object? TableGet(ulong i, VmContext ctx, int table)
    {
        TableInstance t = ctx.Tables[table];
        if (i >= (ulong)t.Size) Traps.Throw(TrapCode.TableOutOfBounds);
        return t.Get((int)i);
    }

    public static void TableSet(ulong i, object? value, VmContext ctx, int table)
    {
        TableInstance t = ctx.Tables[table];
        if (i >= (ulong)t.Size) Traps.Throw(TrapCode.TableOutOfBounds);
        t.Items[i] = value;
    }

    public static long TableSize(VmContext ctx, int table) => ctx.Tables[table].Size;

    public static long TableGrow(object? init, ulong n, VmContext ctx, int table) => ctx.Tables[table].Grow(n, init);

    public static void TableFill(ulong i, object? value, ulong n, VmContext ctx, int table)
    {
        TableInstance t = ctx.Tables[table];
        if (i > (ulong)t.Size || n > (ulong)t.Size - i) Traps.Throw(TrapCode.TableOutOfBounds);
        Array.Fill(t.Items, value, (int)i, (int)n);
    }

    public static void TableCopy(ulong d, ulong s, ulong n, VmContext ctx, int destination, int source)
    {
        TableInstance dt = ctx.Tables[destination];
        TableInstance st = ctx.Tables[source];
        if (d > (ulong)dt.Size || n > (ulong)dt.Size - d || s > (ulong)st.Size || n > (ulong)st.Size - s) Traps.Throw(TrapCode.TableOutOfBounds);
        // Lazy elements are functions of the source table's instance: only that table may hold them.
        if (st != dt) st.MaterializeRange((int)s, (int)n);
        Array.Copy(st.Items, (int)s, dt.Items, (int)d, (int)n);
    }

    public static void TableInit(ulong d, ulong s, ulong n, VmContext ctx, int table, int segment)
    {
        TableInstance dt = ctx.Tables[table];
        object?[] se = ctx.ElementSegments[segment];
        if (d > (ulong)dt.Size || n > (ulong)dt.Size - d || s > (ulong)se.Length || n > (ulong)se.Length - s) Traps.Throw(TrapCode.TableOutOfBounds);
        Array.Copy(se, (int)s, dt.Items, (int)d, (int)n);
    }

    public static void ElemDrop(VmContext ctx, int segment) => ctx.ElementSegments[segment] = [];

    public static object RefFunc(VmContext ctx, int function) => ctx.GetFunction(function);

    /// <summary>
    /// The function call_indirect calls, after the bounds, null and type checks. Generated code checks
    /// the usual case (a function of exactly the expected type) inline and calls this for the rest;
    /// inlined, this cold path would bloat every call site.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Func ResolveIndirect(ulong i, VmContext ctx, int table, int typeIndex)
    {
        TableInstance t = ctx.Tables[table];
        if (i >= (ulong)t.Size) Traps.Throw(TrapCode.UndefinedElement);
        if (t.Get((int)i) is not Func f) throw new TrapException(TrapCode.UninitializedElement, $"uninitialized element {i}");
        if (f.TypeId != ctx.TypeIds[typeIndex] && !ctx.Store!.Engine.IsSubtype(f.TypeId, ctx.TypeIds[typeIndex])) Traps.Throw(TrapCode.IndirectCallTypeMismatch);
        return f;
    }

    /// <summary>The function call_ref calls, after the null check.</summary>
    public static Func ResolveRef(object? f)
    {
        if (f is not Func func) throw new TrapException(TrapCode.NullReference, "null function reference");
        return func;
    }

    /// <summary>The effective address of a memory64 access, trapping when it wraps around.</summary>
    public static ulong EffectiveAddress64(ulong address, ulong offset)
    {
        ulong ea = address + offset;
        if (ea < address) Traps.Throw(TrapCode.MemoryOutOfBounds);
        return ea;
    }

    /// <summary>
    /// The native entry of a function reference called with type index <paramref name="typeIndex"/>
    /// of the caller's module: an untyped host function has none, so the caller's shim calls it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint CodeOf(Func f, VmContext caller, int typeIndex) => f.Code != 0 ? f.Code : HostCallOf(caller, typeIndex);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint HostCallOf(VmContext caller, int typeIndex) => caller.Instance!.Module.Compiled.HostCall((uint)typeIndex);

    /// <summary>The canonical type id of a function reference (<see cref="VmContext.TypeIds"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int TypeIdOf(Func f) => f.TypeId;

    /// <summary>The context a function reference runs in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static VmContext ContextOf(Func f) => f.Context;
#pragma warning restore CS1591
}
