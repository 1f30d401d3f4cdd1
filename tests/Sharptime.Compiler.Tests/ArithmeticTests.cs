namespace Sharptime.Compiler.Tests;

public sealed class ArithmeticTests
{
    [Fact]
    public void Add_through_typed_delegate()
    {
        Instance instance = Wasm.Instantiate("(module (func (export \"add\") (param i32 i32) (result i32) local.get 0 local.get 1 i32.add))");
        Func<int, int, int> add = instance.GetFunction<int, int, int>("add");
        Assert.Equal(3, add(1, 2));
        Assert.Equal(int.MinValue, add(int.MaxValue, 1));
    }

    [Fact]
    public void Untyped_call_returns_values()
    {
        Instance instance = Wasm.Instantiate("(module (func (export \"mul\") (param i64 i64) (result i64) local.get 0 local.get 1 i64.mul))");
        Value[] results = instance.GetFunction("mul")!.Call(Value.I64(6), Value.I64(7));
        Assert.Equal(42L, results[0].AsI64());
    }

    [Theory]
    [InlineData("i32.div_s", 7, 2, 3)]
    [InlineData("i32.div_s", -7, 2, -3)]
    [InlineData("i32.div_u", -1, 2, int.MaxValue)]
    [InlineData("i32.rem_s", -7, 2, -1)]
    [InlineData("i32.rem_s", int.MinValue, -1, 0)]
    [InlineData("i32.rem_u", -1, 10, 5)]
    [InlineData("i32.shl", 1, 33, 2)]
    [InlineData("i32.shr_s", -8, 1, -4)]
    [InlineData("i32.shr_u", -8, 1, 0x7FFFFFFC)]
    [InlineData("i32.rotl", unchecked((int)0x80000001), 1, 3)]
    [InlineData("i32.rotr", 3, 1, unchecked((int)0x80000001))]
    [InlineData("i32.lt_u", -1, 1, 0)]
    [InlineData("i32.lt_s", -1, 1, 1)]
    [InlineData("i32.ge_u", -1, 1, 1)]
    [InlineData("i32.le_s", 1, 1, 1)]
    [InlineData("i32.ne", 1, 2, 1)]
    public void I32_binary(string op, int a, int b, int expected)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param i32 i32) (result i32) local.get 0 local.get 1 {op}))");
        Assert.Equal(expected, instance.GetFunction<int, int, int>("f")(a, b));
    }

    [Theory]
    [InlineData("i32.clz", 1, 31)]
    [InlineData("i32.clz", 0, 32)]
    [InlineData("i32.ctz", 0, 32)]
    [InlineData("i32.ctz", 8, 3)]
    [InlineData("i32.popcnt", -1, 32)]
    [InlineData("i32.eqz", 0, 1)]
    [InlineData("i32.extend8_s", 0x80, -128)]
    [InlineData("i32.extend16_s", 0x8000, -32768)]
    public void I32_unary(string op, int a, int expected)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param i32) (result i32) local.get 0 {op}))");
        Assert.Equal(expected, instance.GetFunction<int, int>("f")(a));
    }

    [Theory]
    [InlineData("i64.div_s", long.MinValue, 2, long.MinValue / 2)]
    [InlineData("i64.rem_s", long.MinValue, -1, 0)]
    [InlineData("i64.shl", 1, 65, 2)]
    [InlineData("i64.shr_u", -1, 60, 15)]
    [InlineData("i64.rotl", 1, 64, 1)]
    [InlineData("i64.sub", 0, 1, -1)]
    public void I64_binary(string op, long a, long b, long expected)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param i64 i64) (result i64) local.get 0 local.get 1 {op}))");
        Assert.Equal(expected, instance.GetFunction<long, long, long>("f")(a, b));
    }

    [Fact]
    public void Conversions_between_integers()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func (export "wrap") (param i64) (result i32) local.get 0 i32.wrap_i64)
              (func (export "extend_s") (param i32) (result i64) local.get 0 i64.extend_i32_s)
              (func (export "extend_u") (param i32) (result i64) local.get 0 i64.extend_i32_u)
              (func (export "ext32") (param i64) (result i64) local.get 0 i64.extend32_s))
            """);
        Assert.Equal(-1, instance.GetFunction<long, int>("wrap")(0x1_FFFF_FFFF));
        Assert.Equal(-1L, instance.GetFunction<int, long>("extend_s")(-1));
        Assert.Equal(0xFFFF_FFFFL, instance.GetFunction<int, long>("extend_u")(-1));
        Assert.Equal(-1L, instance.GetFunction<long, long>("ext32")(0xFFFF_FFFF));
    }

    [Theory]
    [InlineData("i32.div_s", 1, 0, TrapCode.IntegerDivideByZero)]
    [InlineData("i32.div_u", 1, 0, TrapCode.IntegerDivideByZero)]
    [InlineData("i32.rem_s", 1, 0, TrapCode.IntegerDivideByZero)]
    [InlineData("i32.div_s", int.MinValue, -1, TrapCode.IntegerOverflow)]
    public void Division_traps(string op, int a, int b, TrapCode code)
    {
        Instance instance = Wasm.Instantiate($"(module (func (export \"f\") (param i32 i32) (result i32) local.get 0 local.get 1 {op}))");
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int, int>("f")(a, b));
        Assert.Equal(code, trap.Code);
    }
}
