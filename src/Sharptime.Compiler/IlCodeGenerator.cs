using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Sharptime.Abi;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles modules to IL images (<see cref="AssemblyImage"/>): artifacts (the image with the module
/// and its code map embedded) and in-memory code (the same image without them, loaded from memory,
/// collectible by default).
/// </summary>
internal sealed class IlCodeGenerator(bool collectible) : ICodeGenerator
{
    public int AbiVersion => Abi.AbiVersion.Current;

    /// <summary>
    /// In memory: the same image as an artifact, without the payload, loaded from memory, so that
    /// in-memory code takes exactly the path artifacts take.
    /// </summary>
    public CompiledCode Compile(Module module)
    {
        (byte[] image, Runtime.CodeMap map) = Build(module, withPayload: false);
        return Artifacts.ArtifactLoader.LoadCode(image, map, collectible);
    }

    public byte[] Precompile(Module module) => Build(module, withPayload: true).Image;

    public byte[] PrecompileAssembly(Module module, string assemblyName)
    {
        if (!Artifacts.ArtifactFormat.IsValidAssemblyName(assemblyName))
        {
            throw new ArgumentException($"'{assemblyName}' cannot name a compiled-module assembly: use identifiers (ASCII letters, digits, '_') separated by dots, e.g. MyApp.Wasm.Plugin", nameof(assemblyName));
        }
        return Build(module, withPayload: true, assemblyName).Image;
    }

    /// <param name="module">The module.</param>
    /// <param name="withPayload">Whether to embed the payload (an artifact) or not (in-memory code).</param>
    /// <param name="appAssembly">For an assembly compiled for an app: its name; it then gets a function table.</param>
    private static (byte[] Image, Runtime.CodeMap Map) Build(Module module, bool withPayload, string? appAssembly = null)
    {
        string name = appAssembly ?? Artifacts.ArtifactFormat.AssemblyName;
        var image = new AssemblyImage(name);
        // Loop entries serve only the interpreter's switch to in-memory code (Strategy.Tiered).
        ModuleCompiler.Emitted emitted = ModuleCompiler.Emit(module, image, loopEntries: !withPayload && module.Engine.Config.Strategy == Strategy.Tiered, jitCompiled: !withPayload);
        if (appAssembly is not null) FunctionTable.Emit(image, Artifacts.ArtifactFormat.FunctionTableName(appAssembly), emitted);
        (MetadataBuilder metadata, BlobBuilder il) = image.Write();
        Runtime.CodeMap map = emitted.ToMap();
        byte[] payload = withPayload ? Artifacts.ArtifactFormat.WritePayload(module, map) : [];
        BlobBuilder? resources = null;
        if (withPayload)
        {
            resources = new BlobBuilder();
            resources.WriteInt32(payload.Length);
            resources.WriteBytes(payload);
            metadata.AddManifestResource(ManifestResourceAttributes.Public, metadata.GetOrAddString(Artifacts.ArtifactFormat.ResourceName), default, 0);
        }
        var pe = new ManagedPEBuilder(new PEHeaderBuilder(imageCharacteristics: Characteristics.Dll | Characteristics.ExecutableImage),
            new MetadataRootBuilder(metadata), il, managedResources: resources);
        var output = new BlobBuilder();
        pe.Serialize(output);
        byte[] bytes = output.ToArray();
        if (withPayload) MakeDeterministic(bytes, payload);
        return (bytes, map);
    }

    /// <summary>
    /// The same module and settings give the same artifact: the module version id (random in the
    /// builder) and the PE time stamp become a hash of the payload, which holds the module and the stamp.
    /// </summary>
    private static void MakeDeterministic(byte[] image, byte[] payload)
    {
        byte[] hash = System.Security.Cryptography.SHA256.HashData(payload);
        int mvid, timestamp;
        using (var pe = new PEReader(new MemoryStream(image, writable: false)))
        {
            MetadataReader reader = pe.GetMetadataReader();
            mvid = pe.PEHeaders.MetadataStartOffset + reader.GetHeapMetadataOffset(HeapIndex.Guid)
                + (MetadataTokens.GetHeapOffset(reader.GetModuleDefinition().Mvid) - 1) * 16;
            timestamp = pe.PEHeaders.CoffHeaderStartOffset + 4;
        }
        hash.AsSpan(0, 16).CopyTo(image.AsSpan(mvid));
        hash.AsSpan(16, 4).CopyTo(image.AsSpan(timestamp));
    }
}
