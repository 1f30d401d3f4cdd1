using System.Collections.Frozen;

namespace Sharptime.Binary;

/// <summary>Looks up <see cref="OpcodeInfo"/> by encoding or by text name.</summary>
internal static partial class OpcodeTable
{
    private static readonly OpcodeInfo[] AllOps = CreateAll();
    private static readonly OpcodeInfo?[] SingleByte = Index(0);
    private static readonly OpcodeInfo?[] AllSingleBytes = IndexAllBytes();
    private static readonly OpcodeInfo?[] PrefixFB = Index(0xFB);
    private static readonly OpcodeInfo?[] PrefixFC = Index(0xFC);
    private static readonly OpcodeInfo?[] PrefixFD = Index(0xFD);
    private static readonly OpcodeInfo?[] PrefixFE = Index(0xFE);
    private static readonly FrozenDictionary<string, OpcodeInfo> ByName = CreateByName();

    /// <summary>Every instruction, in declaration order.</summary>
    public static ReadOnlySpan<OpcodeInfo> All => AllOps;

    /// <summary>True for the bytes that start a multi-byte opcode.</summary>
    public static bool IsPrefix(byte b) => b is 0xFB or 0xFC or 0xFD or 0xFE;

    /// <summary>Finds a single-byte instruction (prefix 0) or a prefixed one by prefix and sub-opcode.</summary>
    /// <returns>The instruction, or null when the encoding is unknown.</returns>
    public static OpcodeInfo? Find(byte prefix, uint code)
    {
        OpcodeInfo?[] table = prefix switch
        {
            0 => SingleByte,
            0xFB => PrefixFB,
            0xFC => PrefixFC,
            0xFD => PrefixFD,
            0xFE => PrefixFE,
            _ => [],
        };
        return code < (uint)table.Length ? table[code] : null;
    }

    /// <summary>
    /// Finds a single-byte instruction; null for unknown bytes and for prefixes. This is the
    /// decoder's hot path: the table has 256 entries, so the lookup needs no range check.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static OpcodeInfo? FindSingleByte(byte b) => AllSingleBytes[b];

    /// <summary>The information for a known opcode.</summary>
    public static OpcodeInfo Get(Opcode opcode) =>
        Find((byte)((uint)opcode >> 24), (uint)opcode & 0xFFFFFF)
        ?? throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an opcode of the table");

    /// <summary>
    /// Finds an instruction by its text name. Where two encodings share a name (<c>select</c>,
    /// <c>ref.test</c>, <c>ref.cast</c>), this returns the first declared; the text parser picks the
    /// other from the immediates.
    /// </summary>
    public static bool TryGetByName(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpcodeInfo? info) =>
        ByName.TryGetValue(name, out info);

    /// <summary>Finds an instruction by its text name without allocating a string.</summary>
    public static bool TryGetByName(ReadOnlySpan<char> name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out OpcodeInfo? info) =>
        ByName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out info);

    private static OpcodeInfo?[] Index(byte prefix)
    {
        uint max = 0;
        foreach (OpcodeInfo op in AllOps)
        {
            if (op.Prefix == prefix) max = Math.Max(max, op.Code);
        }
        var table = new OpcodeInfo?[max + 1];
        foreach (OpcodeInfo op in AllOps)
        {
            if (op.Prefix == prefix) table[op.Code] = op;
        }
        return table;
    }

    private static OpcodeInfo?[] IndexAllBytes()
    {
        var table = new OpcodeInfo?[256];
        SingleByte.CopyTo(table, 0);
        return table;
    }

    private static FrozenDictionary<string, OpcodeInfo> CreateByName()
    {
        var map = new Dictionary<string, OpcodeInfo>(StringComparer.Ordinal);
        foreach (OpcodeInfo op in AllOps) map.TryAdd(op.Name, op);
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
