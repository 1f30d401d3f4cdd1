using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>
/// call_indirect checks the usual case inline and leaves the rest to a helper: every trap keeps its
/// code and message (the interpreter's), subtypes still match, and host functions reached through a
/// table still see the instance that called as their <see cref="Caller"/>.
/// </summary>
public sealed class CallIndirectTests
{
    private static Instance Instantiate(Strategy strategy, string wat)
    {
        var engine = new Engine(Config.Default.UseCompiler() with { Strategy = strategy });
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Wat.Parse(wat)));
    }

    // Table of 5 elements grown from 4, so its array has room for 8: indices 5-7 are past the size
    // but inside the array. Elements: 0 $one, 1 null, 2 $other (another type), 3 $one, 4 $one.
    private const string Dispatch = """
        (module
          (type $ret (func (result i32)))
          (type $other (func (param i32) (result i32)))
          (table $t 4 funcref)
          (table $t64 i64 2 funcref)
          (elem (table $t) (i32.const 0) func $one)
          (elem (table $t) (i32.const 2) func $other $one)
          (elem (table $t64) (i64.const 1) func $one)
          (func $one (type $ret) (i32.const 1))
          (func $other (type $other) (local.get 0))
          (func (export "grow") (drop (table.grow $t (ref.func $one) (i32.const 1))))
          (func (export "call") (param i32) (result i32) (call_indirect $t (type $ret) (local.get 0)))
          (func (export "call64") (param i64) (result i32) (call_indirect $t64 (type $ret) (local.get 0))))
        """;

    [Theory]
    [InlineData(0, null)]
    [InlineData(4, null)]
    [InlineData(1, TrapCode.UninitializedElement)]
    [InlineData(2, TrapCode.IndirectCallTypeMismatch)]
    [InlineData(5, TrapCode.UndefinedElement)]
    [InlineData(7, TrapCode.UndefinedElement)]
    [InlineData(8, TrapCode.UndefinedElement)]
    [InlineData(-1, TrapCode.UndefinedElement)]
    public void Traps_keep_their_code_and_message(int index, TrapCode? trap)
    {
        (int? Result, TrapCode? Code, string? Message) Run(Strategy strategy)
        {
            Instance instance = Instantiate(strategy, Dispatch);
            instance.GetAction("grow")();
            try
            {
                return (instance.GetFunction<int, int>("call")(index), null, null);
            }
            catch (TrapException e)
            {
                return (null, e.Code, e.Message);
            }
        }
        (int? result, TrapCode? code, string? message) = Run(Strategy.Compiler);
        Assert.Equal(trap, code);
        if (trap is null) Assert.Equal(1, result);
        Assert.Equal(Run(Strategy.Interpreter), (result, code, message));
    }

    [Fact]
    public void Table64_index_is_checked_in_full()
    {
        Instance instance = Instantiate(Strategy.Compiler, Dispatch);
        Func<long, int> call = instance.GetFunction<long, int>("call64");
        Assert.Equal(1, call(1));
        Assert.Equal(TrapCode.UninitializedElement, Wasm.Traps(() => call(0)).Code);
        Assert.Equal(TrapCode.UndefinedElement, Wasm.Traps(() => call(2)).Code);
        Assert.Equal(TrapCode.UndefinedElement, Wasm.Traps(() => call(1L << 32 | 1)).Code);
    }

    [Fact]
    public void Table_grown_and_set_by_a_callee_is_seen_by_the_next_call()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (type $ret (func (result i32)))
              (table $t 1 funcref)
              (elem (table $t) (i32.const 0) func $grow)
              ;; grows the table past its array and puts $seven in the new element
              (func $grow (type $ret)
                (drop (table.grow $t (ref.null func) (i32.const 100)))
                (table.set $t (i32.const 50) (ref.func $seven))
                (i32.const 0))
              (func $seven (type $ret) (i32.const 7))
              (elem declare func $seven)
              (func (export "run") (result i32)
                (i32.add (call_indirect $t (type $ret) (i32.const 0)) (call_indirect $t (type $ret) (i32.const 50)))))
            """);
        Assert.Equal(7, instance.GetFunction<int>("run")());
    }

    [Theory]
    [InlineData(Strategy.Compiler)]
    [InlineData(Strategy.Interpreter)]
    public void Subtype_matches_and_unrelated_type_traps(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, """
            (module
              (type $super (sub (func (result i32))))
              (type $sub (sub $super (func (result i32))))
              ;; the same signature, but final: another type, and no supertype of $sub
              (type $unrelated (func (result i32)))
              (table 2 funcref)
              (elem (i32.const 0) func $f $g)
              (func $f (type $sub) (i32.const 5))
              (func $g (type $super) (i32.const 6))
              (func (export "as_super") (param i32) (result i32) (call_indirect (type $super) (local.get 0)))
              (func (export "as_sub") (param i32) (result i32) (call_indirect (type $sub) (local.get 0)))
              (func (export "as_unrelated") (param i32) (result i32) (call_indirect (type $unrelated) (local.get 0))))
            """);
        Assert.Equal(5, instance.GetFunction<int, int>("as_super")(0));
        Assert.Equal(6, instance.GetFunction<int, int>("as_super")(1));
        Assert.Equal(5, instance.GetFunction<int, int>("as_sub")(0));
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, Wasm.Traps(() => instance.GetFunction<int, int>("as_sub")(1)).Code);
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, Wasm.Traps(() => instance.GetFunction<int, int>("as_unrelated")(0)).Code);
    }

    [Fact]
    public void Host_function_in_a_shared_table_sees_the_memory_of_each_caller()
    {
        // The caller is recorded only when it changes: alternating callers, direct and indirect
        // calls, and a call from the host in between (which sees the importing instance, a) must
        // each see their own instance.
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.DefineFunction("env", "peek", (Caller c) => c.GetMemory("memory")?.ReadInt32(0) ?? -1);
        Instance a = Wasm.Instantiate("""
            (module
              (import "env" "peek" (func $peek (result i32)))
              (memory (export "memory") 1) (data (i32.const 0) "\01")
              (table (export "t") 1 funcref) (elem (i32.const 0) $peek)
              (type $r (func (result i32)))
              (func (export "direct") (result i32) (call $peek))
              (func (export "indirect") (result i32) (call_indirect (type $r) (i32.const 0))))
            """, linker, store);
        linker.DefineInstance("a", a);
        Instance b = Wasm.Instantiate("""
            (module
              (import "a" "t" (table 1 funcref))
              (memory (export "memory") 1) (data (i32.const 0) "\02")
              (type $r (func (result i32)))
              (func (export "indirect") (result i32) (call_indirect (type $r) (i32.const 0))))
            """, linker, store);
        var peek = (Func)a.GetTable("t")!.Get(0).AsFuncRef()!;
        var seen = new List<int>();
        for (int i = 0; i < 2; i++)
        {
            seen.Add(a.GetFunction<int>("indirect")());
            seen.Add(b.GetFunction<int>("indirect")());
            seen.Add(b.GetFunction<int>("indirect")());
            seen.Add(a.GetFunction<int>("direct")());
            seen.Add(peek.Call()[0].AsI32());
        }
        Assert.Equal([1, 2, 2, 1, 1, 1, 2, 2, 1, 1], seen);
    }
}
