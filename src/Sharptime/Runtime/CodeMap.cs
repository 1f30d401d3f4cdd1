namespace Sharptime.Runtime;

/// <summary>
/// What the runtime needs to know about a module's generated code, by metadata token, so that it is
/// the same for code compiled in memory and code loaded from an artifact: the entry method of each
/// defined function, the method its frames show in stack traces, the array-call shim and the
/// Wasm-to-host shim of each type index, and where each function's IL came from in the module.
/// </summary>
internal sealed class CodeMap
{
    public CodeMap(int[] entryTokens, int[] bodyTokens, int[] arrayCallTokens, int[] hostCallTokens, int[] partOwners, int[] offsetStarts, int[] ilOffsets, int[] wasmOffsets)
        : this(entryTokens, bodyTokens, arrayCallTokens, hostCallTokens, partOwners, offsetStarts) => _offsets = (ilOffsets, wasmOffsets);

    /// <summary>A map read from an artifact: the offset tables stay encoded until a backtrace needs them.</summary>
    private CodeMap(int[] entryTokens, int[] bodyTokens, int[] arrayCallTokens, int[] hostCallTokens, int[] partOwners, int[] offsetStarts, byte[] ilDeltas, byte[] wasmDeltas)
        : this(entryTokens, bodyTokens, arrayCallTokens, hostCallTokens, partOwners, offsetStarts) => _encoded = (ilDeltas, wasmDeltas);

    private CodeMap(int[] entryTokens, int[] bodyTokens, int[] arrayCallTokens, int[] hostCallTokens, int[] partOwners, int[] offsetStarts)
    {
        EntryTokens = entryTokens;
        BodyTokens = bodyTokens;
        ArrayCallTokens = arrayCallTokens;
        HostCallTokens = hostCallTokens;
        PartOwners = partOwners;
        OffsetStarts = offsetStarts;
    }

    private (int[] Il, int[] Wasm)? _offsets;
    private readonly (byte[] Il, byte[] Wasm)? _encoded;
    private readonly Lock _decodeLock = new();

    /// <summary>The offset tables, decoded on first use (a large module has millions of entries; loading it must not pay for them).</summary>
    private (int[] Il, int[] Wasm) Offsets
    {
        get
        {
            if (_offsets is { } decoded) return decoded;
            lock (_decodeLock)
            {
                if (_offsets is { } done) return done;
                int count = OffsetStarts.Length == 0 ? 0 : OffsetStarts[^1];
                int[]? il = ReadDeltas(_encoded!.Value.Il, count, OffsetStarts);
                int[]? wasm = ReadDeltas(_encoded!.Value.Wasm, count, OffsetStarts);
                // A damaged table is found when a backtrace first asks: then no frame gets an offset.
                _offsets = il is null || wasm is null ? (Unknown(count), new int[count]) : (il, wasm);
                return _offsets.Value;
            }
        }
    }

    /// <summary>Per defined function: the method generated code and the runtime call.</summary>
    public int[] EntryTokens { get; }

    /// <summary>
    /// Per defined function: the method that holds its body (the entry, or the body behind a
    /// stack-probe stub); then per part of a large function (a block compiled as a method of its
    /// own), its method. A code slot is an index here.
    /// </summary>
    public int[] BodyTokens { get; }

    /// <summary>Per part (code slot <c>EntryTokens.Length + j</c>), the defined function it belongs to.</summary>
    public int[] PartOwners { get; }

    /// <summary>The defined function of code slot <paramref name="slot"/>.</summary>
    public int DefinedOf(int slot) => slot < EntryTokens.Length ? slot : PartOwners[slot - EntryTokens.Length];

    /// <summary>Whether code slot <paramref name="slot"/> is a part, whose frames are the function's frame.</summary>
    public bool IsPart(int slot) => slot >= EntryTokens.Length;

    /// <summary>
    /// In-memory code for <see cref="Strategy.Tiered"/> only (not written to artifacts): per defined
    /// function, the method that enters it at a loop header with the interpreter's locals (see
    /// <see cref="Interpreter.Executor"/>'s <c>Op.Heat</c>), <c>static void (int loopOffset,
    /// ReadOnlySpan&lt;Value&gt; locals, Span&lt;Value&gt; results, VmContext ctx)</c>, and the
    /// Wasm offsets of the loops it can enter, ascending; token 0 where there is none.
    /// </summary>
    public (int Token, int[] Loops)[]? LoopEntries { get; init; }

    /// <summary>Per type index: <c>static void (nint code, VmContext ctx, ReadOnlySpan&lt;Value&gt; args, Span&lt;Value&gt; results)</c>, or 0.</summary>
    public int[] ArrayCallTokens { get; }

    /// <summary>Per type index: a method with the generated-code signature that calls an untyped host function, or 0.</summary>
    public int[] HostCallTokens { get; }

    /// <summary>Per code slot, the start of its entries in <see cref="IlOffsets"/>; one more entry than slots.</summary>
    public int[] OffsetStarts { get; }

    /// <summary>Ascending per function: the IL offset where a Wasm instruction's code starts.</summary>
    public int[] IlOffsets => Offsets.Il;

    /// <summary>The byte offset in the module of the instruction at the same position of <see cref="IlOffsets"/>.</summary>
    public int[] WasmOffsets => Offsets.Wasm;

    private Dictionary<int, int>? _slotsByToken;

    /// <summary>The code slot (see <see cref="BodyTokens"/>) of the method with <paramref name="token"/>, or -1.</summary>
    public int SlotOfToken(int token)
    {
        Dictionary<int, int>? map = Volatile.Read(ref _slotsByToken);
        if (map is null)
        {
            map = new Dictionary<int, int>(BodyTokens.Length);
            for (int i = 0; i < BodyTokens.Length; i++) map[BodyTokens[i]] = i;
            Volatile.Write(ref _slotsByToken, map);
        }
        return map.TryGetValue(token, out int slot) ? slot : -1;
    }

    /// <summary>The offset of the last Wasm instruction of code slot <paramref name="slot"/> whose IL starts at or before <paramref name="ilOffset"/>.</summary>
    public int? FindWasmOffset(int slot, int ilOffset)
    {
        int lo = OffsetStarts[slot], hi = OffsetStarts[slot + 1], start = lo;
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
        WriteInts(w, PartOwners);
        WriteInts(w, OffsetStarts);
        // One entry per Wasm instruction: as deltas from the previous entry of the same function in
        // (zigzag) LEB128 they take about 2-3 bytes instead of 8.
        WriteBytes(w, Deltas(IlOffsets, OffsetStarts));
        WriteBytes(w, Deltas(WasmOffsets, OffsetStarts));
    }

    public static CodeMap Read(BinaryReader r)
    {
        int[] entries = ReadInts(r), bodies = ReadInts(r), arrayCalls = ReadInts(r), hostCalls = ReadInts(r), partOwners = ReadInts(r), starts = ReadInts(r);
        int count = starts.Length == 0 ? 0 : starts[^1];
        if (count < 0 || bodies.Length != entries.Length + partOwners.Length || Array.Exists(partOwners, o => (uint)o >= (uint)entries.Length))
        {
            throw new InvalidDataException("corrupt code map");
        }
        return new(entries, bodies, arrayCalls, hostCalls, partOwners, starts, ReadBytes(r), ReadBytes(r));
    }

    private static void WriteBytes(BinaryWriter w, byte[] bytes)
    {
        w.Write(bytes.Length);
        w.Write(bytes);
    }

    private static byte[] ReadBytes(BinaryReader r)
    {
        int length = r.ReadInt32();
        if (length < 0 || length > r.BaseStream.Length - r.BaseStream.Position) throw new InvalidDataException("truncated code map");
        return r.ReadBytes(length);
    }

    /// <summary>Per function, each value as the zigzag LEB128 delta from the previous one (about 2-3 bytes per instruction).</summary>
    private static byte[] Deltas(int[] values, int[] starts)
    {
        using var stream = new MemoryStream();
        using var w = new BinaryWriter(stream);
        int function = 0, previous = 0;
        for (int i = 0; i < values.Length; i++)
        {
            while (function < starts.Length - 1 && starts[function] <= i)
            {
                function++;
                previous = 0;
            }
            long delta = (long)values[i] - previous;
            ulong zigzag = (ulong)((delta << 1) ^ (delta >> 63));
            while (zigzag >= 0x80)
            {
                w.Write((byte)(zigzag | 0x80));
                zigzag >>= 7;
            }
            w.Write((byte)zigzag);
            previous = values[i];
        }
        w.Flush();
        return stream.ToArray();
    }

    private static int[]? ReadDeltas(byte[] bytes, int count, int[] starts)
    {
        if (count > bytes.Length) return null;
        var values = new int[count];
        int at = 0;
        int function = 0;
        long previous = 0;
        for (int i = 0; i < count; i++)
        {
            while (function < starts.Length - 1 && starts[function] <= i)
            {
                function++;
                previous = 0;
            }
            ulong zigzag = 0;
            for (int shift = 0; ; shift += 7)
            {
                if (shift > 63 || at >= bytes.Length) return null;
                byte b = bytes[at++];
                zigzag |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80) break;
            }
            long value = previous + ((long)(zigzag >> 1) ^ -(long)(zigzag & 1));
            if (value is < int.MinValue or > int.MaxValue) return null;
            values[i] = (int)value;
            previous = value;
        }
        return values;
    }

    /// <summary>IL offsets no frame reaches, so that every lookup finds no instruction.</summary>
    private static int[] Unknown(int count)
    {
        var values = new int[count];
        Array.Fill(values, int.MaxValue);
        return values;
    }

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

/// <summary>
/// What a backtrace needs of a module's generated code (its code map, and the module for indices
/// and names), kept by the engine per .NET module of that code. It must not reach the code's
/// keep-alive object: a collectible code context keeps its own .NET module alive until it is
/// unloaded, so a value that reached the object whose finalizer unloads it would never be collected.
/// </summary>
internal sealed record CodeFrames(CodeMap Map, Binary.WasmModule Module);
