using System.Globalization;

namespace Sharptime.Fuzz;

/// <summary>
/// The canonical trace both runners print, one event a line (tools/fuzz/v8-runner.js writes the same text):
/// <c>instantiate ok</c> | <c>compile-error</c> | <c>link-error</c> | <c>instantiate trap KIND</c>;
/// per export <c>call NAME</c>, then every <c>log VALUE</c> the module makes, then <c>result VALUE...</c>,
/// <c>trap KIND</c> or <c>exception</c>, then <c>state mem=BYTES:HASH ...</c>; <c>skip NAME</c> for an export
/// JavaScript cannot call (v128 or typed-reference signatures). Values are typed bit patterns:
/// <c>i32:0000002a</c>, <c>i64:…</c>, <c>f32:7fc00000</c>, <c>f64:…</c>, <c>v128:L0_L1_L2_L3</c> (four i32
/// lanes, lane 0 first), <c>ref:null</c>, <c>ref:func</c>, <c>ref:extern</c>.
/// </summary>
internal static class Trace
{
    public static string I32(uint v) => "i32:" + v.ToString("x8", CultureInfo.InvariantCulture);

    public static string I64(ulong v) => "i64:" + v.ToString("x16", CultureInfo.InvariantCulture);

    public static string F32(uint bits) => "f32:" + bits.ToString("x8", CultureInfo.InvariantCulture);

    public static string F64(ulong bits) => "f64:" + bits.ToString("x16", CultureInfo.InvariantCulture);

    public static string V128(ulong low, ulong high) => string.Create(CultureInfo.InvariantCulture,
        $"v128:{(uint)low:x8}_{(uint)(low >> 32):x8}_{(uint)high:x8}_{(uint)(high >> 32):x8}");

    /// <summary>The trap kinds both engines can name; "?" when one side's message is not mapped.</summary>
    public static string TrapKind(TrapCode code) => code switch
    {
        TrapCode.Unreachable => "unreachable",
        TrapCode.MemoryOutOfBounds => "memory",
        TrapCode.IntegerDivideByZero => "divzero",
        TrapCode.IntegerOverflow => "overflow",
        TrapCode.BadConversionToInteger => "conversion",
        TrapCode.IndirectCallTypeMismatch or TrapCode.UninitializedElement => "indirect",
        TrapCode.UndefinedElement or TrapCode.TableOutOfBounds => "table",
        TrapCode.NullReference => "null",
        TrapCode.StackOverflow => "stack",
        _ => "?",
    };

    /// <summary>FNV-1a over the memory as little-endian 32-bit words (the length is a multiple of 4).</summary>
    public static uint Hash(ReadOnlySpan<byte> bytes)
    {
        uint h = 2166136261;
        ReadOnlySpan<uint> words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, uint>(bytes);
        foreach (uint w in words) h = (h ^ w) * 16777619;
        return h;
    }
}
