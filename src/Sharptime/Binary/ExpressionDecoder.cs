using System.Diagnostics.CodeAnalysis;

namespace Sharptime.Binary;

/// <summary>
/// Decodes an expression (a function body or a constant expression, Wasm 3.0 section 5.4.9) from
/// the current position up to and including the <c>end</c> that closes it, checking the binary
/// format of every instruction and the block structure: <c>else</c> only directly inside an
/// <c>if</c>, the legacy <c>catch</c>/<c>catch_all</c>/<c>delegate</c> only inside a <c>try</c>.
/// Typing is left to the validator, which can therefore rely on well-nested expressions.
/// </summary>
/// <remarks>
/// Like the reference interpreter, the decoder reads an expression from the module's byte stream
/// rather than from a slice bounded by the enclosing size: a missing <c>end</c> then reads on into
/// the next bytes, and the caller's size check reports "section size mismatch", exactly as the spec
/// testsuite expects.
/// </remarks>
internal static class ExpressionDecoder
{
    private const byte FrameBlock = 0;   // block, loop, try_table, an if after its else, the function itself
    private const byte FrameIf = 1;      // an if before any else
    private const byte FrameTry = 2;     // a legacy try before any catch
    private const byte FrameCatch = 3;   // a legacy try after a catch
    private const byte FrameCatchAll = 4; // a legacy try after catch_all

    /// <summary>What one decoding thread keeps between expressions.</summary>
    internal sealed class State
    {
        /// <summary>Scratch stack of open control frames, reused by every expression.</summary>
        public byte[] Frames = new byte[64];

        /// <summary>
        /// Offset of the first instruction in a function body that uses a data segment index
        /// (memory.init, data.drop, array.new_data, array.init_data), or -1. Such a module needs a
        /// data count section.
        /// </summary>
        public int FirstDataIndexUse = -1;
    }

    /// <summary>
    /// Decodes one expression; on return the reader is just after its final <c>end</c>.
    /// </summary>
    /// <param name="reader">The module's instruction reader, at the first instruction.</param>
    /// <param name="module">The decoding state (frame stack, data index uses).</param>
    /// <param name="isFunctionBody">True for function bodies, whose data index uses need a data count section.</param>
    public static void Decode(ref InstructionReader reader, State module, bool isFunctionBody)
    {
        byte[] frames = module.Frames;
        frames[0] = FrameBlock;
        int depth = 1;
        Instruction instr = default;
        while (true)
        {
            reader.Read(ref instr);
            Opcode opcode = instr.Opcode;
            // Every instruction that matters here is a control opcode (below 0x20) or prefixed;
            // one comparison skips the switch for the bulk of the code.
            if ((uint)opcode >= 0x20 && (uint)opcode < 0xFB000000) continue;
            switch (opcode)
            {
                case Opcode.Block:
                case Opcode.Loop:
                case Opcode.TryTable:
                    Push(ref frames, ref depth, FrameBlock, module);
                    break;
                case Opcode.If:
                    Push(ref frames, ref depth, FrameIf, module);
                    break;
                case Opcode.Try:
                    Push(ref frames, ref depth, FrameTry, module);
                    break;
                case Opcode.Else:
                    if (frames[depth - 1] != FrameIf) Misplaced(in instr, "an if");
                    frames[depth - 1] = FrameBlock;
                    break;
                case Opcode.Catch:
                    if (frames[depth - 1] is not (FrameTry or FrameCatch)) Misplaced(in instr, "a try before its catch_all");
                    frames[depth - 1] = FrameCatch;
                    break;
                case Opcode.CatchAll:
                    if (frames[depth - 1] is not (FrameTry or FrameCatch)) Misplaced(in instr, "a try before its catch_all");
                    frames[depth - 1] = FrameCatchAll;
                    break;
                case Opcode.Delegate:
                    if (frames[depth - 1] != FrameTry) Misplaced(in instr, "a try without catch clauses");
                    depth--;
                    break;
                case Opcode.End:
                    if (--depth == 0) return;
                    break;
                case Opcode.MemoryInit:
                case Opcode.DataDrop:
                case Opcode.ArrayNewData:
                case Opcode.ArrayInitData:
                    if (isFunctionBody && module.FirstDataIndexUse < 0) module.FirstDataIndexUse = instr.Offset;
                    break;
            }
        }
    }

    private static void Push(ref byte[] frames, ref int depth, byte kind, State module)
    {
        if (depth == frames.Length)
        {
            // Every block opener takes at least two bytes, so the stack never outgrows the module.
            Array.Resize(ref frames, frames.Length * 2);
            module.Frames = frames;
        }
        frames[depth++] = kind;
    }

    [DoesNotReturn]
    private static void Misplaced(in Instruction instr, string where) =>
        // The reference interpreter stops the enclosing block at any else/end and then finds no end.
        WasmReader.Throw($"END opcode expected ({instr.Info.Name} outside of {where})", instr.Offset);
}
