using System.Diagnostics;
using Sharptime.Benchmarks.Suite;

namespace Sharptime.Benchmarks;

/// <summary>
/// Instantiations per second with every core instantiating in a loop: instantiate from one shared
/// <see cref="InstancePre"/> + call one export + dispose the store, on 1 thread and on N threads
/// (default: every core), pooling allocator with copy-on-write images.
/// <c>Sharptime.Benchmarks instantiate [--seconds S] [--threads N] [Small|Data1MiB|Tern...]</c>
/// </summary>
internal static class InstantiationThroughput
{
    public static int Run(string[] args)
    {
        double seconds = 3;
        int threads = Environment.ProcessorCount;
        var programs = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--seconds") seconds = double.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--threads") threads = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else programs.Add(args[i]);
        }
        if (programs.Count == 0) programs.AddRange(["Small", "Data1MiB", "Tern"]);
        foreach (string program in programs)
        {
            var c = new InstantiationBenchmarks.Case(Compiler.CompilerConfigExtensions.UseCompiler(Config.Default, collectible: false) with { AllocationStrategy = InstantiationBenchmarks.Pool }, InstantiationBenchmarks.Bytes(program));
            string export = InstantiationBenchmarks.Export(program);
            Loop(c, export, 1, 0.5);
            foreach (int n in threads == 1 ? [1] : new[] { 1, threads })
            {
                long total = Loop(c, export, n, seconds);
                Console.WriteLine($"{program}: {n} thread(s): {total / seconds:N0} instantiations/s ({seconds * 1e6 * n / total:N2} µs each per thread)");
            }
        }
        return 0;
    }

    private static long Loop(InstantiationBenchmarks.Case c, string export, int threads, double seconds)
    {
        long total = 0;
        using var start = new Barrier(threads);
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                Value[] args = [Value.I32(0)];
                var results = new Value[1];
                long count = 0;
                start.SignalAndWait();
                var clock = Stopwatch.StartNew();
                while (clock.Elapsed.TotalSeconds < seconds)
                {
                    for (int k = 0; k < 64; k++)
                    {
                        using var store = new Store(c.Engine);
                        c.Pre.Instantiate(store).GetFunction(export)!.Call(args, results);
                    }
                    count += 64;
                }
                Interlocked.Add(ref total, count);
            });
            workers[t].Start();
        }
        foreach (Thread w in workers) w.Join();
        return total;
    }
}
