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

    /// <summary>Start of each translated Wasm instruction in <see cref="Code"/>, ascending, with <see cref="WasmOffsets"/>.</summary>
    public required int[] Pcs { get; init; }

    public required int[] WasmOffsets { get; init; }

    /// <summary><see cref="Strategy.Tiered"/>: calls and loop iterations so far (racy by design: a count).</summary>
    public int Heat;

    /// <summary>
    /// The Wasm byte offset of the instruction whose code contains <paramref name="pc"/>. Several
    /// instructions can start at one pc (local.get and constants emit no code of their own): the
    /// last of them emitted the code there.
    /// </summary>
    public int WasmOffsetAt(int pc)
    {
        int lo = 0, hi = Pcs.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (Pcs[mid] <= pc) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 ? WasmOffsets[lo - 1] : -1;
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
