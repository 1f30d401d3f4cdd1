namespace Sharptime.Text;

/// <summary>
/// The proposals a spec-testsuite script needs, from where it lives in the testsuite. This is the one place
/// that maps testsuite folders to features; the CLI and the spec tests both use it.
/// </summary>
public static class WastFeatures
{
    /// <summary>
    /// The features for the script at <paramref name="path"/>: WebAssembly 3.0 for the core scripts (the
    /// testsuite root and <c>custom/</c>), plus <see cref="WasmFeatures.LegacyExceptions"/> under <c>legacy/</c>,
    /// <see cref="WasmFeatures.Threads"/> on WebAssembly 2.0 without reference types under <c>proposals/threads/</c>
    /// (its tests assert the 1.0 limits of one table and one memory), <see cref="WasmFeatures.CustomPageSizes"/>
    /// under <c>proposals/custom-page-sizes/</c> and <see cref="WasmFeatures.WideArithmetic"/> under
    /// <c>proposals/wide-arithmetic/</c>. Other proposal folders get WebAssembly 3.0 only.
    /// </summary>
    /// <param name="path">The script's path (absolute or relative; either separator).</param>
    /// <returns>The features to give the engine that runs the script.</returns>
    public static WasmFeatures ForPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        WasmFeatures features = WasmFeatures.Wasm3;
        string[] parts = path.Split('/', '\\');
        // Only the folders the testsuite itself defines count, so that a checkout under, say, /home/legacy/ does not.
        string parent = parts.Length >= 2 ? parts[^2] : "";
        string grandparent = parts.Length >= 3 ? parts[^3] : "";
        if (parent == "legacy") features |= WasmFeatures.LegacyExceptions;
        if (grandparent != "proposals") return features;
        return parent switch
        {
            // The threads proposal's tests were written against WebAssembly 1.0 and still assert its limits
            // ("multiple tables", "multiple memories"), so they run without the later proposals.
            "threads" => (WasmFeatures.Wasm2 & ~WasmFeatures.ReferenceTypes) | WasmFeatures.Threads,
            "custom-page-sizes" => features | WasmFeatures.CustomPageSizes,
            "wide-arithmetic" => features | WasmFeatures.WideArithmetic,
            _ => features,
        };
    }
}
