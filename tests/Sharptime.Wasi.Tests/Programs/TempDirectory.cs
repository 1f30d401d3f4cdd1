namespace Sharptime.Wasi.Tests.Programs;

/// <summary>A fresh host directory for one test, optionally a copy of a data directory; deleted on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory(string? copyFrom = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sharptime-wasi-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        if (copyFrom is null) return;
        foreach (string file in Directory.GetFiles(copyFrom))
        {
            File.Copy(file, System.IO.Path.Combine(Path, System.IO.Path.GetFileName(file)));
        }
    }

    public string Path { get; }

    /// <summary>The file or directory <paramref name="relative"/> below this one.</summary>
    public string this[string relative] => System.IO.Path.Combine(Path, relative);

    /// <summary>The names of the entries directly below, sorted ordinally.</summary>
    public string[] Entries()
    {
        string[] names = [.. Directory.GetFileSystemEntries(Path).Select(System.IO.Path.GetFileName).OfType<string>()];
        Array.Sort(names, StringComparer.Ordinal);
        return names;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is not worth failing a test over.
        }
    }
}
