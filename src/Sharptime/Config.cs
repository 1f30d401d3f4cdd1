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

    /// <summary>
    /// The code generator that compiles modules, or null when none is plugged in (then modules can
    /// be decoded and validated but not instantiated). Set it with <c>config.UseCompiler()</c> from
    /// Sharptime.Compiler rather than by hand.
    /// </summary>
    public Abi.ICodeGenerator? CodeGenerator { get; init; }

    /// <summary>The largest size in bytes any linear memory may reach; growing beyond fails. Defaults to 4 GiB.</summary>
    public ulong MaxMemoryBytes { get; init; } = 4UL << 30;
}
