namespace Sharptime;

/// <summary>
/// Immutable engine settings. Start from <see cref="Config.Default"/> and derive variants with
/// <c>with</c> expressions: <c>Config.Default with { Features = WasmFeatures.All }</c>.
/// </summary>
public sealed record Config
{
    /// <summary>WebAssembly 3.0 with no extra proposals.</summary>
    public static Config Default { get; } = new();

    /// <summary>The proposals modules may use. Defaults to <see cref="WasmFeatures.Wasm3"/>.</summary>
    public WasmFeatures Features { get; init; } = WasmFeatures.Wasm3;
}
