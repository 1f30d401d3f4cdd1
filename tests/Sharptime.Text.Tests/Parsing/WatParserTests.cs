using Sharptime.Text.Parsing;

namespace Sharptime.Text.Tests.Parsing;

public sealed class WatParserTests
{
    private static string Hex(string wat) =>
        Convert.ToHexStringLower(WatParser.ParseText(Lexer.Tokenize(wat, "t.wat"), "t.wat", emitNames: false));

    private static WatException Fails(string wat) => Assert.Throws<WatException>(() => Wat.Parse(wat, "t.wat"));

    [Fact]
    public void Folded_and_flat_forms_encode_alike()
    {
        string folded = Hex("(module (func (param i32) (result i32) (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 1)) (else (block $b (result i32) (br $b (i32.add (local.get 0) (i32.const 2))))))))");
        string flat = Hex("(module (func (param i32) (result i32) local.get 0 i32.eqz if (result i32) i32.const 1 else block $b (result i32) local.get 0 i32.const 2 i32.add br $b end end))");
        Assert.Equal(flat, folded);
    }

    [Fact]
    public void Bare_fields_are_a_module()
    {
        Assert.Equal(Hex("(module (func (export \"f\")) (memory 1))"), Hex("(func (export \"f\")) (memory 1)"));
        Assert.Equal("0061736d01000000", Hex(""));
    }

    [Fact]
    public void Symbolic_and_numeric_indices_agree()
    {
        Assert.Equal(
            Hex("(module (global i32 (i32.const 0)) (global i32 (i32.const 1)) (func (result i32) global.get 1) (func (result i32) call 0))"),
            Hex("(module (global $a i32 (i32.const 0)) (global $b i32 (i32.const 1)) (func $f (result i32) global.get $b) (func (result i32) call $f))"));
    }

    [Fact]
    public void Forward_references_resolve()
    {
        Assert.Equal(
            Hex("(module (func (call 1)) (func))"),
            Hex("(module (func (call $later)) (func $later))"));
    }

    [Fact]
    public void Struct_fields_resolve_by_name_per_type()
    {
        Assert.Equal(
            Hex("(module (type (struct (field i32) (field i64))) (func (param (ref 0)) (result i64) (struct.get 0 1 (local.get 0))))"),
            Hex("(module (type $s (struct (field $a i32) (field $b i64))) (func (param (ref $s)) (result i64) (struct.get $s $b (local.get 0))))"));
    }

    [Fact]
    public void Nullable_casts_use_the_null_opcodes()
    {
        // ref.test (ref null any) is 0xFB 0x15, ref.test (ref any) is 0xFB 0x14.
        Assert.EndsWith("2000fb156e0b", Hex("(module (func (param anyref) (result i32) (ref.test (ref null any) (local.get 0))))"));
        Assert.EndsWith("2000fb146e0b", Hex("(module (func (param anyref) (result i32) (ref.test (ref any) (local.get 0))))"));
        Assert.EndsWith("2000fb176e0b", Hex("(module (func (param anyref) (result anyref) (ref.cast anyref (local.get 0))))"));
    }

    [Fact]
    public void Inline_type_use_appends_a_type_after_the_explicit_ones()
    {
        // The function's type (param i64) is not declared: it becomes type 1, after the explicit type 0.
        string hex = Hex("(module (type (func)) (func (param i64)) (func (type 0)))");
        Assert.Equal("0061736d0100000001080260000060017e000303020100" + "0a070202000b02000b", hex);
    }

    [Fact]
    public void Definition_keyword_is_reported()
    {
        List<Token> tokens = Lexer.Tokenize("(module $m definition (func))", "t.wat");
        int index = 0;
        WatParser.ParseModule(tokens, ref index, "t.wat", out string? id, out bool isDefinition);
        Assert.Equal("m", id);
        Assert.True(isDefinition);
        Assert.Equal(TokenKind.Eof, tokens[index].Kind);

        index = 0;
        tokens = Lexer.Tokenize("(module (func)) (module $x)", "t.wat");
        WatParser.ParseModule(tokens, ref index, "t.wat", out id, out isDefinition);
        Assert.Null(id);
        Assert.False(isDefinition);
        Assert.Equal(TokenKind.LParen, tokens[index].Kind);
    }

    [Fact]
    public void Unknown_annotations_are_skipped()
    {
        Assert.Equal(
            Hex("(module (func (result i32) (i32.const 1)))"),
            Hex("(module (@a x (y) \"z\") (func (@b) (result i32) (@c (d (e))) (i32.const 1)))"));
    }

    [Fact]
    public void Custom_annotations_become_custom_sections_in_place()
    {
        string hex = Hex("(module (@custom \"a\" (after type) \"\\01\") (type (func)) (@custom \"b\" \"\\02\") (@custom \"c\" (before first) \"\"))");
        // "c" first, then the type section, then "a", then "b" (after last).
        Assert.Equal("0061736d01000000" + "000201 63".Replace(" ", "", StringComparison.Ordinal) + "010401600000" + "0003016101" + "0003016202", hex);
    }

    [Fact]
    public void Name_section_holds_module_function_and_local_names()
    {
        byte[] binary = Wat.Parse("(module $m (func $f (param $x i32) (local $y i64)) (func (local $z f32)))");
        string hex = Convert.ToHexStringLower(binary);
        Assert.Contains(Convert.ToHexStringLower("name"u8), hex, StringComparison.Ordinal);
        // module name "m"; function 0 named "f"; locals of function 0: x, y; of function 1: z.
        Assert.EndsWith("0002016d" + "010401000166" + "020e02" + "0002000178010179" + "0101000" + "17a", hex);
    }

    [Fact]
    public void Bytes_overload_reports_malformed_utf8()
    {
        WatException e = Assert.Throws<WatException>(() => Wat.Parse([(byte)'(', (byte)'m', 0xFF, (byte)')'], "q.wat"));
        Assert.StartsWith("malformed UTF-8 encoding", e.Message, StringComparison.Ordinal);
        Assert.Equal(Hex("(module)"), Convert.ToHexStringLower(Wat.Parse("(module)"u8)));
    }

    [Theory]
    [InlineData("(module (func (br $nowhere)))", "unknown label", 1, 19)]
    [InlineData("(module\n  (func (call $g)))", "unknown function", 2, 15)]
    [InlineData("(module (func (local.get $x)))", "unknown local", 1, 26)]
    [InlineData("(module (func $f) (func $f))", "duplicate func", 1, 20)]
    [InlineData("(module (func (param $a i32) (local $a i32)))", "duplicate local", 1, 37)]
    [InlineData("(module (func block $a end $b))", "mismatching label", 1, 28)]
    [InlineData("(module (func (i32.const 4294967296) drop))", "constant out of range", 1, 26)]
    [InlineData("(module (func (i32.const 0x) drop))", "unknown operator", 1, 26)]
    [InlineData("(module (func (i32.load align=3 (i32.const 0)) drop))", "alignment", 1, 25)]
    [InlineData("(module (func (i32.foo)))", "unknown operator", 1, 16)]
    [InlineData("(module (func) (import \"a\" \"b\" (func)))", "import after function", 1, 17)]
    [InlineData("(module (memory 0) (import \"a\" \"b\" (global i32)))", "import after memory", 1, 21)]
    [InlineData("(module (type $t (func (param i32))) (func (type $t) (param i64)))", "inline function type", 1, 44)]
    [InlineData("(module (func (param i32) (result i32) (local.get 0) (result i32)))", "unexpected token", 1, 55)]
    [InlineData("(module (func $f) (start $f) (start $f))", "multiple start sections", 1, 31)]
    [InlineData("(module (func (unknown.op)))", "unknown operator", 1, 16)]
    [InlineData("(module (func (v128.const i32x4 1 2 3)))", "wrong number of lane literals", 1, 38)]
    [InlineData("(module (func (i8x16.extract_lane_s 256 (v128.const i64x2 0 0))))", "i8 constant out of range", 1, 37)]
    [InlineData("(module (memory 1 (pagesize 3)))", "invalid custom page size", 1, 29)]
    [InlineData("(module (func $\"a\\ff\"))", "malformed UTF-8 encoding", 1, 15)]
    [InlineData("(module (func)", "unexpected end", 1, 15)]
    [InlineData("(module (func (@custom \"x\")))", "misplaced @custom annotation", 1, 15)]
    [InlineData("(@x (y)", "unclosed annotation", 1, 1)]
    [InlineData("(module (func (f32.const nan:0x80_0000) drop))", "constant out of range", 1, 26)]
    public void Errors_say_what_and_where(string wat, string expected, int line, int column)
    {
        WatException e = Fails(wat);
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (e.Line, e.Column));
        Assert.Contains($"t.wat:{line}:{column}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_but_well_formed_modules_still_encode()
    {
        // Type errors and out-of-range numeric indices are for the validator.
        Hex("(module (func (result i32) (i64.const 1)))");
        Hex("(module (func (call 99) (local.get 7) (br 12)))");
        Hex("(module (memory 0x1_0000_0000))");
    }

    [Fact]
    public void Branch_hints_become_a_code_metadata_section()
    {
        string hex = Hex("(module (func (param i32) local.get 0 (@metadata.code.branch_hint \"\\01\") if end (@metadata.code.branch_hint \"\\00\") (br_if 0 (local.get 0))))");
        // Function 0: the if at body offset 3 (after the locals vector and local.get 0) is likely taken;
        // the br_if at offset 8 (after its operand) is not.
        string section = "196d657461646174612e636f64652e6272616e63685f68696e74" + "01" + "00" + "02" + "030101" + "080100";
        Assert.Contains("00" + "23" + section, hex, StringComparison.Ordinal);
        Assert.True(hex.IndexOf(section, StringComparison.Ordinal) < hex.IndexOf("0a0d01", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("(module (func (@metadata.code.branch_hint \"\\01\") (@metadata.code.branch_hint \"\\01\") (if (i32.const 0) (then))))", "@metadata.code.branch_hint annotation: duplicate annotation")]
    [InlineData("(module (@metadata.code.branch_hint \"\\01\") (func))", "@metadata.code.branch_hint annotation: not in a function")]
    public void Misused_branch_hints_are_errors(string wat, string expected) =>
        Assert.StartsWith(expected, Fails(wat).Message, StringComparison.Ordinal);

    [Fact]
    public void Legacy_try_in_plain_form_matches_the_folded_form()
    {
        Assert.Equal(
            Hex("(module (tag $e) (func (try $t (do (throw $e)) (catch $e (rethrow $t)) (catch_all)) (try (do nop) (delegate 0))))"),
            Hex("(module (tag $e) (func try $t throw $e catch $e rethrow $t catch_all end try nop delegate 0))"));
    }

    [Fact]
    public void Vector_literals_end_at_the_next_instruction()
    {
        Assert.Equal(
            Hex("(module (func (result v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i32x4 1 2 3 4) (v128.const f32x4 inf -nan 0x1p-1 1e1))))"),
            Hex("(module (func (result v128) v128.const i32x4 1 2 3 4 v128.const f32x4 inf -nan 0x1p-1 1e1 i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15))"));
    }

    [Fact]
    public void Element_expressions_keep_their_type()
    {
        // funcref (ref.func 0) is an expression segment of type funcref (flags 4), not the index form of type (ref func).
        Assert.Contains("090901044100" + "0b01d2000b", Hex("(module (table 1 funcref) (func) (elem (i32.const 0) funcref (ref.func 0)))"), StringComparison.Ordinal);
        // An inline segment of a typed table gets the table's type: flags 6, table 0, (ref null 0), ref.func expressions.
        Assert.Contains("090c01060041000b630001d2000b", Hex("(module (type $t (func)) (table $tab (ref null $t) (elem $f)) (func $f (type $t)))"), StringComparison.Ordinal);
        // With funcref, the inline segment uses the index form, as wat2wasm and wasm-tools do.
        Assert.Contains("0907010041000b0100", Hex("(module (table funcref (elem $f)) (func $f))"), StringComparison.Ordinal);
    }
}
