using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Sharptime.Wasi.Tests;

public sealed class ProjectRulesTests
{
    private static readonly Assembly Wasi = typeof(WasiConfig).Assembly;

    [Fact]
    public void WasiReferencesOnlyTheCore()
    {
        string[] references = [.. Wasi.GetReferencedAssemblies().Select(a => a.Name!)];
        Assert.Contains("Sharptime", references);
        Assert.DoesNotContain(references, n => n.StartsWith("Sharptime.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, n => n.Contains("Reflection.Emit", StringComparison.Ordinal));
    }

    [Fact]
    public void WasiUsesNoAbiTypes()
    {
        using var pe = new PEReader(File.OpenRead(Wasi.Location));
        MetadataReader md = pe.GetMetadataReader();
        var namespaces = new HashSet<string>(StringComparer.Ordinal);
        foreach (TypeReferenceHandle h in md.TypeReferences) namespaces.Add(md.GetString(md.GetTypeReference(h).Namespace));
        Assert.Contains("Sharptime", namespaces);
        Assert.DoesNotContain(namespaces, n => n.StartsWith("Sharptime.", StringComparison.Ordinal));
    }

    [Fact]
    public void PublicSurfaceIsSmall()
    {
        string[] types = [.. Wasi.GetExportedTypes().Select(t => t.FullName!).Order(StringComparer.Ordinal)];
        Assert.Equal(
            [
                "Sharptime.Wasi.WasiConfig", "Sharptime.Wasi.WasiContext", "Sharptime.Wasi.WasiDirectoryAccess",
                "Sharptime.Wasi.WasiExitException", "Sharptime.Wasi.WasiLinkerExtensions", "Sharptime.Wasi.WasiPreopenedDirectory",
            ],
            types);
    }
}
