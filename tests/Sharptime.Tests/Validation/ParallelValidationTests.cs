using System.Text;
using Sharptime.Text;

namespace Sharptime.Tests.Validation;

/// <summary>Modules with more than a megabyte of code are decoded and validated on several threads; the result must not show it.</summary>
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

    [Fact]
    public void The_decoding_error_reported_is_the_one_of_the_lowest_malformed_body()
    {
        // Three bodies return a marker constant; two of them are made malformed (an illegal opcode
        // byte in place of their i32.const), the higher one first in the list.
        byte[] bytes = Module(20_000, (17_000, "(i32.const 777777)"), (12_345, "(i32.const 888888)"), (15_000, "(i32.const 999999)"));
        int Corrupt(int marker)
        {
            byte[] leb = Leb(marker);
            for (int at = 0; at + leb.Length < bytes.Length; at++)
            {
                if (bytes[at] == 0x41 && bytes.AsSpan(at + 1, leb.Length).SequenceEqual(leb) && bytes[at + 1 + leb.Length] == 0x0b)
                {
                    bytes[at] = 0xc5;
                    return at;
                }
            }
            throw new InvalidOperationException($"marker {marker} not found");
        }
        Corrupt(777777);
        int lowest = Corrupt(888888);
        for (int run = 0; run < 5; run++)
        {
            var e = Assert.Throws<MalformedModuleException>(() => Sharptime.Module.FromBytes(new Engine(), bytes));
            Assert.Equal($"illegal opcode c5 at offset 0x{lowest:x}", e.Message);
        }
    }

    private static byte[] Leb(int value)
    {
        var bytes = new List<byte>();
        while (true)
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                bytes.Add(b);
                return [.. bytes];
            }
            bytes.Add((byte)(b | 0x80));
        }
    }
}
