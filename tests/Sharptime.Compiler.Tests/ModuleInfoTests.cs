namespace Sharptime.Compiler.Tests;

public sealed class ModuleInfoTests
{
    [Fact]
    public void Imports_and_exports_are_listed_with_types()
    {
        Module module = Wasm.Compile("""
            (module
              (import "env" "f" (func (param i32) (result i64)))
              (import "env" "m" (memory 1 2))
              (global (export "g") (mut f64) (f64.const 0))
              (table (export "t") 3 funcref)
              (func (export "run") (param i64)))
            """);
        ModuleImport f = module.Imports[0];
        Assert.Equal(("env", "f", "func"), (f.Module, f.Name, f.Kind));
        Assert.Equal([ValType.I32], f.FuncType!.Params);
        Assert.Equal("(memory 1 2)", module.Imports[1].Type);
        Assert.Equal(["g", "t", "run"], module.Exports.Select(e => e.Name));
        Assert.Equal("(mut f64)", module.Exports[0].Type);
        Assert.Equal("(table 3 funcref)", module.Exports[1].Type);
        Assert.Equal([ValType.I64], module.Exports[2].FuncType!.Params);
    }
}
