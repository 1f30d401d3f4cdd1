using System.Text;
using Sharptime.Text;

namespace Sharptime.Tests.Validation;

/// <summary>Modules with more than a megabyte of code are validated on several threads; the result must not show it.</summary>
public sealed class ParallelValidationTests
{
    /// <summary>A module of <paramref name="count"/> functions of about 80 bytes each; the listed ones are invalid.</summary>
    private static byte[] Module(int count, params (int Index, string Body)[] invalid)
    {
        var text = new StringBuilder("(module");
        var broken = invalid.ToDictionary(x => x.Index, x => x.Body);
        for (int i = 0; i < count; i++)
        {
            text.Append(broken.TryGetValue(i, out string? body) ? $"\n(func (result i32) {body})" : "\n(func (param i32) (result i32)");
            if (!broken.ContainsKey(i))
            {
                for (int k = 0; k < 12; k++) text.Append(" (local.set 0 (i32.add (local.get 0) (i32.const 1000)))");
                text.Append(" (local.get 0))");
            }
        }
        return Wat.Parse(text.Append(')').ToString());
    }

    [Fact]
    public void A_large_valid_module_validates()
    {
        byte[] bytes = Module(20_000);
        Assert.True(bytes.Length > 1 << 20, $"the module has {bytes.Length} bytes; the test needs more than a megabyte of code");
        Sharptime.Module module = Sharptime.Module.FromBytes(new Engine(), bytes);
        Assert.Empty(module.Imports);
    }

    [Fact]
    public void The_error_reported_is_the_one_of_the_lowest_invalid_function()
    {
        byte[] bytes = Module(20_000, (19_000, "(i64.const 1)"), (12_345, "(f32.const 1)"), (17_000, "(i32.add (i32.const 1))"));
        var e = Assert.Throws<InvalidModuleException>(() => Sharptime.Module.FromBytes(new Engine(), bytes));
        Assert.StartsWith("type mismatch", e.Message, StringComparison.Ordinal);
        Assert.Contains("f32", e.Message, StringComparison.Ordinal);
        for (int run = 0; run < 5; run++)
        {
            var again = Assert.Throws<InvalidModuleException>(() => Sharptime.Module.FromBytes(new Engine(), bytes));
            Assert.Equal(e.Message, again.Message);
        }
    }
}
