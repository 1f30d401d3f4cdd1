namespace Sharptime.Text.Parsing;

/// <summary>Parses text modules into binary modules.</summary>
internal static class WatParser
{
    /// <summary>
    /// Parses one module starting at <paramref name="index"/>, which must be the <c>(</c> of
    /// <c>(module ...)</c>, and returns its binary encoding. On return <paramref name="index"/> is just after
    /// the closing <c>)</c>. The module's optional <c>$id</c> is returned in <paramref name="id"/>.
    /// <c>(module binary ...)</c> and <c>(module quote ...)</c> are not text modules: the WAST parser handles them.
    /// </summary>
    public static byte[] ParseModule(List<Token> tokens, ref int index, string file, out string? id) =>
        throw new WatException("the text parser is being written");
}
