using System.Runtime.InteropServices;
using System.Text.Json;
using Sharptime.Text;
using X86 = System.Runtime.Intrinsics.X86;

namespace Sharptime.Cli.Tests;

/// <summary><c>sharptime settings</c>: what it reports is what the engine and <c>compile</c> really use.</summary>
public sealed class SettingsCommandTests
{
    private static JsonElement Json(params string[] args)
    {
        (int code, string stdout, string stderr) = CliRunner.Run(["settings", "--json", .. args]);
        Assert.True(code == 0, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    [Fact]
    public void The_stamp_it_reports_is_the_one_compile_records()
    {
        using var dir = new TempDirectory();
        string artifact = Path.Combine(dir.Path, "fib.cwasm");
        Assert.Equal(0, CliRunner.Run("compile", "--target", "portable", Path.Combine(CliRunner.RepositoryRoot(), "examples", "fib.wat"), "-o", artifact).ExitCode);
        (int code, string dump, string stderr) = CliRunner.Run("objdump", artifact);
        Assert.True(code == 0, stderr);

        JsonElement stamp = Json("--target", "portable").GetProperty("stamp");
        Assert.Equal("portable", stamp.GetProperty("target").GetString());
        string[] lines = CliRunner.Lines(dump);
        foreach (JsonProperty entry in stamp.EnumerateObject())
        {
            // objdump prints the artifact's stamp as "KEY VALUE" lines (the target with what code it holds).
            Assert.Contains(lines, l => l.StartsWith(entry.Name + " ", StringComparison.Ordinal) && l[entry.Name.Length..].TrimStart().StartsWith(entry.Value.GetString()!, StringComparison.Ordinal));
        }
        Assert.Equal(Config.Default.Features.ToString(), stamp.GetProperty("features").GetString());
    }

    [Fact]
    public void The_proposals_on_by_default_are_the_default_configs()
    {
        JsonElement proposals = Json().GetProperty("proposals");
        string[] on = [.. proposals.GetProperty("enabled").EnumerateArray().Select(e => e.GetString()!)];
        string[] off = [.. proposals.GetProperty("disabled").EnumerateArray().Select(e => e.GetString()!)];
        Assert.Contains("simd", on);
        Assert.Contains("threads", off);
        Assert.Equal(WastFeatures.Names.Count - 1, on.Length + off.Length); // every proposal but "all"
        foreach (string name in on)
        {
            Assert.True(WastFeatures.TryParseName(name, out WasmFeatures flag));
            Assert.Equal(flag, Config.Default.Features & flag);
        }
        foreach (string name in off)
        {
            Assert.True(WastFeatures.TryParseName(name, out WasmFeatures flag));
            Assert.NotEqual(flag, Config.Default.Features & flag);
        }
    }

    [Fact]
    public void The_engine_defaults_are_the_default_configs()
    {
        JsonElement engine = Json().GetProperty("engine");
        Assert.Equal(Config.Default.MaxMemoryBytes, engine.GetProperty("max-memory-size").GetUInt64());
        Assert.Equal(Config.Default.TierUpThreshold, engine.GetProperty("tier-up-threshold").GetInt32());
        Assert.Equal(Config.Default.ConsumeFuel, engine.GetProperty("consume-fuel").GetBoolean());
        Assert.Equal(Config.Default.EpochInterruption, engine.GetProperty("epoch-interruption").GetBoolean());
        Assert.Equal(Config.Default.MemoryInitCow, engine.GetProperty("memory-init-cow").GetBoolean());
        Assert.Equal(new PoolingAllocationConfig().TotalMemories, engine.GetProperty("pooling-total-memories").GetInt32());
        Assert.Equal("auto", engine.GetProperty("strategy").GetString());
    }

    [Fact]
    public void The_cpu_features_are_the_ones_the_jit_reports()
    {
        JsonElement root = Json();
        Assert.Equal(RuntimeInformation.RuntimeIdentifier, root.GetProperty("target").GetString());
        if (RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        JsonElement cpu = root.GetProperty("cpu-features");
        Assert.Equal(X86.Sse41.IsSupported, cpu.GetProperty("sse4.1").GetBoolean());
        Assert.Equal(X86.Popcnt.IsSupported, cpu.GetProperty("popcnt").GetBoolean());
        Assert.Equal(X86.Lzcnt.IsSupported, cpu.GetProperty("lzcnt").GetBoolean());
        Assert.Equal(X86.Bmi1.IsSupported, cpu.GetProperty("bmi1").GetBoolean());
        Assert.Equal(X86.Avx2.IsSupported, cpu.GetProperty("avx2").GetBoolean());
        Assert.Equal(X86.Avx512F.IsSupported, cpu.GetProperty("avx512f").GetBoolean());

        (_, string text, _) = CliRunner.Run("settings");
        string yes = CliRunner.Lines(text).Single(l => l.StartsWith("yes:", StringComparison.Ordinal));
        Assert.Equal(X86.Avx2.IsSupported, yes.Split(' ').Contains("avx2"));
    }

    [Fact]
    public void Another_target_is_reported_without_this_machines_cpu_features()
    {
        string other = RuntimeInformation.RuntimeIdentifier == "linux-arm64" ? "osx-x64" : "linux-arm64";
        JsonElement root = Json("--target", other);
        Assert.Equal(other, root.GetProperty("target").GetString());
        Assert.Equal("readytorun", root.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("cpu-features").ValueKind);
        Assert.Equal("il", Json("--target=portable").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(new[] { "settings", "--target", "vax-vms" }, "sharptime: unknown target 'vax-vms': use portable or one of linux-x64")]
    [InlineData(new[] { "settings", "--target" }, "sharptime: --target needs a target")]
    [InlineData(new[] { "settings", "--frob" }, "sharptime: unknown option '--frob' for settings")]
    public void Wrong_command_lines_are_one_line_errors(string[] args, string message) => CommandLineErrors.AssertRefused(args, message);

    [Fact]
    public void Help_describes_it()
    {
        (int code, string stdout, _) = CliRunner.Run("settings", "--help");
        Assert.Equal(0, code);
        Assert.StartsWith("Usage: sharptime settings", stdout, StringComparison.Ordinal);
        Assert.Equal(stdout, CliRunner.Run("help", "settings").Stdout);
        Assert.Contains("settings", CliRunner.Run("--help").Stdout, StringComparison.Ordinal);
    }
}
