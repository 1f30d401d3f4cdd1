using Sharptime.Text.Scripts;

namespace Sharptime.Text;

/// <summary>
/// Runs WebAssembly scripts (<c>.wast</c>): the spec testsuite's format of modules, actions and assertions.
/// </summary>
/// <remarks>
/// A script run checks that modules decode and validate and that <c>assert_malformed</c>/<c>assert_invalid</c>
/// modules fail with a message that starts with the expected text. Modules are instantiated in one store per
/// script with the <see cref="SpecTestModule"/> host module, and actions and the assertions about them
/// (<c>assert_return</c>, <c>assert_trap</c>, <c>assert_exhaustion</c>, <c>assert_unlinkable</c>,
/// <c>assert_uninstantiable</c>, <c>register</c>…) run, compiled or interpreted as the engine's
/// <see cref="Config.Strategy"/> says. Choose the engine's features per script with <see cref="WastFeatures.ForPath"/>;
/// a script that names proposals in a header (<c>;;! threads = true</c>, see <see cref="WastFeatures.ApplyHeader"/>)
/// runs on an engine with the same settings and those proposals switched. The threads proposal's <c>thread</c>
/// commands run on threads of their own, each with its own store; <c>wait</c> joins one.
/// </remarks>
public static class Wast
{
    /// <summary>Reads and runs a script file.</summary>
    /// <param name="path">The path of the <c>.wast</c> file; it is also the file name in the result.</param>
    /// <param name="engine">The engine whose settings apply to every module of the script.</param>
    /// <returns>
    /// Counts per command kind and the failures. A malformed script (including a file that is not UTF-8) is one
    /// failure of kind <c>script</c>.
    /// </returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WastResult Run(string path, Engine engine) => Run(path, engine, path);

    /// <summary>Reads and runs a script file, naming it <paramref name="displayName"/> in the result.</summary>
    /// <param name="path">The path of the <c>.wast</c> file.</param>
    /// <param name="engine">The engine whose settings apply to every module of the script.</param>
    /// <param name="displayName">The file name used in the result and in error messages (for example a relative path).</param>
    /// <returns>Counts per command kind and the failures.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WastResult Run(string path, Engine engine, string displayName) => Run(path, engine, displayName, WastOptions.Default);

    /// <summary>Reads and runs a script file with options.</summary>
    /// <param name="path">The path of the <c>.wast</c> file.</param>
    /// <param name="engine">The engine whose settings apply to every module of the script.</param>
    /// <param name="displayName">The file name used in the result and in error messages.</param>
    /// <param name="options">How modules are made (for example through artifacts).</param>
    /// <returns>Counts per command kind and the failures.</returns>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static WastResult Run(string path, Engine engine, string displayName, WastOptions options)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(displayName);
        ArgumentNullException.ThrowIfNull(options);
        return WastRunner.Run(File.ReadAllBytes(path), displayName, engine, options);
    }

    /// <summary>Runs a script given as text.</summary>
    /// <param name="text">The script.</param>
    /// <param name="file">The file name used in the result and in error messages.</param>
    /// <param name="engine">The engine whose settings apply to every module of the script.</param>
    /// <returns>Counts per command kind and the failures.</returns>
    public static WastResult RunText(string text, string file, Engine engine)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(engine);
        return WastRunner.Run(text, file, engine);
    }
}
