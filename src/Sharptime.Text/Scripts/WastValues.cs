using System.Globalization;

namespace Sharptime.Text.Scripts;

/// <summary>
/// Converts script constants to <see cref="Value"/>s and checks results against <c>assert_return</c> patterns,
/// with the spec's definitions: integers and floats bit for bit, <c>nan:canonical</c> (only the quiet bit in the
/// payload, either sign), <c>nan:arithmetic</c> (quiet bit set), v128 lane by lane in the expected shape, and the
/// reference patterns. Host references (<c>ref.extern N</c>, <c>ref.host N</c>) are one <see cref="ExternRef"/>
/// per number and script, compared by identity.
/// </summary>
internal sealed class WastValues
{
    private readonly Dictionary<ulong, ExternRef> _hostRefs = [];

    /// <summary>The argument value of a script constant for a parameter of type <paramref name="parameter"/>.</summary>
    /// <exception cref="NotSupportedException">The constant needs a proposal the engine does not support.</exception>
    public Value ToValue(WastValue v, ValType parameter)
    {
        Value value = ToValue(v);
        // A host reference passed where anyref is expected enters the any hierarchy (any.convert_extern).
        bool anyHierarchy = parameter.Kind == ValKind.Ref && !parameter.IsFuncRef
            && parameter.Inner.Heap.Kind is not (Binary.HeapKind.Extern or Binary.HeapKind.NoExtern or Binary.HeapKind.Exn or Binary.HeapKind.NoExn);
        return anyHierarchy && value.AsExternRef() is { } host ? Value.AnyRef(AnyRef.ConvertExtern(host)) : value;
    }

    /// <summary>The value of a script constant.</summary>
    /// <exception cref="NotSupportedException">The constant needs a proposal the engine does not support.</exception>
    public Value ToValue(WastValue v) => v.Kind switch
    {
        WastValueKind.I32 => Value.I32((int)(uint)v.Bits),
        WastValueKind.I64 => Value.I64((long)v.Bits),
        WastValueKind.F32 => Value.F32Bits((uint)v.Bits),
        WastValueKind.F64 => Value.F64Bits(v.Bits),
        WastValueKind.V128 => V128(v),
        WastValueKind.RefNull => NullOf(v.HeapType),
        WastValueKind.RefExtern or WastValueKind.RefHost => Value.ExternRef(HostRef(v.Bits)),
        _ => throw new NotSupportedException($"the constant {v.Kind} is not supported"),
    };

    /// <summary>Whether <paramref name="actual"/> matches the result pattern <paramref name="expected"/>.</summary>
    public bool Matches(Value actual, WastValue expected)
    {
        switch (expected.Kind)
        {
            case WastValueKind.Either:
                foreach (WastValue alternative in expected.Alternatives!)
                {
                    if (Matches(actual, alternative)) return true;
                }
                return false;
            case WastValueKind.I32:
                return actual.Type.Kind == ValKind.I32 && (uint)actual.AsI32() == (uint)expected.Bits;
            case WastValueKind.I64:
                return actual.Type.Kind == ValKind.I64 && (ulong)actual.AsI64() == expected.Bits;
            case WastValueKind.F32:
                return actual.Type.Kind == ValKind.F32 && FloatMatches(actual.AsF32Bits(), expected, 32);
            case WastValueKind.F64:
                return actual.Type.Kind == ValKind.F64 && FloatMatches(actual.AsF64Bits(), expected, 64);
            case WastValueKind.V128:
                return actual.Type.Kind == ValKind.V128 && V128Matches(actual, expected);
            case WastValueKind.RefNull:
                return actual.Type.Kind == ValKind.Ref && actual.IsNull && NullMatches(actual.Type, expected.HeapType);
            case WastValueKind.RefFunc:
                // The reference interpreter's (ref.func) result pattern accepts any non-null function reference.
                return actual.AsFuncRef() is not null;
            case WastValueKind.RefExtern:
            case WastValueKind.RefHost:
            {
                object? reference = actual.RawRef is Runtime.HostAnyRef h ? h.Extern : actual.RawRef;
                if (reference is null || actual.Type.IsFuncRef) return false;
                return !expected.HasNumber || ReferenceEquals(reference, HostRef(expected.Bits));
            }
            case WastValueKind.RefStruct:
                return actual.RawRef is Abi.GcStruct;
            case WastValueKind.RefArray:
                return actual.RawRef is Abi.GcArray;
            case WastValueKind.RefI31:
                return actual.RawRef is Runtime.I31Ref;
            case WastValueKind.RefEq:
                return actual.RawRef is Abi.GcObject or Runtime.I31Ref;
            default:
                // ref.any, ref.exn: any non-null reference of the hierarchy.
                return actual.RawRef is not null && !actual.Type.IsFuncRef;
        }
    }

    /// <summary>A result pattern in script syntax, for failure messages.</summary>
    public static string Describe(WastValue v) => v.Kind switch
    {
        WastValueKind.I32 => string.Create(CultureInfo.InvariantCulture, $"i32:{(int)(uint)v.Bits}"),
        WastValueKind.I64 => string.Create(CultureInfo.InvariantCulture, $"i64:{(long)v.Bits}"),
        WastValueKind.F32 => v.Nan != WastNan.None ? $"f32:nan:{v.Nan.ToString().ToLowerInvariant()}" : $"f32:0x{(uint)v.Bits:x8}",
        WastValueKind.F64 => v.Nan != WastNan.None ? $"f64:nan:{v.Nan.ToString().ToLowerInvariant()}" : $"f64:0x{v.Bits:x16}",
        WastValueKind.V128 => $"v128:{v.Shape}[{string.Join(' ', v.Lanes!.Select(Describe))}]",
        WastValueKind.RefNull => $"ref.null {v.HeapType ?? "(any)"}",
        WastValueKind.RefExtern or WastValueKind.RefHost => v.HasNumber
            ? string.Create(CultureInfo.InvariantCulture, $"ref.extern {v.Bits}") : "ref.extern",
        WastValueKind.Either => $"either({string.Join(", ", v.Alternatives!.Select(Describe))})",
        _ => v.Kind.ToString().ToLowerInvariant().Replace("ref", "ref.", StringComparison.Ordinal),
    };

    /// <summary>A result value for failure messages, with host references by their script number.</summary>
    public static string Describe(Value v) => v.AsExternRef() is { Target: ulong n } && !v.Type.IsFuncRef
        ? string.Create(CultureInfo.InvariantCulture, $"ref.extern {n}")
        : v.ToString();

    private ExternRef HostRef(ulong number)
    {
        if (!_hostRefs.TryGetValue(number, out ExternRef? reference))
        {
            reference = new ExternRef(number);
            _hostRefs.Add(number, reference);
        }
        return reference;
    }

    private static bool IsFuncHeap(string heapType) =>
        heapType is "func" or "nofunc" || heapType.StartsWith('$') || char.IsAsciiDigit(heapType[0]);

    private static Value NullOf(string? heapType)
    {
        if (heapType is null || IsFuncHeap(heapType)) return Value.Null(ValType.FuncRef);
        if (heapType is "extern" or "noextern") return Value.Null(ValType.ExternRef);
        if (heapType is "exn" or "noexn") return Value.Null(new ValType(Binary.ValueType.ExnRef));
        return Value.Null(ValType.AnyRef);
    }

    private static bool NullMatches(ValType type, string? heapType)
    {
        if (heapType is null) return true;
        if (IsFuncHeap(heapType)) return type.IsFuncRef;
        if (heapType is "extern" or "noextern") return type.ToString().Contains("extern", StringComparison.Ordinal);
        // any, eq, struct, array, i31, none, exn, noexn.
        return !type.IsFuncRef && !type.ToString().Contains("extern", StringComparison.Ordinal);
    }

    private static bool FloatMatches(ulong bits, WastValue expected, int width)
    {
        ulong quiet = width == 32 ? 0x7FC0_0000UL : 0x7FF8_0000_0000_0000UL;
        ulong sign = width == 32 ? 0x8000_0000UL : 0x8000_0000_0000_0000UL;
        return expected.Nan switch
        {
            WastNan.Canonical => (bits & ~sign) == quiet,
            WastNan.Arithmetic => (bits & quiet) == quiet,
            _ => bits == expected.Bits,
        };
    }

    private static int LaneBits(string shape) => shape switch
    {
        "i8x16" => 8,
        "i16x8" => 16,
        "i32x4" or "f32x4" => 32,
        _ => 64,
    };

    private static Value V128(WastValue v)
    {
        int bits = LaneBits(v.Shape!);
        Span<byte> bytes = stackalloc byte[16];
        for (int i = 0; i < v.Lanes!.Count; i++) WriteLane(bytes, i, bits, v.Lanes[i].Bits);
        return Value.V128(BitConverter.ToUInt64(bytes[..8]), BitConverter.ToUInt64(bytes[8..]));
    }

    private static void WriteLane(Span<byte> bytes, int lane, int bits, ulong value)
    {
        int size = bits / 8;
        for (int b = 0; b < size; b++) bytes[(lane * size) + b] = (byte)(value >> (8 * b));
    }

    private static bool V128Matches(Value actual, WastValue expected)
    {
        (ulong low, ulong high) = actual.AsV128();
        int bits = LaneBits(expected.Shape!);
        int size = bits / 8;
        for (int i = 0; i < expected.Lanes!.Count; i++)
        {
            int offset = i * size * 8;
            ulong word = offset < 64 ? low : high;
            ulong lane = bits == 64 ? word : (word >> (offset % 64)) & ((1UL << bits) - 1);
            WastValue pattern = expected.Lanes[i];
            ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            bool ok = pattern.Kind is WastValueKind.F32 or WastValueKind.F64
                ? FloatMatches(lane, pattern, bits)
                : lane == (pattern.Bits & mask);
            if (!ok) return false;
        }
        return true;
    }
}
