namespace Sharptime.Compiler;

/// <summary>Maps IL offsets of one generated method back to byte offsets of Wasm instructions.</summary>
/// <param name="ilOffsets">The IL offset where each instruction's code starts, ascending.</param>
/// <param name="wasmOffsets">The instruction's byte offset in the module.</param>
internal sealed class OffsetMap(int[] ilOffsets, int[] wasmOffsets)
{
    /// <summary>The last Wasm instruction whose IL starts at or before <paramref name="ilOffset"/>, or null.</summary>
    public int? Find(int ilOffset)
    {
        // Several instructions may start at one IL offset (block, nop emit nothing): the last one
        // is the one that emitted the code at that offset.
        int lo = 0, hi = ilOffsets.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (ilOffsets[mid] <= ilOffset) lo = mid + 1;
            else hi = mid;
        }
        return lo > 0 ? wasmOffsets[lo - 1] : null;
    }
}
