namespace Sharptime.Compiler.Tests;

public sealed class FunctionReferenceTests
{
    private const string Module = """
        (module
          (type $ii (func (param i32) (result i32)))
          (func $inc (type $ii) local.get 0 i32.const 1 i32.add)
          (elem declare func $inc)
          (func (export "call_ref") (param i32) (result i32) local.get 0 ref.func $inc call_ref $ii)
          (func (export "call_null") (param i32) (result i32) local.get 0 ref.null $ii call_ref $ii)
          (func (export "tail_ref") (param i32) (result i32) local.get 0 ref.func $inc return_call_ref $ii)
          (func (export "on_null") (param i32) (result i32)
            block $null
              local.get 0 if (result (ref null $ii)) ref.func $inc else ref.null $ii end
              br_on_null $null
              drop i32.const 1 return
            end
            i32.const 0)
          (func (export "on_non_null") (param i32) (result i32)
            i32.const 41
            block $some (result (ref $ii))
              local.get 0 if (result (ref null $ii)) ref.func $inc else ref.null $ii end
              br_on_non_null $some
              i32.const 0 return
            end
            call_ref $ii))
        """;

    [Fact]
    public void Call_ref_and_branches_on_null()
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(8, instance.GetFunction<int, int>("call_ref")(7));
        Assert.Equal(8, instance.GetFunction<int, int>("tail_ref")(7));
        Assert.Equal(TrapCode.NullReference, Wasm.Traps(() => instance.GetFunction<int, int>("call_null")(7)).Code);
        Assert.Equal(1, instance.GetFunction<int, int>("on_null")(1));
        Assert.Equal(0, instance.GetFunction<int, int>("on_null")(0));
        Assert.Equal(42, instance.GetFunction<int, int>("on_non_null")(1));
        Assert.Equal(0, instance.GetFunction<int, int>("on_non_null")(0));
    }
}
