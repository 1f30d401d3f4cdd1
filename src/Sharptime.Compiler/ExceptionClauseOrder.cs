using System.Buffers.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Puts the exception clauses of persisted method bodies in the order the CLR requires (ECMA-335
/// II.19: a nested clause before the clause that encloses it). The persisted assembly builder of
/// .NET 10.0 adds a clause when its first handler begins, so a try block inside a handler (a legacy
/// Wasm catch whose body has a try) gets its clause after the enclosing one, and the JIT rejects the
/// method with InvalidProgramException; the in-memory builder sorts them itself.
/// </summary>
/// <remarks>
/// A clause's span runs from the start of its try block to the end of its handler. A nested clause's
/// span lies strictly inside its container's, so a stable sort by span length puts it first, and
/// the clauses of one try block (whose spans grow with each handler) keep their order.
/// </remarks>
internal static class ExceptionClauseOrder
{
    /// <summary>Sorts the clauses of every method body in <paramref name="il"/>, the method body stream of an assembly.</summary>
    public static void Fix(Span<byte> il)
    {
        int at = 0;
        while (at < il.Length)
        {
            byte first = il[at];
            if (first == 0)
            {
                at++; // alignment padding before a fat body
                continue;
            }
            if ((first & 3) == 2)
            {
                at += 1 + (first >> 2); // tiny header: no locals, no clauses
                continue;
            }
            ushort flags = BinaryPrimitives.ReadUInt16LittleEndian(il[at..]);
            int headerSize = (flags >> 12) * 4;
            int codeSize = BinaryPrimitives.ReadInt32LittleEndian(il[(at + 4)..]);
            at += headerSize + codeSize;
            if ((flags & 0x8) == 0) continue; // no more sections
            bool more = true;
            while (more)
            {
                at = (at + 3) & ~3;
                byte kind = il[at];
                more = (kind & 0x80) != 0;
                bool fat = (kind & 0x40) != 0;
                int dataSize = fat ? il[at + 1] | il[at + 2] << 8 | il[at + 3] << 16 : il[at + 1];
                if ((kind & 0x01) != 0) SortClauses(il.Slice(at + 4, dataSize - 4), fat);
                at += dataSize;
            }
        }
    }

    private static void SortClauses(Span<byte> clauses, bool fat)
    {
        int size = fat ? 24 : 12;
        int count = clauses.Length / size;
        if (count < 2) return;
        var spans = new (long Length, int Index)[count];
        for (int i = 0; i < count; i++)
        {
            Span<byte> c = clauses.Slice(i * size, size);
            int tryStart, handlerStart, handlerLength;
            if (fat)
            {
                tryStart = BinaryPrimitives.ReadInt32LittleEndian(c[4..]);
                handlerStart = BinaryPrimitives.ReadInt32LittleEndian(c[12..]);
                handlerLength = BinaryPrimitives.ReadInt32LittleEndian(c[16..]);
            }
            else
            {
                tryStart = BinaryPrimitives.ReadUInt16LittleEndian(c[2..]);
                handlerStart = BinaryPrimitives.ReadUInt16LittleEndian(c[5..]);
                handlerLength = c[7];
            }
            spans[i] = ((long)handlerStart + handlerLength - tryStart, i);
        }
        // Stable: equal lengths keep their order.
        Array.Sort(spans, static (a, b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : a.Index.CompareTo(b.Index));
        byte[] copy = clauses.ToArray();
        for (int i = 0; i < count; i++) copy.AsSpan(spans[i].Index * size, size).CopyTo(clauses.Slice(i * size, size));
    }
}
