using System.Globalization;
using Sharptime.Artifacts;
using Sharptime.Binary;

namespace Sharptime.Cli;

/// <summary>
/// <c>sharptime objdump</c> (also <c>inspect</c>): what a pre-compiled artifact holds, read without loading
/// its code: the stamp, the kind of code, and per function the sizes of its Wasm body, IL and native
/// code, optionally with the IL. Modelled on <c>wasmtime objdump</c>, which disassembles a .cwasm.
/// </summary>
internal static class ObjdumpCliCommand
{
    public const string Usage = """
        Usage: sharptime objdump [options] <FILE.cwasm>
               sharptime inspect [options] <FILE.cwasm>   (the same)

        Prints what an artifact made by 'sharptime compile' holds, without running or loading its code:
        the compatibility stamp (Sharptime and ABI versions, target, proposals, settings), whether it
        carries ReadyToRun native code or IL only, whether this sharptime's defaults can load it, and a
        table of its functions: Wasm function index, name (name section, else export), size of the Wasm
        body, of the IL and of the native code (main body; ReadyToRun x64 artifacts only), in bytes.

        Options:
          --il                   Also print each function's IL
          --function NAME|INDEX  Only this function: its Wasm function index, or its name in the name
                                 section or the exports. Repeatable.
          -h, --help             Show this help
        """;

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout)
    {
        string? path = null;
        bool il = false;
        var selected = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            if (arg == "--il") il = true;
            else if (CommandArgs.TryValue(args, ref i, "--function", "a function name or index", out string function)) selected.Add(function);
            else if (arg.StartsWith('-')) throw new UsageException($"unknown option '{arg}' for objdump (try 'sharptime objdump --help')");
            else if (path is null) path = arg;
            else throw new UsageException($"objdump takes one artifact, got '{path}' and '{arg}'");
        }
        if (path is null) throw new UsageException("objdump needs an artifact (.cwasm) made by 'sharptime compile' (try 'sharptime objdump --help')");
        if (Directory.Exists(path)) throw new UsageException($"{path}: is a directory, not an artifact");
        if (!File.Exists(path)) throw new UsageException($"{path}: no such file");

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RunFailedException($"cannot read {path}: {e.Message}", e);
        }
        ArtifactFormat.Contents contents;
        WasmModule module;
        try
        {
            contents = ArtifactFormat.Read(new MemoryStream(bytes, writable: false), $"'{path}'");
            module = ModuleDecoder.Decode(contents.ModuleBytes, WasmFeatures.All, trustedBodies: true);
        }
        catch (WasmException e)
        {
            throw new RunFailedException(e.Message, e);
        }
        try
        {
            using var image = new ArtifactImage(bytes, contents.Target.EndsWith("-x64", StringComparison.Ordinal));
            Write(stdout, path, contents, module, image, Select(module, contents.Map.EntryTokens.Length, selected, path), il);
        }
        catch (Exception e) when (e is BadImageFormatException or IndexOutOfRangeException or ArgumentOutOfRangeException or InvalidCastException)
        {
            throw new RunFailedException($"'{path}' is a damaged Sharptime artifact: its stamp reads well but its code does not ({e.Message}); compile it again", e);
        }
        return 0;
    }

    /// <summary>The defined functions to list (indices into the code section): all, or those <paramref name="selected"/> names.</summary>
    /// <exception cref="UsageException">A name or index that no defined function has.</exception>
    private static List<int> Select(WasmModule module, int defined, List<string> selected, string path)
    {
        int imported = module.ImportedFunctionCount;
        if (selected.Count == 0) return [.. Enumerable.Range(0, defined)];
        var result = new List<int>();
        foreach (string wanted in selected)
        {
            int found = -1;
            if (uint.TryParse(wanted, NumberStyles.None, CultureInfo.InvariantCulture, out uint index))
            {
                if (index < imported) throw new UsageException($"--function {wanted}: function {index} of {path} is imported, so the artifact has no code for it");
                if (index - imported < defined) found = (int)(index - imported);
            }
            for (int d = 0; found < 0 && d < defined; d++)
            {
                if (Name(module, (uint)(imported + d)) == wanted || Array.Exists(module.Exports, e => e.Kind == ExternKind.Func && e.Index == imported + d && e.Name == wanted)) found = d;
            }
            if (found < 0) throw new UsageException($"--function {wanted}: {path} defines no function of that name or index (functions {imported} to {imported + defined - 1})");
            result.Add(found);
        }
        return result;
    }

    /// <summary>A function's name: from the name section, else its first export's name, else null.</summary>
    private static string? Name(WasmModule module, uint index)
    {
        if (module.Names?.FunctionNames.TryGetValue(index, out string? name) == true) return name;
        foreach (Export export in module.Exports)
        {
            if (export.Kind == ExternKind.Func && export.Index == index) return export.Name;
        }
        return null;
    }

    private static void Write(TextWriter w, string path, ArtifactFormat.Contents contents, WasmModule module, ArtifactImage image, List<int> functions, bool il)
    {
        int imported = module.ImportedFunctionCount;
        int defined = contents.Map.EntryTokens.Length;
        w.WriteLine($"{path}: Sharptime artifact, format {ArtifactFormat.FormatVersion}");
        foreach ((string key, string value) in contents.Stamp) w.WriteLine($"  {key,-20} {value}");
        string code = contents.Target == "portable" ? "IL only (compiled by the JIT where it runs)"
            : image.TotalNativeSize is long total ? $"ReadyToRun native code, {total} bytes"
            : "ReadyToRun native code";
        w.WriteLine($"  {"target",-20} {contents.Target}: {code}");
        w.WriteLine($"  {"loads here",-20} {LoadsHere(contents, path)}");
        w.WriteLine($"  {"module",-20} {contents.ModuleBytes.Length} bytes: {defined} functions defined, {imported} imported, {module.Exports.Length} exports");
        w.WriteLine();
        w.WriteLine($"  {"index",6}  {"wasm",8}  {"il",8}  {"native",8}  name");
        foreach (int d in functions)
        {
            uint index = (uint)(imported + d);
            int body = contents.Map.BodyTokens[d];
            string wasm = d < module.Code.Length ? WasmSize(module.Code[d]).ToString(CultureInfo.InvariantCulture) : "-";
            string native = image.NativeSize(body) is int n ? n.ToString(CultureInfo.InvariantCulture) : "-";
            w.WriteLine($"  {index,6}  {wasm,8}  {image.Il(body).Length,8}  {native,8}  {Name(module, index) ?? ""}".TrimEnd());
            if (!il) continue;
            IlPrinter.Write(w, image.Il(body), image.Metadata, "            ");
            w.WriteLine();
        }
    }

    /// <summary>The bytes of a function body after its size: locals and code.</summary>
    private static int WasmSize(FunctionBody body) => body.CodeOffset + body.CodeLength - body.BodyOffset;

    /// <summary>Whether an engine with this sharptime's default settings loads the artifact, and if not, the setting that differs.</summary>
    private static string LoadsHere(ArtifactFormat.Contents contents, string path)
    {
        if (!CompilerSupport.IsAvailable) return "no: this sharptime is a NativeAOT build, which cannot load .NET assemblies";
        try
        {
            ArtifactStamp.Check(contents, CompilerSupport.DefaultConfig, $"'{path}'");
            return "yes, with this sharptime's default settings";
        }
        catch (WasmException e)
        {
            return $"not with the default settings: {e.Message}";
        }
    }
}
