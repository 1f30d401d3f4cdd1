using Sharptime.Text;

namespace Sharptime.Tests.Validation;

public sealed class BranchHintTests
{
    private static readonly Engine Engine = new();

    [Fact]
    public void Hint_on_if_and_br_if_is_accepted()
    {
        byte[] module = Wat.Parse("""
            (module (func (param i32)
              (@metadata.code.branch_hint "\01") (if (local.get 0) (then))
              (block (@metadata.code.branch_hint "\00") (br_if 0 (local.get 0)))))
            """);
        Module.FromBytes(Engine, module);
    }

    [Fact]
    public void Hint_on_another_instruction_is_invalid()
    {
        byte[] module = Wat.Parse("""(module (func (param i32) (local.get 0) (@metadata.code.branch_hint "\01") (drop)))""");
        var error = Assert.Throws<InvalidModuleException>(() => Module.FromBytes(Engine, module));
        Assert.StartsWith("@metadata.code.branch_hint annotation: invalid target", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Undecodable_hint_section_is_ignored()
    {
        // A module with one empty function and a "metadata.code.branch_hint" custom section cut short.
        byte[] header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];
        byte[] types = [0x01, 0x04, 0x01, 0x60, 0x00, 0x00];
        byte[] functions = [0x03, 0x02, 0x01, 0x00];
        byte[] name = [.. "metadata.code.branch_hint"u8];
        byte[] hints = [0x00, (byte)(1 + name.Length + 2), (byte)name.Length, .. name, 0x05, 0x00];
        byte[] code = [0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B];
        Module.FromBytes(Engine, [.. header, .. types, .. functions, .. hints, .. code]);
    }
}
