using System.Text;
using Sharptime.Wasi;

namespace Sharptime.RuntimeOnly.Tests;

/// <summary>
/// What a process without the compiler can do: load artifacts and run WASI programs. This project
/// references only Sharptime and Sharptime.Wasi.
/// </summary>
public sealed class RuntimeOnlyTests
{
    private static string ArtifactPath(string name) => Path.Combine(AppContext.BaseDirectory, "artifacts", name + ".cwasm");

    private static string RepositoryFile(params string[] parts)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, .. parts]);
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln"))) return candidate;
        }
        throw new FileNotFoundException($"no Sharptime.sln above {AppContext.BaseDirectory}");
    }

    private static (int ExitCode, string Stdout) RunWasi(Module module, params string[] args)
    {
        Engine engine = module.Engine;
        using var stdout = new MemoryStream();
        using var wasi = new WasiContext(WasiConfig.Default.WithArgs(args).WithStdout(stdout));
        using var store = new Store<WasiContext>(engine, wasi);
        Linker linker = new Linker(engine).AddWasi();
        int code = 0;
        try
        {
            linker.Instantiate(store, module).GetFunction("_start")!.Call();
        }
        catch (WasiExitException e)
        {
            code = e.ExitCode;
        }
        return (code, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void The_runtime_only_assemblies_reference_neither_the_compiler_nor_reflection_emit()
    {
        foreach (System.Reflection.Assembly assembly in new[] { typeof(Engine).Assembly, typeof(WasiConfig).Assembly, typeof(RuntimeOnlyTests).Assembly })
        {
            string[] references = [.. assembly.GetReferencedAssemblies().Select(a => a.Name!)];
            Assert.DoesNotContain("Sharptime.Compiler", references);
            Assert.DoesNotContain("Sharptime.Text", references);
            Assert.DoesNotContain(references, n => n.Contains("Reflection.Emit", StringComparison.Ordinal));
        }
        Assert.False(File.Exists(Path.Combine(AppContext.BaseDirectory, "Sharptime.Compiler.dll")), "the compiler was copied next to the runtime-only tests");
    }

    [Fact]
    public void A_precompiled_wasi_program_runs_without_a_compiler()
    {
        var engine = new Engine(Config.Default);
        Assert.Null(engine.Config.CodeGenerator);
        Module module = Module.DeserializeFile(engine, ArtifactPath("hello"));
        (int code, string stdout) = RunWasi(module, "hello.wasm", "a", "b");
        Assert.Equal(0, code);
        Assert.Contains("Hello from WebAssembly!", stdout, StringComparison.Ordinal);
        Assert.Contains("argv[2] = \"b\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Sharptime.Compiler");
    }

    [Fact]
    public void A_larger_precompiled_program_runs_from_bytes()
    {
        var engine = new Engine(Config.Default);
        Module module = Module.Deserialize(engine, File.ReadAllBytes(ArtifactPath("tern")));
        string program = RepositoryFile("examples", "wasi", "data", "tern", "primes.tern");
        Assert.True(File.Exists(program), $"{program} is missing");
        Engine e = module.Engine;
        using var stdout = new MemoryStream();
        using var wasi = new WasiContext(WasiConfig.Default.WithArgs("tern", "/primes.tern", "100").WithStdout(stdout)
            .WithPreopenedDirectory(Path.GetDirectoryName(program)!, "/"));
        using var store = new Store<WasiContext>(e, wasi);
        Linker linker = new Linker(e).AddWasi();
        try
        {
            linker.Instantiate(store, module).GetFunction("_start")!.Call();
        }
        catch (WasiExitException ex)
        {
            Assert.Equal(0, ex.ExitCode);
        }
        Assert.Contains("97", Encoding.UTF8.GetString(stdout.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wasi_program_from_bytes_runs_in_the_interpreter()
    {
        var engine = new Engine(Config.Default);
        Module module = Module.FromBytes(engine, File.ReadAllBytes(RepositoryFile("examples", "wasi", "hello.wasm")));
        (int code, string stdout) = RunWasi(module, "hello.wasm", "a", "b");
        Assert.Equal(0, code);
        Assert.Contains("Hello from WebAssembly!", stdout, StringComparison.Ordinal);
        Assert.Contains("argv[2] = \"b\"", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(AppDomain.CurrentDomain.GetAssemblies(), a => a.GetName().Name == "Sharptime.Compiler");
    }
}
