using System.Buffers.Binary;
using System.Text;

namespace Sharptime.Wasi;

/// <summary>
/// The guest's linear memory as WASI sees it: 32-bit pointers, and an out-of-range access raises
/// EFAULT (through <see cref="WasiErrnoException"/>) instead of escaping into the host.
/// </summary>
internal readonly struct GuestMemory
{
    private readonly Memory? _memory;

    public GuestMemory(Memory? memory) => _memory = memory;

    public Span<byte> Span(uint address, uint length)
    {
        if (_memory is null) throw new WasiErrnoException(Errno.Fault);
        ulong size = _memory.Length;
        if (address > size || length > size - address || length > int.MaxValue) throw new WasiErrnoException(Errno.Fault);
        return _memory.GetSpan(address, (int)length);
    }

    public ushort U16(uint address) => BinaryPrimitives.ReadUInt16LittleEndian(Span(address, 2));

    public uint U32(uint address) => BinaryPrimitives.ReadUInt32LittleEndian(Span(address, 4));

    public ulong U64(uint address) => BinaryPrimitives.ReadUInt64LittleEndian(Span(address, 8));

    public void WriteU8(uint address, byte value) => Span(address, 1)[0] = value;

    public void WriteU16(uint address, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Span(address, 2), value);

    public void WriteU32(uint address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Span(address, 4), value);

    public void WriteU64(uint address, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Span(address, 8), value);

    /// <summary>A guest string (UTF-8, no NUL): invalid UTF-8 is EILSEQ.</summary>
    public string String(uint address, uint length)
    {
        Span<byte> bytes = Span(address, length);
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new WasiErrnoException(Errno.Ilseq);
        }
    }

    /// <summary>The (pointer, length) pairs of an iovec or ciovec array, checked against memory.</summary>
    public (uint Pointer, uint Length)[] Iovecs(uint address, uint count)
    {
        if (count > 1024 * 1024) throw new WasiErrnoException(Errno.Inval);
        Span<byte> raw = Span(address, checked(count * 8));
        var result = new (uint, uint)[count];
        for (int i = 0; i < result.Length; i++)
        {
            uint p = BinaryPrimitives.ReadUInt32LittleEndian(raw[(i * 8)..]);
            uint l = BinaryPrimitives.ReadUInt32LittleEndian(raw[(i * 8 + 4)..]);
            Span(p, l);
            result[i] = (p, l);
        }
        return result;
    }

    private static readonly UTF8Encoding Strict = new(false, true);
}
