namespace Sharptime.Wasi.Tests.Programs;

/// <summary>Every committed example program has a test class, and build.sh knows every program.</summary>
public sealed class ProgramInventoryTests
{
    [Fact]
    public void EveryWasmFileHasATestClass()
    {
        string[] programs = [.. Directory.GetFiles(WasiProgram.ExamplesDirectory, "*.wasm").Select(Path.GetFileNameWithoutExtension).OfType<string>()];
        Assert.NotEmpty(programs);
        foreach (string program in programs)
        {
            string pascal = string.Concat(program.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
            Type? tests = typeof(ProgramInventoryTests).Assembly.GetType($"Sharptime.Wasi.Tests.Programs.{pascal}ProgramTests");
            Assert.True(tests is not null, $"examples/wasi/{program}.wasm has no {pascal}ProgramTests class");
        }
    }

    [Fact]
    public void EveryWasmFileIsBuiltByBuildSh()
    {
        // build.sh names its programs on one line: all=(hello args_env ...).
        string allLine = File.ReadAllLines(Path.Combine(WasiProgram.ExamplesDirectory, "build.sh"))
            .Single(line => line.StartsWith("all=(", StringComparison.Ordinal));
        string[] built = allLine["all=(".Length..allLine.IndexOf(')', StringComparison.Ordinal)].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (string wasm in Directory.GetFiles(WasiProgram.ExamplesDirectory, "*.wasm"))
        {
            Assert.Contains(Path.GetFileNameWithoutExtension(wasm), built);
        }
    }
}
