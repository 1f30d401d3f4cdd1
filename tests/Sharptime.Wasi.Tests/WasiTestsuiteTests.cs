using System.Text;
using System.Text.Json;
using Sharptime.Compiler;

namespace Sharptime.Wasi.Tests;

/// <summary>
/// Runs the WASI preview 1 programs of the wasi-testsuite (../shared/wasi-testsuite beside the repository, or
/// SHARPTIME_WASI_TESTSUITE) through the library directly, following its doc/specification.md.
/// </summary>
public sealed class WasiTestsuiteTests
{
    /// <summary>$SHARPTIME_WASI_TESTSUITE, else the nearest shared/wasi-testsuite above the test binaries (../shared beside the repository).</summary>
    public static string? SuiteRoot()
    {
        string? env = Environment.GetEnvironmentVariable("SHARPTIME_WASI_TESTSUITE");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "wasi-testsuite");
            if (Directory.Exists(Path.Combine(candidate, "tests"))) return candidate;
        }
        return null;
    }

    private const string Missing = "<wasi-testsuite not found>";

    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        string? root = SuiteRoot();
        if (root is null)
        {
            data.Add(Missing);
            return data;
        }
        foreach (string language in new[] { "assemblyscript", "c", "rust" })
        {
            string dir = Path.Combine(root, "tests", language, "testsuite", "wasm32-wasip1");
            if (!Directory.Exists(dir)) continue;
            string[] files = Directory.GetFiles(dir, "*.wasm");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (string f in files) data.Add($"{language}/{Path.GetFileNameWithoutExtension(f)}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void Program(string name)
    {
        Assert.True(name != Missing, "the wasi-testsuite is missing: set SHARPTIME_WASI_TESTSUITE or put it at ../shared/wasi-testsuite beside the repository");
        string root = SuiteRoot()!;
        string[] parts = name.Split('/');
        string dir = Path.Combine(root, "tests", parts[0], "testsuite", "wasm32-wasip1");
        string wasm = Path.Combine(dir, parts[1] + ".wasm");
        string json = Path.Combine(dir, parts[1] + ".json");
        JsonElement spec = File.Exists(json) ? JsonDocument.Parse(File.ReadAllText(json)).RootElement : default;

        var config = WasiConfig.Default.WithArgs([parts[1] + ".wasm", .. Strings(spec, "args")]);
        if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("env", out JsonElement env))
        {
            foreach (JsonProperty p in env.EnumerateObject()) config = config.WithEnv(p.Name, p.Value.GetString()!);
        }
        string? scratch = null;
        if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("root", out JsonElement rootDir))
        {
            scratch = Path.Combine(Path.GetTempPath(), "sharptime-wasi-" + Guid.NewGuid().ToString("N"));
            CopyTree(Path.Combine(dir, rootDir.GetString()!), scratch);
            config = config.WithPreopenedDirectory(scratch, "/");
        }
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        config = config.WithStdout(stdout).WithStderr(stderr).WithStdin(new MemoryStream());
        int exit;
        try
        {
            exit = Run(wasm, config);
        }
        finally
        {
            if (scratch is not null) Directory.Delete(scratch, recursive: true);
        }
        int expected = spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("exit_code", out JsonElement code) ? code.GetInt32() : 0;
        string output = Encoding.UTF8.GetString(stdout.ToArray());
        string errors = Encoding.UTF8.GetString(stderr.ToArray());
        Assert.True(expected == exit, $"exit {exit}, expected {expected}; stdout: {output}; stderr: {errors}");
        if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("stdout", out JsonElement so)) Assert.StartsWith(so.GetString()!, output, StringComparison.Ordinal);
        if (spec.ValueKind == JsonValueKind.Object && spec.TryGetProperty("stderr", out JsonElement se)) Assert.StartsWith(se.GetString()!, errors, StringComparison.Ordinal);
    }

    private static readonly Engine SharedEngine = new(Config.Default.UseCompiler());

    private static int Run(string wasm, WasiConfig config)
    {
        using var context = new WasiContext(config);
        using var store = new Store<WasiContext>(SharedEngine, context);
        Linker linker = new Linker(SharedEngine).AddWasi();
        Module module = Module.FromFile(SharedEngine, wasm);
        Instance instance = linker.Instantiate(store, module);
        try
        {
            instance.GetFunction("_start")!.Call();
            return 0;
        }
        catch (WasiExitException e)
        {
            return e.ExitCode;
        }
        catch (TrapException)
        {
            return 134;
        }
    }

    private static string[] Strings(JsonElement spec, string key)
    {
        if (spec.ValueKind != JsonValueKind.Object || !spec.TryGetProperty(key, out JsonElement a)) return [];
        var list = new List<string>();
        foreach (JsonElement e in a.EnumerateArray()) list.Add(e.GetString()!);
        return [.. list];
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string d in Directory.GetDirectories(from))
        {
            var info = new DirectoryInfo(d);
            if (info.LinkTarget is string target) File.CreateSymbolicLink(Path.Combine(to, info.Name), target);
            else CopyTree(d, Path.Combine(to, info.Name));
        }
        foreach (string f in Directory.GetFiles(from))
        {
            var info = new FileInfo(f);
            if (info.Name.EndsWith(".cleanup", StringComparison.Ordinal)) continue;
            if (info.LinkTarget is string target) File.CreateSymbolicLink(Path.Combine(to, info.Name), target);
            else File.Copy(f, Path.Combine(to, info.Name));
        }
    }
}
