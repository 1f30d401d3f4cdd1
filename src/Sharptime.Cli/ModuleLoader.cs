using Sharptime.Text;

namespace Sharptime.Cli;

/// <summary>Reads a module file, binary or text, and decodes and validates it.</summary>
internal static class ModuleLoader
{
    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Loads <paramref name="path"/>: a binary when it starts with the \0asm magic, text when it looks like text.</summary>
    /// <exception cref="RunFailedException">The file cannot be read, or is not a valid module; the message names the file and the offset or line.</exception>
    public static Module Load(Engine engine, string path) => FromBytes(engine, path, ReadModuleBytes(path));

    /// <summary>The module binary of <paramref name="path"/>: its bytes, or the binary of its text.</summary>
    /// <exception cref="RunFailedException">The file cannot be read, or is not valid text.</exception>
    public static byte[] ReadModuleBytes(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot read {path}: {e.Message}", e);
        }
        try
        {
            if (LooksLikeText(bytes))
            {
                // Editors on Windows may start a text file with a UTF-8 byte order mark; the text format has no place for it.
                int start = bytes.AsSpan().StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
                bytes = Wat.Parse(bytes.AsSpan(start), path);
            }
        }
        catch (WatException e)
        {
            throw new RunFailedException($"{path} is not a valid WebAssembly text module: {e.Message}", e);
        }
        return bytes;
    }

    /// <summary>Whether the file starts like a pre-compiled artifact (a PE image) rather than a module.</summary>
    public static bool IsArtifact(string path)
    {
        Span<byte> head = stackalloc byte[2];
        using FileStream file = File.OpenRead(path);
        return file.Read(head) == 2 && head.SequenceEqual("MZ"u8);
    }

    /// <summary>Loads a pre-compiled artifact, turning its errors into one-line messages.</summary>
    public static Module LoadArtifact(Engine engine, string path)
    {
        try
        {
            return Module.DeserializeFile(engine, path);
        }
        catch (WasmException e)
        {
            throw new RunFailedException(e.Message, e);
        }
    }

    /// <summary>Decodes, validates and compiles (through the compile cache when given one), naming the file in errors.</summary>
    public static Module FromBytes(Engine engine, string path, byte[] bytes, CompileCache? cache = null)
    {
        try
        {
            try
            {
                return cache is null ? Module.FromBytes(engine, bytes) : cache.Load(engine, bytes);
            }
            catch (CompilerLimitException) when (cache is not null && engine.Config.Strategy == Strategy.Auto)
            {
                // Nothing to cache: the interpreter runs it.
                return Module.FromBytes(engine, bytes);
            }
        }
        catch (MalformedModuleException e)
        {
            string what = e.Offset == 0 ? "is not a WebAssembly module" : "is a malformed WebAssembly module";
            throw new RunFailedException($"{path} {what}: {e.Message}", e);
        }
        catch (InvalidModuleException e)
        {
            throw new RunFailedException($"{path} is not a valid WebAssembly module: {e.Message}", e);
        }
        catch (CompilerLimitException e)
        {
            throw new RunFailedException($"{path}: {e.Message}", e);
        }
    }

    /// <summary>
    /// Text unless the file starts with the binary magic. Other files are decoded as binaries so that a
    /// random file gets the decoder's "magic header not detected" rather than a text syntax error; a text
    /// module starts with '(' or a comment after optional white space and a byte order mark.
    /// </summary>
    private static bool LooksLikeText(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith("\0asm"u8)) return false;
        if (bytes.StartsWith(ByteOrderMark)) bytes = bytes[ByteOrderMark.Length..];
        foreach (byte b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') continue;
            return b is (byte)'(' or (byte)';';
        }
        return false;
    }
}
