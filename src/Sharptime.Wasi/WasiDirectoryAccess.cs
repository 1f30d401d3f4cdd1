namespace Sharptime.Wasi;

/// <summary>What a guest may do inside a pre-opened directory.</summary>
public enum WasiDirectoryAccess
{
    /// <summary>Read files and list directories; every change is refused with <c>EPERM</c>.</summary>
    ReadOnly,

    /// <summary>Read, create, write, rename and delete below the directory.</summary>
    ReadWrite,
}
