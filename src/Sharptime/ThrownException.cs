using System.Runtime.Intrinsics;

namespace Sharptime;

/// <summary>
/// A WebAssembly exception (exception handling, Wasm 3.0): a tag and its payload. Code thrown by
/// <c>throw</c> that no handler catches reaches the host as this exception; a host function may
/// throw one for WebAssembly to catch. The object is also the <c>exnref</c> value of the exception,
/// so <c>throw_ref</c> rethrows the same object. Traps are <see cref="TrapException"/>s and are
/// never caught by WebAssembly.
/// </summary>
public sealed class ThrownException : WasmException
{
    /// <summary>Creates an exception with <paramref name="tag"/> and <paramref name="payload"/>.</summary>
    /// <param name="tag">The tag.</param>
    /// <param name="payload">One value per parameter of the tag's type.</param>
    /// <exception cref="ArgumentException">The payload does not match the tag's type.</exception>
    public ThrownException(Tag tag, params Value[] payload) : this(tag, ToRaw(tag, payload)) { }

    /// <summary>Creates an exception with no tag (required by the exception pattern); it can only be rethrown.</summary>
    public ThrownException() : base("uncaught WebAssembly exception") => Values = [];

    /// <summary>Creates an exception with no tag and a message (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    public ThrownException(string message) : base(message) => Values = [];

    /// <summary>Creates an exception with no tag, a message and a cause (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ThrownException(string message, Exception innerException) : base(message, innerException) => Values = [];

    internal ThrownException(Tag tag, object?[] values) : base($"uncaught WebAssembly exception with tag {tag.TypeText}")
    {
        Tag = tag;
        Values = values;
    }

    /// <summary>The tag; null only for exceptions made with the parameterless constructors.</summary>
    public Tag? Tag { get; }

    /// <summary>
    /// The payload as generated code stores it: one boxed int, long, float, double or
    /// <see cref="Vector128{T}"/> of bytes, or a reference, per parameter of the tag's type.
    /// </summary>
    internal object?[] Values { get; }

    /// <summary>
    /// Set while a legacy <c>delegate</c> sends the exception past the handlers of its own frame:
    /// the address of a local of that frame (unique while the frame is live) and the try depth of
    /// the handler that should see it next (-1: none in this frame).
    /// </summary>
    internal nuint DelegateFrame { get; set; }

    internal int DelegateDepth { get; set; }

    /// <summary>The payload, one value per parameter of the tag's type.</summary>
    public IReadOnlyList<Value> Payload
    {
        get
        {
            if (Tag is null) return [];
            var payload = new Value[Values.Length];
            for (int i = 0; i < payload.Length; i++) payload[i] = ToValue(Values[i], Tag.Type.Params[i]);
            return payload;
        }
    }

    private static Value ToValue(object? raw, ValType type) => type.Kind switch
    {
        ValKind.I32 => Value.I32((int)raw!),
        ValKind.I64 => Value.I64((long)raw!),
        ValKind.F32 => Value.F32Bits(BitConverter.SingleToUInt32Bits((float)raw!)),
        ValKind.F64 => Value.F64Bits(BitConverter.DoubleToUInt64Bits((double)raw!)),
        ValKind.V128 => Value.V128(((Vector128<byte>)raw!).AsUInt64()[0], ((Vector128<byte>)raw!).AsUInt64()[1]),
        _ => Value.FromRaw(raw, type),
    };

    private static object?[] ToRaw(Tag tag, Value[] payload)
    {
        ArgumentNullException.ThrowIfNull(tag);
        ArgumentNullException.ThrowIfNull(payload);
        IReadOnlyList<ValType> types = tag.Type.Params;
        if (payload.Length != types.Count) throw new ArgumentException($"the tag takes {types.Count} values, {payload.Length} given", nameof(payload));
        var values = new object?[payload.Length];
        for (int i = 0; i < values.Length; i++)
        {
            Value v = payload[i];
            if (!Runtime.Matching.ValueMatches(v, types[i])) throw new ArgumentException($"payload value {i} is {v.Type}, the tag expects {types[i]}", nameof(payload));
            values[i] = types[i].Kind switch
            {
                ValKind.I32 => (int)v.Bits,
                ValKind.I64 => v.Bits,
                ValKind.F32 => BitConverter.Int32BitsToSingle((int)v.Bits),
                ValKind.F64 => BitConverter.Int64BitsToDouble(v.Bits),
                ValKind.V128 => Vector128.Create((ulong)v.Bits, (ulong)v.High).AsByte(),
                _ => v.RawRef,
            };
        }
        return values;
    }
}
