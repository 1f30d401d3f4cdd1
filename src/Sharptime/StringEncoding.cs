namespace Sharptime;

/// <summary>How <see cref="Memory.ReadString"/> and <see cref="Memory.WriteString"/> encode text in linear memory.</summary>
public enum StringEncoding
{
    /// <summary>UTF-8, what C, Rust and most WebAssembly toolchains use. Invalid bytes read as U+FFFD.</summary>
    Utf8,

    /// <summary>UTF-16 little-endian, two bytes per code unit (JavaScript-style strings, .NET's own). Unpaired surrogates become U+FFFD.</summary>
    Utf16,
}
