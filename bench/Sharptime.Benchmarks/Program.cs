using Sharptime.Benchmarks;

// Usage: dotnet run -c Release --project bench/Sharptime.Benchmarks -- throughput FILE...   (.wasm or .wat)
if (args.Length > 0 && args[0] == "throughput")
{
    return DecodeThroughput.Run(args[1..]);
}
Console.Error.WriteLine("usage: Sharptime.Benchmarks throughput FILE...");
return 2;
