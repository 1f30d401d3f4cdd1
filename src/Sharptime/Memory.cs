using System.Buffers.Binary;
using System.Text;
using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// A linear memory: native memory addressed from 0, growable in pages. A shared memory (threads proposal)
/// can be imported by instances of other stores that run on other threads: it never moves, and growing it is
/// safe while other threads access it.
/// </summary>
public sealed unsafe class Memory : Extern
{
    private readonly MemoryInstance _instance;

    internal Memory(Store store, MemoryInstance instance) : base(store) => _instance = instance;

    /// <summary>Creates a memory in <paramref name="store"/>.</summary>
    /// <param name="store">The owner.</param>
    /// <param name="minimumPages">The initial size in 64 KiB pages.</param>
    /// <param name="maximumPages">The maximum size in pages, or null for none.</param>
    /// <param name="is64">True for a memory64 memory.</param>
    public Memory(Store store, ulong minimumPages, ulong? maximumPages = null, bool is64 = false)
        : this(store, minimumPages, maximumPages, is64, shared: false) { }

    /// <summary>Creates a memory in <paramref name="store"/>, shared or not.</summary>
    /// <param name="store">The owner (of a shared memory: the first of the stores that may use it).</param>
    /// <param name="minimumPages">The initial size in 64 KiB pages.</param>
    /// <param name="maximumPages">The maximum size in pages; a shared memory must have one.</param>
    /// <param name="is64">True for a memory64 memory.</param>
    /// <param name="shared">
    /// True for a shared memory: its maximum size is reserved up front, and instances of other stores (on other
    /// threads) may import it; it is freed when every store that uses it is disposed.
    /// </param>
    /// <exception cref="ArgumentException">A shared memory has no maximum.</exception>
    public Memory(Store store, ulong minimumPages, ulong? maximumPages, bool is64, bool shared)
        : this(store, store.CreateMemory(new Binary.MemoryType(new Binary.Limits(minimumPages, maximumPages), is64, SharedWithMaximum(shared, maximumPages)))) { }

    /// <summary>
    /// Creates a memory of the type <paramref name="module"/> imports as <paramref name="importModule"/>
    /// <paramref name="importName"/> (its minimum size, maximum, index type and sharing): for hosts that provide
    /// a module's memory, such as a wasi-threads host providing the shared memory of every thread's instance.
    /// </summary>
    /// <param name="store">The owner.</param>
    /// <param name="module">The module.</param>
    /// <param name="importModule">The import's module name.</param>
    /// <param name="importName">The import's name.</param>
    /// <returns>The new memory.</returns>
    /// <exception cref="ArgumentException">The module imports no memory of that name.</exception>
    public static Memory ForImport(Store store, Module module, string importModule, string importName)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        foreach (Binary.Import import in module.Info.Imports)
        {
            if (import.Kind == Binary.ExternKind.Memory && import.Module == importModule && import.Name == importName)
            {
                return new Memory(store, store.CreateMemory(import.Memory));
            }
        }
        throw new ArgumentException($"the module imports no memory {importModule}::{importName}; see Module.Imports for what it imports", nameof(importName));
    }

    private static bool SharedWithMaximum(bool shared, ulong? maximumPages)
    {
        if (shared && maximumPages is null)
        {
            throw new ArgumentException("a shared memory needs a maximum size (it is reserved up front): pass maximumPages", nameof(maximumPages));
        }
        return shared;
    }

    /// <summary>
    /// The memory, or an empty one once the store's resources are freed: the pooling allocator may
    /// then have given the memory's object to another store, so a stale Memory reads as empty.
    /// </summary>
    internal MemoryInstance Instance => Store.Released ? MemoryInstance.Released : _instance;

    internal override string KindName => "memory";

    internal override string TypeText => $"(memory{(Instance.Type.Is64 ? " i64" : "")} {Instance.Pages}{(Instance.Type.Limits.Max is ulong m ? $" {m}" : "")}{(Instance.Shared ? " shared" : "")})";

    /// <summary>The size in pages.</summary>
    public ulong Pages => Instance.Pages;

    /// <summary>The size in bytes.</summary>
    public ulong Length => Instance.Length;

    /// <summary>The page size in bytes (65536 unless custom-page-sizes).</summary>
    public ulong PageSize => 1UL << Instance.PageSizeLog2;

    /// <summary>The maximum size in pages, or null.</summary>
    public ulong? MaximumPages => Instance.Type.Limits.Max;

    /// <summary>True for a memory64 memory.</summary>
    public bool Is64 => Instance.Type.Is64;

    /// <summary>True for a shared memory: usable from several stores and threads; it never moves.</summary>
    public bool IsShared => Instance.Shared;

    /// <summary>Grows the memory.</summary>
    /// <param name="deltaPages">The number of pages to add.</param>
    /// <returns>The old size in pages.</returns>
    /// <exception cref="WasmException">The memory cannot grow that much.</exception>
    public ulong Grow(ulong deltaPages)
    {
        long old = Instance.Grow(deltaPages);
        if (old < 0) throw new WasmException($"memory cannot grow by {deltaPages} pages from {Pages} (maximum {MaximumPages?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"})");
        return (ulong)old;
    }

    /// <summary>
    /// A span over <paramref name="length"/> bytes at <paramref name="address"/>. The span is valid
    /// until the memory grows: growing may move it (a shared memory never moves, but other threads may
    /// write it at the same time).
    /// </summary>
    /// <param name="address">The first byte.</param>
    /// <param name="length">The number of bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the memory.</exception>
    public Span<byte> GetSpan(ulong address, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (address > Instance.Length || (ulong)length > Instance.Length - address)
        {
            throw new ArgumentOutOfRangeException(nameof(address), $"{length} bytes at address {address} are outside the memory of {Instance.Length} bytes: check the address and length, or grow the memory");
        }
        return new Span<byte>(Instance.Base + address, length);
    }

    /// <summary>A span over the whole memory (up to 2 GiB); valid until the memory grows.</summary>
    public Span<byte> GetSpan() => GetSpan(0, (int)Math.Min(Instance.Length, int.MaxValue));

    /// <summary>Reads a byte.</summary>
    public byte ReadByte(ulong address) => GetSpan(address, 1)[0];

    /// <summary>Writes a byte.</summary>
    public void WriteByte(ulong address, byte value) => GetSpan(address, 1)[0] = value;

    /// <summary>Reads a little-endian 16-bit integer.</summary>
    public short ReadInt16(ulong address) => BinaryPrimitives.ReadInt16LittleEndian(GetSpan(address, 2));

    /// <summary>Writes a little-endian 16-bit integer.</summary>
    public void WriteInt16(ulong address, short value) => BinaryPrimitives.WriteInt16LittleEndian(GetSpan(address, 2), value);

    /// <summary>Reads a little-endian 32-bit integer.</summary>
    public int ReadInt32(ulong address) => BinaryPrimitives.ReadInt32LittleEndian(GetSpan(address, 4));

    /// <summary>Writes a little-endian 32-bit integer.</summary>
    public void WriteInt32(ulong address, int value) => BinaryPrimitives.WriteInt32LittleEndian(GetSpan(address, 4), value);

    /// <summary>Reads a little-endian 64-bit integer.</summary>
    public long ReadInt64(ulong address) => BinaryPrimitives.ReadInt64LittleEndian(GetSpan(address, 8));

    /// <summary>Writes a little-endian 64-bit integer.</summary>
    public void WriteInt64(ulong address, long value) => BinaryPrimitives.WriteInt64LittleEndian(GetSpan(address, 8), value);

    /// <summary>Reads a little-endian 32-bit float.</summary>
    public float ReadSingle(ulong address) => BinaryPrimitives.ReadSingleLittleEndian(GetSpan(address, 4));

    /// <summary>Writes a little-endian 32-bit float.</summary>
    public void WriteSingle(ulong address, float value) => BinaryPrimitives.WriteSingleLittleEndian(GetSpan(address, 4), value);

    /// <summary>Reads a little-endian 64-bit float.</summary>
    public double ReadDouble(ulong address) => BinaryPrimitives.ReadDoubleLittleEndian(GetSpan(address, 8));

    /// <summary>Writes a little-endian 64-bit float.</summary>
    public void WriteDouble(ulong address, double value) => BinaryPrimitives.WriteDoubleLittleEndian(GetSpan(address, 8), value);

    /// <summary>Reads a string of <paramref name="length"/> bytes (not characters) at <paramref name="address"/>.</summary>
    /// <param name="address">The first byte.</param>
    /// <param name="length">The number of bytes; even for <see cref="StringEncoding.Utf16"/>.</param>
    /// <param name="encoding">The encoding of the bytes; UTF-8 unless told.</param>
    /// <returns>The string.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bytes are outside the memory (the message names address, length and memory size).</exception>
    /// <exception cref="ArgumentException">A UTF-16 length is odd.</exception>
    public string ReadString(ulong address, int length, StringEncoding encoding = StringEncoding.Utf8)
    {
        if (encoding == StringEncoding.Utf16 && length % 2 != 0)
        {
            throw new ArgumentException($"a UTF-16 string has an even number of bytes, {length} given (at address {address})", nameof(length));
        }
        return EncodingOf(encoding).GetString(GetSpan(address, length));
    }

    /// <summary>Writes <paramref name="value"/> at <paramref name="address"/>, with no terminator or length prefix.</summary>
    /// <param name="address">The first byte.</param>
    /// <param name="value">The string.</param>
    /// <param name="encoding">The encoding to write; UTF-8 unless told.</param>
    /// <returns>The number of bytes written (<see cref="GetByteCount"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The bytes do not fit in the memory (the message names address, length and memory size).</exception>
    public int WriteString(ulong address, string value, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(value);
        return EncodingOf(encoding).GetBytes(value, GetSpan(address, GetByteCount(value, encoding)));
    }

    /// <summary>The number of bytes <see cref="WriteString"/> writes for <paramref name="value"/>: what to allocate in the guest.</summary>
    /// <param name="value">The string.</param>
    /// <param name="encoding">The encoding; UTF-8 unless told.</param>
    /// <returns>The byte count.</returns>
    public static int GetByteCount(string value, StringEncoding encoding = StringEncoding.Utf8)
    {
        ArgumentNullException.ThrowIfNull(value);
        return EncodingOf(encoding).GetByteCount(value);
    }

    private static Encoding EncodingOf(StringEncoding encoding) => encoding switch
    {
        StringEncoding.Utf8 => Encoding.UTF8,
        StringEncoding.Utf16 => Encoding.Unicode,
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "use StringEncoding.Utf8 or StringEncoding.Utf16"),
    };
}
