using Sharptime.Binary;

namespace Sharptime.Validation;

/// <summary>Validates a decoded module (Wasm 3.0 chapter 3).</summary>
internal static class ModuleValidator
{
    /// <summary>Throws <see cref="InvalidModuleException"/> when <paramref name="module"/> is not valid.</summary>
    public static void Validate(WasmModule module, WasmFeatures features) =>
        throw new InvalidModuleException("the validator is being written");
}
