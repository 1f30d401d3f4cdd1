namespace Sharptime.Text.Tests.Scripts;

public sealed class WastRunnerTests
{
    private static readonly Engine Engine = new();

    private static WastResult Run(string text) => Wast.RunText(text, "test.wast", Engine);

    [Fact]
    public void Actions_run_without_a_compiler_in_the_interpreter()
    {
        WastResult result = Run("""
            (module (func (export "f") (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
                    (func (export "t") unreachable)
                    (func (export "r") (call 2))
                    (global (export "g") i32 (i32.const 7)))
            (assert_return (invoke "f" (i32.const 1)) (i32.const 2))
            (invoke "f" (i32.const 0))
            (assert_return (get "g") (i32.const 7))
            (register "lib")
            (assert_trap (invoke "t") "unreachable")
            (assert_exhaustion (invoke "r") "call stack exhausted")
            (assert_return (invoke "f" (i32.const 1)) (i32.const 3))
            """);
        Assert.Equal((7, 1, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal([11], result.Failures.Select(f => f.Line));
        Assert.Contains("i32:2", result.Failures[0].Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_malformed_passes_when_the_text_error_starts_with_the_expected_message()
    {
        WastResult result = Run("(assert_malformed (module quote \"\\\"abc\") \"unclosed string\")");
        Assert.Equal((1, 0, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal(1, result.Kinds["assert_malformed"].Passed);
    }

    [Fact]
    public void Assert_malformed_with_another_message_fails_and_records_both_texts()
    {
        WastResult result = Run("\n(assert_malformed (module quote \"\\\"abc\") \"unknown operator\")");
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal((0, 1, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal(("test.wast", 2, "assert_malformed"), (failure.File, failure.Line, failure.Kind));
        Assert.Contains("unknown operator", failure.Expected, StringComparison.Ordinal);
        Assert.Contains("WatException", failure.Actual, StringComparison.Ordinal);
        Assert.Contains("unclosed string", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Assert_invalid_fails_when_the_module_is_malformed_instead()
    {
        WastResult result = Run("(assert_invalid (module quote \"\\\"abc\") \"unclosed string\")");
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal("assert_invalid", failure.Kind);
        Assert.StartsWith("WatException", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Module_assertions_that_need_linking_fail_when_the_module_does_not_parse()
    {
        WastResult result = Run("""
            (assert_unlinkable (module quote "(func") "unknown import")
            (assert_trap (module quote "\"") "unreachable")
            """);
        Assert.Equal((0, 2, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal(["assert_trap", "assert_unlinkable"], result.Kinds.Keys);
    }

    [Fact]
    public void A_malformed_script_is_one_failure_at_the_error()
    {
        WastResult result = Run("(assert_return (invoke \"f\"))\n\n  (bogus)");
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal(("script", 3), (failure.Kind, failure.Line));
        Assert.Contains("unknown command \"bogus\"", failure.Actual, StringComparison.Ordinal);
        Assert.Equal((0, 1, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void Results_name_the_file_and_total_every_kind()
    {
        WastResult result = Run("(module (func (export \"f\"))) (invoke \"f\") (invoke \"g\") (assert_malformed (module quote \"\\\"\") \"unclosed string\")");
        Assert.Equal("test.wast", result.File);
        Assert.Equal((1, 1), (result.Kinds["invoke"].Passed, result.Kinds["invoke"].Failed));
        Assert.Equal(result.Passed + result.Failed + result.Skipped, result.Kinds.Values.Sum(k => k.Total));
        Assert.Equal("3 passed, 1 failed, 0 skipped", result.Totals.ToString());
    }

    [Fact]
    public void Binary_modules_go_to_the_decoder()
    {
        WastResult result = Run("""
            (assert_malformed (module binary "\00asn") "magic header not detected")
            (assert_malformed (module binary "\00asm" "\02\00\00\00") "unknown binary version")
            (assert_invalid (module binary "\00asn") "magic header not detected")
            """);
        Assert.Equal(2, result.Kinds["assert_malformed"].Passed);
        WastFailure failure = Assert.Single(result.Failures);
        Assert.Equal(("assert_invalid", 3), (failure.Kind, failure.Line));
        Assert.StartsWith("MalformedModuleException", failure.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void Valid_modules_pass_and_module_assertions_that_instantiate_fail_when_the_module_instantiates()
    {
        WastResult result = Run("""
            (module $empty binary "\00asm" "\01\00\00\00")
            (module definition binary "\00asm" "\01\00\00\00")
            (assert_unlinkable (module binary "\00asm" "\01\00\00\00") "unknown import")
            (assert_uninstantiable (module binary "\00asm" "\01\00\00\00") "out of bounds")
            (assert_trap (module binary "\00asm" "\01\00\00\00") "unreachable")
            """);
        Assert.Equal((2, 3, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.All(result.Failures, f => Assert.Equal("the module instantiated", f.Actual));
        Assert.Equal(2, result.Kinds["module"].Passed);
    }

    [Fact]
    public void Text_modules_go_through_the_wat_parser_then_the_validator()
    {
        WastResult result = Run("""
            (module $m (func (export "f") (result i32) (i32.const 1)))
            (module definition $d (memory 1))
            (module quote "(func (result i32) (i32.const 2))")
            (assert_invalid (module (func (result i32) (i64.const 1))) "type mismatch")
            (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
            (assert_unlinkable (module (import "m" "g" (func))) "unknown import")
            """);
        Assert.Empty(result.Failures);
        Assert.Equal((6, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Fact]
    public void Quoted_text_that_is_not_utf8_is_a_malformed_module()
    {
        WastResult result = Run("""
            (assert_malformed (module quote "(func)\n (@a \80)") "malformed UTF-8 encoding")
            (module quote "(func) (@a \"\u{e9}\")")
            """);
        Assert.Empty(result.Failures);
        Assert.Equal(2, result.Passed);
    }

    [Fact]
    public void A_script_file_that_is_not_utf8_is_one_script_failure_at_the_bad_byte()
    {
        string path = Path.Combine(Path.GetTempPath(), $"sharptime-{Guid.NewGuid():N}.wast");
        File.WriteAllBytes(path, [.. "(invoke \"f\")\n(invoke \"g\xff"u8, 0xff, .. "\")"u8]);
        try
        {
            WastResult result = Wast.Run(path, Engine, "bad.wast");
            WastFailure failure = Assert.Single(result.Failures);
            Assert.Equal(("script", 2), (failure.Kind, failure.Line));
            Assert.Contains("malformed UTF-8 encoding (byte 0xff) at bad.wast:2:", failure.Actual, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_text_syntax_follows_the_engine_features()
    {
        const string Script = """
            (assert_malformed (module quote "(memory 0x1_0000_0000)") "i32 constant out of range")
            (assert_malformed (module (memory 0x1_0000_0000)) "i32 constant out of range")
            """;
        var wasm2 = new Engine(Config.Default with { Features = WasmFeatures.Wasm2 });
        WastResult older = Wast.RunText(Script, "t.wast", wasm2);
        Assert.Equal((2, 0), (older.Passed, older.Failed));
        // With memory64 the limit is a u64 literal, so the module parses and fails validation instead.
        WastResult wasm3 = Run(Script);
        Assert.Equal(2, wasm3.Failed);
        Assert.All(wasm3.Failures, f => Assert.StartsWith("InvalidModuleException", f.Actual, StringComparison.Ordinal));
    }

    [Fact]
    public void Annotations_between_script_tokens_are_skipped()
    {
        WastResult result = Run("""
            ((@a) module (@a) $m (@a x (y)) (func (@name "f")))
            (@a) (register (@a) "m" $m)
            """);
        Assert.Empty(result.Failures);
        Assert.Equal((2, 0, 0), (result.Passed, result.Failed, result.Skipped));
    }

    [Theory]
    [InlineData("/t/spec-testsuite/i32.wast", WasmFeatures.Wasm3)]
    [InlineData("custom/name_annot.wast", WasmFeatures.Wasm3)]
    [InlineData("/t/spec-testsuite/legacy/throw.wast", WasmFeatures.Wasm3 | WasmFeatures.LegacyExceptions)]
    [InlineData("proposals\\threads\\atomic.wast", (WasmFeatures.Wasm2 & ~WasmFeatures.ReferenceTypes) | WasmFeatures.Threads)]
    [InlineData("proposals/custom-page-sizes/binary.wast", WasmFeatures.Wasm3 | WasmFeatures.CustomPageSizes)]
    [InlineData("proposals/wide-arithmetic/wide-arithmetic.wast", WasmFeatures.Wasm3 | WasmFeatures.WideArithmetic)]
    [InlineData("proposals/custom-descriptors/exact.wast", WasmFeatures.Wasm3)]
    [InlineData("/home/legacy/spec-testsuite/i32.wast", WasmFeatures.Wasm3)]
    [InlineData("legacy.wast", WasmFeatures.Wasm3)]
    public void Features_follow_the_testsuite_folders(string path, WasmFeatures expected) =>
        Assert.Equal(expected, WastFeatures.ForPath(path));

    [Fact]
    public void A_feature_header_switches_proposals_on_and_off_with_either_spelling()
    {
        const string Script = """
            ;; A test of Wasmtime's misc testsuite.
            ;;! gc = true
            ;;! tail_call = false
            ;;! target = "x86_64"
            ;;! multi-memory = false

            (module)
            ;;! threads = true
            """;
        WasmFeatures features = WastFeatures.ApplyHeader(Script, WasmFeatures.Wasm3);
        Assert.Equal((WasmFeatures.Wasm3 | WasmFeatures.Gc) & ~WasmFeatures.TailCall & ~WasmFeatures.MultiMemory, features);
    }

    [Fact]
    public void A_script_with_a_threads_header_runs_atomics_on_an_engine_without_threads()
    {
        const string Body = """
            (module (memory 1 1 shared) (func (export "f") (result i32) (i32.atomic.rmw.add (i32.const 0) (i32.const 5))))
            (assert_return (invoke "f") (i32.const 0))
            """;
        var engine = new Engine(Config.Default with { Features = WasmFeatures.Wasm3 });
        WastResult plain = Wast.RunText(Body, "plain.wast", engine);
        Assert.Equal((0, 2), (plain.Passed, plain.Failed));
        Assert.Contains("proposal not enabled", plain.Failures[0].Actual, StringComparison.Ordinal);
        WastResult result = Wast.RunText(";;! threads = true\n" + Body, "header.wast", engine);
        Assert.Equal((2, 0), (result.Passed, result.Failed));
    }

    [Fact]
    public void Threads_run_on_their_own_threads_share_memories_and_report_after_wait()
    {
        WastResult result = Run("""
            ;;! threads = true
            (module $Mem (memory (export "shared") 1 1 shared))
            (thread $T (shared (module $Mem))
              (register "mem" $Mem)
              (module (memory (import "mem" "shared") 1 1 shared)
                (func (export "run") (i32.atomic.store (i32.const 4) (i32.const 42)) (drop (memory.atomic.notify (i32.const 4) (i32.const 1)))))
              (invoke "run")
              (assert_return (invoke "run") (i32.const 1)))
            (wait $T)
            (register "mem" $Mem)
            (module (memory (import "mem" "shared") 1 1 shared)
              (func (export "get") (result i32) (i32.atomic.load (i32.const 4))))
            (assert_return (invoke "get") (i32.const 42))
            (wait $T)
            """);
        Assert.Equal((9, 2, 0), (result.Passed, result.Failed, result.Skipped));
        Assert.Equal([8, 14], result.Failures.Select(f => f.Line));
        Assert.Equal((1, 1), (result.Kinds["thread"].Passed, result.Kinds["wait"].Passed));
    }
}
