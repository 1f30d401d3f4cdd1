using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Sharptime.Binary;

/// <summary>
/// Reads the primitive encodings of the binary format (Wasm 3.0 section 5.2) from a span, tracking
/// the absolute offset for error messages. Every failure is a <see cref="MalformedModuleException"/>
/// whose message starts with the spec testsuite's wording.
/// </summary>
internal ref struct WasmReader
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _baseOffset;
    private int _pos;

    /// <summary>Creates a reader over <paramref name="data"/>, which starts at <paramref name="baseOffset"/> of the module.</summary>
    public WasmReader(ReadOnlySpan<byte> data, int baseOffset = 0)
    {
        _data = data;
        _baseOffset = baseOffset;
        _pos = 0;
    }

    /// <summary>The absolute offset of the next byte.</summary>
    public readonly int Offset => _baseOffset + _pos;

    /// <summary>The position of the next byte within this reader's span.</summary>
    public int Position
    {
        readonly get => _pos;
        set => _pos = value;
    }

    /// <summary>The number of bytes left.</summary>
    public readonly int Remaining => _data.Length - _pos;

    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _pos >= _data.Length;

    /// <summary>The unread bytes.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data[_pos..];

    /// <summary>Reads one byte.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public byte ReadByte()
    {
        if ((uint)_pos >= (uint)_data.Length) ThrowUnexpectedEnd();
        return _data[_pos++];
    }

    /// <summary>Returns the next byte without consuming it.</summary>
    public readonly byte PeekByte()
    {
        if ((uint)_pos >= (uint)_data.Length) ThrowUnexpectedEnd();
        return _data[_pos];
    }

    /// <summary>Reads <paramref name="count"/> raw bytes.</summary>
    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) ThrowUnexpectedEnd();
        ReadOnlySpan<byte> result = _data.Slice(_pos, count);
        _pos += count;
        return result;
    }

    /// <summary>Reads an unsigned LEB128 32-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadU32()
    {
        if ((uint)_pos < (uint)_data.Length && _data[_pos] < 0x80) return _data[_pos++];
        return ReadU32Slow();
    }

    // The last byte of a LEB128 number is checked the way the reference interpreter does: its unused
    // value bits first ("integer too large"), then its continuation bit ("integer representation too
    // long"), so that a byte wrong in both ways gets the testsuite's message.
    private uint ReadU32Slow()
    {
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x70) != 0) Throw("integer too large", Offset - 1);
                if ((b & 0x80) != 0) Throw("integer representation too long", Offset);
                return result | ((uint)b << 28);
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Reads an unsigned LEB128 64-bit integer.</summary>
    public ulong ReadU64()
    {
        if ((uint)_pos < (uint)_data.Length && _data[_pos] < 0x80) return _data[_pos++];
        ulong result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63)
            {
                if ((b & 0x7E) != 0) Throw("integer too large", Offset - 1);
                if ((b & 0x80) != 0) Throw("integer representation too long", Offset);
                return result | ((ulong)b << 63);
            }
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>Reads a signed LEB128 32-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ReadS32()
    {
        if ((uint)_pos < (uint)_data.Length && _data[_pos] < 0x80) return (sbyte)(_data[_pos++] << 1) >> 1;
        return ReadS32Slow();
    }

    private int ReadS32Slow()
    {
        int result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                // The unused bits of the last byte must be a sign extension of bit 3.
                int high = b & 0x78;
                if (high != 0 && high != 0x78) Throw("integer too large", Offset - 1);
                if ((b & 0x80) != 0) Throw("integer representation too long", Offset);
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                int used = shift + 7;
                return used < 32 ? (result << (32 - used)) >> (32 - used) : result;
            }
        }
    }

    /// <summary>Reads a signed LEB128 33-bit integer (block types, heap types).</summary>
    public long ReadS33()
    {
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                int high = b & 0x70;
                if (high != 0 && high != 0x70) Throw("integer too large", Offset - 1);
                if ((b & 0x80) != 0) Throw("integer representation too long", Offset);
                result |= (long)(b & 0x7F) << 28;
                return (result << 31) >> 31;
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                int used = shift + 7;
                return (result << (64 - used)) >> (64 - used);
            }
        }
    }

    /// <summary>Reads a signed LEB128 64-bit integer.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadS64()
    {
        if ((uint)_pos < (uint)_data.Length && _data[_pos] < 0x80) return (sbyte)(_data[_pos++] << 1) >> 1;
        return ReadS64Slow();
    }

    private long ReadS64Slow()
    {
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63)
            {
                int high = b & 0x7F;
                if (high != 0 && high != 0x7F) Throw("integer too large", Offset - 1);
                if ((b & 0x80) != 0) Throw("integer representation too long", Offset);
                return result | ((long)b << 63);
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                int used = shift + 7;
                return used < 64 ? (result << (64 - used)) >> (64 - used) : result;
            }
        }
    }

    /// <summary>Reads the 4 little-endian bytes of an f32, as bits.</summary>
    public uint ReadF32Bits() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    /// <summary>Reads the 8 little-endian bytes of an f64, as bits.</summary>
    public ulong ReadF64Bits() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>
    /// Reads a vector length and checks that the rest of the input can hold that many items of at
    /// least <paramref name="minBytesPerItem"/> bytes each.
    /// </summary>
    /// <remarks>
    /// This is what keeps a declared count of 2^32 items from allocating anything: after this call a
    /// count is never larger than the number of bytes left, so what callers allocate for it is
    /// bounded by the input's size. As in the reference interpreter, a length larger than
    /// everything left (counting the length's own bytes) is "length out of bounds". The module
    /// decoder passes 1: a larger minimum would report the end of the input where the reference
    /// interpreter first meets a malformed item (and the testsuite expects that item's message).
    /// </remarks>
    public uint ReadCount(int minBytesPerItem = 1)
    {
        uint count = ReadLength();
        if ((ulong)count * (ulong)minBytesPerItem > (ulong)Remaining) Throw("unexpected end of section or function", _baseOffset + _data.Length);
        return count;
    }

    /// <summary>
    /// Reads a u32 length (of a section, vector, name or byte string): "length out of bounds" when it
    /// exceeds the bytes left, counted from the start of the length itself (the reference
    /// interpreter's rule).
    /// </summary>
    public uint ReadLength()
    {
        int at = Offset;
        int before = Remaining;
        uint length = ReadU32();
        if (length > (uint)before) Throw("length out of bounds", at);
        return length;
    }

    /// <summary>Reads a length-prefixed byte string (data segment contents, custom section contents).</summary>
    public ReadOnlySpan<byte> ReadByteString()
    {
        uint length = ReadLength();
        if (length > (uint)Remaining) Throw("unexpected end of section or function", _baseOffset + _data.Length);
        return ReadBytes((int)length);
    }

    /// <summary>Reads a name: a length-prefixed UTF-8 string.</summary>
    public string ReadName()
    {
        int at = Offset;
        ReadOnlySpan<byte> bytes = ReadByteString();
        if (!System.Text.Unicode.Utf8.IsValid(bytes)) Throw("malformed UTF-8 encoding", at);
        return bytes.IsEmpty ? string.Empty : Encoding.UTF8.GetString(bytes);
    }

    /// <summary>Reads a heap type (Wasm 3.0 section 5.3.3).</summary>
    public HeapType ReadHeapType()
    {
        int at = Offset;
        byte b = PeekByte();
        if (b >= 0x40 && b < 0x80)
        {
            _pos++;
            HeapKind kind = AbstractHeapKind(b);
            if (kind == HeapKind.Bottom) Throw("malformed heap type", at);
            return new HeapType(kind);
        }
        long index = ReadS33();
        if (index < 0) Throw("malformed heap type", at);
        return HeapType.Concrete((uint)index);
    }

    /// <summary>Reads a value type (Wasm 3.0 section 5.3.5).</summary>
    public ValueType ReadValueType()
    {
        int at = Offset;
        byte b = ReadByte();
        switch (b)
        {
            case 0x7F: return ValueType.I32;
            case 0x7E: return ValueType.I64;
            case 0x7D: return ValueType.F32;
            case 0x7C: return ValueType.F64;
            case 0x7B: return ValueType.V128;
        }
        return ReadRefTypeAfter(b, at, "malformed value type");
    }

    /// <summary>Reads a reference type (Wasm 3.0 section 5.3.4).</summary>
    public ValueType ReadRefType()
    {
        int at = Offset;
        return ReadRefTypeAfter(ReadByte(), at, "malformed reference type");
    }

    private ValueType ReadRefTypeAfter(byte b, int at, string message)
    {
        switch (b)
        {
            case 0x64: return ValueType.Ref(ReadHeapType(), nullable: false);
            case 0x63: return ValueType.Ref(ReadHeapType(), nullable: true);
        }
        // The type constructors are one-byte s7 numbers: a continuation bit makes them too long.
        if (b >= 0x80) Throw("integer representation too long", at + 1);
        HeapKind kind = AbstractHeapKind(b);
        if (kind == HeapKind.Bottom) Throw(message, at);
        return ValueType.Ref(kind, nullable: true);
    }

    /// <summary>Reads a storage type: a value type or a packed type (i8, i16).</summary>
    public ValueType ReadStorageType()
    {
        byte b = PeekByte();
        if (b == 0x78) { _pos++; return ValueType.I8; }
        if (b == 0x77) { _pos++; return ValueType.I16; }
        return ReadValueType();
    }

    /// <summary>The abstract heap type of a one-byte shorthand, or <see cref="HeapKind.Bottom"/> when the byte is none.</summary>
    public static HeapKind AbstractHeapKind(byte b) => b switch
    {
        0x70 => HeapKind.Func,
        0x6F => HeapKind.Extern,
        0x6E => HeapKind.Any,
        0x6D => HeapKind.Eq,
        0x6C => HeapKind.I31,
        0x6B => HeapKind.Struct,
        0x6A => HeapKind.Array,
        0x69 => HeapKind.Exn,
        0x71 => HeapKind.None,
        0x72 => HeapKind.NoExtern,
        0x73 => HeapKind.NoFunc,
        0x74 => HeapKind.NoExn,
        _ => HeapKind.Bottom,
    };

    /// <summary>Throws "unexpected end of section or function" (the reference interpreter's wording for any read past the end).</summary>
    [DoesNotReturn]
    public readonly void ThrowUnexpectedEnd() => Throw("unexpected end of section or function", Offset);

    /// <summary>Throws a <see cref="MalformedModuleException"/> with the given message and offset.</summary>
    [DoesNotReturn]
    public static void Throw(string message, int offset) => throw new MalformedModuleException(message, offset);
}
