using System.Reflection;
using System.Runtime.InteropServices;

namespace Sharptime.Artifacts;

/// <summary>
/// The compatibility stamp of an artifact (Wasmtime's engine fingerprint and <c>Tunables</c>):
/// versions, then every setting of <see cref="Config"/> that changes generated code. Checked in
/// this order on load; a mismatch names the setting and both values.
/// </summary>
internal static class ArtifactStamp
{
    /// <summary>This build of Sharptime, e.g. "1.0.0+abc123".</summary>
    public static string SharptimeVersion { get; } =
        typeof(Engine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Engine).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>The platform this process runs on, in RID form (e.g. "linux-x64").</summary>
    public static string CurrentTarget => RuntimeInformation.RuntimeIdentifier;

    /// <summary>The stamp an artifact made with <paramref name="config"/> carries, in check order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Of(Config config) =>
    [
        new("sharptime-version", SharptimeVersion),
        new("abi-version", Abi.AbiVersion.Current.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        .. Settings(config),
    ];

    /// <summary>The settings that change generated code.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Settings(Config config) =>
    [
        new("features", config.Features.ToString()),
        new("consume-fuel", config.ConsumeFuel ? "y" : "n"),
        new("epoch-interruption", config.EpochInterruption ? "y" : "n"),
    ];

    /// <summary>Throws when an artifact with <paramref name="contents"/> cannot run on an engine with <paramref name="config"/>.</summary>
    public static void Check(ArtifactFormat.Contents contents, Config config, string what)
    {
        IReadOnlyList<KeyValuePair<string, string>> expected = Of(config);
        // Versions first: a different version may not even have the same settings.
        for (int i = 0; i < 2; i++) CheckOne(contents.Stamp, expected[i], what);
        if (contents.Target != "portable" && contents.Target != CurrentTarget)
        {
            throw Mismatch(what, "target", contents.Target, CurrentTarget, "compile it for this platform (`sharptime compile --target " + CurrentTarget + "`) or as portable IL (`--target portable`)");
        }
        for (int i = 2; i < expected.Count; i++) CheckOne(contents.Stamp, expected[i], what);
    }

    private static void CheckOne(List<KeyValuePair<string, string>> stamp, KeyValuePair<string, string> expected, string what)
    {
        string? actual = null;
        foreach (KeyValuePair<string, string> entry in stamp)
        {
            if (entry.Key == expected.Key) actual = entry.Value;
        }
        if (actual != expected.Value)
        {
            throw Mismatch(what, expected.Key, actual ?? "(absent)", expected.Value, "recompile the module with this engine's settings");
        }
    }

    private static WasmException Mismatch(string what, string setting, string artifact, string engine, string advice) =>
        new($"incompatible artifact {what}: setting \"{setting}\" is {artifact} in the artifact and {engine} in this engine; {advice}");
}
