using System.Text;
using Sharptime.Binary;

namespace Sharptime.Tests.Binary;

/// <summary>Builds module binaries byte by byte for decoder tests.</summary>
internal static class Wasm
{
    public static readonly byte[] Header = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    /// <summary>The header followed by the given parts.</summary>
    public static byte[] Module(params byte[][] parts) => Concat([Header, .. parts]);

    /// <summary>A section: id, u32 size, contents.</summary>
    public static byte[] Section(byte id, params byte[][] contents)
    {
        byte[] body = Concat(contents);
        return Concat([[id], U32((uint)body.Length), body]);
    }

    /// <summary>A vector: u32 count, then the items.</summary>
    public static byte[] Vec(params byte[][] items) => Concat([U32((uint)items.Length), .. items]);

    /// <summary>A name: u32 length, then UTF-8 bytes.</summary>
    public static byte[] Name(string s)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(s);
        return Concat([U32((uint)utf8.Length), utf8]);
    }

    /// <summary>An unsigned LEB128 number in the fewest bytes.</summary>
    public static byte[] U32(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            bytes.Add(b);
        }
        while (value != 0);
        return [.. bytes];
    }

    /// <summary>Raw bytes.</summary>
    public static byte[] B(params byte[] bytes) => bytes;

    /// <summary>A function body: u32 size, then locals and code.</summary>
    public static byte[] Body(byte[] locals, params byte[] code) => Concat([U32((uint)(locals.Length + code.Length)), locals, code]);

    /// <summary>A body with no locals.</summary>
    public static byte[] Body(params byte[] code) => Body([0x00], code);

    /// <summary>A module with one type () -> (), one function of that type, and the given body.</summary>
    public static byte[] OneFunction(byte[] body, params byte[][] sectionsAfterCode) => Module(
        [
            Section(1, Vec(B(0x60, 0x00, 0x00))),
            Section(3, Vec(B(0x00))),
            Section(10, Vec(body)),
            .. sectionsAfterCode,
        ]);

    public static byte[] Concat(params byte[][] parts)
    {
        int length = 0;
        foreach (byte[] p in parts) length += p.Length;
        var result = new byte[length];
        int at = 0;
        foreach (byte[] p in parts)
        {
            p.CopyTo(result, at);
            at += p.Length;
        }
        return result;
    }

    public static WasmModule Decode(byte[] bytes, WasmFeatures features = WasmFeatures.All) => ModuleDecoder.Decode(bytes, features);

    /// <summary>Decodes and asserts a <see cref="MalformedModuleException"/> whose message starts with <paramref name="expected"/>.</summary>
    public static MalformedModuleException Malformed(byte[] bytes, string expected, WasmFeatures features = WasmFeatures.All)
    {
        var e = Assert.Throws<MalformedModuleException>(() => ModuleDecoder.Decode(bytes, features));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
        return e;
    }
}
