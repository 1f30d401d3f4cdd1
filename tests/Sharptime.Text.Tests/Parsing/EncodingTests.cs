using Sharptime.Text.Parsing;

namespace Sharptime.Text.Tests.Parsing;

/// <summary>
/// Module field and instruction forms encode byte for byte like the reference tools: the expected bytes were
/// produced once by wat2wasm (or, for forms it cannot read, wasm-tools) and are pasted here, so the tests need
/// neither tool.
/// </summary>
public sealed class EncodingTests
{
    public static TheoryData<string, string, string> Cases => new()
    {
        { "FuncType", "(module (type (func (param i32 i64) (result f32))) (type $v (func)))",
            "0061736d01000000010a0260027f7e017d600000" },
        { "Imports", "(module (import \"m\" \"f\" (func $f (param i32))) (import \"m\" \"t\" (table 1 2 funcref)) (import \"m\" \"mem\" (memory 1)) (import \"m\" \"g\" (global (mut i64))) (import \"m\" \"e\" (tag (param i32))))",
            "0061736d0100000001050160017f00022705016d01660000016d01740170010102016d036d656d020001016d0167037e01016d0165040000" },
        { "InlineImportExport", "(module (func $f (export \"f\") (import \"m\" \"f\") (result i32)) (memory (export \"m\") 1 2) (global $g (export \"g\") i32 (i32.const 7)) (func (export \"h\") (result i32) call $f global.get $g i32.add))",
            "0061736d010000000105016000017f020701016d01660000030201000504010101020606017f0041070b07110401660000016d020001670300016800010a09010700100023006a0b" },
        { "Locals", "(module (func (param $a i32) (param f32) (local $x i64) (local i64 i64 f64) (local.set $x (i64.extend_i32_u (local.get $a))) local.get 1 drop))",
            "0061736d0100000001060160027f7d00030201000a10010e02037e017c2000ad210220011a0b" },
        { "TableInlineElem", "(module (table funcref (elem $f $g)) (func $f) (func $g))",
            "0061736d010000000104016000000303020000040501700102020908010041000b0200010a070202000b02000b" },
        { "MemoryInlineData", "(module (memory (data \"hello\" \"\\01\\02\")))",
            "0061736d010000000504010101010b0d010041000b0768656c6c6f0102" },
        { "Elems", "(module (table $t 10 funcref) (table $u 10 externref) (func $f) (elem (i32.const 0) $f $f) (elem $p func $f) (elem declare func $f) (elem (table $u) (offset (i32.const 1)) externref (ref.null extern)) (elem funcref (ref.null func) (item ref.func $f)))",
            "0061736d010000000104016000000302010004070270000a6f000a0923050041000b0200000100010003000100060141010b6f01d06f0b057002d0700bd2000b0a040102000b" },
        { "Datas", "(module (memory $m 1) (memory $n 1) (data (i32.const 8) \"ab\") (data $p \"cd\") (data (memory $n) (offset (i32.const 0)) \"ef\") (func (memory.init $n $p (i32.const 0) (i32.const 0) (i32.const 1)) (data.drop $p)))",
            "0061736d0100000001040160000003020100050502000100010c01030a11010f00410041004101fc080101fc09010b0b14030041080b02616201026364020141000b026566" },
        { "StartAndExports", "(module (func $main) (start $main) (export \"main\" (func $main)) (table $t 1 funcref) (export \"t\" (table $t)))",
            "0061736d0100000001040160000003020100040401700001070c02046d61696e0000017401000801000a040102000b" },
        { "Labels", "(module (func (param i32) (result i32) (block $out (result i32) (loop $l (br_if $l (local.get 0)) (br_table $l $out 0 (i32.const 1) (local.get 0))) (i32.const 2))))",
            "0061736d0100000001060160017f017f030201000a19011700027f034020000d00410120000e020001000b41020b0b" },
        { "IfElse", "(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))",
            "0061736d0100000001060160017f017f030201000a0e010c002000047f41010541020b0b" },
        { "MemArgs", "(module (memory $a 1) (memory $b 1) (func (i32.store offset=4 align=2 (i32.const 0) (i64.load32_u $b offset=8 (i32.const 0)) (i32.wrap_i64)) (drop (i32.load8_s align=1 (i32.const 0)))))",
            "0061736d0100000001040160000003020100050502000100010a160114004100410035420108a736010441002c00001a0b" },
        { "Vectors", "(module (func (result v128) (v128.const i8x16 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 -1) (v128.const f32x4 1.5 -0 inf nan:0x200000) (i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 31) (v128.const i64x2 -1 0x7fffffffffffffff) (i64x2.add) (v128.load32_lane 1 (i32.const 0)) drop (v128.const f64x2 0x1p-1074 -0x1.fffffffffffffp1023)))",
            "0061736d010000000105016000017b030201000a69016700fd0c000102030405060708090a0b0c0d0efffd0c0000c03f000000800000807f0000a07ffd0d0001020304050607101112131415161ffd0cffffffffffffffffffffffffffffff7ffdce014100fd560200011afd0c0100000000000000ffffffffffffefff0b" },
        { "Select", "(module (func (param i32) (result i64) (select (result i64) (i64.const 1) (i64.const 2) (local.get 0))))",
            "0061736d0100000001060160017f017e030201000a0d010b004201420220001c017e0b" },
        { "CallIndirect", "(module (type $t (func (param i32) (result i32))) (table $tab 1 funcref) (table $two 1 funcref) (func (param i32) (result i32) (call_indirect $two (type $t) (local.get 0) (i32.const 0)) (call_indirect (param i32) (result i32) (i32.const 0))))",
            "0061736d0100000001060160017f017f030201000407027000017000010a10010e002000410011000141001100000b" },
        { "ImplicitTypes", "(module (type (func)) (func (param i64)) (func (param f32) (result f32) local.get 0) (func (param i64)) (func (block (param i32) (result i32 i32) (i32.const 1)) drop drop))",
            "0061736d0100000001130460000060017e0060017d017d60017f027f7f030504010201000a160402000b040020000b02000b0900020341010b1a1a0b" },
        { "Exceptions", "(module (tag $e (param i32)) (func (result i32) (block $h (result i32) (try_table (catch $e $h) (catch_all 0) (throw $e (i32.const 1)))) (unreachable)))",
            "0061736d0100000001090260017f006000017f030201010d030100000a15011300027f1f40020000000200410108000b0b000b" },
        { "Legacy", "(module (tag $e) (func (try $t (do (throw $e)) (catch $e (rethrow $t)) (catch_all)) (try (do nop) (delegate 0))))",
            "0061736d01000000010401600000030201000d030100000a130111000640080007000900190b06400118000b" },
        { "Atomics", "(module (memory 1 1 shared) (func (result i32) (atomic.fence) (i32.atomic.rmw8.add_u offset=1 (i32.const 0) (i32.const 1)) (memory.atomic.wait32 (i32.const 0) (i32.const 0) (i64.const -1)) i32.add))",
            "0061736d010000000105016000017f030201000504010301010a1a011800fe030041004101fe20000141004100427ffe0102006a0b" },
        { "WideArithmetic", "(module (func (param i64 i64 i64 i64) (result i64 i64) (i64.add128 (local.get 0) (local.get 1) (local.get 2) (local.get 3))))",
            "0061736d01000000010a0160047e7e7e7e027e7e030201000a0e010c002000200120022003fc130b" },
        { "PageSize", "(module (memory 1 2 (pagesize 1)) (memory i64 3))",
            "0061736d01000000050702090102000403" },
        { "Table64", "(module (table i64 1 10 funcref) (func (drop (table.size 0))))",
            "0061736d01000000010401600000030201000405017005010a0a08010600fc10001a0b" },
        { "GcTypes", "(module (rec (type $a (sub (struct (field $x (mut i32))))) (type $b (sub final $a (struct (field $x (mut i32)) (field $y i64))))) (type $arr (array (mut i8))) (func (param (ref $b)) (result i32) (struct.get $b $x (local.get 0))) (func (param anyref) (result i32) (ref.test (ref null $a) (local.get 0))) (func (param anyref) (result (ref $a)) (ref.cast (ref $a) (local.get 0))) (func (param anyref) (result anyref) (block $l (result anyref) (br_on_cast $l anyref (ref $b) (local.get 0)))) (func (result (ref $arr)) (array.new_fixed $arr 2 (i32.const 1) (i32.const 2))))",
            "0061736d010000000130074e0250005f017f014f01005f027f017e005e780160016401017f60016e017f60016e01640060016e016e600001640203060503040506070a330508002000fb0201000b07002000fb15000b07002000fb16000b0d00026e2000fb1801006e010b0b0a0041014102fb0802020b" },
        { "Constants", "(module (func (drop (i32.const -0x8000_0000)) (drop (i32.const 4294967295)) (drop (i64.const -9223372036854775808)) (drop (f32.const 0x1.fffffep127)) (drop (f64.const 1e-320)) (drop (f32.const -nan:0x1)) (drop (f64.const 0x1.0000000000000_8p0))))",
            "0061736d01000000010401600000030201000a3a0138004180808080781a417f1a428080808080808080807f1a43ffff7f7f1a44e8070000000000001a43010080ff1a44000000000000f03f1a0b" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encodes_like_the_reference_tools(string name, string wat, string expectedHex)
    {
        byte[] binary = WatParser.ParseText(Lexer.Tokenize(wat, name), name, emitNames: false);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(binary));
    }
}
