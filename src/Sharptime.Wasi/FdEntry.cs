namespace Sharptime.Wasi;

/// <summary>One slot of the guest's descriptor table.</summary>
internal abstract class FdEntry : IDisposable
{
    protected FdEntry(Filetype type, Rights rightsBase, Rights rightsInheriting)
    {
        Type = type;
        RightsBase = rightsBase;
        RightsInheriting = rightsInheriting;
    }

    public Filetype Type { get; }

    public Rights RightsBase { get; set; }

    public Rights RightsInheriting { get; set; }

    public FdFlags Flags { get; set; }

    /// <summary>The guest name of a pre-opened directory (for fd_prestat_*), or null.</summary>
    public string? PreopenName { get; init; }

    /// <summary>Raises ENOTCAPABLE unless every right in <paramref name="needed"/> is held.</summary>
    public void Require(Rights needed)
    {
        if ((RightsBase & needed) != needed) throw new WasiErrnoException(Errno.NotCapable);
    }

    public abstract void Dispose();
}
