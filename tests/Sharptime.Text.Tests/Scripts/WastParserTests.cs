using Sharptime.Text.Parsing;
using Sharptime.Text.Scripts;

namespace Sharptime.Text.Tests.Scripts;

public sealed class WastParserTests
{
    private static List<WastCommand> Parse(string text) => WastParser.Parse(text, "test.wast");

    private static T Single<T>(string text) where T : WastCommand => Assert.IsType<T>(Assert.Single(Parse(text)));

    [Fact]
    public void Text_module_keeps_its_tokens_and_id()
    {
        var command = Single<WastModuleCommand>("(module $m (func))");
        Assert.Equal("module", command.Kind);
        WastModuleSource module = command.Module;
        Assert.Equal(WastModuleFormat.Text, module.Format);
        Assert.Equal("m", module.Id);
        Assert.False(module.IsDefinition);
        Assert.Equal(0, module.TokenIndex);
        Assert.Equal(TokenKind.LParen, module.Tokens![module.TokenIndex].Kind);
        Assert.Equal(TokenKind.Eof, module.Tokens[module.EndIndex].Kind);
    }

    [Fact]
    public void Text_module_end_index_points_after_its_closing_parenthesis()
    {
        List<WastCommand> commands = Parse("(module (func (@a x) (nop)))\n(register \"m\")");
        var module = Assert.IsType<WastModuleCommand>(commands[0]).Module;
        Assert.Equal(TokenKind.LParen, module.Tokens![module.EndIndex].Kind);
        Assert.Equal(2, module.Tokens[module.EndIndex].Line);
        Assert.IsType<WastRegisterCommand>(commands[1]);
    }

    [Theory]
    [InlineData("(module definition $m (func))")]
    [InlineData("(module $m definition (func))")]
    public void Definition_is_handed_to_the_wat_parser_without_the_keyword(string text)
    {
        WastModuleSource module = Single<WastModuleCommand>(text).Module;
        Assert.True(module.IsDefinition);
        Assert.Equal("m", module.Id);
        string[] words = module.Tokens!.Select(t => t.ToString()).ToArray();
        Assert.Equal(["(", "module", "$m", "(", "func", ")", ")", "end of text"], words);
        Assert.Equal(words.Length - 1, module.EndIndex);
    }

    [Fact]
    public void Binary_module_concatenates_its_strings()
    {
        WastModuleSource module = Single<WastModuleCommand>("(module $b binary \"\\00asm\" \"\\01\\00\\00\\00\")").Module;
        Assert.Equal(WastModuleFormat.Binary, module.Format);
        Assert.Equal("b", module.Id);
        Assert.Equal(new byte[] { 0, 0x61, 0x73, 0x6d, 1, 0, 0, 0 }, module.Bytes);
    }

    [Fact]
    public void Definition_binary_module_parses()
    {
        WastModuleSource module = Single<WastModuleCommand>("(module definition binary \"\\00asm\")").Module;
        Assert.True(module.IsDefinition);
        Assert.Equal(WastModuleFormat.Binary, module.Format);
    }

    [Fact]
    public void Quote_module_joins_its_strings_with_a_space()
    {
        WastModuleSource module = Single<WastModuleCommand>("(module quote \"(func\" \"(nop))\")").Module;
        Assert.Equal(WastModuleFormat.Quote, module.Format);
        Assert.Equal("(func (nop))"u8.ToArray(), module.QuoteBytes);
    }

    [Theory]
    [InlineData("(module instance $i $m)", "i", "m")]
    [InlineData("(module $i instance $m)", "i", "m")]
    [InlineData("(module instance)", null, null)]
    public void Module_instance_parses(string text, string? instance, string? module)
    {
        var command = Single<WastInstanceCommand>(text);
        Assert.Equal("module instance", command.Kind);
        Assert.Equal(instance, command.InstanceId);
        Assert.Equal(module, command.ModuleId);
    }

    [Fact]
    public void Register_parses_name_and_module()
    {
        var command = Single<WastRegisterCommand>("(register \"lib\" $m)");
        Assert.Equal("lib", command.Name);
        Assert.Equal("m", command.ModuleId);
    }

    [Fact]
    public void Invoke_and_get_parse()
    {
        List<WastCommand> commands = Parse("(invoke $m \"f\" (i32.const 1) (f64.const 2.5))\n(get \"g\")");
        WastAction invoke = Assert.IsType<WastActionCommand>(commands[0]).Action;
        Assert.True(invoke.IsInvoke);
        Assert.Equal("m", invoke.ModuleId);
        Assert.Equal("f", invoke.Name);
        Assert.Equal(2, invoke.Arguments.Count);
        Assert.Equal(BitConverter.DoubleToUInt64Bits(2.5), invoke.Arguments[1].Bits);
        var get = Assert.IsType<WastActionCommand>(commands[1]);
        Assert.Equal("get", get.Kind);
        Assert.Equal(2, get.Line);
        Assert.False(get.Action.IsInvoke);
        Assert.Null(get.Action.ModuleId);
    }

    [Fact]
    public void Assert_return_parses_every_result_form()
    {
        var command = Single<WastAssertReturnCommand>("""
            (assert_return (invoke "f")
              (i32.const -1) (i64.const 0xffff_ffff_ffff_ffff) (f32.const nan:canonical) (f64.const nan:arithmetic)
              (f32.const -0x1p-149) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1)
              (v128.const f32x4 nan:canonical 1 -inf nan:0x200000)
              (ref.null func) (ref.null) (ref.extern 7) (ref.extern) (ref.host 3) (ref.func) (ref.func $f)
              (ref.struct) (ref.array) (ref.eq) (ref.i31) (ref.any) (ref.exn) (ref.null $t)
              (either (i32.const 1) (i32.const 2)))
            """);
        IReadOnlyList<WastValue> r = command.Results;
        Assert.Equal(22, r.Count);
        Assert.Equal(0xffff_ffffUL, r[0].Bits);
        Assert.Equal(ulong.MaxValue, r[1].Bits);
        Assert.Equal(WastNan.Canonical, r[2].Nan);
        Assert.Equal(WastNan.Arithmetic, r[3].Nan);
        Assert.Equal(0x8000_0001UL, r[4].Bits);
        Assert.Equal("i8x16", r[5].Shape);
        Assert.Equal(16, r[5].Lanes!.Count);
        Assert.Equal(0xffUL, r[5].Lanes![15].Bits);
        Assert.Equal(WastNan.Canonical, r[6].Lanes![0].Nan);
        Assert.Equal(0xff80_0000UL, r[6].Lanes![2].Bits);
        Assert.Equal(0x7fa0_0000UL, r[6].Lanes![3].Bits);
        Assert.Equal("func", r[7].HeapType);
        Assert.Null(r[8].HeapType);
        Assert.True(r[9].HasNumber);
        Assert.Equal(7UL, r[9].Bits);
        Assert.False(r[10].HasNumber);
        Assert.Equal(WastValueKind.RefHost, r[11].Kind);
        Assert.Null(r[12].HeapType);
        Assert.Equal("$f", r[13].HeapType);
        Assert.Equal(
            [WastValueKind.RefStruct, WastValueKind.RefArray, WastValueKind.RefEq, WastValueKind.RefI31, WastValueKind.RefAny, WastValueKind.RefExn],
            r.Skip(14).Take(6).Select(v => v.Kind));
        Assert.Equal("$t", r[20].HeapType);
        Assert.Equal(2, r[21].Alternatives!.Count);
    }

    [Theory]
    [InlineData("i16x8 -32768 65535 0 0 0 0 0 0", 8)]
    [InlineData("i32x4 0xffffffff -1 0 1", 4)]
    [InlineData("i64x2 -9223372036854775808 0xffffffffffffffff", 2)]
    [InlineData("f64x2 0x1.8p1 -nan", 2)]
    public void V128_constants_have_one_value_per_lane(string lanes, int count)
    {
        WastAction action = Single<WastActionCommand>($"(invoke \"f\" (v128.const {lanes}))").Action;
        Assert.Equal(count, action.Arguments[0].Lanes!.Count);
    }

    [Fact]
    public void Assert_trap_takes_an_action_or_a_module()
    {
        List<WastCommand> commands = Parse("""
            (assert_trap (invoke "f") "unreachable")
            (assert_trap (module (start 0) (func unreachable)) "unreachable")
            """);
        Assert.Equal("unreachable", Assert.IsType<WastAssertActionCommand>(commands[0]).Message);
        var module = Assert.IsType<WastAssertModuleCommand>(commands[1]);
        Assert.Equal("assert_trap", module.Kind);
        Assert.Equal(2, module.Line);
    }

    [Fact]
    public void Action_assertions_parse()
    {
        List<WastCommand> commands = Parse("""
            (assert_exhaustion (invoke "loop") "call stack exhausted")
            (assert_exception (invoke "throw"))
            """);
        Assert.Equal("call stack exhausted", Assert.IsType<WastAssertActionCommand>(commands[0]).Message);
        var exception = Assert.IsType<WastAssertActionCommand>(commands[1]);
        Assert.Equal("assert_exception", exception.Kind);
        Assert.Null(exception.Message);
    }

    [Theory]
    [InlineData("assert_malformed")]
    [InlineData("assert_invalid")]
    [InlineData("assert_unlinkable")]
    [InlineData("assert_uninstantiable")]
    [InlineData("assert_malformed_custom")]
    [InlineData("assert_invalid_custom")]
    public void Module_assertions_parse(string kind)
    {
        var command = Single<WastAssertModuleCommand>($"({kind} (module quote \"(func)\") \"some message\")");
        Assert.Equal(kind, command.Kind);
        Assert.Equal("some message", command.Message);
        Assert.Equal(WastModuleFormat.Quote, command.Module.Format);
    }

    [Fact]
    public void Thread_and_wait_parse()
    {
        List<WastCommand> commands = Parse("""
            (module $Mem (memory 1 1 shared))
            (thread $T1 (shared (module $Mem))
              (register "mem" $Mem)
              (module (memory (import "mem" "shared") 1 1 shared))
              (invoke "run"))
            (wait $T1)
            """);
        var thread = Assert.IsType<WastThreadCommand>(commands[1]);
        Assert.Equal("T1", thread.Id);
        Assert.Equal(["Mem"], thread.SharedModules);
        Assert.Equal(3, thread.Commands.Count);
        Assert.Equal("T1", Assert.IsType<WastWaitCommand>(commands[2]).ThreadId);
    }

    [Fact]
    public void A_script_of_bare_module_fields_is_one_inline_module()
    {
        var command = Single<WastModuleCommand>("(func) (memory 0) (func (export \"f\"))");
        WastModuleSource module = command.Module;
        Assert.Equal("(", module.Tokens![0].ToString());
        Assert.Equal("module", module.Tokens[1].ToString());
        Assert.Equal(")", module.Tokens[module.EndIndex - 1].ToString());
    }

    [Theory]
    [InlineData("(frobnicate)", "unknown command \"frobnicate\"", 1, 2)]
    [InlineData("(module)\n  (assert_return (invoke \"f\") (i32.const 1)", "unexpected token \"end of text\"", 2, 44)]
    [InlineData("(module\n  (func)", "unclosed parenthesis", 1, 1)]
    [InlineData("(invoke \"f\" (i32.const 0x1_0000_0000))", "constant out of range", 1, 24)]
    [InlineData("(invoke \"f\" (f32.const nan:canonical))", "unexpected token \"nan:canonical\"", 1, 24)]
    [InlineData("\n\n (invoke \"f\" (v128.const i32x4 1 2 3))", "wrong number of lane literals", 3, 37)]
    [InlineData("(assert_invalid (module) 7)", "unexpected token \"7\", expected a failure message", 1, 26)]
    [InlineData("(invoke \"f\" (i32.const 1_))", "unknown operator", 1, 24)]
    public void Errors_name_the_position(string text, string message, int line, int column)
    {
        var error = Assert.Throws<WatException>(() => Parse(text));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("test.wast", error.File);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith($"at test.wast:{line}:{column}", error.Message, StringComparison.Ordinal);
    }
}

public sealed class WastParserRobustnessTests
{
    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Sharptime.sln above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Truncated_and_corrupted_scripts_fail_only_with_WatException()
    {
        string script = File.ReadAllText(Path.Combine(RepositoryRoot(), "examples", "hello.wast"));
        var random = new Random(1234);
        const string Noise = "()\"$;\\ 0x.-+nan:inf(@";
        for (int length = 0; length < script.Length; length += 3)
        {
            Check(script[..length]);
            char[] corrupted = script.ToCharArray();
            corrupted[random.Next(corrupted.Length)] = Noise[random.Next(Noise.Length)];
            Check(new string(corrupted));
        }

        static void Check(string text)
        {
            try
            {
                WastParser.Parse(text, "fuzz.wast");
            }
            catch (WatException e)
            {
                Assert.True(e.Line > 0, e.Message);
            }
        }
    }
}
