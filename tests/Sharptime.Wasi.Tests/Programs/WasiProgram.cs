using System.Collections.Concurrent;
using System.Text;
using Sharptime.Compiler;

namespace Sharptime.Wasi.Tests.Programs;

/// <summary>
/// Runs the committed example programs of examples/wasi (C compiled to wasm32-wasi by
/// examples/wasi/build.sh) on the compiler engine through the public WASI API, with captured
/// standard streams. Tests never rebuild the .wasm files; they check the committed ones.
/// </summary>
internal static class WasiProgram
{
    private static readonly Engine SharedEngine = new(Config.Default.UseCompiler());
    private static readonly ConcurrentDictionary<string, Module> Modules = new(StringComparer.Ordinal);

    /// <summary>examples/wasi in the repository that holds the test binaries.</summary>
    public static string ExamplesDirectory { get; } = Path.Combine(FindRepositoryRoot(), "examples", "wasi");

    /// <summary>examples/wasi/data/<paramref name="name"/>.</summary>
    public static string DataDirectory(string name) => Path.Combine(ExamplesDirectory, "data", name);

    /// <summary>
    /// Runs examples/wasi/<paramref name="program"/>.wasm's <c>_start</c> with
    /// <paramref name="config"/> plus captured stdout and stderr (and <paramref name="stdin"/>,
    /// or an empty stdin). argv[0] is "<paramref name="program"/>.wasm" unless the config sets
    /// arguments of its own.
    /// </summary>
    /// <summary>One InstancePre per program, shared by every run (each run's WASI state is its store's).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, InstancePre> Linkers = new();

    public static ProgramResult Run(string program, WasiConfig config, byte[]? stdin = null)
    {
        using var input = new MemoryStream(stdin ?? []);
        using var stdout = new MemoryStream();
        using var stderr = new MemoryStream();
        if (config.Args.IsEmpty) config = config.WithArgs($"{program}.wasm");
        config = config.WithStdin(input).WithStdout(stdout).WithStderr(stderr);

        Module module = Modules.GetOrAdd(program, static p => Module.FromFile(SharedEngine, Path.Combine(ExamplesDirectory, p + ".wasm")));
        using var context = new WasiContext(config);
        using var store = new Store<WasiContext>(SharedEngine, context);
        Instance instance = Linkers.GetOrAdd(program, static (_, m) => new Linker(SharedEngine).AddWasi().InstantiatePre(m), module).Instantiate(store);
        Func start = instance.GetFunction("_start") ?? throw new InvalidOperationException($"{program}.wasm exports no _start");
        int exitCode;
        try
        {
            start.Call();
            exitCode = 0;
        }
        catch (WasiExitException e)
        {
            exitCode = e.ExitCode;
        }
        return new ProgramResult(exitCode, stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>Runs a program with the given argv (argv[0] included) and nothing else.</summary>
    public static ProgramResult Run(string program, params string[] argv) => Run(program, WasiConfig.Default.WithArgs(argv));

    /// <summary>An expected transcript written as a raw string literal: LF line ends and a final newline.</summary>
    public static string Lines(string rawLiteral) => rawLiteral.ReplaceLineEndings("\n") + "\n";

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Sharptime.sln above {AppContext.BaseDirectory}");
    }
}
