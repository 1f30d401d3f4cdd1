using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>
/// A trap's backtrace points at the trapping instruction (as Wasmtime's "0: 0x1f4 - func[3]"
/// does), also when it is not the first instruction of its statement.
/// </summary>
public sealed class TrapOffsetTests
{
    private const string Source = """
        (module
          (memory 1)
          (table 2 funcref)
          (func $boom (result i32) (i32.add (i32.const 1) (unreachable)))
          (func (export "load") (param i32) (result i32)
            (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.add (i32.const 5) (i32.load offset=70000 (local.get 0)))))
          (func (export "div") (param i32) (result i32)
            (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.add (i32.const 5) (i32.div_s (i32.const 7) (local.get 0)))))
          (func (export "call") (param i32) (result i32)
            (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.add (i32.const 6) (call $boom))))
          (func (export "call_indirect") (param i32) (result i32)
            (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.add (i32.const 9) (call_indirect (result i32) (local.get 0)))))
          (func (export "unreachable") (param i32) (result i32)
            (i32.add (i32.mul (local.get 0) (i32.const 3)) (i32.add (i32.const 8) (unreachable)))))
        """;

    private static readonly byte[] Bytes = Wat.Parse(Source);

    private static readonly Instance Instance = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), Module.FromBytes(Wasm.Engine, Bytes));

    /// <summary>The module offset of the instruction that ends <paramref name="pattern"/> (its last <paramref name="length"/> bytes).</summary>
    private static int OffsetOf(byte[] pattern, int length)
    {
        int at = Bytes.AsSpan().IndexOf(pattern);
        Assert.True(at >= 0 && Bytes.AsSpan(at + 1).IndexOf(pattern) < 0, "the pattern must occur once");
        return at + pattern.Length - length;
    }

    [Fact]
    public void Out_of_bounds_load_reports_the_load()
    {
        TrapException trap = Wasm.Traps(() => Instance.GetFunction<int, int>("load")(0));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        // i32.load offset=70000: 28 02 f0 a2 04
        Assert.Equal(OffsetOf([0x28, 0x02, 0xf0, 0xa2, 0x04], 5), trap.Backtrace[0].CodeOffset);
    }

    [Fact]
    public void Divide_by_zero_reports_the_division()
    {
        TrapException trap = Wasm.Traps(() => Instance.GetFunction<int, int>("div")(0));
        Assert.Equal(TrapCode.IntegerDivideByZero, trap.Code);
        // i32.const 7, local.get 0, i32.div_s
        Assert.Equal(OffsetOf([0x41, 0x07, 0x20, 0x00, 0x6d], 1), trap.Backtrace[0].CodeOffset);
    }

    [Fact]
    public void Unreachable_reports_itself()
    {
        TrapException trap = Wasm.Traps(() => Instance.GetFunction<int, int>("unreachable")(0));
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        // i32.const 8, unreachable
        Assert.Equal(OffsetOf([0x41, 0x08, 0x00], 1), trap.Backtrace[0].CodeOffset);
    }

    [Theory]
    [InlineData(1, TrapCode.UninitializedElement)]
    [InlineData(2, TrapCode.UndefinedElement)]
    public void Call_indirect_reports_itself(int index, TrapCode code)
    {
        TrapException trap = Wasm.Traps(() => Instance.GetFunction<int, int>("call_indirect")(index));
        Assert.Equal(code, trap.Code);
        // i32.const 9, local.get 0, call_indirect
        Assert.Equal(OffsetOf([0x41, 0x09, 0x20, 0x00, 0x11], 1), trap.Backtrace[0].CodeOffset);
    }

    [Fact]
    public void Trap_in_a_callee_reports_the_call_in_the_caller()
    {
        TrapException trap = Wasm.Traps(() => Instance.GetFunction<int, int>("call")(0));
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        Assert.Equal(["boom", null], trap.Backtrace.Select(f => f.FunctionName));
        // i32.const 1, unreachable in $boom; i32.const 6, call $boom in the caller
        Assert.Equal(OffsetOf([0x41, 0x01, 0x00], 1), trap.Backtrace[0].CodeOffset);
        Assert.Equal(OffsetOf([0x41, 0x06, 0x10, 0x00], 2), trap.Backtrace[1].CodeOffset);
    }
}
