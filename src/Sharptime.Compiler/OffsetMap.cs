namespace Sharptime.Compiler;

/// <summary>Maps IL offsets of one generated method back to byte offsets of Wasm instructions.</summary>
/// <param name="ilOffsets">The IL offset where each instruction's code starts, ascending.</param>
/// <param name="wasmOffsets">The instruction's byte offset in the module.</param>
internal sealed class OffsetMap(int[] ilOffsets, int[] wasmOffsets)
{
    public int Count => ilOffsets.Length;

    public void CopyTo(Span<int> il, Span<int> wasm)
    {
        ilOffsets.CopyTo(il);
        wasmOffsets.CopyTo(wasm);
    }
}
