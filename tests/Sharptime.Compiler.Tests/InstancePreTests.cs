namespace Sharptime.Compiler.Tests;

public sealed class InstancePreTests
{
    [Fact]
    public void One_pre_linked_module_instantiates_in_many_stores()
    {
        var linker = new Linker(Wasm.Engine);
        int calls = 0;
        linker.DefineFunction("env", "tick", () => { calls++; });
        InstancePre pre = linker.InstantiatePre(Wasm.Compile("""
            (module
              (import "env" "tick" (func $tick))
              (memory (export "mem") 1)
              (func (export "run") (param i32) (result i32) call $tick (i32.store (i32.const 0) (local.get 0)) (i32.load (i32.const 0))))
            """));
        using var a = new Store(Wasm.Engine);
        using var b = new Store(Wasm.Engine);
        Instance ia = pre.Instantiate(a);
        Instance ib = pre.Instantiate(b);
        Assert.Equal(1, ia.GetFunction<int, int>("run")(1));
        Assert.Equal(2, ib.GetFunction<int, int>("run")(2));
        Assert.Equal(1, ia.GetMemory("mem")!.ReadInt32(0));
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Externs_of_another_store_are_rejected()
    {
        var other = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.Define("env", "g", new Global(other, Value.I32(1), mutable: false));
        InstancePre pre = linker.InstantiatePre(Wasm.Compile("(module (import \"env\" \"g\" (global i32)))"));
        Assert.Throws<LinkException>(() => pre.Instantiate(new Store(Wasm.Engine)));
        pre.Instantiate(other);
    }
}
