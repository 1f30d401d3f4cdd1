using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sharptime.Binary;
using Sharptime.Runtime;

namespace Sharptime.Abi;

/// <summary>
/// The GC instructions (structs, arrays, i31, casts) for generated code and the interpreter. Operands
/// come first in stack order, then the context, then the immediates. A struct's field layout comes from
/// the object's own type: a subtype's fields start with its supertype's, laid out the same way.
/// Heap types of casts are encoded as a type index (concrete) or the complement of a
/// <see cref="HeapKind"/> (abstract); see <see cref="EncodeHeap"/>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Gc
{
    /// <summary>The largest array, in bytes of elements, that <c>array.new*</c> makes.</summary>
    private const long MaxArrayBytes = 1L << 30;

    internal static int EncodeHeap(HeapType heap) => heap.Kind == HeapKind.Concrete ? (int)heap.TypeIndex : ~(int)heap.Kind;

    // ---- structs ----

    /// <summary><c>struct.new_default</c>; <c>struct.new</c> sets the fields afterwards.</summary>
    public static GcStruct NewStruct(VmContext ctx, int type)
    {
        try
        {
            return GcStructSlots.Create(ctx.Types[type]);
        }
        catch (OutOfMemoryException)
        {
            throw new TrapException(TrapCode.HeapOutOfMemory);
        }
    }

    /// <summary><c>struct.get</c> of an i32 field.</summary>
    public static int StructGetI32(object? s, int field) => (int)Scalar(s, field);

    /// <summary><c>struct.get_s</c> of a packed field.</summary>
    public static int StructGetS(object? s, int field)
    {
        long v = Scalar(s, field);
        return ((GcStruct)s!).Type.Fields[field] == StorageKind.I8 ? (sbyte)v : (short)v;
    }

    /// <summary><c>struct.get_u</c> of a packed field.</summary>
    public static int StructGetU(object? s, int field) => (int)Scalar(s, field);

    /// <summary><c>struct.get</c> of an i64 field.</summary>
    public static long StructGetI64(object? s, int field) => Scalar(s, field);

    /// <summary><c>struct.get</c> of an f32 field.</summary>
    public static float StructGetF32(object? s, int field) => BitConverter.Int32BitsToSingle((int)Scalar(s, field));

    /// <summary><c>struct.get</c> of an f64 field.</summary>
    public static double StructGetF64(object? s, int field) => BitConverter.Int64BitsToDouble(Scalar(s, field));

    /// <summary><c>struct.get</c> of a v128 field.</summary>
    public static Vector128<byte> StructGetV128(object? s, int field)
    {
        GcStruct o = Struct(s);
        int slot = o.Type.Slots[field];
        return Vector128.Create(GcStructSlots.Scalar(o, slot), GcStructSlots.Scalar(o, slot + 1)).AsByte();
    }

    /// <summary><c>struct.get</c> of a reference field.</summary>
    public static object? StructGetRef(object? s, int field)
    {
        GcStruct o = Struct(s);
        return GcStructSlots.Ref(o, o.Type.Slots[field]);
    }

    /// <summary><c>struct.set</c> of an i32 or packed field (a packed field keeps the low bits).</summary>
    public static void StructSetI32(object? s, int value, int field)
    {
        GcStruct o = Struct(s);
        GcStructSlots.Scalar(o, o.Type.Slots[field]) = o.Type.Fields[field] switch
        {
            StorageKind.I8 => (byte)value,
            StorageKind.I16 => (ushort)value,
            _ => (uint)value,
        };
    }

    /// <summary><c>struct.set</c> of an i64 field.</summary>
    public static void StructSetI64(object? s, long value, int field) => Scalar(s, field) = value;

    /// <summary><c>struct.set</c> of an f32 field.</summary>
    public static void StructSetF32(object? s, float value, int field) => Scalar(s, field) = (uint)BitConverter.SingleToInt32Bits(value);

    /// <summary><c>struct.set</c> of an f64 field.</summary>
    public static void StructSetF64(object? s, double value, int field) => Scalar(s, field) = BitConverter.DoubleToInt64Bits(value);

    /// <summary><c>struct.set</c> of a v128 field.</summary>
    public static void StructSetV128(object? s, Vector128<byte> value, int field)
    {
        GcStruct o = Struct(s);
        int slot = o.Type.Slots[field];
        GcStructSlots.Scalar(o, slot) = value.AsInt64().GetElement(0);
        GcStructSlots.Scalar(o, slot + 1) = value.AsInt64().GetElement(1);
    }

    /// <summary><c>struct.set</c> of a reference field.</summary>
    public static void StructSetRef(object? s, object? value, int field)
    {
        GcStruct o = Struct(s);
        GcStructSlots.Ref(o, o.Type.Slots[field]) = value;
    }

    /// <summary>The trap of a struct instruction on null, for generated code that reads fields itself.</summary>
    public static Exception NullStructureAt(int offset) =>
        new TrapException(TrapCode.NullReference, "null structure reference") { InstructionOffset = offset };

    // ---- arrays ----

    /// <summary>The trap of an array instruction on null, for generated code that indexes elements itself.</summary>
    public static Exception NullArrayAt(int offset) =>
        new TrapException(TrapCode.NullReference, "null array reference") { InstructionOffset = offset };

    /// <summary><c>array.new_default</c>; <c>array.new_fixed</c> sets the elements afterwards.</summary>
    public static object ArrayNewDefault(int length, VmContext ctx, int type)
    {
        RuntimeType t = ctx.Types[type];
        return new GcArray(t, Allocate(t.Element, length));
    }

    /// <summary><c>array.new</c> of i32 or packed elements.</summary>
    public static object ArrayNewI32(int value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        FillI32(a, 0, value, a.Length);
        return a;
    }

    /// <summary><c>array.new</c> of i64 elements.</summary>
    public static object ArrayNewI64(long value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        ((long[])a.Data).AsSpan().Fill(value);
        return a;
    }

    /// <summary><c>array.new</c> of f32 elements.</summary>
    public static object ArrayNewF32(float value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        ((float[])a.Data).AsSpan().Fill(value);
        return a;
    }

    /// <summary><c>array.new</c> of f64 elements.</summary>
    public static object ArrayNewF64(double value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        ((double[])a.Data).AsSpan().Fill(value);
        return a;
    }

    /// <summary><c>array.new</c> of v128 elements.</summary>
    public static object ArrayNewV128(Vector128<byte> value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        ((Vector128<byte>[])a.Data).AsSpan().Fill(value);
        return a;
    }

    /// <summary><c>array.new</c> of reference elements.</summary>
    public static object ArrayNewRef(object? value, int length, VmContext ctx, int type)
    {
        var a = (GcArray)ArrayNewDefault(length, ctx, type);
        if (value is not null) ((object?[])a.Data).AsSpan().Fill(value);
        return a;
    }

    /// <summary><c>array.new_data</c>: elements read from a data segment (little-endian).</summary>
    public static object ArrayNewData(int offset, int length, VmContext ctx, int type, int data)
    {
        RuntimeType t = ctx.Types[type];
        ReadOnlySpan<byte> bytes = DataRange(ctx, data, offset, length, t.Element);
        Array elements = Allocate(t.Element, length);
        bytes.CopyTo(BytesOf(elements, t.Element));
        return new GcArray(t, elements);
    }

    /// <summary><c>array.new_elem</c>: references read from an element segment.</summary>
    public static object ArrayNewElem(int offset, int length, VmContext ctx, int type, int elem)
    {
        RuntimeType t = ctx.Types[type];
        ReadOnlySpan<object?> refs = ElemRange(ctx, elem, offset, length);
        var elements = (object?[])Allocate(t.Element, length);
        refs.CopyTo(elements);
        return new GcArray(t, elements);
    }

    /// <summary><c>array.len</c>.</summary>
    public static int ArrayLen(object? a) => Array(a).Length;

    /// <summary><c>array.get</c> of i32 elements.</summary>
    public static int ArrayGetI32(object? a, int i) => ((int[])Element(a, i).Data)[i];

    /// <summary><c>array.get_s</c> of packed elements.</summary>
    public static int ArrayGetS(object? a, int i) => Element(a, i).Data is byte[] b ? (sbyte)b[i] : (short)((ushort[])Array(a).Data)[i];

    /// <summary><c>array.get_u</c> of packed elements.</summary>
    public static int ArrayGetU(object? a, int i) => Element(a, i).Data is byte[] b ? b[i] : ((ushort[])Array(a).Data)[i];

    /// <summary><c>array.get</c> of i64 elements.</summary>
    public static long ArrayGetI64(object? a, int i) => ((long[])Element(a, i).Data)[i];

    /// <summary><c>array.get</c> of f32 elements.</summary>
    public static float ArrayGetF32(object? a, int i) => ((float[])Element(a, i).Data)[i];

    /// <summary><c>array.get</c> of f64 elements.</summary>
    public static double ArrayGetF64(object? a, int i) => ((double[])Element(a, i).Data)[i];

    /// <summary><c>array.get</c> of v128 elements.</summary>
    public static Vector128<byte> ArrayGetV128(object? a, int i) => ((Vector128<byte>[])Element(a, i).Data)[i];

    /// <summary><c>array.get</c> of reference elements.</summary>
    public static object? ArrayGetRef(object? a, int i) => ((object?[])Element(a, i).Data)[i];

    /// <summary><c>array.set</c> of i32 or packed elements.</summary>
    public static void ArraySetI32(object? a, int i, int value)
    {
        switch (Element(a, i).Data)
        {
            case byte[] b: b[i] = (byte)value; break;
            case ushort[] h: h[i] = (ushort)value; break;
            case var d: ((int[])d)[i] = value; break;
        }
    }

    /// <summary><c>array.set</c> of i64 elements.</summary>
    public static void ArraySetI64(object? a, int i, long value) => ((long[])Element(a, i).Data)[i] = value;

    /// <summary><c>array.set</c> of f32 elements.</summary>
    public static void ArraySetF32(object? a, int i, float value) => ((float[])Element(a, i).Data)[i] = value;

    /// <summary><c>array.set</c> of f64 elements.</summary>
    public static void ArraySetF64(object? a, int i, double value) => ((double[])Element(a, i).Data)[i] = value;

    /// <summary><c>array.set</c> of v128 elements.</summary>
    public static void ArraySetV128(object? a, int i, Vector128<byte> value) => ((Vector128<byte>[])Element(a, i).Data)[i] = value;

    /// <summary><c>array.set</c> of reference elements.</summary>
    public static void ArraySetRef(object? a, int i, object? value) => ((object?[])Element(a, i).Data)[i] = value;

    /// <summary><c>array.fill</c> of i32 or packed elements.</summary>
    public static void ArrayFillI32(object? a, int offset, int value, int n) => FillI32(Range(a, offset, n), offset, value, n);

    /// <summary><c>array.fill</c> of i64 elements.</summary>
    public static void ArrayFillI64(object? a, int offset, long value, int n) => ((long[])Range(a, offset, n).Data).AsSpan(offset, n).Fill(value);

    /// <summary><c>array.fill</c> of f32 elements.</summary>
    public static void ArrayFillF32(object? a, int offset, float value, int n) => ((float[])Range(a, offset, n).Data).AsSpan(offset, n).Fill(value);

    /// <summary><c>array.fill</c> of f64 elements.</summary>
    public static void ArrayFillF64(object? a, int offset, double value, int n) => ((double[])Range(a, offset, n).Data).AsSpan(offset, n).Fill(value);

    /// <summary><c>array.fill</c> of v128 elements.</summary>
    public static void ArrayFillV128(object? a, int offset, Vector128<byte> value, int n) => ((Vector128<byte>[])Range(a, offset, n).Data).AsSpan(offset, n).Fill(value);

    /// <summary><c>array.fill</c> of reference elements.</summary>
    public static void ArrayFillRef(object? a, int offset, object? value, int n) => ((object?[])Range(a, offset, n).Data).AsSpan(offset, n).Fill(value);

    /// <summary><c>array.copy</c> (overlapping ranges copy as if through a buffer).</summary>
    public static void ArrayCopy(object? dst, int d, object? src, int s, int n)
    {
        GcArray to = Array(dst), from = Array(src);
        CheckRange(to, d, n);
        CheckRange(from, s, n);
        System.Array.Copy(from.Data, s, to.Data, d, n);
    }

    /// <summary><c>array.init_data</c>.</summary>
    public static void ArrayInitData(object? a, int d, int s, int n, VmContext ctx, int data)
    {
        GcArray array = Range(a, d, n);
        StorageKind kind = array.Type.Element;
        ReadOnlySpan<byte> bytes = DataRange(ctx, data, s, n, kind);
        bytes.CopyTo(BytesOf(array.Data, kind)[(d * SizeOf(kind))..]);
    }

    /// <summary><c>array.init_elem</c>.</summary>
    public static void ArrayInitElem(object? a, int d, int s, int n, VmContext ctx, int elem)
    {
        GcArray array = Range(a, d, n);
        ElemRange(ctx, elem, s, n).CopyTo(((object?[])array.Data).AsSpan(d));
    }

    // ---- i31, equality, casts ----

    /// <summary><c>any.convert_extern</c>: anyref values are <see cref="AnyRef"/>s, externref values <see cref="ExternRef"/>s.</summary>
    public static object? AnyConvertExtern(object? e) => AnyRef.ConvertExtern((ExternRef?)e);

    /// <summary><c>extern.convert_any</c>.</summary>
    public static object? ExternConvertAny(object? a) => ExternRef.ConvertAny((AnyRef?)a);

    /// <summary><c>ref.i31</c>.</summary>
    public static object RefI31(int value) => I31Ref.Of(value);

    /// <summary><c>i31.get_s</c>.</summary>
    public static int I31GetS(object? r) => (I31(r).Value << 1) >> 1;

    /// <summary><c>i31.get_u</c>.</summary>
    public static int I31GetU(object? r) => I31(r).Value;

    /// <summary><c>ref.eq</c>: the same object, or two i31 of the same value.</summary>
    public static int RefEq(object? a, object? b) =>
        ReferenceEquals(a, b) || (a is I31Ref x && b is I31Ref y && x.Value == y.Value) ? 1 : 0;

    /// <summary><c>ref.test</c>: 1 when <paramref name="r"/> is of the heap type (<paramref name="nullable"/>: null passes).</summary>
    public static int RefTest(object? r, VmContext ctx, int heap, int nullable) => Is(r, ctx, heap, nullable != 0) ? 1 : 0;

    /// <summary><c>ref.cast</c>: <paramref name="r"/> when it is of the heap type, else a trap.</summary>
    public static object? RefCast(object? r, VmContext ctx, int heap, int nullable) =>
        Is(r, ctx, heap, nullable != 0) ? r : throw new TrapException(TrapCode.CastFailure);

    /// <summary>Whether <paramref name="r"/> is a value of reference type (ref null? heap).</summary>
    internal static bool Is(object? r, VmContext ctx, int heap, bool nullable)
    {
        if (r is null) return nullable;
        if (heap >= 0)
        {
            RuntimeType target = ctx.Types[heap];
            return r switch
            {
                GcObject o => o.Type.IsSubtypeOf(target),
                Func f => ctx.Store!.Engine.TypeOf(f.TypeId).IsSubtypeOf(target),
                _ => false,
            };
        }
        return (HeapKind)~heap switch
        {
            HeapKind.Eq => r is GcObject or I31Ref,
            HeapKind.I31 => r is I31Ref,
            HeapKind.Struct => r is GcStruct,
            HeapKind.Array => r is GcArray,
            HeapKind.Func => r is Func,
            HeapKind.Any or HeapKind.Extern or HeapKind.Exn => true,
            _ => false,
        };
    }

    // ---- shared ----

    internal static int SizeOf(StorageKind kind) => kind switch
    {
        StorageKind.I8 => 1,
        StorageKind.I16 => 2,
        StorageKind.I32 or StorageKind.F32 => 4,
        StorageKind.V128 => 16,
        _ => 8,
    };

    private static Array Allocate(StorageKind kind, int length)
    {
        if ((uint)length * (long)SizeOf(kind) > MaxArrayBytes)
        {
            throw new TrapException(TrapCode.AllocationTooLarge, $"allocation too large: an array of {(uint)length} elements of {SizeOf(kind)} bytes exceeds {MaxArrayBytes} bytes");
        }
        try
        {
            return New(kind, length);
        }
        catch (OutOfMemoryException)
        {
            throw new TrapException(TrapCode.HeapOutOfMemory, $"GC heap out of memory: no room for an array of {length} elements of {SizeOf(kind)} bytes");
        }
    }

    private static Array New(StorageKind kind, int length) => kind switch
    {
        StorageKind.I8 => new byte[length],
        StorageKind.I16 => new ushort[length],
        StorageKind.I32 => new int[length],
        StorageKind.I64 => new long[length],
        StorageKind.F32 => new float[length],
        StorageKind.F64 => new double[length],
        StorageKind.V128 => new Vector128<byte>[length],
        _ => new object?[length],
    };

    private static Span<byte> BytesOf(Array elements, StorageKind kind) =>
        MemoryMarshal.CreateSpan(ref MemoryMarshal.GetArrayDataReference(elements), elements.Length * SizeOf(kind));

    private static void FillI32(GcArray a, int offset, int value, int n)
    {
        switch (a.Data)
        {
            case byte[] b: b.AsSpan(offset, n).Fill((byte)value); break;
            case ushort[] h: h.AsSpan(offset, n).Fill((ushort)value); break;
            case var d: ((int[])d).AsSpan(offset, n).Fill(value); break;
        }
    }

    private static ReadOnlySpan<byte> DataRange(VmContext ctx, int data, int offset, int length, StorageKind kind)
    {
        ReadOnlySpan<byte> segment = ctx.DataSegments[data].Span;
        ulong bytes = (ulong)(uint)length * (ulong)SizeOf(kind);
        if ((ulong)(uint)offset + bytes > (ulong)segment.Length) Traps.Throw(TrapCode.MemoryOutOfBounds);
        return segment.Slice(offset, (int)bytes);
    }

    private static ReadOnlySpan<object?> ElemRange(VmContext ctx, int elem, int offset, int length)
    {
        object?[] segment = ctx.ElementSegments[elem];
        if ((ulong)(uint)offset + (uint)length > (ulong)segment.Length) Traps.Throw(TrapCode.TableOutOfBounds);
        return segment.AsSpan(offset, length);
    }

    private static ref long Scalar(object? s, int field)
    {
        GcStruct o = Struct(s);
        return ref GcStructSlots.Scalar(o, o.Type.Slots[field]);
    }

    private static GcStruct Struct(object? s) =>
        s as GcStruct ?? throw new TrapException(TrapCode.NullReference, "null structure reference");

    private static GcArray Array(object? a) =>
        a as GcArray ?? throw new TrapException(TrapCode.NullReference, "null array reference");

    private static I31Ref I31(object? r) =>
        r as I31Ref ?? throw new TrapException(TrapCode.NullReference, "null i31 reference");

    private static GcArray Element(object? a, int i)
    {
        GcArray array = Array(a);
        if ((uint)i >= (uint)array.Length) Traps.Throw(TrapCode.ArrayOutOfBounds);
        return array;
    }

    private static GcArray Range(object? a, int offset, int n)
    {
        GcArray array = Array(a);
        CheckRange(array, offset, n);
        return array;
    }

    private static void CheckRange(GcArray array, int offset, int n)
    {
        if ((ulong)(uint)offset + (uint)n > (ulong)array.Length) Traps.Throw(TrapCode.ArrayOutOfBounds);
    }
}
