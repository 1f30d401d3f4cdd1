using System.Text;

namespace Sharptime.Text.Tests.Parsing;

public sealed class RobustnessTests
{
    [Theory]
    [InlineData("(block ", ")")]
    [InlineData("(i32.eqz ", ")")]
    [InlineData("(if (then ", "))")]
    public void Deep_folded_nesting_is_an_error_not_a_stack_overflow(string open, string close)
    {
        const int depth = 50_000;
        var text = new StringBuilder("(module (func ");
        for (int i = 0; i < depth; i++) text.Append(open);
        text.Append("(i32.const 0)");
        for (int i = 0; i < depth; i++) text.Append(close);
        text.Append("))");
        WatException e = Assert.Throws<WatException>(() => Wat.Parse(text.ToString()));
        Assert.StartsWith("nesting too deep", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_plain_nesting_needs_no_recursion()
    {
        const int depth = 100_000;
        var text = new StringBuilder("(module (func ");
        for (int i = 0; i < depth; i++) text.Append("block ");
        for (int i = 0; i < depth; i++) text.Append("end ");
        text.Append("))");
        byte[] binary = Wat.Parse(text.ToString());
        Assert.True(binary.Length > 2 * depth);
    }

    [Fact]
    public void Deep_comments_and_annotations_are_fine()
    {
        string comment = string.Concat(Enumerable.Repeat("(;", 100_000)) + string.Concat(Enumerable.Repeat(";)", 100_000));
        Assert.Equal(8, Wat.Parse("(module " + comment + ")").Length);
        string annotation = string.Concat(Enumerable.Repeat("(@a ", 100_000)) + new string(')', 100_000);
        Assert.Equal(8, Wat.Parse("(module " + annotation + ")").Length);
    }

    private static readonly string[] Seeds =
    [
        "(module (type $t (func (param i32) (result i32))) (import \"m\" \"f\" (func $f (type $t))) (table 2 funcref) (memory 1) (global $g (mut i32) (i32.const 0)) (func (export \"run\") (param $x i32) (result i32) (local $y i64) (block $b (result i32) (br_if $b (i32.const 1) (local.get $x)) (call_indirect (type $t) (i32.const 0) (i32.const 1)))) (elem (i32.const 0) $f) (data (i32.const 0) \"hi\"))",
        "(module (rec (type $s (sub (struct (field $a (mut i32)) (field $n (ref null $s)))))) (type $arr (array i8)) (tag $e (param i32)) (func (param anyref) (result i32) (try_table (result i32) (catch $e 0) (ref.test (ref $s) (local.get 0)))) (func (result v128) (v128.const f32x4 1 2 3 nan:0x1) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (v128.const i64x2 0 -1))))",
        "(module (memory i64 1 (pagesize 1)) (func (param i64) (drop (i32.atomic.load offset=8 (local.get 0))) (memory.fill (local.get 0) (i32.const 0) (i64.const 1))) (@custom \"c\" (after code) \"x\"))",
    ];

    [Fact]
    public void Mutated_modules_fail_only_with_WatException()
    {
        string[] pieces = ["(", ")", "$x", "0", "-1", "0x", "\"", "(;", "(@a", "block", "end", "(then", "(type 0)", "(param i32)", "offset=1", "align=3", "nan:0x1", "1e400", "(result", "else", "(ref", "null", "(item", "(elem", "try", "delegate", "i8x16", "$", "\u00ff", "\\u{110000}"];
        var random = new Random(12345);
        for (int iteration = 0; iteration < 20_000; iteration++)
        {
            var text = new StringBuilder(Seeds[random.Next(Seeds.Length)]);
            for (int edit = random.Next(1, 5); edit > 0 && text.Length > 0; edit--)
            {
                int at = random.Next(text.Length);
                switch (random.Next(3))
                {
                    case 0: text.Remove(at, Math.Min(random.Next(1, 8), text.Length - at)); break;
                    case 1: text.Insert(at, " " + pieces[random.Next(pieces.Length)] + " "); break;
                    default: text[at] = (char)random.Next(32, 127); break;
                }
            }
            try
            {
                Wat.Parse(text.ToString());
            }
            catch (WatException)
            {
                // The only allowed failure.
            }
        }
    }
}
