using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>
/// A code generator turns validated modules into callable code. Sharptime.Compiler implements it;
/// <c>Config.UseCompiler()</c> plugs it into a <see cref="Config"/>.
/// </summary>
/// <remarks>
/// Calling convention of every generated function: the Wasm parameters in order, then one
/// <c>ref</c> parameter per result after the first, then the <see cref="VmContext"/> of the
/// instance; it returns its first result (or void). Each module also carries, per function type,
/// an array-call shim (arguments and results as spans of <see cref="Value"/>) and a shim that calls
/// an untyped host function, so that nothing is generated after a module is compiled.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICodeGenerator
{
    /// <summary>The <see cref="AbiVersion.Current"/> the generator was built against.</summary>
    int AbiVersion { get; }

    /// <summary>Compiles every function defined by <paramref name="module"/> into memory.</summary>
    /// <param name="module">A decoded and validated module.</param>
    /// <returns>The compiled code.</returns>
    CompiledCode Compile(Module module);

    /// <summary>
    /// Compiles <paramref name="module"/> into an artifact: a .NET assembly (IL only) with the
    /// module and its compatibility stamp embedded, loadable with <see cref="Module.Deserialize"/>.
    /// </summary>
    /// <param name="module">A decoded and validated module.</param>
    /// <returns>The bytes of the assembly.</returns>
    byte[] Precompile(Module module);

    /// <summary>
    /// Compiles <paramref name="module"/> into an assembly that an app references (see
    /// <see cref="Module.FromCompiledAssembly"/>): an artifact named <paramref name="assemblyName"/>,
    /// plus a public type that lists the entry points, for runtimes that cannot resolve metadata
    /// tokens (NativeAOT).
    /// </summary>
    /// <param name="module">A decoded and validated module.</param>
    /// <param name="assemblyName">The assembly's name: dotted identifiers, unique in the app.</param>
    /// <returns>The bytes of the assembly.</returns>
    byte[] PrecompileAssembly(Module module, string assemblyName);
}

/// <summary>The code of one module: the .NET module that holds it and a map of its methods.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CompiledCode
{
    internal CompiledCode(System.Reflection.Module code, Runtime.CodeMap map, object? keepAlive, nint[]? pointers = null)
    {
        Code = code;
        Map = map;
        KeepAlive = keepAlive;
        Pointers = pointers;
    }

    /// <summary>The .NET module holding the generated methods.</summary>
    internal System.Reflection.Module Code { get; }

    internal Runtime.CodeMap Map { get; }

    /// <summary>An object whose reachability keeps collectible code alive (a generated type).</summary>
    internal object? KeepAlive { get; }

    /// <summary>
    /// The entry points in the order of <see cref="Artifacts.ArtifactFormat.FunctionTableName"/>'s
    /// table, where metadata tokens cannot be resolved (NativeAOT); otherwise null.
    /// </summary>
    internal nint[]? Pointers { get; }
}
