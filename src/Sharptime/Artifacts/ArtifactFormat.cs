using System.Reflection.PortableExecutable;
using System.Text;
using Sharptime.Runtime;

namespace Sharptime.Artifacts;

/// <summary>
/// The layout of a pre-compiled module. An artifact is a .NET assembly (IL, optionally ReadyToRun
/// native code) holding the generated code and one manifest resource, the payload:
/// <code>
/// magic "SHRPTART" | u32 format version | stamp: u32 count, (name, value) strings
/// | u32 length + the module binary | the code map (method tokens, IL-to-Wasm offsets)
/// </code>
/// The stamp records what the code depends on besides the module: versions and every setting that
/// changes generated code. The target (portable IL or a ReadyToRun platform) is read from the PE
/// header, so that adding native code to an artifact cannot make its stamp lie.
/// </summary>
internal static class ArtifactFormat
{
    public const string AssemblyName = "Sharptime.Artifact";
    public const string ResourceName = "Sharptime.Artifact.Payload";
    public const int FormatVersion = 4;
    private static ReadOnlySpan<byte> Magic => "SHRPTART"u8;

    /// <summary>The method of <see cref="FunctionTableName"/>'s type that fills the table: <c>static void Fill(nint[])</c>.</summary>
    public const string FunctionTableMethod = "Fill";

    /// <summary>
    /// The public type of an assembly compiled for an app that lists its entry points with
    /// <c>ldftn</c>, in the order: defined functions' entries, then per type index the array-call
    /// shim, then the host-call shim (0 where a type has none). Its namespace is the assembly name,
    /// made of identifiers, so that every compiled module of an app has its own.
    /// </summary>
    public static string FunctionTableName(string assemblyName) => assemblyName + ".FunctionTable";

    /// <summary>Whether <paramref name="name"/> can name an assembly compiled for an app: dotted identifiers (ASCII letters, digits, '_').</summary>
    public static bool IsValidAssemblyName(string name)
    {
        foreach (string part in name.Split('.'))
        {
            if (part.Length == 0 || char.IsAsciiDigit(part[0])) return false;
            foreach (char c in part)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '_') return false;
            }
        }
        return true;
    }

    /// <summary>The payload of an artifact of <paramref name="module"/> whose generated code <paramref name="map"/> describes.</summary>
    public static byte[] WritePayload(Module module, CodeMap map)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(FormatVersion);
            IReadOnlyList<KeyValuePair<string, string>> stamp = ArtifactStamp.Of(module.Engine.Config);
            w.Write(stamp.Count);
            foreach (KeyValuePair<string, string> entry in stamp)
            {
                w.Write(entry.Key);
                w.Write(entry.Value);
            }
            ReadOnlySpan<byte> bytes = module.Bytes.Span;
            w.Write(bytes.Length);
            w.Write(bytes);
            map.Write(w);
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Where the memory image of an artifact file starts: a multiple of 64 KiB, so that any page size
    /// divides it and the file can be mapped there.
    /// </summary>
    public const int ImageAlignment = 1 << 16;

    /// <summary>The footer that ends an artifact holding a memory image: u64 memory offset, u64 length, u64 reserved (0), the magic.</summary>
    public const int ImageFooterSize = 32;

    private static ReadOnlySpan<byte> ImageMagic => "SHRPTIMG"u8;

    /// <summary>
    /// <paramref name="artifact"/> followed by <paramref name="module"/>'s memory image when it has one
    /// (<see cref="Allocation.MemoryImage"/>): zeros up to <see cref="ImageAlignment"/>, the image's
    /// bytes, the footer. The .NET loader ignores what follows the PE image, and
    /// <see cref="ReadMemoryImage"/> finds it from the end of the file, so a deserialized module maps
    /// its image straight from the artifact file instead of copying it into a memfd.
    /// </summary>
    public static byte[] AppendMemoryImage(byte[] artifact, Module module)
    {
        InstanceLayout layout = module.Compiled.Layout;
        if (!layout.ImageEligible || layout.Image is not Allocation.MemoryImage image) return artifact;
        byte[] bytes = image.Bytes;
        var overlay = new byte[bytes.Length + ImageFooterSize];
        bytes.CopyTo(overlay, 0);
        Span<byte> footer = overlay.AsSpan(bytes.Length);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(footer, image.Offset);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(footer[8..], image.Length);
        ImageMagic.CopyTo(footer[24..]);
        return WithOverlay(artifact, overlay);
    }

    /// <summary>The memory image and footer that end <paramref name="artifact"/>, or nothing.</summary>
    public static ReadOnlySpan<byte> MemoryImageOverlay(ReadOnlySpan<byte> artifact)
    {
        if (!TryReadFooter(artifact.Length >= ImageFooterSize ? artifact[^ImageFooterSize..] : [], artifact.Length, out _, out ulong length, out _)) return [];
        return artifact[^(int)((long)length + ImageFooterSize)..];
    }

    /// <summary><paramref name="pe"/> (a PE image, e.g. crossgen2's output) padded to <see cref="ImageAlignment"/>, then <paramref name="overlay"/> (from <see cref="MemoryImageOverlay"/>).</summary>
    public static byte[] WithOverlay(byte[] pe, ReadOnlySpan<byte> overlay)
    {
        if (overlay.IsEmpty) return pe;
        long start = (pe.LongLength + ImageAlignment - 1) / ImageAlignment * ImageAlignment;
        var result = new byte[start + overlay.Length];
        pe.CopyTo(result, 0);
        overlay.CopyTo(result.AsSpan((int)start));
        return result;
    }

    /// <summary>
    /// The memory image at the end of the artifact file <paramref name="file"/>, or null when it holds
    /// none or its footer does not describe an aligned range after the PE image (ending at <paramref name="peEnd"/>).
    /// </summary>
    public static ArtifactImage? ReadMemoryImage(FileStream file, string path, long peEnd)
    {
        long size = file.Length;
        if (size < ImageFooterSize) return null;
        Span<byte> footer = stackalloc byte[ImageFooterSize];
        file.Position = size - ImageFooterSize;
        file.ReadExactly(footer);
        if (!TryReadFooter(footer, size, out ulong memoryOffset, out ulong length, out long start) || start < peEnd) return null;
        return new ArtifactImage(path, start, memoryOffset, length);
    }

    /// <summary>The bytes of the memory image and footer that end the artifact file at <paramref name="path"/>, or 0.</summary>
    public static long MemoryImageOverlaySize(string path)
    {
        using FileStream file = File.OpenRead(path);
        return ReadMemoryImage(file, path, peEnd: 0) is ArtifactImage image ? (long)image.Length + ImageFooterSize : 0;
    }

    private static bool TryReadFooter(ReadOnlySpan<byte> footer, long fileSize, out ulong memoryOffset, out ulong length, out long start)
    {
        memoryOffset = length = 0;
        start = -1;
        if (footer.Length != ImageFooterSize || !footer[24..].SequenceEqual(ImageMagic)) return false;
        memoryOffset = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(footer);
        length = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(footer[8..]);
        if (length == 0 || length > (ulong)(fileSize - ImageFooterSize)) return false;
        start = fileSize - ImageFooterSize - (long)length;
        return start % ImageAlignment == 0;
    }

    /// <summary>What <see cref="Read"/> finds in an artifact.</summary>
    public sealed class Contents
    {
        public required string Target { get; init; }
        public required List<KeyValuePair<string, string>> Stamp { get; init; }
        public required ReadOnlyMemory<byte> ModuleBytes { get; init; }
        public required CodeMap Map { get; init; }

        /// <summary>Where the PE image ends in the file (its last section's raw data); 0 when read from a payload alone.</summary>
        public long PeEnd { get; init; }
    }

    /// <summary>Reads the payload and the target of an artifact, or throws an error that says what is wrong with the bytes.</summary>
    /// <param name="image">The artifact: a stream over its bytes, or the file itself. Only the PE
    /// headers and the payload are read: a large artifact's code is left to the runtime to map.</param>
    /// <param name="what">How errors name it.</param>
    public static Contents Read(Stream image, string what)
    {
        byte[] payload;
        string target;
        long peEnd = 0;
        try
        {
            var headers = new PEHeaders(image);
            if (headers.CorHeader is null) throw NotAnArtifact(what, "it is not a .NET assembly");
            DirectoryEntry resources = headers.CorHeader.ResourcesDirectory;
            // The payload is the artifact's only managed resource, so it starts the resources
            // directory: a length, then the bytes.
            if (resources.Size < 4 + Magic.Length || !headers.TryGetDirectoryOffset(resources, out int offset)) throw NotAnArtifact(what, "it has no Sharptime payload");
            image.Position = offset;
            Span<byte> length = stackalloc byte[4];
            image.ReadExactly(length);
            int size = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(length);
            if (size < Magic.Length || size > resources.Size - 4) throw NotAnArtifact(what, "it has no Sharptime payload");
            payload = new byte[size];
            image.ReadExactly(payload);
            target = TargetOf(headers);
            foreach (SectionHeader section in headers.SectionHeaders) peEnd = Math.Max(peEnd, (long)section.PointerToRawData + section.SizeOfRawData);
        }
        catch (BadImageFormatException e)
        {
            throw NotAnArtifact(what, $"it is not a .NET assembly ({e.Message})");
        }
        catch (EndOfStreamException)
        {
            throw NotAnArtifact(what, "it is truncated");
        }
        Contents contents = ReadPayload(payload, target, what);
        return new Contents { Target = contents.Target, Stamp = contents.Stamp, ModuleBytes = contents.ModuleBytes, Map = contents.Map, PeEnd = peEnd };
    }

    /// <summary>Reads a payload whose artifact's target is <paramref name="target"/>, or throws an error that says what is wrong with it.</summary>
    public static Contents ReadPayload(byte[] payload, string target, string what)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(payload, writable: false), Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw NotAnArtifact(what, "it has no Sharptime payload");
            int format = r.ReadInt32();
            if (format != FormatVersion)
            {
                throw new WasmException($"incompatible artifact {what}: setting \"format-version\" is {format} in the artifact and {FormatVersion} in this runtime; recompile the module with this version of Sharptime");
            }
            int count = r.ReadInt32();
            if (count < 0 || count > 1024) throw NotAnArtifact(what, "its stamp is damaged");
            var stamp = new List<KeyValuePair<string, string>>(count);
            for (int i = 0; i < count; i++) stamp.Add(new(r.ReadString(), r.ReadString()));
            int length = r.ReadInt32();
            int at = (int)r.BaseStream.Position;
            if (length < 0 || length > payload.Length - at) throw NotAnArtifact(what, "it is truncated");
            // The module binary stays in the payload: a slice, not a copy.
            r.BaseStream.Position = at + length;
            return new Contents { Target = target, Stamp = stamp, ModuleBytes = payload.AsMemory(at, length), Map = CodeMap.Read(r) };
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or FormatException)
        {
            throw NotAnArtifact(what, "it is truncated or damaged");
        }
    }

    private static WasmException NotAnArtifact(string what, string why) =>
        new($"{what} is not a Sharptime artifact: {why}; make one with `sharptime compile` or Engine.PrecompileModule");

    /// <summary>
    /// "portable" for IL only, else the ReadyToRun platform, e.g. "linux-x64". ReadyToRun images
    /// mark their operating system by XOR-ing the machine field with a per-OS value.
    /// </summary>
    public static string TargetOf(PEHeaders headers)
    {
        if (headers.CorHeader is null || headers.CorHeader.ManagedNativeHeaderDirectory.Size == 0) return "portable";
        int machine = (int)headers.CoffHeader.Machine;
        foreach ((string os, int magic) in (ReadOnlySpan<(string, int)>)[("win", 0), ("linux", 0x7B79), ("osx", 0x4644), ("freebsd", 0xADC4)])
        {
            string? arch = (machine ^ magic) switch
            {
                (int)Machine.Amd64 => "x64",
                (int)Machine.Arm64 => "arm64",
                (int)Machine.I386 => "x86",
                (int)Machine.ArmThumb2 => "arm",
                _ => null,
            };
            if (arch is not null) return $"{os}-{arch}";
        }
        return $"unknown (machine 0x{machine:x4})";
    }
}

/// <summary>The memory image an artifact file holds after its PE image (<see cref="ArtifactFormat.AppendMemoryImage"/>).</summary>
/// <param name="Path">The artifact file.</param>
/// <param name="FileOffset">Where the image starts in the file (a multiple of <see cref="ArtifactFormat.ImageAlignment"/>).</param>
/// <param name="MemoryOffset">The first byte of memory 0 it covers.</param>
/// <param name="Length">Its length in bytes.</param>
internal sealed record ArtifactImage(string Path, long FileOffset, ulong MemoryOffset, ulong Length);
