using System.Diagnostics;
using Sharptime.Binary;
using Sharptime.Compiler;
using Sharptime.Validation;

namespace Sharptime.Benchmarks;

/// <summary>
/// Where compiling a module goes, per stage, for large modules: decode, validate, Wasm to IL in
/// memory (what <c>Module.FromBytes</c> adds), Wasm to an IL artifact (<c>Engine.PrecompileModule</c>),
/// and IL to native code for every function (the JIT's share, otherwise paid lazily at first calls).
/// Median of <c>--runs</c> runs (default 3) for each stage. <c>--interpreter</c> reports instead
/// what the interpreter's translator makes of every function (what it otherwise does lazily).
/// </summary>
internal static class CompileThroughput
{
    public static int Run(string[] args)
    {
        int runs = 3;
        bool jit = true, interpreter = false;
        var files = new List<string>();
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--runs") runs = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
            else if (args[i] == "--no-jit") jit = false;
            else if (args[i] == "--interpreter") interpreter = true;
            else files.Add(args[i]);
        }
        if (interpreter) return Translate(runs, files);
        var engine = new Engine(Config.Default.UseCompiler() with { Features = WasmFeatures.All });
        Console.WriteLine($"{"module",-28} {"MB",7} {"funcs",8} {"decode",8} {"validate",9} {"to IL",8} {"IL MB/s",8} {"alloc MB",9} {"artifact",9} {"art. MB",8} {"JIT all",9} {"JIT MB/s",9}");
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            double mb = bytes.Length / 1e6;
            WasmModule decoded = ModuleDecoder.Decode(bytes, engine.Config.Features);
            double decode = Median(runs, () => ModuleDecoder.Decode(bytes, engine.Config.Features));
            double validate = Median(runs, () => ModuleValidator.Validate(decoded, engine.Config.Features));
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            double compile = Median(runs, () => Module.FromBytes(engine, bytes));
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated) / runs;
            double toIl = compile - decode - validate;
            byte[] artifact = [];
            double precompile = Median(runs, () => artifact = engine.PrecompileModule(bytes));
            string native = "-", nativeRate = "-";
            if (jit)
            {
                Module module = Module.FromBytes(engine, bytes);
                var clock = Stopwatch.StartNew();
                module.Compiled.PrepareAll();
                double ms = clock.Elapsed.TotalMilliseconds;
                native = $"{ms:F0}";
                nativeRate = $"{mb / (ms / 1000):F2}";
            }
            Console.WriteLine($"{Path.GetFileName(file),-28} {mb,7:F2} {decoded.Code.Length,8} {decode,8:F0} {validate,9:F0} {toIl,8:F0} {mb / (toIl / 1000),8:F2} {allocated / 1e6,9:F0} {precompile,9:F0} {artifact.Length / 1e6,8:F2} {native,9} {nativeRate,9}");
        }
        Console.WriteLine("times in ms (median); 'to IL' = Module.FromBytes - decode - validate; 'alloc MB' = managed bytes allocated per Module.FromBytes; 'artifact' = Engine.PrecompileModule (decode, validate, IL, metadata, PE)");
        return 0;
    }

    private static int Translate(int runs, List<string> files)
    {
        var engine = new Engine(Config.Default with { Features = WasmFeatures.All, Strategy = Strategy.Interpreter });
        Console.WriteLine($"{"module",-28} {"MB",7} {"funcs",8} {"code MB",8} {"translate",10} {"MB/s",8} {"alloc MB",9}");
        foreach (string file in files)
        {
            byte[] bytes = File.ReadAllBytes(file);
            Module module = Module.FromBytes(engine, bytes);
            WasmModule info = module.Compiled.Module;
            long codeBytes = info.Code.Sum(b => (long)b.CodeLength);
            long allocated = 0;
            double ms = Median(runs, () =>
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                var translations = new Interpreter.InterpretedModule(module.Compiled, engine.Config);
                for (int i = 0; i < info.Code.Length; i++) translations.CodeOf(i);
                allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            });
            Console.WriteLine($"{Path.GetFileName(file),-28} {bytes.Length / 1e6,7:F2} {info.Code.Length,8} {codeBytes / 1e6,8:F2} {ms,10:F0} {codeBytes / 1e6 / (ms / 1000),8:F1} {allocated / 1e6,9:F1}");
        }
        Console.WriteLine("times in ms (median); MB/s of function bodies translated");
        return 0;
    }

    private static double Median(int runs, Action action)
    {
        var times = new double[runs];
        for (int i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        Array.Sort(times);
        return times[runs / 2];
    }
}
