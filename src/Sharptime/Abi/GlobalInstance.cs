using System.Runtime.Intrinsics;
using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>The cell of one global: numbers as bits, references as objects.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1051", Justification = "Generated code reads these fields directly.")]
public sealed class GlobalInstance
{
    /// <summary>i32 (sign-extended), i64, f32 and f64 values as bits; the low half of a v128.</summary>
    public long Bits;

    /// <summary>The high half of a v128.</summary>
    public long High;

    /// <summary>Reference values.</summary>
    public object? Ref;

    internal GlobalInstance(Binary.GlobalType type) => Type = type;

    internal Binary.GlobalType Type { get; }

    /// <summary>The types of the module that defined the global, for host writes of defined reference types; null for a host-made global.</summary>
    internal Runtime.RuntimeType[]? ModuleTypes { get; init; }

    /// <summary>Reads an i32 global.</summary>
    public static int GetI32(GlobalInstance g) => (int)g.Bits;

    /// <summary>Reads an i64 global.</summary>
    public static long GetI64(GlobalInstance g) => g.Bits;

    /// <summary>Reads an f32 global.</summary>
    public static float GetF32(GlobalInstance g) => BitConverter.Int32BitsToSingle((int)g.Bits);

    /// <summary>Reads an f64 global.</summary>
    public static double GetF64(GlobalInstance g) => BitConverter.Int64BitsToDouble(g.Bits);

    /// <summary>Reads a reference global.</summary>
    public static object? GetRef(GlobalInstance g) => g.Ref;

    /// <summary>Reads a v128 global.</summary>
    public static System.Runtime.Intrinsics.Vector128<byte> GetV128(GlobalInstance g) =>
        System.Runtime.Intrinsics.Vector128.Create(g.Bits, g.High).AsByte();

    /// <summary>Writes a v128 global.</summary>
    public static void SetV128(System.Runtime.Intrinsics.Vector128<byte> value, GlobalInstance g)
    {
        System.Runtime.Intrinsics.Vector128<long> halves = value.AsInt64();
        g.Bits = halves.GetElement(0);
        g.High = halves.GetElement(1);
    }

    /// <summary>Writes an i32 global (value first: that is the order of the Wasm operand stack).</summary>
    public static void SetI32(int value, GlobalInstance g) => g.Bits = value;

    /// <summary>Writes an i64 global.</summary>
    public static void SetI64(long value, GlobalInstance g) => g.Bits = value;

    /// <summary>Writes an f32 global.</summary>
    public static void SetF32(float value, GlobalInstance g) => g.Bits = BitConverter.SingleToInt32Bits(value);

    /// <summary>Writes an f64 global.</summary>
    public static void SetF64(double value, GlobalInstance g) => g.Bits = BitConverter.DoubleToInt64Bits(value);

    /// <summary>Writes a reference global.</summary>
    public static void SetRef(object? value, GlobalInstance g) => g.Ref = value;
}
