using Sharptime.Benchmarks;

// Usage:
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- throughput FILE|DIR...   (.wasm or .wat)
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- kernels --manifest bench/corpus/kernels.tsv [...]
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- programs --manifest bench/programs/programs.tsv --dir CORPUS [...]
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- suite [BenchmarkDotNet options, e.g. --filter '*Call*']
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- compile [--runs N] [--no-jit] FILE.wasm...
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- instantiate [--seconds S] [--threads N] [Small|Data1MiB|Tern...]
return args.Length > 0 && args[0] == "throughput" ? DecodeThroughput.Run(args[1..])
    : args.Length > 0 && args[0] == "compile" ? CompileThroughput.Run(args[1..])
    : args.Length > 0 && args[0] == "kernels" ? KernelRunner.Run(args[1..])
    : args.Length > 0 && args[0] == "programs" ? ProgramRunner.Run(args[1..])
    : args.Length > 0 && args[0] == "suite" ? RunSuite(args[1..])
    : args.Length > 0 && args[0] == "instantiate" ? InstantiationThroughput.Run(args[1..])
    : Usage();

static int RunSuite(string[] args)
{
    BenchmarkDotNet.Running.BenchmarkSwitcher.FromAssembly(typeof(Sharptime.Benchmarks.Suite.CallBenchmarks).Assembly).Run(args);
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Sharptime.Benchmarks throughput FILE|DIR... | kernels --manifest PATH [--reps N] [--warmup W] [--collectible] [NAME...] | programs --manifest PATH --dir CORPUS [--reps N] [--warmup W] [--cpu-time] [NAME...] | suite [BenchmarkDotNet options] | compile [--runs N] [--no-jit] FILE.wasm... | instantiate [--seconds S] [--threads N] [PROGRAM...]");
    return 2;
}
