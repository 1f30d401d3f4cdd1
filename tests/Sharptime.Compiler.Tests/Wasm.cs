using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>Shared setup: an engine with the compiler, and instantiation from WAT.</summary>
internal static class Wasm
{
    public static readonly Engine Engine = new(Config.Default.UseCompiler());

    public static Module Compile(string wat) => Module.FromBytes(Engine, Wat.Parse(wat));

    public static Instance Instantiate(string wat, Linker? linker = null, Store? store = null)
    {
        store ??= new Store(Engine);
        linker ??= new Linker(Engine);
        return linker.Instantiate(store, Compile(wat));
    }

    public static TrapException Traps(Action action) => Assert.Throws<TrapException>(action);
}
