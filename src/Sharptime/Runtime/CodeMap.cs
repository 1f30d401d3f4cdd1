namespace Sharptime.Runtime;

/// <summary>
/// What the runtime needs to know about a module's generated code, by metadata token, so that it is
/// the same for code compiled in memory and code loaded from an artifact: the entry method of each
/// defined function, the method its frames show in stack traces, the array-call shim and the
/// Wasm-to-host shim of each type index, and where each function's IL came from in the module.
/// </summary>
internal sealed class CodeMap
{
    public CodeMap(int[] entryTokens, int[] bodyTokens, int[] arrayCallTokens, int[] hostCallTokens, int[] offsetStarts, int[] ilOffsets, int[] wasmOffsets)
    {
        EntryTokens = entryTokens;
        BodyTokens = bodyTokens;
        ArrayCallTokens = arrayCallTokens;
        HostCallTokens = hostCallTokens;
        OffsetStarts = offsetStarts;
        IlOffsets = ilOffsets;
        WasmOffsets = wasmOffsets;
    }

    /// <summary>Per defined function: the method generated code and the runtime call.</summary>
    public int[] EntryTokens { get; }

    /// <summary>Per defined function: the method that holds its body (the entry, or the body behind a stack-probe stub).</summary>
    public int[] BodyTokens { get; }

    /// <summary>Per type index: <c>static void (nint code, VmContext ctx, ReadOnlySpan&lt;Value&gt; args, Span&lt;Value&gt; results)</c>, or 0.</summary>
    public int[] ArrayCallTokens { get; }

    /// <summary>Per type index: a method with the generated-code signature that calls an untyped host function, or 0.</summary>
    public int[] HostCallTokens { get; }

    /// <summary>Per defined function, the start of its entries in <see cref="IlOffsets"/>; one more entry than functions.</summary>
    public int[] OffsetStarts { get; }

    /// <summary>Ascending per function: the IL offset where a Wasm instruction's code starts.</summary>
    public int[] IlOffsets { get; }

    /// <summary>The byte offset in the module of the instruction at the same position of <see cref="IlOffsets"/>.</summary>
    public int[] WasmOffsets { get; }

    /// <summary>The offset of the last Wasm instruction of function <paramref name="defined"/> whose IL starts at or before <paramref name="ilOffset"/>.</summary>
    public int? FindWasmOffset(int defined, int ilOffset)
    {
        int lo = OffsetStarts[defined], hi = OffsetStarts[defined + 1], start = lo;
        // Several instructions may start at one IL offset (block, nop emit nothing): the last one
        // is the one that emitted the code at that offset.
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (IlOffsets[mid] <= ilOffset) lo = mid + 1;
            else hi = mid;
        }
        return lo > start ? WasmOffsets[lo - 1] : null;
    }

    public void Write(BinaryWriter w)
    {
        WriteInts(w, EntryTokens);
        WriteInts(w, BodyTokens);
        WriteInts(w, ArrayCallTokens);
        WriteInts(w, HostCallTokens);
        WriteInts(w, OffsetStarts);
        WriteInts(w, IlOffsets);
        WriteInts(w, WasmOffsets);
    }

    public static CodeMap Read(BinaryReader r) =>
        new(ReadInts(r), ReadInts(r), ReadInts(r), ReadInts(r), ReadInts(r), ReadInts(r), ReadInts(r));

    private static void WriteInts(BinaryWriter w, int[] values)
    {
        w.Write(values.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static int[] ReadInts(BinaryReader r)
    {
        int count = r.ReadInt32();
        if (count < 0 || count > (r.BaseStream.Length - r.BaseStream.Position) / 4) throw new InvalidDataException("truncated code map");
        var values = new int[count];
        if (r.Read(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan())) != count * 4) throw new InvalidDataException("truncated code map");
        return values;
    }
}
