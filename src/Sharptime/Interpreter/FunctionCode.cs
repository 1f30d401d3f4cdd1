namespace Sharptime.Interpreter;

/// <summary>
/// One function translated for the executor: the instruction stream (an opcode, then its operands:
/// frame-relative slot numbers and immediates), the frame's shape, exception handlers, and the
/// Wasm offset of each instruction for backtraces.
/// </summary>
internal sealed class FunctionCode
{
    public required int[] Code { get; init; }

    /// <summary>Slots of the parameters: the frame starts with them.</summary>
    public required int ParamSlots { get; init; }

    /// <summary>Slots of parameters and locals; locals are zeroed at entry.</summary>
    public required int LocalSlots { get; init; }

    /// <summary>Constants, written at entry into the slots after the locals.</summary>
    public required ulong[] Constants { get; init; }

    /// <summary>Slots the frame uses at most (locals, operands, and the arguments of calls).</summary>
    public required int FrameSlots { get; init; }

    /// <summary>Exception handlers, outer ones first (see <see cref="Handler"/>).</summary>
    public required Handler[] Handlers { get; init; }

    /// <summary>
    /// Per translated Wasm instruction, where its code starts and its Wasm offset, both ascending, as
    /// zigzag LEB128 deltas from the previous instruction's (about 2 bytes per instruction instead of
    /// 8; read only when a trap asks, see <see cref="WasmOffsetAt"/>).
    /// </summary>
    public required byte[] OffsetTable { get; init; }

    /// <summary><see cref="Strategy.Tiered"/>: calls and loop iterations so far (racy by design: a count).</summary>
    public int Heat;

    /// <summary>
    /// The Wasm byte offset of the instruction whose code contains <paramref name="pc"/>. Several
    /// instructions can start at one pc (local.get and constants emit no code of their own): the
    /// last of them emitted the code there.
    /// </summary>
    public int WasmOffsetAt(int pc)
    {
        int position = 0, start = 0, offset = 0, found = -1;
        while (position < OffsetTable.Length)
        {
            start += ReadDelta(ref position);
            offset += ReadDelta(ref position);
            if (start > pc) break;
            found = offset;
        }
        return found;
    }

    /// <summary>Encodes ascending (pc, Wasm offset) pairs as <see cref="OffsetTable"/> expects, through a buffer the caller keeps.</summary>
    public static byte[] EncodeOffsets(List<int> pcs, List<int> offsets, ref byte[] bytes)
    {
        int length = 0, lastPc = 0, lastOffset = 0;
        for (int i = 0; i < pcs.Count; i++)
        {
            while (length + 10 > bytes.Length) Array.Resize(ref bytes, Math.Max(16, bytes.Length * 2));
            WriteDelta(bytes, ref length, pcs[i] - lastPc);
            WriteDelta(bytes, ref length, offsets[i] - lastOffset);
            lastPc = pcs[i];
            lastOffset = offsets[i];
        }
        return bytes.AsSpan(0, length).ToArray();
    }

    private static void WriteDelta(byte[] bytes, ref int length, int delta)
    {
        uint v = (uint)((delta << 1) ^ (delta >> 31));
        while (v >= 0x80)
        {
            bytes[length++] = (byte)(v | 0x80);
            v >>= 7;
        }
        bytes[length++] = (byte)v;
    }

    private int ReadDelta(ref int position)
    {
        uint v = 0;
        int shift = 0;
        byte b;
        do
        {
            b = OffsetTable[position++];
            v |= (uint)(b & 0x7f) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return (int)(v >> 1) ^ -(int)(v & 1);
    }
}

/// <summary>What a caught exception can do in a try block.</summary>
internal enum HandlerKind : byte
{
    /// <summary>try_table catch clauses: branch to a label with the payload (and the exnref).</summary>
    TryTable,

    /// <summary>Legacy try with catch/catch_all clauses: enter the clause with the payload.</summary>
    Legacy,

    /// <summary>Legacy try … delegate: hand the exception to <see cref="Handler.Parent"/>.</summary>
    Delegate,
}

/// <summary>One catch clause: a tag (or -1 for catch_all), where it goes and where the values go.</summary>
/// <param name="Tag">The tag index, or -1 for every exception.</param>
/// <param name="Target">The pc to continue at.</param>
/// <param name="Slot">The first slot of the payload.</param>
/// <param name="RefSlot">The slot of the exception reference, or -1.</param>
internal readonly record struct CatchClause(int Tag, int Target, int Slot, int RefSlot);

/// <summary>
/// The try body [<see cref="Start"/>, <see cref="End"/>) of a try_table or legacy try. An exception
/// raised there is matched against <see cref="Catches"/> in order; when none matches, the search
/// goes on at <see cref="Parent"/> (the handler around this one, or where a delegate points).
/// </summary>
internal sealed class Handler
{
    public required HandlerKind Kind { get; set; }

    public required int Start { get; init; }

    public int End { get; set; }

    public int Parent { get; set; } = -1;

    public CatchClause[] Catches { get; set; } = [];

    /// <summary>Legacy try: the ref slot that keeps the caught exception for rethrow.</summary>
    public int ExceptionSlot { get; set; } = -1;
}
