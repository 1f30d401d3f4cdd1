using System.Collections.Concurrent;
using Sharptime.Text;

namespace Sharptime.Cli;

/// <summary><c>sharptime wast</c>: runs WebAssembly scripts and prints one line per file and a totals line.</summary>
internal static class WastCliCommand
{
    public const string Usage = """
        Usage: sharptime wast [options] <FILE|DIR>...

        Runs WebAssembly scripts (.wast). Directories are searched recursively for .wast files.
        Prints one line per file and, last, "N passed, M failed, K skipped". Modules are instantiated
        and actions and assertions (assert_return, assert_trap, invoke, register...) run on the compiler
        (on the interpreter in a NativeAOT build).

        Options:
          -v, --verbose         Print every failure with file:line, what was expected and what happened
          --precompile          Compile every module into an artifact and run the module loaded from
                                it (the path of 'sharptime compile' and Module.Deserialize)
          --json PATH           Write the counts per file and per command kind to PATH as JSON
          -W NAME[=y|n][,...]   Enable or disable a proposal for every script, on top of the defaults
                                chosen per testsuite folder (legacy/, proposals/threads/...).
                                Names: all, threads, exceptions, legacy-exceptions, gc, simd, memory64...
                                A script's own header lines (";;! gc = true", as in Wasmtime's
                                tests) switch proposals last.
          -h, --help            Show this help

        Exit code: 0 when nothing failed, 1 when something failed, 2 for a wrong command line.
        """;

    public static int Run(ReadOnlySpan<string> args, TextWriter stdout, TextWriter stderr)
    {
        bool verbose = false;
        var options = WastOptions.Default;
        string? jsonPath = null;
        var features = new FeatureFlags();
        var inputs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg is "-h" or "--help")
            {
                stdout.WriteLine(Usage);
                return 0;
            }
            if (arg is "-v" or "--verbose")
            {
                verbose = true;
            }
            else if (arg == "--precompile")
            {
                CompilerSupport.Require("--precompile runs modules loaded from artifacts, which are .NET assemblies; leave it out to interpret every script");
                options = options with { Precompile = true };
            }
            else if (arg == "--json")
            {
                jsonPath = i + 1 < args.Length ? args[++i] : throw new UsageException("--json needs a file path");
            }
            else if (arg.StartsWith("--json=", StringComparison.Ordinal))
            {
                jsonPath = arg["--json=".Length..];
            }
            else if (arg == "-W")
            {
                features.Add(i + 1 < args.Length ? args[++i] : throw new UsageException("-W needs a value such as threads=y"));
            }
            else if (arg.StartsWith("-W", StringComparison.Ordinal))
            {
                features.Add(arg[2..]);
            }
            else if (arg == "--")
            {
                for (i++; i < args.Length; i++) inputs.Add(args[i]);
            }
            else if (arg.StartsWith('-') && arg.Length > 1)
            {
                throw new UsageException($"unknown option '{arg}' for wast (try 'sharptime wast --help')");
            }
            else
            {
                inputs.Add(arg);
            }
        }
        if (inputs.Count == 0) throw new UsageException("wast needs at least one .wast file or directory (try 'sharptime wast --help')");
        if (jsonPath is { Length: 0 }) throw new UsageException("--json needs a file path");

        List<ScriptFile> files = FindScripts(inputs);
        var outcomes = new FileOutcome[files.Count];
        var engines = new ConcurrentDictionary<WasmFeatures, Engine>();
        Parallel.For(0, files.Count, index =>
        {
            ScriptFile file = files[index];
            WasmFeatures wanted = features.Apply(WastFeatures.ForPath(file.Path));
            Engine engine = engines.GetOrAdd(wanted, static f => new Engine(CompilerSupport.DefaultConfig with { Features = f }));
            outcomes[index] = RunOne(file, engine, options);
        });

        var totals = new Totals();
        foreach (FileOutcome outcome in outcomes)
        {
            if (outcome.ReadError is not null)
            {
                stderr.WriteLine($"sharptime: cannot read {outcome.File.DisplayName}: {outcome.ReadError}");
                stdout.WriteLine($"{outcome.File.DisplayName}: 0 passed, 1 failed, 0 skipped");
                totals.Failed++;
                continue;
            }
            WastResult result = outcome.Result!;
            stdout.WriteLine($"{result.File}: {result.Totals}");
            if (verbose)
            {
                foreach (WastFailure failure in result.Failures) stdout.WriteLine($"  {failure}");
            }
            totals.Passed += result.Passed;
            totals.Failed += result.Failed;
            totals.Skipped += result.Skipped;
        }
        stdout.WriteLine($"{totals.Passed} passed, {totals.Failed} failed, {totals.Skipped} skipped");

        if (jsonPath is not null)
        {
            try
            {
                WastJsonReport.Write(jsonPath, outcomes, totals);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"sharptime: cannot write {jsonPath}: {e.Message}");
                return 1;
            }
        }
        return totals.Failed == 0 ? 0 : 1;
    }

    private static FileOutcome RunOne(ScriptFile file, Engine engine, WastOptions options)
    {
        try
        {
            return new FileOutcome(file, Wast.Run(file.Path, engine, file.DisplayName, options), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FileOutcome(file, null, e.Message);
        }
    }

    /// <summary>Expands directories (recursively, sorted) and checks that every input exists.</summary>
    private static List<ScriptFile> FindScripts(List<string> inputs)
    {
        var files = new List<ScriptFile>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = new List<ScriptFile>();
                foreach (string path in Directory.EnumerateFiles(input, "*.wast", SearchOption.AllDirectories))
                {
                    string relative = Path.GetRelativePath(input, path).Replace('\\', '/');
                    found.Add(new ScriptFile(path, relative));
                }
                found.Sort(static (a, b) => string.CompareOrdinal(a.DisplayName, b.DisplayName));
                if (found.Count == 0) throw new UsageException($"no .wast files in directory: {input}");
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                files.Add(new ScriptFile(input, input));
            }
            else
            {
                throw new UsageException($"no such file or directory: {input}");
            }
        }
        return files;
    }

    /// <summary>A script to run: where it is, and how the output names it.</summary>
    internal sealed record ScriptFile(string Path, string DisplayName);

    /// <summary>The result of one file, or why it could not be read.</summary>
    internal sealed record FileOutcome(ScriptFile File, WastResult? Result, string? ReadError);

    /// <summary>The totals over all files.</summary>
    internal sealed class Totals
    {
        public int Passed { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }
    }
}
