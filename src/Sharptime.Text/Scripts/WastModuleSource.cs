using Sharptime.Text.Parsing;

namespace Sharptime.Text.Scripts;

/// <summary>How a script module is written.</summary>
internal enum WastModuleFormat : byte
{
    /// <summary><c>(module ...)</c> in the text format, parsed by the WAT parser when the command runs.</summary>
    Text,
    /// <summary><c>(module binary "..."*)</c>: the bytes of a binary module (possibly malformed).</summary>
    Binary,
    /// <summary><c>(module quote "..."*)</c>: module text (possibly malformed) parsed when the command runs.</summary>
    Quote,
}

/// <summary>
/// A module as written in a script. Text and quote modules are kept unparsed so that a malformed module
/// is an error of the command that uses it (<c>assert_malformed</c>), not of the whole script.
/// </summary>
internal sealed class WastModuleSource
{
    /// <summary>The form.</summary>
    public required WastModuleFormat Format { get; init; }

    /// <summary>The module's <c>$id</c>, if any.</summary>
    public string? Id { get; init; }

    /// <summary>True for <c>(module definition ...)</c>: the module is defined but not instantiated.</summary>
    public bool IsDefinition { get; init; }

    /// <summary>For text modules: the tokens to hand to the WAT parser, starting at <see cref="TokenIndex"/> with <c>(module</c>.</summary>
    public List<Token>? Tokens { get; init; }

    /// <summary>For text modules: the index of the module's <c>(</c> in <see cref="Tokens"/>.</summary>
    public int TokenIndex { get; init; }

    /// <summary>For text modules: the index just after the module's closing <c>)</c> in <see cref="Tokens"/>.</summary>
    public int EndIndex { get; init; }

    /// <summary>For binary modules: the concatenated bytes.</summary>
    public byte[]? Bytes { get; init; }

    /// <summary>
    /// For quote modules: the source bytes (strings joined by a space). They are decoded as UTF-8 when the
    /// command runs, so that text that is not UTF-8 is a malformed module, not a malformed script.
    /// </summary>
    public byte[]? QuoteBytes { get; init; }

    /// <summary>The 1-based line of the module's <c>(</c>.</summary>
    public required int Line { get; init; }

    /// <summary>The 1-based column of the module's <c>(</c>.</summary>
    public required int Column { get; init; }
}
