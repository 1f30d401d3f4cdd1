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

    /// <summary>
    /// A trap's backtrace is built lazily, from the .NET frames, when it is first read: by then the
    /// module, its instance and its engine may be gone (collected); the frames are still named.
    /// </summary>
    [Fact]
    public void A_backtrace_read_after_the_module_is_collected_names_its_frames()
    {
        TrapException trap = TrapAndDrop();
        for (int i = 0; i < 5; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.Equal(["inner", "outer"], trap.Backtrace.Select(f => f.FunctionName));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapException TrapAndDrop()
    {
        var engine = new Engine(Config.Default.UseCompiler(collectible: true));
        var module = Module.FromBytes(engine, Text.Wat.Parse("""
            (module
              (func $inner unreachable)
              (func $outer (export "f") call $inner))
            """));
        using var store = new Store(engine);
        Instance instance = new Linker(engine).Instantiate(store, module);
        return Assert.Throws<TrapException>(() => instance.GetAction("f")());
    }
}
