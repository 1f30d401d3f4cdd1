namespace Sharptime.Binary;

/// <summary>
/// Decodes a custom section (id 0, Wasm 3.0 section 5.5.3): a UTF-8 name and uninterpreted bytes.
/// The first "name" section is decoded into a <see cref="NameSection"/>; the others are kept.
/// </summary>
internal static class CustomSectionReader
{
    /// <summary>The name of the name section.</summary>
    public const string NameSectionName = "name";

    /// <summary>Reads a custom section of <paramref name="size"/> bytes starting at the reader's position.</summary>
    public static void Read(ref WasmReader reader, ModuleBuilder module, uint size)
    {
        int start = reader.Offset;
        string name = reader.ReadName();
        long contentLength = start + (long)size - reader.Offset;
        // A name that runs past the section's end leaves a negative content length; the reference
        // interpreter then fails on reading that many bytes.
        if (contentLength < 0) WasmReader.Throw("unexpected end of section or function (custom section name longer than the section)", reader.Offset);
        int contentStart = reader.Offset;
        reader.ReadBytes((int)contentLength);
        ReadOnlyMemory<byte> contents = module.Bytes.Slice(contentStart, (int)contentLength);
        if (name == NameSectionName && !module.SawNameSection)
        {
            module.SawNameSection = true;
            module.Names = NameSectionReader.Read(contents.Span, contentStart);
            return;
        }
        module.CustomSections.Add(new CustomSection(name, contentStart, contents));
    }
}
