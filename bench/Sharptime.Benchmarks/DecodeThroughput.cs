using System.Diagnostics;
using Sharptime.Binary;
using Sharptime.Text;
using Sharptime.Validation;

namespace Sharptime.Benchmarks;

/// <summary>
/// Decode and decode+validate throughput in MB/s of module bytes, median of repeated runs, so the
/// numbers survive a noisy machine.
/// </summary>
internal static class DecodeThroughput
{
    private const int Runs = 15;

    public static int Run(string[] files)
    {
        if (files.Length == 0)
        {
            Console.Error.WriteLine("throughput: give .wasm or .wat files");
            return 2;
        }
        Console.WriteLine($"{"module",-40} {"bytes",10} {"decode MB/s",12} {"decode+validate MB/s",21}");
        foreach (string file in files)
        {
            byte[] bytes = file.EndsWith(".wat", StringComparison.Ordinal)
                ? Wat.Parse(File.ReadAllText(file), file)
                : File.ReadAllBytes(file);
            WasmFeatures features = WasmFeatures.All;
            double decode = Median(bytes, () => ModuleDecoder.Decode(bytes, features));
            double both = Median(bytes, () => ModuleValidator.Validate(ModuleDecoder.Decode(bytes, features), features));
            Console.WriteLine($"{Path.GetFileName(file),-40} {bytes.Length,10} {decode,12:F1} {both,21:F1}");
        }
        return 0;
    }

    private static double Median(byte[] bytes, Action action)
    {
        // Enough iterations per run that one run takes ~20 ms or more.
        action();
        var sw = Stopwatch.StartNew();
        action();
        int iterations = Math.Max(1, (int)(0.02 / Math.Max(sw.Elapsed.TotalSeconds, 1e-7)));
        var rates = new double[Runs];
        for (int r = 0; r < Runs; r++)
        {
            sw.Restart();
            for (int i = 0; i < iterations; i++) action();
            rates[r] = bytes.Length * (double)iterations / sw.Elapsed.TotalSeconds / 1e6;
        }
        Array.Sort(rates);
        return rates[Runs / 2];
    }
}
