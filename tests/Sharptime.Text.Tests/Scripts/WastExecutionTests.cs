using Sharptime.Compiler;

namespace Sharptime.Text.Tests.Scripts;

public sealed class WastExecutionTests
{
    private static readonly Engine Engine = new(Config.Default.UseCompiler());

    private static WastResult Run(string text) => Wast.RunText(text, "test.wast", Engine);

    private const string Arith = """
        (module
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
          (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
          (func (export "f32") (param i32) (result f32) (f32.reinterpret_i32 (local.get 0)))
          (func (export "f64") (param i64) (result f64) (f64.reinterpret_i64 (local.get 0)))
          (func (export "id") (param externref) (result externref) (local.get 0))
          (func (export "null") (result funcref) (ref.null func))
          (func $self (export "self") (result funcref) (ref.func $self))
          (func (export "two") (result i32 i64) (i32.const 1) (i64.const -1))
          (func $loop (export "loop") (call $loop))
          (global (export "g") i32 (i32.const 7)))
        """;

    [Fact]
    public void Assert_return_passes_on_exact_results_and_fails_with_both_values()
    {
        WastResult result = Run(Arith + """

            (assert_return (invoke "add" (i32.const 40) (i32.const 2)) (i32.const 42))
            (assert_return (invoke "add" (i32.const -1) (i32.const 0)) (i32.const 0xffffffff))
            (assert_return (invoke "two") (i32.const 1) (i64.const -1))
            (assert_return (get "g") (i32.const 7))
            (assert_return (invoke "add" (i32.const 1) (i32.const 1)) (i32.const 3))
            """);
        Assert.Equal((5, 1, 0), (result.Passed, result.Failed, result.Skipped));
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal((16, "assert_return"), (failure.Line, failure.Kind));
        Assert.Equal("[i32:3]", failure.Expected);
        Assert.Equal("[i32:2]", failure.Actual);
    }

    [Fact]
    public void Result_count_and_type_must_match()
    {
        WastResult result = Run(Arith + """

            (assert_return (invoke "two") (i32.const 1))
            (assert_return (invoke "add" (i32.const 0) (i32.const 0)) (i64.const 0))
            """);
        Assert.Equal((1, 2), (result.Passed, result.Failed));
    }

    [Fact]
    public void Floats_compare_by_bits_and_nan_patterns_follow_the_spec()
    {
        WastResult result = Run(Arith + """

            (assert_return (invoke "f32" (i32.const 0x7fc00000)) (f32.const nan:canonical))
            (assert_return (invoke "f32" (i32.const 0xffc00000)) (f32.const nan:canonical))
            (assert_return (invoke "f32" (i32.const 0x7fc00001)) (f32.const nan:arithmetic))
            (assert_return (invoke "f64" (i64.const 0xfff8000000000001)) (f64.const nan:arithmetic))
            (assert_return (invoke "f64" (i64.const 0x7ff8000000000000)) (f64.const nan:canonical))
            (assert_return (invoke "f32" (i32.const 0x80000000)) (f32.const -0.0))
            (assert_return (invoke "f32" (i32.const 0x7fc00001)) (f32.const nan:canonical))
            (assert_return (invoke "f32" (i32.const 0x7fa00000)) (f32.const nan:arithmetic))
            (assert_return (invoke "f64" (i64.const 0x7ff4000000000000)) (f64.const nan:arithmetic))
            (assert_return (invoke "f32" (i32.const 0x00000000)) (f32.const -0.0))
            (assert_return (invoke "f32" (i32.const 0x7fc00000)) (f32.const -nan))
            """);
        // The module and six assertions pass.
        Assert.Equal((7, 5), (result.Passed, result.Failed));
        Assert.Equal([18, 19, 20, 21, 22], result.Failures.Select(f => f.Line));
    }

    [Fact]
    public void V128_compares_lane_by_lane_in_the_expected_shape_with_nan_patterns_per_lane()
    {
        WastResult result = Run("""
            (module (func (export "id") (param v128) (result v128) (local.get 0)))
            (assert_return (invoke "id" (v128.const i32x4 1 2 3 4)) (v128.const i32x4 1 2 3 4))
            (assert_return (invoke "id" (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 -1)) (v128.const i16x8 0x0201 0x0403 0x0605 0x0807 0x0a09 0x0c0b 0x0e0d 0xff0f))
            (assert_return (invoke "id" (v128.const f32x4 nan 1 2 3)) (v128.const f32x4 nan:canonical 1 2 3))
            (assert_return (invoke "id" (v128.const f64x2 nan:0x1 -0)) (v128.const f64x2 nan:arithmetic -0))
            (assert_return (invoke "id" (v128.const i16x8 1 2 3 4 5 6 7 8)) (v128.const i16x8 1 2 3 4 5 6 7 9))
            """);
        Assert.Equal((4, 2), (result.Passed, result.Failed));
        Assert.Equal([5, 6], result.Failures.Select(f => f.Line));
    }

    [Fact]
    public void References_match_null_extern_numbers_and_either()
    {
        WastResult result = Run(Arith + """

            (assert_return (invoke "id" (ref.extern 1)) (ref.extern 1))
            (assert_return (invoke "id" (ref.extern 1)) (ref.extern))
            (assert_return (invoke "id" (ref.null extern)) (ref.null extern))
            (assert_return (invoke "id" (ref.null extern)) (ref.null))
            (assert_return (invoke "null") (ref.null func))
            (assert_return (invoke "self") (ref.func))
            (assert_return (invoke "add" (i32.const 1) (i32.const 1)) (either (i32.const 3) (i32.const 2)))
            (assert_return (invoke "id" (ref.extern 1)) (ref.extern 2))
            (assert_return (invoke "id" (ref.null extern)) (ref.extern))
            (assert_return (invoke "null") (ref.null extern))
            (assert_return (invoke "null") (ref.func))
            (assert_return (invoke "add" (i32.const 1) (i32.const 1)) (either (i32.const 3) (i32.const 4)))
            """);
        Assert.Equal((8, 5), (result.Passed, result.Failed));
        Assert.Equal([19, 20, 21, 22, 23], result.Failures.Select(f => f.Line));
    }

    [Fact]
    public void Assert_trap_and_exhaustion_check_the_message()
    {
        WastResult result = Run(Arith + """

            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer divide by zero")
            (assert_trap (invoke "div" (i32.const 0x80000000) (i32.const -1)) "integer overflow")
            (assert_exhaustion (invoke "loop") "call stack exhausted")
            (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
            (assert_trap (invoke "div" (i32.const 1) (i32.const 0)) "integer overflow")
            (assert_trap (invoke "div" (i32.const 1) (i32.const 1)) "integer divide by zero")
            (assert_exception (invoke "add" (i32.const 1) (i32.const 1)))
            """);
        Assert.Equal((5, 3), (result.Passed, result.Failed));
        Assert.Equal([16, 17, 18], result.Failures.Select(f => f.Line));
        Assert.Contains("integer divide by zero", result.Failures[0].Actual, StringComparison.Ordinal);
        Assert.Equal("the action returned", result.Failures[1].Actual);
        Assert.Equal("the action returned", result.Failures[2].Actual);
    }

    [Fact]
    public void Register_named_modules_and_link_errors()
    {
        WastResult result = Run("""
            (module $lib (func (export "seven") (result i32) (i32.const 7)) (memory (export "mem") 1))
            (register "lib" $lib)
            (module $user (import "lib" "seven" (func $seven (result i32)))
              (func (export "call") (result i32) (call $seven)))
            (assert_return (invoke $user "call") (i32.const 7))
            (assert_return (invoke $lib "seven") (i32.const 7))
            (assert_unlinkable (module (import "lib" "missing" (func))) "unknown import")
            (assert_unlinkable (module (import "lib" "mem" (func))) "incompatible import type")
            (module (import "spectest" "print_i32" (func (param i32))) (import "spectest" "memory" (memory 1)))
            (module definition $d (func (export "one") (result i32) (i32.const 1)))
            (module instance $i $d)
            (assert_return (invoke $i "one") (i32.const 1))
            (assert_unlinkable (module (import "lib" "missing" (func))) "incompatible import type")
            """);
        Assert.Equal((11, 1), (result.Passed, result.Failed));
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal((13, "assert_unlinkable"), (failure.Line, failure.Kind));
        Assert.StartsWith("LinkException", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Actions_on_a_missing_module_or_export_fail()
    {
        WastResult result = Run("""
            (invoke "f")
            (module (func (export "f")))
            (invoke "g")
            (assert_return (get "f") (i32.const 0))
            (invoke $nope "f")
            """);
        Assert.Equal((1, 4), (result.Passed, result.Failed));
        Assert.Equal("no module has been instantiated", result.Failures[0].Actual);
    }

    [Fact]
    public void Actions_after_a_failed_module_name_it_instead_of_using_an_older_instance()
    {
        WastResult result = Run("""
            (module (func (export "f")))
            (module $m (import "nowhere" "g" (func)) (func (export "f")))
            (invoke "f")
            (invoke $m "f")
            """);
        Assert.Equal((1, 3), (result.Passed, result.Failed));
        Assert.StartsWith("LinkException", result.Failures[0].Actual, StringComparison.Ordinal);
        Assert.Equal("the module at line 2 failed, so there is no instance", result.Failures[1].Actual);
        Assert.Equal("the module at line 2 failed, so there is no instance $m", result.Failures[2].Actual);
    }

    [Fact]
    public void A_failure_in_a_thread_is_reported_at_its_line_once_the_thread_is_waited_for()
    {
        WastResult result = Run("(thread $t (invoke \"f\"))\n(wait $t)");
        Assert.Equal((2, 1, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal(1, Assert.Single(result.Failures).Line);
    }

    [Fact]
    public void Compiled_threads_add_to_one_shared_counter_without_losing_an_increment()
    {
        const string Thread = """
            (thread $T (shared (module $Mem))
              (register "mem" $Mem)
              (module (memory (import "mem" "shared") 1 1 shared)
                (func (export "run") (local i32)
                  (loop $l
                    (drop (i32.atomic.rmw8.add_u (i32.const 3) (i32.const 1)))
                    (drop (i64.atomic.rmw.add (i32.const 8) (i64.const 1)))
                    (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 50000))))))
              (invoke "run"))
            """;
        WastResult result = Run(";;! threads = true\n(module $Mem (memory (export \"shared\") 1 1 shared))\n"
            + Thread + Thread.Replace("$T ", "$U ", StringComparison.Ordinal) + """
            (wait $T)
            (wait $U)
            (register "mem" $Mem)
            (module (memory (import "mem" "shared") 1 1 shared)
              (func (export "byte") (result i32) (i32.atomic.load8_u (i32.const 3)))
              (func (export "total") (result i64) (i64.atomic.load (i32.const 8))))
            (assert_return (invoke "byte") (i32.const 160))
            (assert_return (invoke "total") (i64.const 100000))
            """);
        Assert.Empty(result.Failures);
        Assert.Equal(2, result.Kinds["assert_return"].Passed);
    }
}
