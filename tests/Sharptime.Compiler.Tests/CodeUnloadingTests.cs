using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Sharptime.Compiler.Tests;

/// <summary>Collectible code (the compiler's default) is unloaded once nothing uses its module.</summary>
public sealed class CodeUnloadingTests
{
    /// <summary>
    /// A module compiled, instantiated and called, then dropped with its engine: its code's load
    /// context unloads. (The engine's map from generated code to modules held them strongly, and
    /// the code context held that map's key: every collectible module leaked its code, about 8
    /// memory mappings each, until a long run hit Linux's limit of 65,530 and the runtime aborted.)
    /// </summary>
    [Fact]
    public void Code_of_a_dropped_module_is_unloaded()
    {
        WeakReference context = CompileCallAndDrop();
        for (int i = 0; i < 20 && context.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(context.IsAlive, "the load context of the dropped module's code is still alive after 20 collections");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference CompileCallAndDrop()
    {
        var engine = new Engine(Config.Default.UseCompiler(collectible: true));
        var module = Module.FromBytes(engine, Text.Wat.Parse("(module (func (export \"f\") (result i32) i32.const 7))"));
        using var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, module);
        Assert.Equal(7, instance.GetFunction<int>("f")!());
        AssemblyLoadContext context = AssemblyLoadContext.GetLoadContext(module.Compiled.RequireCode().Code.Assembly)!;
        Assert.True(context.IsCollectible);
        return new WeakReference(context);
    }
}
