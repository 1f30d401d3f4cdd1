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
        const WasmFeatures features = WasmFeatures.All;
        foreach (string file in files)
        {
            // A directory is one corpus: every module in it, decoded (and validated) once per iteration.
            byte[][] modules = Directory.Exists(file)
                ? [.. Directory.EnumerateFiles(file, "*.wasm", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).Where(IsValid)]
                : [Load(file)];
            long total = modules.Sum(m => (long)m.Length);
            double decode = Median(total, () =>
            {
                foreach (byte[] m in modules) ModuleDecoder.Decode(m, features);
            });
            double both = Median(total, () =>
            {
                foreach (byte[] m in modules) ModuleValidator.Validate(ModuleDecoder.Decode(m, features), features);
            });
            string name = modules.Length == 1 ? Path.GetFileName(file) : $"{Path.GetFileName(file.TrimEnd('/'))} ({modules.Length} modules)";
            Console.WriteLine($"{name,-40} {total,10} {decode,12:F1} {both,21:F1}");
        }
        return 0;
    }

    private static byte[] Load(string file) => file.EndsWith(".wat", StringComparison.Ordinal)
        ? Wat.Parse(File.ReadAllText(file), file)
        : File.ReadAllBytes(file);

    private static bool IsValid(byte[] module)
    {
        try
        {
            ModuleValidator.Validate(ModuleDecoder.Decode(module, WasmFeatures.All), WasmFeatures.All);
            return true;
        }
        catch (WasmException)
        {
            return false;
        }
    }

    private static double Median(long bytes, Action action)
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
            rates[r] = bytes * (double)iterations / sw.Elapsed.TotalSeconds / 1e6;
        }
        Array.Sort(rates);
        return rates[Runs / 2];
    }
}
