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

    /// <summary>What <see cref="Read"/> finds in an artifact.</summary>
    public sealed class Contents
    {
        public required string Target { get; init; }
        public required List<KeyValuePair<string, string>> Stamp { get; init; }
        public required ReadOnlyMemory<byte> ModuleBytes { get; init; }
        public required CodeMap Map { get; init; }
    }

    /// <summary>Reads the payload and the target of an artifact, or throws an error that says what is wrong with the bytes.</summary>
    /// <param name="image">The artifact: a stream over its bytes, or the file itself. Only the PE
    /// headers and the payload are read: a large artifact's code is left to the runtime to map.</param>
    /// <param name="what">How errors name it.</param>
    public static Contents Read(Stream image, string what)
    {
        byte[] payload;
        string target;
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
        }
        catch (BadImageFormatException e)
        {
            throw NotAnArtifact(what, $"it is not a .NET assembly ({e.Message})");
        }
        catch (EndOfStreamException)
        {
            throw NotAnArtifact(what, "it is truncated");
        }
        return ReadPayload(payload, target, what);
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
