using Sharptime.Compiler;
using Sharptime.Text;

namespace Sharptime.Cli.Tests;

/// <summary>
/// The code shapes RyuJIT 10.0.12 miscompiles (src/Sharptime.Compiler/JitWorkarounds.cs) compute
/// the spec's results, in this process and in a <c>sharptime</c> process whose JIT has hardware
/// intrinsics (or AVX2 and BMI1 with it) switched off, as on older x64 CPUs, or whose JIT optimizes
/// every method at once (no tiering).
/// </summary>
public sealed class JitWorkaroundTests
{
    private static string Cases => Path.Combine(AppContext.BaseDirectory, "JitWorkaroundCases.wat");

    [Fact]
    public void Miscompiled_shapes_compute_right_results()
    {
        var engine = new Engine(Config.Default.UseCompiler());
        var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, Module.FromBytes(engine, Wat.Parse(File.ReadAllText(Cases))));
        foreach (string export in (string[])["failures", "nan_failures", "identity_failures", "rotate_failures", "vector_failures"])
        {
            int failures = instance.GetFunction<int, int, int>(export)(0, 1);
            Assert.True(failures == 0, $"{export}: cases failed (bit mask, see JitWorkaroundCases.wat): 0x{failures:x}");
        }
    }

    [Theory]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_TieredCompilation")]
    public async Task Miscompiled_shapes_compute_right_results_without_hardware_intrinsics_or_tiering(string variable)
    {
        foreach (string export in (string[])["failures", "nan_failures", "identity_failures", "rotate_failures", "vector_failures"])
        {
            ProcessResult run = await CliProcess.RunAsync(["run", "-C", "cache=n", "--invoke", export, Cases, "0", "1"], AppContext.BaseDirectory,
                TimeSpan.FromSeconds(120), new Dictionary<string, string> { [variable] = "0" });
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal("0", run.Stdout.Trim());
        }
    }
}
