namespace Sharptime.Tests;

public sealed class ModuleTests : IDisposable
{
    private static readonly byte[] EmptyModule = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];
    private readonly string _dir = Directory.CreateTempSubdirectory("sharptime-module-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData("x.wat", "(module)")]
    [InlineData("x.WAT", "not even text")]
    [InlineData("x.wasm", "\uFEFF  ;; a comment\n\t(module (func))")]
    [InlineData("x", "(; block comment ;) (module)")]
    public void A_text_file_says_how_to_parse_text(string name, string contents)
    {
        string path = Write(name, System.Text.Encoding.UTF8.GetBytes(contents));
        var e = Assert.Throws<MalformedModuleException>(() => Module.FromFile(new Engine(), path));
        Assert.StartsWith($"{path} is WebAssembly text", e.Message, StringComparison.Ordinal);
        Assert.Contains("reference the Sharptime.Text package", e.Message, StringComparison.Ordinal);
        Assert.Contains("Module.FromBytes(engine, Sharptime.Text.Wat.Parse(File.ReadAllBytes(path), path))", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_advice_works()
    {
        string path = Write("x.wat", "(module (func (export \"f\")))"u8.ToArray());
        Module module = Module.FromBytes(new Engine(), Sharptime.Text.Wat.Parse(File.ReadAllBytes(path), path));
        Assert.Equal("f", Assert.Single(module.Exports).Name);
    }

    [Fact]
    public void Binaries_load_whatever_their_name_and_other_bytes_are_malformed()
    {
        Assert.Empty(Module.FromFile(new Engine(), Write("binary.wat", EmptyModule)).Exports);
        string junk = Write("junk.wasm", "hello"u8.ToArray());
        Assert.StartsWith("magic header not detected", Assert.Throws<MalformedModuleException>(() => Module.FromFile(new Engine(), junk)).Message, StringComparison.Ordinal);
    }
}
