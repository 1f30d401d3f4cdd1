using System.Reflection;

namespace Sharptime.Compiler.Tests;

public sealed class ProjectRulesTests
{
    [Fact]
    public void Core_does_not_reference_the_emitter_or_the_compiler()
    {
        string[] references = [.. typeof(Engine).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];
        Assert.DoesNotContain(references, n => n.Contains("Reflection.Emit", StringComparison.Ordinal));
        Assert.DoesNotContain("Sharptime.Compiler", references);
        Assert.DoesNotContain("Sharptime.Text", references);
    }

    [Fact]
    public void Compiler_references_only_the_core()
    {
        string[] references = [.. typeof(CompilerConfigExtensions).Assembly.GetReferencedAssemblies().Select(a => a.Name!)];
        Assert.Contains("Sharptime", references);
        Assert.DoesNotContain("Sharptime.Text", references);
        Assert.DoesNotContain("Sharptime.Wasi", references);
    }

    [Fact]
    public void Non_collectible_code_runs_too()
    {
        var engine = new Engine(Config.Default.UseCompiler(collectible: false));
        Module module = Module.FromBytes(engine, Sharptime.Text.Wat.Parse("(module (func (export \"f\") (result i32) i32.const 7))"));
        Assert.Equal(7, new Linker(engine).Instantiate(new Store(engine), module).GetFunction<int>("f")());
    }

    [Fact]
    public void Use_compiler_plugs_a_generator_of_the_current_abi()
    {
        Config config = Config.Default.UseCompiler();
        Assert.NotNull(config.CodeGenerator);
        Assert.Equal(Abi.AbiVersion.Current, config.CodeGenerator!.AbiVersion);
        Assert.Null(Config.Default.CodeGenerator);
    }
}
