using System.Text.Json;

namespace Sharptime.Cli.Tests;

/// <summary>
/// One test of the WASI testsuite (doc/specification.md of WebAssembly/wasi-testsuite, legacy form):
/// a module, its arguments, environment, optional root directory and what it must produce.
/// </summary>
/// <param name="Name">"language/test", e.g. "rust/path_link" (the known-failures key).</param>
/// <param name="Wasm">The module.</param>
/// <param name="Args">The arguments after argv[0].</param>
/// <param name="Env">Exactly the guest's environment.</param>
/// <param name="Root">The host directory to pre-open as "/", relative to the module's folder, or null.</param>
/// <param name="ExitCode">The expected exit status.</param>
/// <param name="Stdout">The expected beginning of stdout, or null when not checked.</param>
/// <param name="Stderr">The expected beginning of stderr, or null when not checked.</param>
internal sealed record WasiTest(string Name, string Wasm, string[] Args, KeyValuePair<string, string>[] Env, string? Root, int ExitCode, string? Stdout, string? Stderr);

/// <summary>
/// Finds the WASI testsuite (SHARPTIME_WASI_TESTSUITE, or ../shared/wasi-testsuite from the repository
/// root) and runs every preview 1 test through the built <c>sharptime</c>, each in its own process, two
/// at a time (the machine budget), on first use. Results are awaited per test by the xunit theory.
/// </summary>
internal static class WasiTestsuite
{
    /// <summary>The environment variable that overrides the testsuite location.</summary>
    public const string EnvironmentVariable = "SHARPTIME_WASI_TESTSUITE";

    /// <summary>The suites run, in this order.</summary>
    public static readonly string[] Languages = ["assemblyscript", "c", "rust"];

    /// <summary>The testsuite folder, or null when it is absent.</summary>
    public static string? Directory => Location.Value.Directory;

    /// <summary>Where the testsuite was looked for.</summary>
    public static string SearchedLocation => Location.Value.Searched;

    private static readonly Lazy<(string? Directory, string Searched)> Location = new(() => (Locate(out string searched), searched));

    /// <summary>Every test, in suite then name order.</summary>
    public static IReadOnlyList<WasiTest> Tests => AllTests.Value;

    private static readonly Lazy<IReadOnlyList<WasiTest>> AllTests = new(() => Directory is null ? [] : FindTests(Directory));

    /// <summary>
    /// How long one test may run (120 s, or SHARPTIME_WASI_TIMEOUT_SECONDS): upstream allows 5 s, but the
    /// Rust modules are 2 MB and two tests share two cores with whatever else runs.
    /// </summary>
    public static TimeSpan Timeout { get; } = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("SHARPTIME_WASI_TIMEOUT_SECONDS"), out int s) && s > 0 ? s : 120);

    private static readonly Lazy<Dictionary<string, Task<ProcessResult>>> Runs = new(StartAll);

    /// <summary>The result of running <paramref name="test"/> (every test starts on first use).</summary>
    public static Task<ProcessResult> Result(WasiTest test) => Runs.Value[test.Name];

    private static string? Locate(out string searched)
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            searched = $"{configured} (from {EnvironmentVariable})";
            return System.IO.Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }
        string path = Path.GetFullPath(Path.Combine(CliRunner.RepositoryRoot(), "..", "shared", "wasi-testsuite"));
        searched = path;
        return System.IO.Directory.Exists(path) ? path : null;
    }

    private static List<WasiTest> FindTests(string root)
    {
        var tests = new List<WasiTest>();
        foreach (string language in Languages)
        {
            string suite = Path.Combine(root, "tests", language, "testsuite", "wasm32-wasip1");
            if (!System.IO.Directory.Exists(suite)) continue;
            string[] modules = System.IO.Directory.GetFiles(suite, "*.wasm");
            Array.Sort(modules, StringComparer.Ordinal);
            foreach (string wasm in modules) tests.Add(Read(language, wasm));
        }
        return tests;
    }

    /// <summary>Reads NAME.json next to the module; absent keys (or no file) take the specification's defaults.</summary>
    private static WasiTest Read(string language, string wasm)
    {
        string name = $"{language}/{Path.GetFileNameWithoutExtension(wasm)}";
        string json = Path.ChangeExtension(wasm, ".json");
        if (!File.Exists(json)) return new WasiTest(name, wasm, [], [], null, 0, null, null);
        using JsonDocument doc = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement spec = doc.RootElement;
        if (spec.TryGetProperty("operations", out _))
        {
            throw new NotSupportedException($"{json}: operation-based specifications are not supported by this runner (only preview 1 legacy ones exist)");
        }
        var args = new List<string>();
        if (spec.TryGetProperty("args", out JsonElement a)) foreach (JsonElement e in a.EnumerateArray()) args.Add(e.GetString()!);
        var env = new List<KeyValuePair<string, string>>();
        if (spec.TryGetProperty("env", out JsonElement v)) foreach (JsonProperty p in v.EnumerateObject()) env.Add(new(p.Name, p.Value.GetString()!));
        string? root = spec.TryGetProperty("root", out JsonElement r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        int exit = spec.TryGetProperty("exit_code", out JsonElement x) ? x.GetInt32() : 0;
        string? stdout = spec.TryGetProperty("stdout", out JsonElement o) ? o.GetString() : null;
        string? stderr = spec.TryGetProperty("stderr", out JsonElement err) ? err.GetString() : null;
        return new WasiTest(name, wasm, [.. args], [.. env], root, exit, stdout, stderr);
    }

    private static Dictionary<string, Task<ProcessResult>> StartAll()
    {
        var gate = new SemaphoreSlim(Math.Max(1, Math.Min(Environment.ProcessorCount, 2)));
        var runs = new Dictionary<string, Task<ProcessResult>>(StringComparer.Ordinal);
        foreach (WasiTest test in Tests) runs[test.Name] = RunGated(test, gate);
        return runs;
    }

    private static async Task<ProcessResult> RunGated(WasiTest test, SemaphoreSlim gate)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        try
        {
            return await Run(test).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Runs one test in a fresh temporary folder holding a copy of its root directory (tests create,
    /// rename and delete entries there), with *.cleanup artifacts removed, exactly the test's environment,
    /// and an empty stdin.
    /// </summary>
    public static async Task<ProcessResult> Run(WasiTest test)
    {
        string work = Path.Combine(Path.GetTempPath(), "sharptime-wasi-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(work);
        try
        {
            var args = new List<string> { "run" };
            foreach ((string key, string value) in test.Env) args.AddRange(["--env", $"{key}={value}"]);
            if (test.Root is not null)
            {
                string copy = Path.Combine(work, Path.GetFileName(test.Root.TrimEnd('/')));
                CopyDirectory(Path.Combine(Path.GetDirectoryName(test.Wasm)!, test.Root), copy);
                RemoveCleanupArtifacts(copy);
                args.AddRange(["--dir", $"{copy}::/"]);
            }
            args.Add(test.Wasm);
            args.AddRange(test.Args);
            return await CliProcess.RunAsync(args, work, Timeout).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                System.IO.Directory.Delete(work, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A test may leave an unreadable or busy entry; the temporary folder is not worth failing the test for.
            }
        }
    }

    /// <summary>The command line the test runs, for failure messages.</summary>
    public static string Describe(WasiTest test)
    {
        var parts = new List<string> { "sharptime run" };
        foreach ((string key, string value) in test.Env) parts.Add($"--env {JsonSerializer.Serialize($"{key}={value}")}");
        if (test.Root is not null) parts.Add($"--dir <copy of {test.Root}>::/");
        parts.Add(test.Wasm);
        foreach (string a in test.Args) parts.Add(JsonSerializer.Serialize(a));
        return string.Join(' ', parts);
    }

    private static void CopyDirectory(string from, string to)
    {
        System.IO.Directory.CreateDirectory(to);
        foreach (string entry in System.IO.Directory.EnumerateFileSystemEntries(from))
        {
            string target = Path.Combine(to, Path.GetFileName(entry));
            var info = new FileInfo(entry);
            if (info.LinkTarget is string link) File.CreateSymbolicLink(target, link);
            else if (System.IO.Directory.Exists(entry)) CopyDirectory(entry, target);
            else File.Copy(entry, target);
        }
    }

    private static void RemoveCleanupArtifacts(string root)
    {
        foreach (string entry in System.IO.Directory.GetFileSystemEntries(root, "*.cleanup", SearchOption.AllDirectories))
        {
            // An entry inside a *.cleanup folder deleted earlier in the loop is already gone.
            if (System.IO.Directory.Exists(entry) && new FileInfo(entry).LinkTarget is null) System.IO.Directory.Delete(entry, recursive: true);
            else if (File.Exists(entry) || new FileInfo(entry).LinkTarget is not null) File.Delete(entry);
        }
    }
}
