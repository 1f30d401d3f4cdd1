using System.Runtime.Intrinsics;
using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>Conversions between <see cref="Value"/> and the types of generated code, for trampolines.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Values
{
#pragma warning disable CS1591 // Conversions named after the value type.
    public static int ToI32(in Value v) => v.AsI32();
    public static long ToI64(in Value v) => v.AsI64();
    public static float ToF32(in Value v) => BitConverter.Int32BitsToSingle((int)v.AsF32Bits());
    public static double ToF64(in Value v) => BitConverter.Int64BitsToDouble((long)v.AsF64Bits());
    public static object? ToRef(in Value v) => v.RawRef;
    public static Value FromI32(int v) => Value.I32(v);
    public static Value FromI64(long v) => Value.I64(v);
    public static Value FromF32(float v) => Value.F32Bits((uint)BitConverter.SingleToInt32Bits(v));
    public static Value FromF64(double v) => Value.F64Bits((ulong)BitConverter.DoubleToInt64Bits(v));

    public static System.Runtime.Intrinsics.Vector128<byte> ToV128(in Value v) =>
        System.Runtime.Intrinsics.Vector128.Create((ulong)v.Bits, (ulong)v.High).AsByte();
    public static Value FromV128(System.Runtime.Intrinsics.Vector128<byte> v) =>
        Value.V128(v.AsUInt64().GetElement(0), v.AsUInt64().GetElement(1));

    /// <summary>Wraps a reference result; the caller gives it its declared type.</summary>
    public static Value FromRefRaw(object? v) => Value.FromRaw(v, ValType.ExternRef);

    /// <summary>Wraps a reference argument for a host function.</summary>
    public static Value FromRefParam(object? v, VmContext ctx, int paramIndex) => Value.FromRaw(v, ctx.Host!.Type.Params[paramIndex]);
#pragma warning restore CS1591
}
