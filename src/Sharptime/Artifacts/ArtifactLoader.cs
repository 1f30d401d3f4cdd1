using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
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
        ArtifactImage? image;
        using (FileStream file = File.OpenRead(path))
        {
            contents = ArtifactFormat.Read(file, what);
            image = ArtifactFormat.ReadMemoryImage(file, Path.GetFullPath(path), contents.PeEnd);
        }
        Module module = Load(engine, contents, what, () => LoadAssembly([], path, contents.Target != "portable"), () => File.ReadAllBytes(path));
        module.Compiled.ArtifactImage = image;
        return module;
    }

    /// <summary>
    /// Loads a module compiled into an assembly that the app references (the <c>WasmModule</c> item
    /// of Sharptime.Build), already loaded by the runtime. The payload is read from the assembly's
    /// resources and checked as an artifact's, except for the target: code compiled into the app
    /// runs wherever the app does. Where metadata tokens cannot be resolved (NativeAOT), the entry
    /// points come from the assembly's function table.
    /// </summary>
    public static Module LoadAssembly(Engine engine, Assembly assembly)
    {
        string name = assembly.GetName().Name ?? "";
        string what = $"assembly '{name}'";
        byte[] payload;
        using (Stream? resource = assembly.GetManifestResourceStream(ArtifactFormat.ResourceName))
        {
            if (resource is null) throw new WasmException($"{what} is not a compiled WebAssembly module: it has no Sharptime payload; compile the module into it with a WasmModule item (package Sharptime.Build) or `sharptime compile --assembly`");
            payload = new byte[resource.Length];
            resource.ReadExactly(payload);
        }
        ArtifactFormat.Contents contents = ArtifactFormat.ReadPayload(payload, "portable", what);
        ArtifactStamp.Check(contents, engine.Config, what);
        nint[]? pointers = RuntimeFeature.IsDynamicCodeSupported ? null : FunctionTable(assembly, name, contents.Map, what);
        return Load(engine, contents, new Abi.CompiledCode(assembly.ManifestModule, contents.Map, keepAlive: null, pointers), bytes: null);
    }

    /// <summary>The entry points listed by the function table of <paramref name="assembly"/>.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Sharptime.Build roots compiled-module assemblies (TrimmerRootAssembly); a missing table is reported.")]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "As above: the table type is rooted with its assembly.")]
    private static nint[] FunctionTable(Assembly assembly, string name, Runtime.CodeMap map, string what)
    {
        MethodInfo fill = assembly.GetType(ArtifactFormat.FunctionTableName(name))?.GetMethod(ArtifactFormat.FunctionTableMethod, [typeof(nint[])])
            ?? throw new WasmException($"{what} has no function table, which this runtime (NativeAOT) needs: compile the module into the app with a WasmModule item (package Sharptime.Build), which also keeps the assembly from being trimmed");
        var pointers = new nint[map.EntryTokens.Length + 2 * map.ArrayCallTokens.Length];
        fill.CreateDelegate<Action<nint[]>>()(pointers);
        return pointers;
    }

    private static Module Load(Engine engine, ArtifactFormat.Contents contents, string what, Func<Assembly> load, Func<byte[]> bytes)
    {
        ArtifactStamp.Check(contents, engine.Config, what);
        return Load(engine, contents, new Abi.CompiledCode(load().ManifestModule, contents.Map, keepAlive: null), bytes);
    }

    private static Module Load(Engine engine, ArtifactFormat.Contents contents, Abi.CompiledCode code, Func<byte[]>? bytes)
    {
        WasmModule info = ModuleDecoder.Decode(contents.ModuleBytes, engine.Config.Features, trustedBodies: true);
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
