using System.Runtime.CompilerServices;
using Sharptime.Compiler;

namespace Sharptime.Cli;

/// <summary>
/// Whether this sharptime has the compiler. A NativeAOT build cannot emit code at run time:
/// <see cref="RuntimeFeature.IsDynamicCodeSupported"/> is false there, a constant to the AOT compiler, so
/// the call to <c>UseCompiler</c> below and Sharptime.Compiler with it are left out of the binary and
/// every engine interprets. What needs the compiler or loads .NET assemblies (<c>compile</c>,
/// <c>-C strategy=compiler</c>, artifacts, <c>wast --precompile</c>) fails with <see cref="Missing"/>.
/// </summary>
internal static class CompilerSupport
{
    /// <summary>Whether modules can be compiled and artifacts loaded (false in a NativeAOT build).</summary>
    public static bool IsAvailable => RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The default settings: with the compiler when this build has one, else interpreting.</summary>
    public static Config DefaultConfig => RuntimeFeature.IsDynamicCodeSupported ? Config.Default.UseCompiler() : Config.Default;

    /// <summary>The message for <paramref name="what"/>, which this build cannot do.</summary>
    public static string Missing(string what) => $"this sharptime is a NativeAOT build without a compiler: {what}";

    /// <summary>Throws a <see cref="UsageException"/> for <paramref name="what"/> when this build has no compiler.</summary>
    /// <exception cref="UsageException">No compiler.</exception>
    public static void Require(string what)
    {
        if (!IsAvailable) throw new UsageException(Missing(what));
    }
}
