namespace Sharptime.Compiler.Tests;

public sealed class TableAndGlobalTests
{
    private const string Module = """
        (module
          (type $ii (func (param i32) (result i32)))
          (type $v (func))
          (table (export "table") 4 funcref)
          (elem (i32.const 0) $double $square $nothing)
          (global $counter (export "counter") (mut i32) (i32.const 10))
          (global $pi f64 (f64.const 3.5))
          (func $double (type $ii) local.get 0 i32.const 2 i32.mul)
          (func $square (type $ii) local.get 0 local.get 0 i32.mul)
          (func $nothing (type $v))
          (func (export "dispatch") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect (type $ii))
          (func (export "bump") (result i32) global.get $counter i32.const 1 i32.add global.set $counter global.get $counter)
          (func (export "pi") (result f64) global.get $pi)
          (func (export "size") (result i32) table.size 0)
          (func (export "is_null") (param i32) (result i32) local.get 0 table.get 0 ref.is_null))
        """;

    /// <summary>
    /// Active element segments fill a module's own tables lazily (placeholders, functions made on
    /// first use). Every way an element leaves the table must give the defining instance's function:
    /// call_indirect from the instance and from an instance that imports the table (the callee reads
    /// its own memory), table.get, table.copy into another instance's table, the host's Table.Get (the
    /// same Func as the export); table.set and table.grow overwrite placeholders; under every strategy.
    /// </summary>
    [Theory]
    [InlineData(Strategy.Compiler)]
    [InlineData(Strategy.Interpreter)]
    [InlineData(Strategy.Tiered)]
    public void Lazily_initialized_tables_give_the_defining_instances_functions(Strategy strategy)
    {
        var engine = new Engine(Wasm.Engine.Config with { Strategy = strategy, TierUpThreshold = 1 });
        const string Defining = """
            (module
              (type $r (func (result i32)))
              (memory 1)
              (data (i32.const 0) "\01")
              (table (export "table") 6 funcref)
              (elem (i32.const 1) $mine $mine $other)
              (func $mine (export "mine") (result i32) (i32.load8_u (i32.const 0)))
              (func $other (result i32) (i32.const 7))
              (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0)))
              (func (export "null") (param i32) (result i32) (ref.is_null (table.get (local.get 0))))
              (func (export "set") (param i32) (table.set (local.get 0) (ref.null func)))
              (func (export "grow") (result i32) (table.grow (ref.func $other) (i32.const 2))))
            """;
        const string Importing = """
            (module
              (type $r (func (result i32)))
              (import "a" "table" (table 6 funcref))
              (table $own 4 funcref)
              (memory 1)
              (data (i32.const 0) "\02")
              (func (export "call") (param i32) (result i32) (call_indirect (type $r) (local.get 0)))
              (func (export "copy") (table.copy $own 0 (i32.const 0) (i32.const 1) (i32.const 3)))
              (func (export "call_own") (param i32) (result i32) (call_indirect $own (type $r) (local.get 0))))
            """;
        using var store = new Store(engine);
        var linker = new Linker(engine);
        Instance a = linker.Instantiate(store, Sharptime.Module.FromBytes(engine, Text.Wat.Parse(Defining)));
        linker.DefineInstance("a", a);
        Instance b = linker.Instantiate(store, Sharptime.Module.FromBytes(engine, Text.Wat.Parse(Importing)));

        Assert.Equal(1, b.GetFunction<int, int>("call")(1));
        b.GetAction("copy")();
        Assert.Equal(1, b.GetFunction<int, int>("call_own")(1));
        Assert.Equal(7, b.GetFunction<int, int>("call_own")(2));
        Assert.Equal(1, a.GetFunction<int, int>("call")(2));
        Assert.Equal(7, a.GetFunction<int, int>("call")(3));
        Assert.Equal(TrapCode.UninitializedElement, Wasm.Traps(() => a.GetFunction<int, int>("call")(0)).Code);
        Assert.Equal(0, a.GetFunction<int, int>("null")(1));
        Assert.Equal(1, a.GetFunction<int, int>("null")(4));
        Table table = a.GetTable("table")!;
        Assert.Same(a.GetFunction("mine"), table.Get(1).AsFuncRef());
        Assert.Same(table.Get(1).AsFuncRef(), table.Get(2).AsFuncRef());
        a.GetAction<int>("set")(3);
        Assert.True(table.Get(3).IsNull);
        Assert.Equal(6, a.GetFunction<int>("grow")());
        Assert.Equal(7, a.GetFunction<int, int>("call")(7));
        Assert.Equal(1, b.GetFunction<int, int>("call")(2));
    }

    [Fact]
    public void Call_indirect_calls_through_the_table()
    {
        Instance instance = Wasm.Instantiate(Module);
        Func<int, int, int> dispatch = instance.GetFunction<int, int, int>("dispatch");
        Assert.Equal(14, dispatch(0, 7));
        Assert.Equal(49, dispatch(1, 7));
    }

    [Theory]
    [InlineData(2, TrapCode.IndirectCallTypeMismatch)]
    [InlineData(3, TrapCode.UninitializedElement)]
    [InlineData(4, TrapCode.UndefinedElement)]
    [InlineData(-1, TrapCode.UndefinedElement)]
    public void Call_indirect_traps(int index, TrapCode code)
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(code, Wasm.Traps(() => instance.GetFunction<int, int, int>("dispatch")(index, 1)).Code);
    }

    [Fact]
    public void Globals_read_and_write()
    {
        Instance instance = Wasm.Instantiate(Module);
        Assert.Equal(11, instance.GetFunction<int>("bump")());
        Assert.Equal(12, instance.GetFunction<int>("bump")());
        Global counter = instance.GetGlobal("counter")!;
        Assert.Equal(12, counter.Value.AsI32());
        counter.SetValue(Value.I32(100));
        Assert.Equal(101, instance.GetFunction<int>("bump")());
        Assert.Equal(3.5, instance.GetFunction<double>("pi")());
    }

    [Fact]
    public void Tables_are_visible_to_the_host()
    {
        Instance instance = Wasm.Instantiate(Module);
        Table table = instance.GetTable("table")!;
        Assert.Equal(4UL, table.Size);
        Assert.Equal(1, instance.GetFunction<int, int>("is_null")(3));
        table.Set(3, table.Get(1));
        Assert.Equal(0, instance.GetFunction<int, int>("is_null")(3));
        Assert.Equal(36, instance.GetFunction<int, int, int>("dispatch")(3, 6));
        Assert.Equal(4UL, table.Grow(2, Value.Null(ValType.FuncRef)));
        Assert.Equal(6, instance.GetFunction<int>("size")());
        Assert.Equal(TrapCode.TableOutOfBounds, Wasm.Traps(() => instance.GetFunction<int, int>("is_null")(6)).Code);
    }

    [Fact]
    public void Funcref_values_cross_the_boundary()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (func $f (result i32) i32.const 5)
              (elem declare func $f)
              (func (export "get") (result funcref) ref.func $f)
              (func (export "null") (result externref) ref.null extern)
              (func (export "id") (param externref) (result externref) local.get 0))
            """);
        Func f = instance.GetFunction<Func>("get")()!;
        Assert.Equal(5, f.Call()[0].AsI32());
        Assert.Null(instance.GetFunction<ExternRef>("null")());
        var obj = new ExternRef("hello");
        Assert.Same(obj, instance.GetFunction<ExternRef, ExternRef>("id")(obj));
        Value[] r = instance.GetFunction("id")!.Call(Value.ExternRef(obj));
        Assert.Same(obj, r[0].AsExternRef());
        Assert.Equal(ValType.ExternRef, r[0].Type);
    }

    [Fact]
    public void Out_of_bounds_element_segment_fails_instantiation()
    {
        TrapException trap = Wasm.Traps(() => Wasm.Instantiate("(module (table 1 funcref) (func $f) (elem (i32.const 1) $f))"));
        Assert.Equal(TrapCode.TableOutOfBounds, trap.Code);
    }

    [Fact]
    public void Bulk_table_and_passive_segments()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (table 4 funcref)
              (func $a (result i32) i32.const 1)
              (func $b (result i32) i32.const 2)
              (elem $seg func $a $b)
              (func (export "init") (table.init 0 $seg (i32.const 1) (i32.const 0) (i32.const 2)) (elem.drop $seg))
              (func (export "call") (param i32) (result i32) local.get 0 call_indirect (result i32))
              (func (export "copy") (table.copy (i32.const 0) (i32.const 1) (i32.const 2))))
            """);
        instance.GetAction("init")();
        Assert.Equal(2, instance.GetFunction<int, int>("call")(2));
        instance.GetAction("copy")();
        Assert.Equal(1, instance.GetFunction<int, int>("call")(0));
        Assert.Equal(TrapCode.TableOutOfBounds, Wasm.Traps(() => instance.GetAction("init")()).Code);
    }

    [Fact]
    public void Start_function_runs_at_instantiation()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (global $g (export "g") (mut i32) (i32.const 0))
              (func $start i32.const 42 global.set $g)
              (start $start))
            """);
        Assert.Equal(42, instance.GetGlobal("g")!.Value.AsI32());
    }

    [Fact]
    public void V128_globals_pass_through_non_simd_code()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (global $a (mut v128) (v128.const i64x2 1 2))
              (global $b (export "b") (mut v128) (v128.const i64x2 0 0))
              (func (export "copy") global.get $a global.set $b))
            """);
        instance.GetAction("copy")();
        Assert.Equal((1UL, 2UL), instance.GetGlobal("b")!.Value.AsV128());
    }

    [Fact]
    public void Global_initializers_use_imported_globals_and_extended_constants()
    {
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine);
        linker.Define("env", "base", new Global(store, Value.I32(40), mutable: false));
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "base" (global $base i32))
              (global $g i32 (i32.add (global.get $base) (i32.const 2)))
              (func (export "g") (result i32) global.get $g))
            """, linker, store);
        Assert.Equal(42, instance.GetFunction<int>("g")());
    }

    [Fact]
    public void Many_single_element_grows_keep_size_and_contents()
    {
        // Each grow used to copy the whole table: 100,000 grows took 23 s.
        Instance instance = Wasm.Instantiate("""
            (module
              (type $ii (func (param i32) (result i32)))
              (table (export "table") 1 funcref)
              (elem (i32.const 0) $id)
              (func $id (type $ii) local.get 0)
              (func (export "grow") (param $n i32) (result i32) (local $i i32)
                (loop $next
                  (if (i32.ne (table.grow (if (result funcref) (i32.and (local.get $i) (i32.const 1)) (then (ref.func $id)) (else (ref.null func))) (i32.const 1))
                              (i32.add (local.get $i) (i32.const 1)))
                    (then (return (i32.const -1))))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $next (i32.lt_u (local.get $i) (local.get $n))))
                (table.size))
              (func (export "call") (param i32 i32) (result i32) local.get 1 local.get 0 call_indirect (type $ii))
              (func (export "is_null") (param i32) (result i32) local.get 0 table.get 0 ref.is_null)
              (func (export "fill_tail") (param i32) (table.fill 0 (local.get 0) (ref.func $id) (i32.sub (table.size) (local.get 0)))))
            """);
        Assert.Equal(100_001, instance.GetFunction<int, int>("grow")(100_000));
        Table table = instance.GetTable("table")!;
        Assert.Equal(100_001UL, table.Size);
        Func<int, int> isNull = instance.GetFunction<int, int>("is_null");
        // Element k + 1 was added by grow k: a function when k is odd, else null.
        Assert.Equal(0, isNull(0));
        Assert.Equal(1, isNull(1));
        Assert.Equal(0, isNull(2));
        Assert.Equal(0, isNull(100_000));
        Assert.Equal(1, isNull(99_999));
        Assert.Equal(7, instance.GetFunction<int, int, int>("call")(100_000, 7));
        // The capacity past the size stays outside the table.
        Assert.Equal(TrapCode.TableOutOfBounds, Wasm.Traps(() => isNull(100_001)).Code);
        Assert.Equal(TrapCode.UndefinedElement, Wasm.Traps(() => instance.GetFunction<int, int, int>("call")(100_001, 7)).Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Get(100_001));
        Assert.Equal(TrapCode.TableOutOfBounds, Wasm.Traps(() => instance.GetAction<int>("fill_tail")(100_002)).Code);
        instance.GetAction<int>("fill_tail")(100_001);
        Assert.Equal(100_001UL, table.Grow(0, Value.FuncRef(null)));
        Assert.Equal(100_001UL, table.Grow(5, Value.FuncRef(null)));
        Assert.Equal(100_006UL, table.Size);
        Assert.Equal(1, isNull(100_005));
    }
}
