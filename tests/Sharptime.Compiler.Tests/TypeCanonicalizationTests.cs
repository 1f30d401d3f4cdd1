namespace Sharptime.Compiler.Tests;

public sealed class TypeCanonicalizationTests
{
    [Fact]
    public void Equal_types_in_different_modules_match_and_rec_groups_do_not_mix()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        Instance a = Wasm.Instantiate("""
            (module
              (type $plain (func (result i32)))
              (rec (type $r1 (func (result i32))) (type $r2 (func)))
              (table (export "t") 2 funcref)
              (func $p (type $plain) i32.const 1)
              (func $q (type $r1) i32.const 2)
              (elem (i32.const 0) $p $q))
            """, linker, store);
        linker.DefineInstance("a", a);
        Instance b = Wasm.Instantiate("""
            (module
              (type $same (func (result i32)))
              (rec (type $s1 (func (result i32))) (type $s2 (func)))
              (import "a" "t" (table 2 funcref))
              (func (export "plain") (param i32) (result i32) local.get 0 call_indirect (type $same))
              (func (export "rec") (param i32) (result i32) local.get 0 call_indirect (type $s1)))
            """, linker, store);
        Assert.Equal(1, b.GetFunction<int, int>("plain")(0));
        Assert.Equal(2, b.GetFunction<int, int>("rec")(1));
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, Wasm.Traps(() => b.GetFunction<int, int>("plain")(1)).Code);
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, Wasm.Traps(() => b.GetFunction<int, int>("rec")(0)).Code);
    }

    [Fact]
    public void Call_indirect_accepts_declared_subtypes()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (type $base (sub (func (result i32))))
              (type $derived (sub $base (func (result i32))))
              (table 1 funcref)
              (func $f (type $derived) i32.const 9)
              (elem (i32.const 0) $f)
              (func (export "as_base") (result i32) i32.const 0 call_indirect (type $base)))
            """);
        Assert.Equal(9, instance.GetFunction<int>("as_base")());
    }

    /// <summary>
    /// A chain of function types each taking two references to the previous one: type keys that
    /// embedded earlier keys doubled in length with every type (a 200-byte module hung the host);
    /// the registry's keys name earlier types by id and stay linear. Equal chains in two modules still match.
    /// The types share their shims (one array-call and one host-call shim per CLR signature, not per
    /// type: 400,000 such types took 7.3 s and 1.2 GB to compile, now 1.1 s and 0.3 GB).
    /// </summary>
    [Fact]
    public void A_chain_of_types_that_refer_twice_to_the_previous_one_stays_linear()
    {
        const int Length = 200;
        var types = new System.Text.StringBuilder("(type $t0 (func))\n");
        for (int i = 1; i < Length; i++) types.Append($"(type $t{i} (func (param (ref null $t{i - 1}) (ref null $t{i - 1}))))\n");
        string last = $"$t{Length - 1}";
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        Instance a = Wasm.Instantiate($$"""
            (module {{types}}
              (table (export "t") 1 funcref)
              (func $f (type {{last}}))
              (elem (i32.const 0) $f))
            """, linker, store);
        linker.DefineInstance("a", a);
        Instance b = Wasm.Instantiate($$"""
            (module {{types}}
              (import "a" "t" (table 1 funcref))
              (func (export "call") (call_indirect (type {{last}}) (ref.null {{$"$t{Length - 2}"}}) (ref.null {{$"$t{Length - 2}"}}) (i32.const 0))))
            """, linker, store);
        b.GetAction("call")();
        Runtime.CodeMap map = Wasm.Compile($"(module {types} (func (type {last})))").Compiled.RequireCode().Map;
        Assert.Equal(2, map.ArrayCallTokens.Distinct().Count()); // () -> () and (ref, ref) -> ()
        Assert.Equal(2, map.HostCallTokens.Distinct().Count());
    }
}
