using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>WasmGC programs (structs, arrays, i31, casts) give the same results compiled and interpreted.</summary>
public sealed class GcTests
{
    public static TheoryData<Strategy> Strategies => [Strategy.Compiler, Strategy.Interpreter];

    private static Instance Instantiate(Strategy strategy, string wat)
    {
        var engine = new Engine(Config.Default.UseCompiler() with { Strategy = strategy });
        return new Linker(engine).Instantiate(new Store(engine), Module.FromBytes(engine, Wat.Parse(wat)));
    }

    private const string Trees = """
        (module
          (type $node (struct (field $left (ref null $node)) (field $right (ref null $node)) (field $value i32)))
          (func $build (export "build") (param $depth i32) (result (ref null $node))
            (if (result (ref null $node)) (i32.eqz (local.get $depth))
              (then (struct.new $node (ref.null $node) (ref.null $node) (i32.const 1)))
              (else (struct.new $node
                (call $build (i32.sub (local.get $depth) (i32.const 1)))
                (call $build (i32.sub (local.get $depth) (i32.const 1)))
                (local.get $depth)))))
          (func $count (export "count") (param $n (ref null $node)) (result i32)
            (if (result i32) (ref.is_null (local.get $n))
              (then (i32.const 0))
              (else (i32.add (i32.const 1)
                (i32.add (call $count (struct.get $node $left (local.get $n)))
                         (call $count (struct.get $node $right (local.get $n))))))))
          (func $sum (param $n (ref null $node)) (result i64)
            (if (result i64) (ref.is_null (local.get $n))
              (then (i64.const 0))
              (else (i64.add (i64.extend_i32_u (struct.get $node $value (local.get $n)))
                (i64.add (call $sum (struct.get $node $left (local.get $n)))
                         (call $sum (struct.get $node $right (local.get $n))))))))
          (func (export "tree") (param $depth i32) (result i32 i64)
            (local $t (ref null $node))
            (local.set $t (call $build (local.get $depth)))
            (call $count (local.get $t))
            (call $sum (local.get $t)))
          ;; Allocates $n trees of depth 4 (31 structs each) and keeps none: the .NET GC reclaims them.
          (func (export "churn") (param $n i32) (result i32)
            (local $total i32)
            (loop $l
              (local.set $total (i32.add (local.get $total) (call $count (call $build (i32.const 4)))))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (local.get $total)))
        """;

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_tree_of_structs_is_built_and_walked(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, Trees);
        Value[] results = instance.GetFunction("tree")!.Call(Value.I32(10));
        Assert.Equal(2047, results[0].AsI32());
        // Leaves hold 1, a node at depth d holds d: sum over levels of 2^(10-d) * max(d, 1).
        long expected = 0;
        for (int d = 0; d <= 10; d++) expected += (1L << (10 - d)) * Math.Max(d, 1);
        Assert.Equal(expected, results[1].AsI64());
        Assert.Equal(31 * 1000, instance.GetFunction("churn")!.Call(Value.I32(1000))[0].AsI32());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void A_host_holds_a_struct_and_passes_it_back(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, Trees);
        Value tree = instance.GetFunction("build")!.Call(Value.I32(3))[0];
        Assert.NotNull(tree.AsAnyRef());
        Assert.Equal(15, instance.GetFunction("count")!.Call(tree)[0].AsI32());
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Typed_calls_return_structs_as_AnyRef_and_refuse_to_pass_unchecked_ones(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, Trees);
        AnyRef? tree = instance.GetFunction<int, AnyRef>("build")(2);
        Assert.NotNull(tree);
        Assert.Equal(7, instance.GetFunction("count")!.Call(Value.AnyRef(tree))[0].AsI32());
        // A typed call would hand the struct parameter over unchecked: only the Value path checks it.
        Assert.Throws<WasmException>(() => instance.GetFunction<AnyRef, int>("count"));
        // A struct is no function.
        Assert.Throws<WasmException>(() => instance.GetFunction<int, Func>("build"));
    }

    private const string Strings = """
        (module
          (type $string (array (mut i8)))
          (memory (export "memory") 1)
          (data $hello "hello, ")
          (data $world "world")
          (func $concat (param $a (ref $string)) (param $b (ref $string)) (result (ref $string))
            (local $r (ref $string))
            (local.set $r (array.new_default $string
              (i32.add (array.len (local.get $a)) (array.len (local.get $b)))))
            (array.copy $string $string (local.get $r) (i32.const 0) (local.get $a) (i32.const 0) (array.len (local.get $a)))
            (array.copy $string $string (local.get $r) (array.len (local.get $a)) (local.get $b) (i32.const 0) (array.len (local.get $b)))
            (local.get $r))
          (func $upper (param $s (ref $string))
            (local $i i32) (local $c i32)
            (block $done (loop $l
              (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $s))))
              (local.set $c (array.get_u $string (local.get $s) (local.get $i)))
              (if (i32.and (i32.ge_u (local.get $c) (i32.const 97)) (i32.le_u (local.get $c) (i32.const 122)))
                (then (array.set $string (local.get $s) (local.get $i) (i32.sub (local.get $c) (i32.const 32)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l))))
          ;; Writes HELLO, WORLD at address 0 and returns its length.
          (func (export "greet") (result i32)
            (local $s (ref $string)) (local $i i32)
            (local.set $s (call $concat (array.new_data $string $hello (i32.const 0) (i32.const 7))
                                        (array.new_data $string $world (i32.const 0) (i32.const 5))))
            (call $upper (local.get $s))
            (block $done (loop $l
              (br_if $done (i32.ge_u (local.get $i) (array.len (local.get $s))))
              (i32.store8 (local.get $i) (array.get_u $string (local.get $s) (local.get $i)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br $l)))
            (array.len (local.get $s)))
          (func (export "past-the-end") (result i32)
            (array.get_u $string (array.new_data $string $world (i32.const 0) (i32.const 5)) (i32.const 5))))
        """;

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Byte_arrays_make_strings_and_trap_past_their_end(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, Strings);
        int length = instance.GetFunction("greet")!.Call()[0].AsI32();
        Assert.Equal("HELLO, WORLD", instance.GetMemory("memory")!.ReadString(0, length));
        TrapException trap = Assert.Throws<TrapException>(() => instance.GetFunction("past-the-end")!.Call());
        Assert.Equal(TrapCode.ArrayOutOfBounds, trap.Code);
        Assert.StartsWith("out of bounds array access", trap.Message, StringComparison.Ordinal);
    }

    private const string Shapes = """
        (module
          (type $shape (sub (struct (field $kind i32))))
          (type $circle (sub final $shape (struct (field $kind i32) (field $r f64))))
          (type $rect (sub final $shape (struct (field $kind i32) (field $w f64) (field $h f64))))
          (func $area (param $s (ref $shape)) (result f64)
            (local $c (ref null $circle))
            (block $not_circle (result (ref $shape))
              (local.set $c (br_on_cast_fail $not_circle (ref $shape) (ref $circle) (local.get $s)))
              (return (f64.mul (f64.const 3)
                (f64.mul (struct.get $circle $r (local.get $c)) (struct.get $circle $r (local.get $c))))))
            (drop)
            (f64.mul (struct.get $rect $w (ref.cast (ref $rect) (local.get $s)))
                     (struct.get $rect $h (ref.cast (ref $rect) (local.get $s)))))
          (func (export "total") (result f64)
            (f64.add (call $area (struct.new $circle (i32.const 0) (f64.const 2)))
                     (call $area (struct.new $rect (i32.const 1) (f64.const 3) (f64.const 4)))))
          (func (export "i31") (param i32) (result i32 i32 i32)
            (i31.get_s (ref.i31 (local.get 0)))
            (i31.get_u (ref.i31 (local.get 0)))
            (ref.eq (ref.i31 (local.get 0)) (ref.i31 (local.get 0))))
          (global (export "last-rect") (mut (ref null $rect)) (ref.null $rect))
          (table (export "shapes") 2 (ref null $shape))
          (func (export "circle") (result (ref $circle)) (struct.new $circle (i32.const 0) (f64.const 1)))
          (func (export "rect") (result (ref $rect)) (struct.new $rect (i32.const 1) (f64.const 2) (f64.const 3)))
          (func (export "rect-width") (param (ref $rect)) (result f64) (struct.get $rect $w (local.get 0)))
          (func (export "bad-cast") (result f64)
            (struct.get $rect $w (ref.cast (ref $rect) (struct.new $circle (i32.const 0) (f64.const 1))))))
        """;

    [Theory]
    [MemberData(nameof(Strategies))]
    public void Casts_dispatch_on_subtypes_and_a_wrong_cast_traps(Strategy strategy)
    {
        Instance instance = Instantiate(strategy, Shapes);
        Assert.Equal(12.0 + 12.0, instance.GetFunction("total")!.Call()[0].AsF64());
        Value[] i31 = instance.GetFunction("i31")!.Call(Value.I32(-5));
        Assert.Equal(-5, i31[0].AsI32());
        Assert.Equal(0x7fff_fffb, i31[1].AsI32());
        Assert.Equal(1, i31[2].AsI32());
        TrapException trap = Assert.Throws<TrapException>(() => instance.GetFunction("bad-cast")!.Call());
        Assert.Equal(TrapCode.CastFailure, trap.Code);
        // The host cannot pass a circle where a rect is declared.
        Value circle = instance.GetFunction("circle")!.Call()[0];
        Assert.Throws<ArgumentException>(() => instance.GetFunction("rect-width")!.Call(circle));
        // Nor store one where a rect is declared; a subtype is fine.
        Value rect = instance.GetFunction("rect")!.Call()[0];
        Global lastRect = instance.GetGlobal("last-rect")!;
        lastRect.SetValue(rect);
        Assert.Throws<WasmException>(() => lastRect.SetValue(circle));
        Table shapes = instance.GetTable("shapes")!;
        shapes.Set(0, circle);
        shapes.Set(1, rect);
        Assert.Throws<WasmException>(() => shapes.Set(1, Value.AnyRef(AnyRef.ConvertExtern(new ExternRef("not a shape")))));
    }
}
