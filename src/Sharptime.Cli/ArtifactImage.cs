using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Sharptime.Cli;

/// <summary>
/// The code of an artifact, read from its PE image without loading it: each method's IL and, for
/// ReadyToRun images of x64, the size of its native code (from the ReadyToRun header's
/// MethodDefEntryPoints and RuntimeFunctions sections, as crossgen2 writes them).
/// </summary>
internal sealed class ArtifactImage : IDisposable
{
    private const uint ReadyToRunSignature = 0x00525452; // "RTR"
    private const int RuntimeFunctionsSection = 102, MethodDefEntryPointsSection = 103;
    private const int X64RuntimeFunctionSize = 12; // BeginAddress, EndAddress, UnwindData

    private readonly PEReader _pe;
    private readonly byte[]? _entryPoints;
    private readonly byte[]? _runtimeFunctions;

    /// <summary>Reads the image of <paramref name="bytes"/>, which <see cref="Artifacts.ArtifactFormat.Read"/> accepted.</summary>
    /// <param name="x64">Whether the ReadyToRun code (if any) is x64 code, whose runtime functions record their sizes.</param>
    /// <exception cref="BadImageFormatException">The metadata or the ReadyToRun header is damaged.</exception>
    public ArtifactImage(byte[] bytes, bool x64)
    {
        _pe = new PEReader(ImmutableArray.Create(bytes));
        Metadata = _pe.GetMetadataReader();
        DirectoryEntry native = _pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
        if (native.Size == 0 || !x64) return;
        BlobReader header = _pe.GetSectionData(native.RelativeVirtualAddress).GetReader(0, native.Size);
        if (header.ReadUInt32() != ReadyToRunSignature) throw new BadImageFormatException("its ReadyToRun header has no RTR signature");
        header.Offset += 2 + 2 + 4; // major and minor version, flags
        int sections = header.ReadInt32();
        for (int i = 0; i < sections; i++)
        {
            int type = header.ReadInt32(), rva = header.ReadInt32(), size = header.ReadInt32();
            if (type == RuntimeFunctionsSection) _runtimeFunctions = Section(rva, size);
            else if (type == MethodDefEntryPointsSection) _entryPoints = Section(rva, int.MaxValue);
        }
    }

    /// <summary>The metadata of the image.</summary>
    public MetadataReader Metadata { get; }

    /// <summary>Whether native code sizes are known (a ReadyToRun image of x64).</summary>
    private bool HasNativeSizes => _entryPoints is not null && _runtimeFunctions is not null;

    /// <summary>The bytes of native code of all methods (their bodies and funclets), or null when unknown.</summary>
    public long? TotalNativeSize
    {
        get
        {
            if (_runtimeFunctions is null) return null;
            long total = 0;
            for (int i = 0; i + X64RuntimeFunctionSize <= _runtimeFunctions.Length; i += X64RuntimeFunctionSize) total += NativeSizeAt(i / X64RuntimeFunctionSize);
            return total;
        }
    }

    /// <summary>The IL of the method with metadata token <paramref name="token"/>.</summary>
    /// <exception cref="BadImageFormatException">The token or the body is damaged.</exception>
    public byte[] Il(int token)
    {
        MethodDefinition method = Metadata.GetMethodDefinition((MethodDefinitionHandle)MetadataTokens.EntityHandle(token));
        return method.RelativeVirtualAddress == 0 ? [] : _pe.GetMethodBody(method.RelativeVirtualAddress).GetILBytes() ?? [];
    }

    /// <summary>The bytes of the ReadyToRun code of the method's main body (without exception funclets), or null when it has none or sizes are unknown.</summary>
    public int? NativeSize(int token)
    {
        if (!HasNativeSizes || !TryGetEntry(_entryPoints!, (uint)(token & 0xFFFFFF) - 1, out int at)) return null;
        uint id = DecodeUnsigned(_entryPoints!, ref at);
        // The low bit says whether fixups follow; the index of the method's first runtime function is above it.
        int index = (int)((id & 1) != 0 ? id >> 2 : id >> 1);
        return (index + 1) * X64RuntimeFunctionSize <= _runtimeFunctions!.Length ? NativeSizeAt(index) : null;
    }

    private int NativeSizeAt(int index)
    {
        ReadOnlySpan<byte> entry = _runtimeFunctions.AsSpan(index * X64RuntimeFunctionSize, X64RuntimeFunctionSize);
        return BinaryPrimitives.ReadInt32LittleEndian(entry[4..]) - BinaryPrimitives.ReadInt32LittleEndian(entry);
    }

    /// <summary>The bytes from <paramref name="rva"/> to the end of its PE section, at most <paramref name="size"/>.</summary>
    private byte[] Section(int rva, int size)
    {
        PEMemoryBlock block = _pe.GetSectionData(rva);
        return block.GetContent(0, Math.Min(size, block.Length)).ToArray();
    }

    /// <summary>
    /// Finds element <paramref name="index"/> of a NativeFormat array (the encoding of ReadyToRun tables): a
    /// header (count and the width of block offsets), one offset per block of 16 elements, and per block a
    /// binary tree whose nodes say whether each half has elements.
    /// </summary>
    private static bool TryGetEntry(byte[] data, uint index, out int at)
    {
        at = 0;
        uint header = DecodeUnsigned(data, ref at);
        if (index >= header >> 2) return false;
        int blocks = at, block = (int)(index / 16);
        at = blocks + (int)((header & 3) switch
        {
            0 => data[blocks + block],
            1 => BinaryPrimitives.ReadUInt16LittleEndian(data.AsSpan(blocks + 2 * block)),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(blocks + 4 * block)),
        });
        for (uint bit = 8; bit > 0; bit >>= 1)
        {
            int next = at;
            uint node = DecodeUnsigned(data, ref next);
            if ((index & bit) != 0 && (node & 2) != 0)
            {
                at += (int)(node >> 2);
                continue;
            }
            if ((index & bit) == 0 && (node & 1) != 0)
            {
                at = next;
                continue;
            }
            // A leaf that holds one element directly.
            if ((node & 3) == 0 && (node >> 2) == (index & 15))
            {
                at = next;
                return true;
            }
            return false;
        }
        return true;
    }

    /// <summary>A NativeFormat unsigned number: the low bits of the first byte say how many bytes follow.</summary>
    private static uint DecodeUnsigned(byte[] data, ref int at)
    {
        uint b = data[at];
        if ((b & 1) == 0)
        {
            at += 1;
            return b >> 1;
        }
        if ((b & 2) == 0)
        {
            at += 2;
            return (b >> 2) | ((uint)data[at - 1] << 6);
        }
        if ((b & 4) == 0)
        {
            at += 3;
            return (b >> 3) | ((uint)data[at - 2] << 5) | ((uint)data[at - 1] << 13);
        }
        if ((b & 8) == 0)
        {
            at += 4;
            return (b >> 4) | ((uint)data[at - 3] << 4) | ((uint)data[at - 2] << 12) | ((uint)data[at - 1] << 20);
        }
        at += 5;
        return BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(at - 4));
    }

    public void Dispose() => _pe.Dispose();
}
