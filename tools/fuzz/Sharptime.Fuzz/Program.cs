using System.Text;

namespace Sharptime.Fuzz;

/// <summary>The differential fuzzer's command line (docs/fuzzing.md).</summary>
internal static class Program
{
    private const string Usage = """
        usage: Sharptime.Fuzz COMMAND [options]
          campaign [--seed N] [--count N] [--generator binaryen|own|both] [--hw on|off|both] [--interpreter on|off]
                   [--out DIR] [--known FILE] [--jobs N] [--reduce]
              generate N modules from the seed, run each on V8 and Sharptime, compare the traces,
              classify divergences; writes DIR/report.txt and reproducers; exit 1 on an unexplained one
          retriage CASE_DIR...
              run earlier campaigns' kept cases again with this build and classify what still diverges
          exec     read module paths from stdin (one a line), print each one's Sharptime trace and "#end PATH"
          run FILE.wasm|FILE.wat
              print one module's Sharptime trace (set DOTNET_EnableHWIntrinsic=0 for the other mode,
              SHARPTIME_FUZZ_STRATEGY=interpreter for the interpreter)
          gen --seed N [--out DIR] [--count N]
              write modules of the project's own generator (.wat and .wasm)
          compare A.trace B.trace
              compare two traces with the NaN rule; exit 1 if they differ
        """;

    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
        try
        {
            return args[0] switch
            {
                "exec" => Exec(),
                "run" => RunOne(args[1]),
                "campaign" => Campaign.Command(args[1..]),
                "retriage" => Campaign.Retriage(args[1..]),
                "gen" => OwnGenerator.Command(args[1..]),
                "compare" => CompareFiles(args[1], args[2]),
                _ => Fail(),
            };
        }
        catch (Exception e) when (e is ArgumentException or FormatException or IndexOutOfRangeException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        static int Fail()
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>Batch mode for the campaign: one process runs many modules, so the JIT warms up once.</summary>
    private static int Exec()
    {
        var executor = new SharptimeExecutor();
        using Stream stdout = Console.OpenStandardOutput();
        string? path;
        while ((path = Console.In.ReadLine()) is not null)
        {
            if (path.Length == 0) continue;
            var trace = new StringBuilder();
            try
            {
                executor.Run(Load(path), trace);
            }
            catch (Exception e)
            {
                trace.Append("runner-error ").Append(e.GetType().Name).Append(": ").Append(e.Message.ReplaceLineEndings(" ")).Append('\n');
            }
            trace.Append("#end ").Append(path).Append('\n');
            byte[] bytes = Encoding.UTF8.GetBytes(trace.ToString());
            stdout.Write(bytes);
            stdout.Flush();
        }
        return 0;
    }

    private static int RunOne(string path)
    {
        var trace = new StringBuilder();
        new SharptimeExecutor().Run(Load(path), trace);
        Console.Out.Write(trace.ToString());
        return 0;
    }

    internal static byte[] Load(string path) =>
        path.EndsWith(".wat", StringComparison.Ordinal) ? Sharptime.Text.Wat.Parse(File.ReadAllText(path), path) : File.ReadAllBytes(path);

    private static int CompareFiles(string a, string b)
    {
        TraceDifference? d = TraceComparer.Compare(File.ReadAllText(a), File.ReadAllText(b));
        if (d is null)
        {
            Console.WriteLine("same (NaN rule applied)");
            return 0;
        }
        Console.WriteLine(d);
        return 1;
    }
}
