using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.Loader;
using Sharptime.Binary;

namespace Sharptime.Artifacts;

/// <summary>
/// Loads artifacts: checks the stamp against the engine, decodes the embedded module (validated
/// when the artifact was made) and loads the assembly into a load context of its own. The context
/// is not collectible, because the runtime ignores ReadyToRun code in collectible contexts: a
/// deserialized module's code stays loaded for the life of the process.
/// </summary>
internal static class ArtifactLoader
{
    /// <summary>Loads an artifact given as bytes.</summary>
    public static Module Load(Engine engine, byte[] image)
    {
        const string What = "(bytes)";
        ArtifactFormat.Contents contents = ArtifactFormat.Read(new MemoryStream(image, writable: false), What);
        return Load(engine, contents, What, () => LoadAssembly(image, null, contents.Target != "portable"), () => image);
    }

    /// <summary>Loads an artifact file: only its headers and payload are read; the runtime maps the rest.</summary>
    public static Module LoadFile(Engine engine, string path)
    {
        string what = $"'{path}'";
        ArtifactFormat.Contents contents;
        using (FileStream file = File.OpenRead(path)) contents = ArtifactFormat.Read(file, what);
        return Load(engine, contents, what, () => LoadAssembly([], path, contents.Target != "portable"), () => File.ReadAllBytes(path));
    }

    private static Module Load(Engine engine, ArtifactFormat.Contents contents, string what, Func<Assembly> load, Func<byte[]> bytes)
    {
        ArtifactStamp.Check(contents, engine.Config, what);
        WasmModule info = ModuleDecoder.Decode(contents.ModuleBytes, engine.Config.Features, trustedBodies: true);
        var code = new Abi.CompiledCode(load().ManifestModule, contents.Map, keepAlive: null);
        return Module.FromArtifact(engine, info, code, bytes);
    }

    /// <summary>
    /// Loads code compiled in memory (an IL image without payload). Collectible code goes into a
    /// collectible context that is unloaded once nothing uses the code: the object returned as
    /// <see cref="Abi.CompiledCode.KeepAlive"/> is held by every function and instance of the module,
    /// and its finalizer starts the unload.
    /// </summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The generated code references only Sharptime's ABI, which is rooted by the runtime.")]
    public static Abi.CompiledCode LoadCode(byte[] image, Runtime.CodeMap map, bool collectible)
    {
        var context = new ArtifactLoadContext(collectible);
        Assembly assembly = context.LoadFromStream(new MemoryStream(image, writable: false));
        return new Abi.CompiledCode(assembly.ManifestModule, map, collectible ? new Unloader(context) : null);
    }

    /// <summary>Unloads a collectible context when the last function, instance and module of its code are gone.</summary>
    private sealed class Unloader(AssemblyLoadContext context)
    {
        ~Unloader() => context.Unload();
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The artifact's code references only Sharptime's ABI, which is rooted by the runtime.")]
    private static Assembly LoadAssembly(byte[] image, string? path, bool native)
    {
        var context = new ArtifactLoadContext(collectible: false);
        try
        {
            if (path is not null) return context.LoadFromAssemblyPath(Path.GetFullPath(path));
            if (!native) return context.LoadFromStream(new MemoryStream(image, writable: false));
            // The runtime uses ReadyToRun code only from images it maps from a file.
            string temp = Path.Combine(Path.GetTempPath(), $"sharptime-{Guid.NewGuid():N}.dll");
            File.WriteAllBytes(temp, image);
            try
            {
                return context.LoadFromAssemblyPath(temp);
            }
            finally
            {
                File.Delete(temp);
            }
        }
        catch (PlatformNotSupportedException e)
        {
            throw new WasmException("this process cannot load pre-compiled modules (a NativeAOT app cannot load assemblies at run time): compile the module into the app at build time, or use the interpreter", e);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException)
        {
            throw new WasmException($"{(path is null ? "(bytes)" : $"'{path}'")} is not a Sharptime artifact: its stamp reads well but the runtime cannot load its code ({e.Message}); it is damaged: compile it again", e);
        }
    }

    /// <summary>One per artifact (assembly names repeat); Sharptime itself comes from the host's context.</summary>
    private sealed class ArtifactLoadContext(bool collectible) : AssemblyLoadContext("Sharptime.Artifact", collectible)
    {
        private static readonly Assembly Runtime = typeof(Engine).Assembly;

        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name == Runtime.GetName().Name ? Runtime : null;
    }
}
