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

    /// <summary>
    /// The proposals by name, as Wasmtime spells them in <c>-W</c> options (<c>tail-call</c>, <c>gc</c>,
    /// <c>threads</c>…), plus <c>all</c>. Feature headers accept the same names with <c>_</c> for <c>-</c>.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, WasmFeatures>> Names { get; } =
    [
        new("all", WasmFeatures.All),
        new("mutable-globals", WasmFeatures.MutableGlobals),
        new("sign-extension", WasmFeatures.SignExtension),
        new("saturating-float-to-int", WasmFeatures.SaturatingFloatToInt),
        new("multi-value", WasmFeatures.MultiValue),
        new("bulk-memory", WasmFeatures.BulkMemory),
        new("reference-types", WasmFeatures.ReferenceTypes),
        new("simd", WasmFeatures.Simd),
        new("relaxed-simd", WasmFeatures.RelaxedSimd),
        new("tail-call", WasmFeatures.TailCall),
        new("extended-const", WasmFeatures.ExtendedConst),
        new("multi-memory", WasmFeatures.MultiMemory),
        new("memory64", WasmFeatures.Memory64),
        new("exceptions", WasmFeatures.ExceptionHandling),
        new("legacy-exceptions", WasmFeatures.LegacyExceptions),
        new("function-references", WasmFeatures.FunctionReferences),
        new("gc", WasmFeatures.Gc),
        new("threads", WasmFeatures.Threads),
        new("custom-page-sizes", WasmFeatures.CustomPageSizes),
        new("wide-arithmetic", WasmFeatures.WideArithmetic),
    ];

    /// <summary>Finds a proposal by name (<see cref="Names"/>; <c>_</c> and <c>-</c> are the same).</summary>
    /// <param name="name">The name.</param>
    /// <param name="feature">The proposal's flags.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryParseName(string name, out WasmFeatures feature)
    {
        ArgumentNullException.ThrowIfNull(name);
        string normalized = name.Replace('_', '-');
        foreach ((string known, WasmFeatures flag) in Names)
        {
            if (known == normalized)
            {
                feature = flag;
                return true;
            }
        }
        feature = WasmFeatures.None;
        return false;
    }

    /// <summary>
    /// Applies a script's feature header to <paramref name="features"/>: the comment lines at the top of the
    /// script of the form <c>;;! name = true</c> (or <c>false</c>), as Wasmtime's own test scripts write them,
    /// where name is a proposal of <see cref="Names"/> with <c>_</c> or <c>-</c>. Other keys of such lines
    /// (settings of other test harnesses, such as <c>target</c>) are ignored; the header ends at the first
    /// line that is neither a comment nor blank.
    /// </summary>
    /// <param name="script">The script's text.</param>
    /// <param name="features">The features the script would get otherwise (<see cref="ForPath"/>).</param>
    /// <returns>The features with the header's switches applied in order.</returns>
    public static WasmFeatures ApplyHeader(string script, WasmFeatures features)
    {
        ArgumentNullException.ThrowIfNull(script);
        using var reader = new StringReader(script);
        while (reader.ReadLine() is string raw)
        {
            string line = raw.Trim();
            if (line.Length == 0) continue;
            if (!line.StartsWith(";;", StringComparison.Ordinal)) break;
            if (!line.StartsWith(";;!", StringComparison.Ordinal)) continue;
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0) continue;
            string key = line[3..equals].Trim();
            string value = line[(equals + 1)..].Trim();
            if (!TryParseName(key, out WasmFeatures flag) || value is not ("true" or "false")) continue;
            features = value == "true" ? features | flag : features & ~flag;
        }
        return features;
    }
}
