using Sharptime.Text;

namespace Sharptime.Compiler.Tests;

public sealed class ExceptionTests
{
    private static readonly Engine LegacyEngine = new(Config.Default.UseCompiler() with { Features = WasmFeatures.All });

    private static Instance Legacy(string wat, Linker? linker = null) =>
        (linker ?? new Linker(LegacyEngine)).Instantiate(new Store(LegacyEngine), Module.FromBytes(LegacyEngine, Wat.Parse(wat)));

    [Fact]
    public void Uncaught_throw_reaches_the_host_with_its_tag_and_payload()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (tag $e (export "e") (param i32 f64 i64))
              (func (export "f") (param i32)
                (throw $e (local.get 0) (f64.const 2.5) (i64.const -7))))
            """);
        ThrownException e = Assert.Throws<ThrownException>(() => instance.GetFunction("f")!.Call(Value.I32(41)));
        Assert.Same(instance.GetTag("e"), e.Tag);
        Assert.Equal(3, e.Payload.Count);
        Assert.Equal(41, e.Payload[0].AsI32());
        Assert.Equal(2.5, e.Payload[1].AsF64());
        Assert.Equal(-7, e.Payload[2].AsI64());
    }

    [Fact]
    public void Try_table_catches_by_tag_in_order_and_keeps_values_below_the_block()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (tag $a (param i32))
              (tag $b (param i32 i32))
              (func $thrower (param i32)
                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $a (i32.const 10))))
                (if (i32.eq (local.get 0) (i32.const 2)) (then (throw $b (i32.const 20) (i32.const 3))))
                (if (i32.eq (local.get 0) (i32.const 3)) (then unreachable)))
              (func (export "f") (param i32) (result i32)
                (i32.const 1000)
                (block $ca (result i32)
                  (block $cb (result i32 i32)
                    (i64.const 5)
                    (try_table (catch $a $ca) (catch $b $cb)
                      (call $thrower (local.get 0)))
                    (drop)
                    (return (i32.const -1)))
                  (i32.add))
                (i32.add)))
            """);
        Func<int, int> f = instance.GetFunction<int, int>("f");
        Assert.Equal(-1, f(0));
        Assert.Equal(1010, f(1));
        Assert.Equal(1023, f(2));
        // A trap is never caught by WebAssembly.
        Assert.Equal(TrapCode.Unreachable, Wasm.Traps(() => f(3)).Code);
    }

    [Fact]
    public void Catch_ref_and_throw_ref_rethrow_the_same_exception_object()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (tag $e (param i64))
              (global $saved (mut exnref) (ref.null exn))
              (func (export "f") (param i64) (result i64)
                (block $h (result i64 exnref)
                  (try_table (catch_ref $e $h) (throw $e (local.get 0)))
                  (unreachable))
                (global.set $saved)
                (i64.const 1) (i64.add))
              (func (export "again")
                (throw_ref (global.get $saved)))
              (func (export "null")
                (throw_ref (ref.null exn)))
              (func (export "catch") (result exnref)
                (block $h (result exnref)
                  (try_table (catch_all_ref $h) (throw $e (i64.const 9)))
                  (unreachable)))
              (func (export "rethrow") (param exnref)
                (throw_ref (local.get 0))))
            """);
        Assert.Equal(43L, instance.GetFunction<long, long>("f")(42));
        ThrownException first = Assert.Throws<ThrownException>(() => instance.GetFunction("again")!.Call());
        ThrownException second = Assert.Throws<ThrownException>(() => instance.GetFunction("again")!.Call());
        Assert.Same(first, second);
        Assert.Equal(42L, first.Payload[0].AsI64());
        Assert.Equal(TrapCode.NullReference, Wasm.Traps(() => instance.GetFunction("null")!.Call()).Code);
        // An exnref handed to the host can be passed back in and rethrown.
        Value exn = Assert.Single(instance.GetFunction("catch")!.Call());
        ThrownException third = Assert.Throws<ThrownException>(() => instance.GetFunction("rethrow")!.Call(exn));
        Assert.Equal(9L, third.Payload[0].AsI64());
    }

    [Fact]
    public void Catch_all_ignores_traps_and_host_exceptions_but_catches_host_thrown_tags()
    {
        var store = new Store(Wasm.Engine);
        var tag = new Tag(store, new FuncType([ValType.I32], []));
        var linker = new Linker(Wasm.Engine);
        linker.Define("env", "tag", tag);
        linker.DefineFunction("env", "host", new FuncType([ValType.I32], []), (Caller _, ReadOnlySpan<Value> args, Span<Value> _) =>
        {
            switch (args[0].AsI32())
            {
                case 1: throw new ThrownException(tag, Value.I32(77));
                case 2: throw new TrapException(TrapCode.IntegerOverflow);
                case 3: throw new InvalidOperationException("host failure");
            }
        });
        Instance instance = Wasm.Instantiate("""
            (module
              (import "env" "tag" (tag $t (param i32)))
              (import "env" "host" (func $host (param i32)))
              (func (export "typed") (param i32) (result i32)
                (block $h (result i32)
                  (try_table (catch $t $h) (call $host (local.get 0)))
                  (i32.const -1)))
              (func (export "all") (param i32) (result i32)
                (block $h
                  (try_table (catch_all $h) (call $host (local.get 0)))
                  (return (i32.const -1)))
                (i32.const 1)))
            """, linker, store);
        Func<int, int> typed = instance.GetFunction<int, int>("typed");
        Func<int, int> all = instance.GetFunction<int, int>("all");
        Assert.Equal(-1, typed(0));
        Assert.Equal(77, typed(1));
        Assert.Equal(1, all(1));
        Assert.Equal(TrapCode.IntegerOverflow, Wasm.Traps(() => all(2)).Code);
        Exception host = Assert.ThrowsAny<Exception>(() => all(3));
        Assert.IsNotType<ThrownException>(host);
    }

    [Fact]
    public void Tags_are_new_per_instance_and_imports_match_exact_types()
    {
        const string Wat = """
            (module
              (import "m" "e" (tag $imported))
              (import "m" "throw" (func $throw))
              (tag $e (export "e"))
              (func (export "throw") (throw $e))
              (func (export "catch") (param i32) (result i32)
                (block $own
                  (block $other
                    (try_table (catch $e $own) (catch $imported $other) (call $throw))
                    (return (i32.const 0)))
                  (return (i32.const 2)))
                (i32.const 1)))
            """;
        var store = new Store(Wasm.Engine);
        var linker = new Linker(Wasm.Engine) { AllowShadowing = true };
        linker.Define("m", "e", new Tag(store, new FuncType([], [])));
        linker.DefineFunction("m", "throw", () => { });
        Instance a = Wasm.Instantiate(Wat, linker, store);
        Instance b = Wasm.Instantiate(Wat, linker, store);
        Assert.NotSame(a.GetTag("e"), b.GetTag("e"));
        Assert.Same(a.GetTag("e"), a.GetTag("e"));
        Assert.Equal(0, a.GetFunction<int, int>("catch")(0));
        // b's own tag is not a's tag; a's tag imported into c is.
        linker.Define("m", "throw", a.GetFunction("throw")!);
        Instance c = Wasm.Instantiate(Wat, linker, store);
        Assert.Throws<ThrownException>(() => c.GetFunction<int, int>("catch")(0));
        linker.Define("m", "e", a.GetTag("e")!);
        Instance d = Wasm.Instantiate(Wat, linker, store);
        Assert.Equal(2, d.GetFunction<int, int>("catch")(0));
        Assert.Throws<ThrownException>(() => b.GetFunction("throw")!.Call());

        Module importer = Wasm.Compile("""(module (import "m" "e" (tag (param i32))))""");
        Assert.Equal("tag", importer.Imports[0].Kind);
        Assert.StartsWith("(tag (func (param i32)", importer.Imports[0].Type, StringComparison.Ordinal);
        Assert.Equal("tag", a.Module.Exports[0].Kind);
        linker = new Linker(Wasm.Engine) { AllowShadowing = true };
        linker.Define("m", "e", b.GetTag("e")!);
        LinkException error = Assert.Throws<LinkException>(() => linker.Instantiate(store, importer));
        Assert.StartsWith("incompatible import type", error.Message, StringComparison.Ordinal);
        linker.Define("m", "e", new Tag(store, new FuncType([ValType.I32], [])));
        linker.Instantiate(store, importer);
    }

    [Fact]
    public void Branches_and_returns_leave_nested_try_tables()
    {
        Instance instance = Wasm.Instantiate("""
            (module
              (tag $e (param i32))
              (func (export "f") (param i32) (result i32) (local i32)
                (i32.const 100)
                (block $out (result i32)
                  (try_table (result i32) (catch $e $out)
                    (i32.const 7)
                    (try_table (result i32) (catch $e 0)
                      (loop $l
                        (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                        (br_if $l (i32.lt_u (local.get 1) (i32.const 3))))
                      (if (i32.eqz (local.get 0)) (then (return (i32.const 55))))
                      (if (i32.eq (local.get 0) (i32.const 5)) (then (throw $e (i32.const 9))))
                      (br_table 0 1 $out 3 (local.get 1) (i32.sub (local.get 0) (i32.const 1))))
                    (i32.add)))
                (i32.add))
              (func (export "tail") (param i32) (result i32)
                (block $h
                  (try_table (catch_all $h) (return_call $inner (local.get 0)))
                  (unreachable))
                (i32.const -1))
              (tag $t)
              (func $inner (param i32) (result i32)
                (if (local.get 0) (then (throw $t)))
                (i32.const 5)))
            """);
        Func<int, int> f = instance.GetFunction<int, int>("f");
        Assert.Equal(55, f(0));
        Assert.Equal(110, f(1));
        Assert.Equal(103, f(2));
        Assert.Equal(103, f(3));
        Assert.Equal(3, f(4));
        Assert.Equal(109, f(5));
        Func<int, int> tail = instance.GetFunction<int, int>("tail");
        Assert.Equal(5, tail(0));
        // The callee of return_call runs after the frame's handlers are gone.
        Assert.Throws<ThrownException>(() => tail(1));
    }

    [Fact]
    public void Legacy_try_catch_rethrow_and_delegate()
    {
        Instance instance = Legacy("""
            (module
              (tag $a (param i32))
              (tag $b)
              (func $throw (param i32)
                (if (i32.eq (local.get 0) (i32.const 1)) (then (throw $a (i32.const 5))))
                (if (i32.eq (local.get 0) (i32.const 2)) (then (throw $b))))
              (func (export "catch") (param i32) (result i32)
                (try (result i32)
                  (do (call $throw (local.get 0)) (i32.const 0))
                  (catch $a (i32.const 100) (i32.add))
                  (catch_all (i32.const 200))))
              (func (export "rethrow") (param i32) (result i32)
                (try (result i32)
                  (do (call $throw (local.get 0)) (i32.const 0))
                  (catch $a
                    (drop)
                    (try (result i32)
                      (do (rethrow 1))
                      (catch $a (i32.const 1000) (i32.add))))))
              (func (export "delegate") (param i32) (result i32)
                (try (result i32)
                  (do
                    (try (result i32)
                      (do
                        (try (do (call $throw (local.get 0))) (delegate 1))
                        (i32.const 0))
                      (catch_all (i32.const 1))))
                  (catch_all (i32.const 2))))
              (func (export "delegate-out") (param i32)
                (try
                  (do (try (do (call $throw (local.get 0))) (delegate 1)))
                  (catch_all))))
            """);
        Func<int, int> catchF = instance.GetFunction<int, int>("catch");
        Assert.Equal(0, catchF(0));
        Assert.Equal(105, catchF(1));
        Assert.Equal(200, catchF(2));
        Func<int, int> rethrow = instance.GetFunction<int, int>("rethrow");
        Assert.Equal(1005, rethrow(1));
        Assert.Throws<ThrownException>(() => rethrow(2));
        Func<int, int> del = instance.GetFunction<int, int>("delegate");
        Assert.Equal(0, del(0));
        Assert.Equal(2, del(1));
        Action<int> delOut = instance.GetAction<int>("delegate-out");
        delOut(0);
        Assert.Throws<ThrownException>(() => delOut(2));
    }

    [Fact]
    public void A_handler_sees_memory_grown_by_the_code_that_threw()
    {
        Instance instance = Legacy("""
            (module
              (memory 1)
              (tag $e)
              (func $grow-and-throw
                (drop (memory.grow (i32.const 20)))
                (throw $e))
              (func (export "new") (result i32)
                (i32.store (i32.const 16) (i32.const 1))
                (block $h
                  (try_table (catch $e $h) (call $grow-and-throw))
                  (return (i32.const -1)))
                (i32.store (i32.const 0x100000) (i32.const 42))
                (i32.load (i32.const 0x100000)))
              (func (export "legacy") (result i32)
                (i32.store (i32.const 16) (i32.const 1))
                (try (result i32)
                  (do (call $grow-and-throw) (i32.const -1))
                  (catch $e
                    (i32.store (i32.const 0x120000) (i32.const 43))
                    (i32.load (i32.const 0x120000))))))
            """);
        Assert.Equal(42, instance.GetFunction<int>("new")());
        Assert.Equal(43, instance.GetFunction<int>("legacy")());
    }
}
