using System.Globalization;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime;

/// <summary>
/// A WebAssembly value with its type: an integer, a float (kept as bits so that NaN payloads
/// survive), a v128 or a reference.
/// </summary>
public readonly struct Value : IEquatable<Value>
{
    private readonly long _bits;
    private readonly long _high;
    private readonly object? _ref;

    private Value(ValType type, long bits, long high = 0, object? reference = null)
    {
        Type = type;
        _bits = bits;
        _high = high;
        _ref = reference;
    }

    /// <summary>The value's type.</summary>
    public ValType Type { get; }

    /// <summary>An i32.</summary>
    /// <param name="value">The value.</param>
    public static Value I32(int value) => new(ValType.I32, value);

    /// <summary>An i64.</summary>
    /// <param name="value">The value.</param>
    public static Value I64(long value) => new(ValType.I64, value);

    /// <summary>An f32.</summary>
    /// <param name="value">The value.</param>
    public static Value F32(float value) => new(ValType.F32, BitConverter.SingleToInt32Bits(value));

    /// <summary>An f64.</summary>
    /// <param name="value">The value.</param>
    public static Value F64(double value) => new(ValType.F64, BitConverter.DoubleToInt64Bits(value));

    /// <summary>An f32 given by its bits (keeps every NaN payload).</summary>
    /// <param name="bits">The IEEE 754 bits.</param>
    public static Value F32Bits(uint bits) => new(ValType.F32, (int)bits);

    /// <summary>An f64 given by its bits (keeps every NaN payload).</summary>
    /// <param name="bits">The IEEE 754 bits.</param>
    public static Value F64Bits(ulong bits) => new(ValType.F64, (long)bits);

    /// <summary>A v128 given as two little-endian halves.</summary>
    /// <param name="low">Bytes 0-7.</param>
    /// <param name="high">Bytes 8-15.</param>
    public static Value V128(ulong low, ulong high) => new(ValType.V128, (long)low, (long)high);

    /// <summary>A funcref; null for <c>ref.null func</c>.</summary>
    /// <param name="func">The function or null.</param>
    public static Value FuncRef(Func? func) => new(ValType.FuncRef, 0, 0, func);

    /// <summary>An externref; null for <c>ref.null extern</c>.</summary>
    /// <param name="reference">The reference or null.</param>
    public static Value ExternRef(ExternRef? reference) => new(ValType.ExternRef, 0, 0, reference);

    /// <summary>An anyref; null for <c>ref.null any</c>. Hosts pass back what WebAssembly gave them.</summary>
    /// <param name="reference">The reference or null.</param>
    public static Value AnyRef(AnyRef? reference) => new(ValType.AnyRef, 0, 0, reference);

    /// <summary>The null reference of a reference type.</summary>
    /// <param name="type">A reference type.</param>
    public static Value Null(ValType type) => new(type, 0);

    internal static Value FromRaw(object? reference, ValType type) => new(type, 0, 0, reference);

    internal static Value FromBits(ValType type, long bits, long high, object? reference) => new(type, bits, high, reference);

    internal long Bits => _bits;

    internal long High => _high;

    internal object? RawRef => _ref;

    /// <summary>The i32 value.</summary>
    public int AsI32() => (int)_bits;

    /// <summary>The i64 value.</summary>
    public long AsI64() => _bits;

    /// <summary>The f32 value.</summary>
    public float AsF32() => BitConverter.Int32BitsToSingle((int)_bits);

    /// <summary>The f64 value.</summary>
    public double AsF64() => BitConverter.Int64BitsToDouble(_bits);

    /// <summary>The f32 value's bits.</summary>
    public uint AsF32Bits() => (uint)_bits;

    /// <summary>The f64 value's bits.</summary>
    public ulong AsF64Bits() => (ulong)_bits;

    /// <summary>The v128 value as two little-endian halves.</summary>
    public (ulong Low, ulong High) AsV128() => ((ulong)_bits, (ulong)_high);

    /// <summary>The funcref value, or null.</summary>
    public Func? AsFuncRef() => _ref as Func;

    /// <summary>The externref value, or null.</summary>
    public ExternRef? AsExternRef() => _ref as ExternRef;

    /// <summary>The GC reference (struct, array or i31), or null (also for host references converted with <c>any.convert_extern</c>).</summary>
    public AnyRef? AsAnyRef() => _ref as AnyRef;

    /// <summary>True for null references.</summary>
    public bool IsNull => Type.Kind == ValKind.Ref && _ref is null;

    /// <summary>The zero (or null) value of a type: what locals and table elements start with.</summary>
    /// <param name="type">The type.</param>
    public static Value Default(ValType type) => new(type, 0);

    /// <inheritdoc/>
    public bool Equals(Value other) => Type == other.Type && _bits == other._bits && _high == other._high && ReferenceEquals(_ref, other._ref);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, _bits, _high, _ref);

    /// <summary>Compares two values bit for bit.</summary>
    public static bool operator ==(Value left, Value right) => left.Equals(right);

    /// <summary>Compares two values bit for bit.</summary>
    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>The value in the spec's script syntax, e.g. <c>i32:42</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Type.Kind switch
    {
        ValKind.I32 => $"i32:{AsI32().ToString(CultureInfo.InvariantCulture)}",
        ValKind.I64 => $"i64:{AsI64().ToString(CultureInfo.InvariantCulture)}",
        ValKind.F32 => $"f32:{AsF32().ToString("R", CultureInfo.InvariantCulture)} (0x{AsF32Bits():x8})",
        ValKind.F64 => $"f64:{AsF64().ToString("R", CultureInfo.InvariantCulture)} (0x{AsF64Bits():x16})",
        ValKind.V128 => $"v128:0x{(ulong)_high:x16}{(ulong)_bits:x16}",
        _ => _ref is null ? $"{Type}:null" : $"{Type}:{_ref}",
    };

    internal static ValueType TypeOf(ValType t) => t.Inner;
}
