namespace Sharptime.Compiler.Tests;

public sealed class CallerTests
{
    [Fact]
    public void Caller_is_the_instance_whose_code_called()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        var seen = new List<string>();
        linker.DefineFunction("env", "who", (Caller c) => seen.Add(((Global)c.GetExport("name")!).Value.AsI32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Instance a = Wasm.Instantiate("""
            (module
              (import "env" "who" (func $who))
              (global (export "name") i32 (i32.const 1))
              (table (export "t") 1 funcref) (elem (i32.const 0) $who)
              (func (export "run") call $who))
            """, linker, store);
        linker.DefineInstance("a", a);
        Instance b = Wasm.Instantiate("""
            (module
              (import "a" "t" (table 1 funcref))
              (global (export "name") i32 (i32.const 2))
              (func (export "run") i32.const 0 call_indirect))
            """, linker, store);
        a.GetAction("run")();
        b.GetAction("run")();
        Assert.Equal(["1", "2"], seen);
    }
}
