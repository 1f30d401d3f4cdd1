using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Sharptime.Abi;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles modules to IL: into in-memory assemblies (collectible by default) or into persisted
/// assemblies with the module and its code map embedded (artifacts). One emitter writes both.
/// </summary>
internal sealed class IlCodeGenerator(bool collectible) : ICodeGenerator
{
    private static int s_counter;

    public int AbiVersion => Abi.AbiVersion.Current;

    public CompiledCode Compile(Module module)
    {
        string name = $"Sharptime.Wasm{Interlocked.Increment(ref s_counter)}";
        AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName(name),
            collectible ? AssemblyBuilderAccess.RunAndCollect : AssemblyBuilderAccess.Run);
        ModuleBuilder builder = assembly.DefineDynamicModule(name);
        ModuleCompiler.Emitted emitted = ModuleCompiler.Emit(module, builder);
        // A created type of the assembly: while it is reachable, a collectible assembly stays loaded.
        Type keepAlive = emitted.Types[0].CreateType();
        // The runtime module of the created types (not the builder) is what stack frames report.
        return new CompiledCode(keepAlive.Module, emitted.ToMap(), keepAlive);
    }

    public byte[] Precompile(Module module)
    {
        var assembly = new PersistedAssemblyBuilder(new AssemblyName(Artifacts.ArtifactFormat.AssemblyName), typeof(object).Assembly);
        ModuleBuilder builder = assembly.DefineDynamicModule(Artifacts.ArtifactFormat.AssemblyName);
        ModuleCompiler.Emitted emitted = ModuleCompiler.Emit(module, builder);
        MetadataBuilder metadata = assembly.GenerateMetadata(out BlobBuilder ilStream, out BlobBuilder fieldData);
        byte[] bodies = ilStream.ToArray();
        ExceptionClauseOrder.Fix(bodies);
        var il = new BlobBuilder(bodies.Length);
        il.WriteBytes(bodies);
        // Tokens are final once the metadata is generated: only now can the code map be written.
        byte[] payload = Artifacts.ArtifactFormat.WritePayload(module, emitted.ToMap());
        var resources = new BlobBuilder();
        resources.WriteInt32(payload.Length);
        resources.WriteBytes(payload);
        metadata.AddManifestResource(ManifestResourceAttributes.Public, metadata.GetOrAddString(Artifacts.ArtifactFormat.ResourceName), default, 0);
        var pe = new ManagedPEBuilder(new PEHeaderBuilder(imageCharacteristics: Characteristics.Dll | Characteristics.ExecutableImage),
            new MetadataRootBuilder(metadata), il, fieldData, managedResources: resources);
        var image = new BlobBuilder();
        pe.Serialize(image);
        byte[] bytes = image.ToArray();
        MakeDeterministic(bytes, payload);
        return bytes;
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
