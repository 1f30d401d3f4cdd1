using System.Diagnostics;

namespace Sharptime.Cli;

/// <summary>
/// The compile cache of <c>sharptime run</c> (Wasmtime's CLI has one): an artifact per module and
/// engine settings, in <c>$XDG_CACHE_HOME/sharptime</c> (default <c>~/.cache/sharptime</c>).
/// <list type="bullet">
/// <item>The key is a hash of the module binary and of the artifact stamp (versions, target,
/// every setting that changes code); an entry is trusted only if it loads, its stamp matches, and
/// the module binary embedded in it equals the one being run, byte for byte. Anything else is
/// recompiled and replaced.</item>
/// <item>Entries are written to a temporary file and renamed into place, so concurrent runs see a
/// whole entry or none; the last writer wins with identical content.</item>
/// <item>A new entry holds IL. A background crossgen2, one at a time per cache, then replaces it
/// with one that also holds ReadyToRun native code for this platform, so later runs start without
/// the JIT. Without crossgen2 entries stay IL-only.</item>
/// <item>Using an entry marks it used (its modification time); writing one prunes the cache to
/// <paramref name="sizeLimit"/> bytes, least recently used entries first (Wasmtime's cache has the
/// same soft limit, 5 GiB by default).</item>
/// </list>
/// </summary>
internal sealed class CompileCache(string directory, long sizeLimit = CompileCache.DefaultSizeLimit)
{
    /// <summary>The size the cache is pruned to unless <c>-C cache-size-limit</c> says otherwise.</summary>
    public const long DefaultSizeLimit = 5L << 30;

    /// <summary>The cache folder when <c>-C cache-dir</c> is not given.</summary>
    public static string DefaultDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "sharptime");
            if (OperatingSystem.IsWindows()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "sharptime", "cache");
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "sharptime");
        }
    }

    public string Directory { get; } = directory;

    /// <summary>The module, from the cache when a valid entry exists, else compiled and cached.</summary>
    public Module Load(Engine engine, byte[] wasm)
    {
        string path = EntryPath(engine, wasm);
        if (TryLoad(engine, path, wasm) is Module cached) return cached;
        byte[] artifact = engine.PrecompileModule(wasm);
        if (!TryWrite(path, artifact)) return Module.Deserialize(engine, artifact);
        Prune(keep: path);
        StartNativeCompile(path);
        return TryLoad(engine, path, wasm) ?? Module.Deserialize(engine, artifact);
    }

    /// <summary>Where the entry of <paramref name="wasm"/> compiled by <paramref name="engine"/> lives.</summary>
    public string EntryPath(Engine engine, byte[] wasm)
    {
        string module = Hash(wasm);
        var stamp = new System.Text.StringBuilder(ReadyToRun.Host);
        foreach (KeyValuePair<string, string> entry in Artifacts.ArtifactStamp.Of(engine.Config)) stamp.Append('\n').Append(entry.Key).Append('=').Append(entry.Value);
        string settings = Hash(System.Text.Encoding.UTF8.GetBytes(stamp.ToString()))[..16];
        return Path.Combine(Directory, module[..2], $"{module}-{settings}.cwasm");
    }

    /// <summary>
    /// A 128-bit FNV-1a (two 64-bit lanes with different bases) in hex. Not cryptographic, and it
    /// need not be: an entry is used only if the module inside equals the one being run, so a
    /// collision costs a recompilation, never a wrong module. SHA-256 here cost a crypto library
    /// load on every run, a measurable share of a small program's start-up.
    /// </summary>
    private static string Hash(ReadOnlySpan<byte> bytes)
    {
        const ulong Prime = 0x100000001b3;
        ulong a = 0xcbf29ce484222325, b = 0x84222325cbf29ce4 ^ (ulong)bytes.Length;
        foreach (byte x in bytes)
        {
            a = (a ^ x) * Prime;
            b = (b ^ (byte)(x + 0x5b)) * Prime;
        }
        return $"{a:x16}{b:x16}";
    }

    private static Module? TryLoad(Engine engine, string path, byte[] wasm)
    {
        if (!File.Exists(path)) return null;
        try
        {
            Module module = Module.DeserializeFile(engine, path);
            if (module.Bytes.Span.SequenceEqual(wasm))
            {
                MarkUsed(path);
                return module;
            }
        }
        catch (Exception e) when (e is WasmException or IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            // A damaged, truncated or stale entry: recompiled below.
        }
        return null;
    }

    /// <summary>Records a use for pruning; a cache this run cannot write (shared, read-only) is still used.</summary>
    private static void MarkUsed(string path)
    {
        try
        {
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// Deletes the least recently used entries until the cache holds at most the size limit, never
    /// <paramref name="keep"/> (the entry just written). Entries in use by other runs stay readable
    /// (they are mapped); an entry deleted under a run that was about to read it is recompiled there.
    /// </summary>
    private void Prune(string keep)
    {
        try
        {
            var entries = new List<FileInfo>();
            long total = 0;
            foreach (string file in System.IO.Directory.EnumerateFiles(Directory, "*.cwasm", SearchOption.AllDirectories))
            {
                var info = new FileInfo(file);
                entries.Add(info);
                total += info.Length;
            }
            if (total <= sizeLimit) return;
            entries.Sort((a, b) => a.LastWriteTimeUtc.CompareTo(b.LastWriteTimeUtc));
            foreach (FileInfo entry in entries)
            {
                if (total <= sizeLimit) break;
                if (entry.FullName == Path.GetFullPath(keep)) continue;
                entry.Delete();
                total -= entry.Length;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run pruned or replaced the same files: the next write prunes again.
        }
    }

    private static bool TryWrite(string path, byte[] artifact)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temp, artifact);
            File.Move(temp, path, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return false;
        }
    }

    /// <summary>
    /// Whether the native-compile lock belongs to no running compile: the process it names has ended
    /// (killed before it could remove the lock, e.g. with the terminal's process group), or it is
    /// older than an hour (a reused process id), or it names nothing and is a minute old (written
    /// by a run that died between creating and filling it).
    /// </summary>
    private static bool IsStale(string lockFile)
    {
        TimeSpan age = DateTime.UtcNow - File.GetLastWriteTimeUtc(lockFile);
        if (age > TimeSpan.FromHours(1)) return true;
        if (!int.TryParse(File.ReadAllText(lockFile), System.Globalization.CultureInfo.InvariantCulture, out int pid)) return age > TimeSpan.FromMinutes(1);
        try
        {
            using Process process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    /// <summary>Starts crossgen2 in the background to add native code to the entry, unless one already runs for this cache.</summary>
    private void StartNativeCompile(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        string lockFile = Path.Combine(Directory, "native.lock");
        try
        {
            if (File.Exists(lockFile) && IsStale(lockFile)) File.Delete(lockFile);
            using (new FileStream(lockFile, FileMode.CreateNew, FileAccess.Write)) { }
        }
        catch (IOException)
        {
            return;
        }
        try
        {
            // crossgen2 wants its input and output named like assemblies.
            string input = $"{path}.{Environment.ProcessId}.il.dll";
            string native = $"{path}.{Environment.ProcessId}.native.dll";
            ProcessStartInfo crossgen = ReadyToRun.Command(input, native, ReadyToRun.Host);
            var shell = new ProcessStartInfo("/bin/sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            // $0 is the lock, $1 the entry, $2 crossgen2's input (a copy of the entry), $3 its output,
            // $4 the size of the memory image and footer that end the entry, then crossgen2's command.
            // crossgen2 writes a new PE image: the memory image goes after it again, aligned as ArtifactFormat.WithOverlay does.
            long overlay = Artifacts.ArtifactFormat.MemoryImageOverlaySize(path);
            int align = Artifacts.ArtifactFormat.ImageAlignment;
            shell.ArgumentList.Add("-c");
            shell.ArgumentList.Add("lock=$0; entry=$1; in=$2; out=$3; ov=$4; shift 4; cp \"$entry\" \"$in\" && nice -n 10 \"$@\" >/dev/null 2>&1 && "
                + $"{{ [ \"$ov\" -eq 0 ] || {{ size=$(wc -c < \"$out\") && head -c $(( ({align} - size % {align}) % {align} )) /dev/zero >> \"$out\" && tail -c \"$ov\" \"$in\" >> \"$out\"; }}; }} && "
                + "mv -f \"$out\" \"$entry\"; rm -f \"$in\" \"$out\" \"$lock\"");
            shell.ArgumentList.Add(lockFile);
            shell.ArgumentList.Add(path);
            shell.ArgumentList.Add(input);
            shell.ArgumentList.Add(native);
            shell.ArgumentList.Add(overlay.ToString(System.Globalization.CultureInfo.InvariantCulture));
            shell.ArgumentList.Add(crossgen.FileName);
            foreach (string arg in crossgen.ArgumentList) shell.ArgumentList.Add(arg);
            using Process? process = Process.Start(shell);
            if (process is not null) File.WriteAllText(lockFile, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is RunFailedException or System.ComponentModel.Win32Exception or IOException)
        {
            // No crossgen2: entries stay IL-only.
            File.Delete(lockFile);
        }
    }
}
