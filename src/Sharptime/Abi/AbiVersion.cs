using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>The version of the contract between generated code and the runtime.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class AbiVersion
{
    /// <summary>
    /// Bumped on every change to what generated code may call or how it lays out its calls: a
    /// function takes its Wasm parameters, then one byref per result after the first, then the
    /// <see cref="VmContext"/>, and returns its first result.
    /// </summary>
    public const int Current = 9;
}
