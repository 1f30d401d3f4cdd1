using System.IO.Compression;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace Sharptime.Cli.Tests;

/// <summary>
/// The packages as a user gets them (README.md, "Packages"): their metadata, the <c>sharptime</c> tool installed
/// from a local feed, a console app built on the library packages, and one with a WasmModule built by Sharptime.Build.
/// </summary>
public sealed class PackageTests(PackageBuild build, ITestOutputHelper output) : IClassFixture<PackageBuild>
{
    private static readonly TimeSpan DotnetTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void Packing_makes_every_package_with_its_metadata_and_no_warning()
    {
        if (Skipped()) return;
        string[] warnings = [.. CliRunner.Lines(build.PackOutput).Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase))];
        Assert.True(warnings.Length == 0, "dotnet pack warned:\n" + string.Join("\n", warnings));
        string v = PackageBuild.Version;
        string[] libraries = ["Sharptime", "Sharptime.Compiler", "Sharptime.Wasi", "Sharptime.Text"];
        // The tool: a pointer package and its RID-specific packages (src/Sharptime.Cli/Sharptime.Cli.csproj); PDBs inside.
        string[] tool = ["Sharptime.Cli", "Sharptime.Cli.linux-x64", "Sharptime.Cli.any"];
        // MSBuild targets and the command they run, no assembly of its own (src/Sharptime.Build/Sharptime.Build.csproj).
        string[] targets = ["Sharptime.Build"];
        Assert.Equal(
            [.. libraries.SelectMany(p => new[] { $"{p}.{v}.nupkg", $"{p}.{v}.snupkg" }).Concat(tool.Concat(targets).Select(p => $"{p}.{v}.nupkg")).Order(StringComparer.Ordinal)],
            Directory.GetFiles(build.Feed!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(),
            StringComparer.Ordinal);
        string commit = CliApp.Commit["commit ".Length..];
        foreach (string id in libraries.Concat(tool).Concat(targets))
        {
            using ZipArchive package = ZipFile.OpenRead(Path.Combine(build.Feed!, $"{id}.{v}.nupkg"));
            XElement metadata = XDocument.Load(package.GetEntry($"{id}.nuspec")!.Open()).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value
                ?? throw new Xunit.Sdk.XunitException($"{id}.nuspec has no <{name}>");
            XElement Element(string name) => metadata.Elements().Single(e => e.Name.LocalName == name);
            Assert.Equal(v, Field("version"));
            Assert.Equal("Apache-2.0 WITH LLVM-exception", Field("license"));
            Assert.Equal("The Sharptime authors", Field("authors"));
            Assert.DoesNotContain("Package Description", Field("description"), StringComparison.Ordinal);
            Assert.Contains("webassembly", Field("tags").Split(' '));
            Assert.Equal("README.md", Field("readme"));
            Assert.NotNull(package.GetEntry("README.md"));
            Assert.Equal(("git", commit), ((string?)Element("repository").Attribute("type"), (string?)Element("repository").Attribute("commit")));
        }
        // A compiled module runs only on the Sharptime that compiled it, so Sharptime.Build pins that version.
        using ZipArchive targetsPackage = ZipFile.OpenRead(Path.Combine(build.Feed!, $"Sharptime.Build.{v}.nupkg"));
        XElement dependency = XDocument.Load(targetsPackage.GetEntry("Sharptime.Build.nuspec")!.Open()).Descendants().Single(e => e.Name.LocalName == "dependency");
        Assert.Equal(("Sharptime", $"[{v}]"), ((string?)dependency.Attribute("id"), (string?)dependency.Attribute("version")));
    }

    [Fact]
    public async Task The_tool_installs_from_the_feed_and_runs_hello_wasm()
    {
        if (Skipped()) return;
        using var dir = new TempDirectory();
        string tools = Path.Combine(dir.Path, "tools");
        ProcessResult install = await Dotnet(dir.Path,
            "tool", "install", "--tool-path", tools, "--add-source", build.Feed!, "Sharptime.Cli", "--version", PackageBuild.Version);
        Assert.True(install.ExitCode == 0, $"dotnet tool install failed (exit code {install.ExitCode}):\n{install.Stdout}{install.Stderr}");
        // The pointer package sent the installer to the linux-x64 package, the one with ReadyToRun code.
        Assert.True(Directory.Exists(Path.Combine(tools, ".store", "sharptime.cli", PackageBuild.Version, "sharptime.cli.linux-x64")),
            "the tool was not installed from Sharptime.Cli.linux-x64:\n" + install.Stdout);
        string sharptime = Path.Combine(tools, "sharptime");
        ProcessResult run = await CliProcess.RunProgramAsync(sharptime, ["run", Path.Combine("examples", "wasi", "hello.wasm")],
            CliRunner.RepositoryRoot(), DotnetTimeout);
        Assert.Equal((0, ""), (run.ExitCode, run.Stderr));
        Assert.StartsWith("Hello from WebAssembly!\n", run.Stdout, StringComparison.Ordinal);
        ProcessResult version = await CliProcess.RunProgramAsync(sharptime, ["--version"], dir.Path, DotnetTimeout);
        Assert.Equal(CliRunner.Run("--version").Stdout, version.Stdout);
    }

    [Fact]
    public async Task A_console_app_on_the_library_packages_runs_wat_with_the_compiler_and_wasi()
    {
        if (Skipped()) return;
        using var dir = new TempDirectory();
        string v = PackageBuild.Version;
        WriteApp(dir, ["Sharptime", "Sharptime.Compiler", "Sharptime.Wasi", "Sharptime.Text"]);
        dir.Write("Program.cs", """"
            using Sharptime;
            using Sharptime.Compiler;
            using Sharptime.Text;
            using Sharptime.Wasi;

            var engine = new Engine(Config.Default.UseCompiler());
            var adder = Module.FromBytes(engine, Wat.Parse("""
                (module (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
                """));
            using (var store = new Store(engine))
            {
                Console.WriteLine($"40 + 2 = {new Linker(engine).Instantiate(store, adder).GetFunction<int, int, int>("add")(40, 2)}");
            }
            var linker = new Linker(engine).AddWasi();
            using var context = new WasiContext(WasiConfig.Default.WithArgs("hello.wasm").WithInheritedStdout());
            using var wasiStore = new Store<WasiContext>(engine, context);
            linker.Instantiate(wasiStore, Module.FromFile(engine, args[0])).GetFunction("_start")!.Call();
            """");
        string hello = Path.Combine(CliRunner.RepositoryRoot(), "examples", "wasi", "hello.wasm");
        ProcessResult run = await Dotnet(dir.Path, "run", "-c", "Release", "--disable-build-servers", "--", hello);
        Assert.True(run.ExitCode == 0, $"dotnet run of the app failed (exit code {run.ExitCode}):\n{run.Stdout}{run.Stderr}");
        Assert.StartsWith("40 + 2 = 42\nHello from WebAssembly!\n", run.Stdout, StringComparison.Ordinal);
        // Restored from the feed into the app's own package folder (nuget.config), not into the user's cache.
        Assert.True(File.Exists(Path.Combine(dir.Path, "packages", "sharptime", v, $"sharptime.{v}.nupkg")));
    }

    [Fact]
    public async Task A_console_app_on_Sharptime_Build_calls_a_WasmModule_through_its_typed_class()
    {
        if (Skipped()) return;
        using var dir = new TempDirectory();
        string v = PackageBuild.Version;
        // No reference to Sharptime: the package brings it, at exactly its own version (the artifact stamp's).
        WriteApp(dir, ["Sharptime.Build"], """<WasmModule Include="plugin.wat" ClassName="App.PluginModule" />""");
        dir.Write("plugin.wat", """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "div_rem") (param i32 i32) (result i32 i32)
                (i32.div_s (local.get 0) (local.get 1))
                (i32.rem_s (local.get 0) (local.get 1))))
            """);
        dir.Write("Program.cs", """
            using Sharptime;

            var plugin = App.PluginModule.Instantiate(new Store(new Engine()));
            Console.WriteLine($"add(40, 2) = {plugin.Add(40, 2)}");
            Console.WriteLine($"div_rem(17, 5) = {plugin.DivRem(17, 5)}");
            """);
        // The module is compiled by the package's tools/Sharptime.Cli.dll, the targets' default SharptimeCliPath.
        ProcessResult run = await Dotnet(dir.Path, "run", "-c", "Release", "--disable-build-servers");
        Assert.True(run.ExitCode == 0, $"dotnet run of the app failed (exit code {run.ExitCode}):\n{run.Stdout}{run.Stderr}");
        Assert.Equal(["add(40, 2) = 42", "div_rem(17, 5) = (3, 2)"], CliRunner.Lines(run.Stdout));
        Assert.True(File.Exists(Path.Combine(dir.Path, "packages", "sharptime", v, $"sharptime.{v}.nupkg")), "Sharptime was not restored as Sharptime.Build's dependency");
    }

    /// <summary>
    /// Writes the App.csproj of a console app that references <paramref name="packages"/> at this run's version and
    /// has <paramref name="items"/>, and the nuget.config that restores them from the feed.
    /// </summary>
    private void WriteApp(TempDirectory dir, string[] packages, string items = "")
    {
        build.WriteNuGetConfig(dir.Path);
        string references = string.Concat(packages.Select(p => $"""<PackageReference Include="{p}" Version="[{PackageBuild.Version}]" />"""));
        dir.Write("App.csproj", $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <ImplicitUsings>enable</ImplicitUsings>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
              </PropertyGroup>
              <ItemGroup>{references}{items}</ItemGroup>
            </Project>
            """);
    }

    private static Task<ProcessResult> Dotnet(string workingDirectory, params string[] args) =>
        CliProcess.RunProgramAsync(CliProcess.DotnetHost(), args, workingDirectory, DotnetTimeout);

    private bool Skipped()
    {
        if (build.SkipReason is null) return false;
        output.WriteLine($"Package test skipped: {build.SkipReason}. Nothing was run.");
        return true;
    }
}
