namespace Sharptime.Wasi.Tests;

/// <summary>
/// A temporary tree: <c>box/</c> is pre-opened as fd 3 (read-write) and <c>ro/</c> as fd 4
/// (read-only); <c>secret.txt</c> and <c>outside/</c> sit next to them and must never change.
/// </summary>
internal sealed class SandboxFixture : IDisposable
{
    public SandboxFixture()
    {
        Root = Path.Combine(Path.GetTempPath(), "sharptime-sandbox-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(Root, "outside"));
        File.WriteAllText(Path.Combine(Root, "secret.txt"), "OUTSIDE");
        File.WriteAllText(Path.Combine(Root, "outside", "victim.txt"), "OUTSIDE");
        Box = Path.Combine(Root, "box");
        Directory.CreateDirectory(Path.Combine(Box, "sub"));
        File.WriteAllText(Path.Combine(Box, "inside.txt"), "inside");
        File.WriteAllText(Path.Combine(Box, "sub", "secret.txt"), "inside");
        ReadOnly = Path.Combine(Root, "ro");
        Directory.CreateDirectory(ReadOnly);
        File.WriteAllText(Path.Combine(ReadOnly, "file.txt"), "read only");
        _before = Snapshot();
    }

    public string Root { get; }

    public string Box { get; }

    public string ReadOnly { get; }

    private readonly string _before;

    public WasiConfig Config => WasiConfig.Default
        .WithPreopenedDirectory(Box, "/")
        .WithPreopenedDirectory(ReadOnly, "/ro", WasiDirectoryAccess.ReadOnly);

    /// <summary>Everything outside <c>box/</c>: names, contents, link targets and modification times (access times change when the snapshot itself reads).</summary>
    public string Snapshot()
    {
        var lines = new List<string>();
        Walk(Root, lines);
        // The parent of the tree must not have gained entries either.
        foreach (string f in Directory.GetFileSystemEntries(Path.GetDirectoryName(Root)!, Path.GetFileName(Root) + "*")) lines.Add(f);
        lines.Sort(StringComparer.Ordinal);
        return string.Join('\n', lines);
    }

    // Not Directory.GetFileSystemEntries(AllDirectories): it would follow the guest's symlinks to "..".
    private void Walk(string dir, List<string> lines)
    {
        foreach (string f in Directory.GetFileSystemEntries(dir))
        {
            if (f == Box) continue;
            var info = new FileInfo(f);
            bool isDir = info.Attributes.HasFlag(FileAttributes.Directory);
            string content = info.LinkTarget is string t ? "-> " + t : isDir ? "<dir>" : File.ReadAllText(f);
            lines.Add($"{f} {content} {info.LastWriteTimeUtc.Ticks}");
            if (isDir && info.LinkTarget is null) Walk(f, lines);
        }
    }

    /// <summary>Asserts nothing outside the sandbox changed.</summary>
    public void AssertOutsideUnchanged() => Assert.Equal(_before, Snapshot());

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
