namespace Sharptime.Binary;

/// <summary>
/// What every pass needs to know about one instruction, declared once in tools/gen-opcodes.py.
/// </summary>
/// <param name="Opcode">The encoding: (prefix &lt;&lt; 24) | code.</param>
/// <param name="Name">The text format name, e.g. <c>i32.trunc_sat_f32_s</c>.</param>
/// <param name="Immediates">The shape of the immediates.</param>
/// <param name="Feature">The proposal that introduced the instruction (<see cref="WasmFeatures.None"/> for the MVP).</param>
/// <param name="Params">For fixed signatures, the operand types (i=i32 I=i64 f=f32 F=f64 v=v128 a=memory address); null when typed by hand.</param>
/// <param name="Results">For fixed signatures, the result types in the same letters; null when typed by hand.</param>
internal sealed record OpcodeInfo(
    Opcode Opcode, string Name, ImmediateKind Immediates, WasmFeatures Feature, string? Params, string? Results)
{
    /// <summary>The prefix byte (0xFB, 0xFC, 0xFD, 0xFE) or 0 for single-byte opcodes.</summary>
    public byte Prefix => (byte)((uint)Opcode >> 24);

    /// <summary>The opcode byte, or the u32 sub-opcode after a prefix.</summary>
    public uint Code => (uint)Opcode & 0xFFFFFF;
}
