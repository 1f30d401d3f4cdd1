namespace Sharptime.Binary;

/// <summary>Reads a constant expression (Wasm 3.0 section 5.4.9) and records where its bytes are.</summary>
internal static class ConstExprReader
{
    /// <summary>
    /// Decodes the expression at the reader's position (which instructions are constant is the
    /// validator's question) and returns its location, final <c>end</c> included.
    /// </summary>
    public static ConstExpr Read(ref InstructionReader code, ModuleBuilder module)
    {
        int start = code.Offset;
        ExpressionDecoder.Decode(ref code, module.Decoding, isFunctionBody: false);
        return new ConstExpr(start, code.Offset - start);
    }
}
