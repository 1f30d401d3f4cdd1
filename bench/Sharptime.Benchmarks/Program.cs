using Sharptime.Benchmarks;

// Usage:
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- throughput FILE|DIR...   (.wasm or .wat)
//   dotnet run -c Release --project bench/Sharptime.Benchmarks -- kernels --manifest bench/corpus/kernels.tsv [...]
return args.Length > 0 && args[0] == "throughput" ? DecodeThroughput.Run(args[1..])
    : args.Length > 0 && args[0] == "kernels" ? KernelRunner.Run(args[1..])
    : Usage();

static int Usage()
{
    Console.Error.WriteLine("usage: Sharptime.Benchmarks throughput FILE|DIR... | kernels --manifest PATH [--reps N] [--warmup W] [--collectible] [NAME...]");
    return 2;
}
