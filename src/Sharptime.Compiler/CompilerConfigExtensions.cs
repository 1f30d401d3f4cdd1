using System.Diagnostics.CodeAnalysis;

namespace Sharptime.Compiler;

/// <summary>
/// Plugs the IL compiler into a <see cref="Config"/>. The compiler emits code at run time through
/// System.Reflection.Emit, which a NativeAOT app cannot do: guard the call with
/// <see cref="System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported"/> there, and leave the
/// engine to interpret.
/// </summary>
public static class CompilerConfigExtensions
{
    /// <summary>Returns <paramref name="config"/> with the IL compiler as its code generator.</summary>
    /// <param name="config">The settings to extend.</param>
    /// <returns>The new settings.</returns>
    [RequiresDynamicCode(Message)]
    public static Config UseCompiler(this Config config) => UseCompiler(config, collectible: true);

    /// <summary>Returns <paramref name="config"/> with the IL compiler as its code generator.</summary>
    /// <param name="config">The settings to extend.</param>
    /// <param name="collectible">
    /// True (the default) to emit each module into a collectible assembly, unloaded when nothing
    /// references it; its code is compiled fully optimized on first call but never re-tiered.
    /// False keeps the code for the life of the process and lets the runtime re-tier it with
    /// profile-guided optimization, which can pay off for long-running hot code.
    /// </param>
    /// <returns>The new settings.</returns>
    [RequiresDynamicCode(Message)]
    public static Config UseCompiler(this Config config, bool collectible)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { CodeGenerator = new IlCodeGenerator(collectible) };
    }

    private const string Message = "The Sharptime compiler emits IL at run time; without dynamic code (NativeAOT) use the interpreter (Config.Strategy).";
}
