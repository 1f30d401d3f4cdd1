namespace Sharptime.Wasi;

/// <summary>A host directory the guest sees under <see cref="GuestPath"/>.</summary>
/// <param name="HostPath">The directory on the host.</param>
/// <param name="GuestPath">The name the guest sees (returned by <c>fd_prestat_dir_name</c>), e.g. "/" or ".".</param>
/// <param name="Access">What the guest may do below it.</param>
public sealed record WasiPreopenedDirectory(string HostPath, string GuestPath, WasiDirectoryAccess Access);
