using System.Text;

namespace Sharptime.Text.Parsing;

/// <summary>A growable byte buffer with the binary format's encodings (Wasm 3.0 section 5.1).</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer = new byte[64];
    private int _length;

    /// <summary>The number of bytes written.</summary>
    public int Length => _length;

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    /// <summary>Appends one byte.</summary>
    public void Byte(byte value)
    {
        if (_length == _buffer.Length) Grow(1);
        _buffer[_length++] = value;
    }

    /// <summary>Appends raw bytes.</summary>
    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (_length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Appends an unsigned LEB128 number in its minimal form.</summary>
    public void U64(ulong value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            Byte(b);
        }
        while (value != 0);
    }

    /// <summary>Appends an unsigned LEB128 u32.</summary>
    public void U32(uint value) => U64(value);

    /// <summary>Appends an unsigned LEB128 u32 given as an int (indices and counts).</summary>
    public void U32(int value) => U64((uint)value);

    /// <summary>Appends a signed LEB128 number in its minimal form.</summary>
    public void S64(long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                Byte(b);
                return;
            }
            Byte((byte)(b | 0x80));
        }
    }

    /// <summary>Appends a little-endian 32-bit value.</summary>
    public void Fixed32(uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        Bytes(bytes);
    }

    /// <summary>Appends a little-endian 64-bit value.</summary>
    public void Fixed64(ulong value)
    {
        Span<byte> bytes = stackalloc byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, value);
        Bytes(bytes);
    }

    /// <summary>Appends a name: its byte length and bytes.</summary>
    public void Name(ReadOnlySpan<byte> utf8)
    {
        U32(utf8.Length);
        Bytes(utf8);
    }

    /// <summary>Appends a name given as a string (encoded as UTF-8).</summary>
    public void Name(string name) => Name(Encoding.UTF8.GetBytes(name));

    /// <summary>Appends the contents of another writer, preceded by its length.</summary>
    public void Sized(ByteWriter content)
    {
        U32(content.Length);
        Bytes(content.Span);
    }

    /// <summary>Copies the bytes out.</summary>
    public byte[] ToArray() => Span.ToArray();

    private void Grow(int extra)
    {
        int size = Math.Max(_buffer.Length * 2, _length + extra);
        Array.Resize(ref _buffer, size);
    }
}
