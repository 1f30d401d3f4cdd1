using Sharptime.Binary;

namespace Sharptime.Validation;

/// <summary>
/// Checks the "metadata.code.branch_hint" custom section (the branch hinting proposal): every hint must
/// name a defined function and the offset of an <c>if</c> or <c>br_if</c> in its body, counted from the
/// start of the body. A hint section that does not decode is ignored, like a malformed name section: it
/// only ever carries advice. One that decodes but points elsewhere is a module error, as the testsuite's
/// custom/branch_hint.wast expects, because an engine that used it would lay out the wrong code.
/// </summary>
internal static class BranchHints
{
    /// <summary>The custom section's name.</summary>
    public const string SectionName = "metadata.code.branch_hint";

    /// <summary>Throws <see cref="InvalidModuleException"/> when a hint targets anything but an if or br_if.</summary>
    public static void Check(WasmModule module)
    {
        foreach (CustomSection section in module.CustomSections)
        {
            if (section.Name != SectionName) continue;
            List<(uint Function, uint Offset, int At)> hints;
            try
            {
                hints = Read(section);
            }
            catch (MalformedModuleException)
            {
                continue;
            }
            foreach ((uint function, uint offset, int at) in hints)
            {
                if (!TargetsBranch(module, function, offset))
                {
                    throw new InvalidModuleException(
                        $"@metadata.code.branch_hint annotation: invalid target: offset {offset} of function {function} is not an if or br_if", at);
                }
            }
        }
    }

    private static List<(uint, uint, int)> Read(CustomSection section)
    {
        var reader = new WasmReader(section.Contents.Span, section.Offset);
        var hints = new List<(uint, uint, int)>();
        uint functions = reader.ReadCount();
        for (uint f = 0; f < functions; f++)
        {
            uint function = reader.ReadU32();
            uint count = reader.ReadCount(3);
            for (uint h = 0; h < count; h++)
            {
                int at = reader.Offset;
                uint offset = reader.ReadU32();
                uint size = reader.ReadLength();
                reader.ReadBytes((int)size);
                hints.Add((function, offset, at));
            }
        }
        return hints;
    }

    private static bool TargetsBranch(WasmModule module, uint function, uint offset)
    {
        long defined = (long)function - module.ImportedFunctionCount;
        if (defined < 0 || defined >= module.Code.Length) return false;
        FunctionBody body = module.Code[defined];
        if (body.BodyOffset < 0) return false;
        long target = body.BodyOffset + (long)offset;
        var reader = new InstructionReader(module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength), body.CodeOffset);
        var instruction = default(Instruction);
        while (!reader.AtEnd && reader.Offset <= target)
        {
            reader.Read(ref instruction);
            if (instruction.Offset == target) return instruction.Opcode is Opcode.If or Opcode.BrIf;
        }
        return false;
    }
}
