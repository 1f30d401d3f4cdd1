namespace Sharptime.Wasi.Tests.Programs;

/// <summary>examples/wasi/parallel_sum.wasm: a C program that sums in 4 wasi-threads, compiled and interpreted.</summary>
public sealed class ParallelSumProgramTests
{
    [Theory]
    [InlineData(Strategy.Compiler)]
    [InlineData(Strategy.Interpreter)]
    public void Four_threads_sum_one_to_a_million(Strategy strategy)
    {
        Engine engine = WasiThreadsTests.NewEngine(strategy);
        Module module = Module.FromFile(engine, Path.Combine(WasiProgram.ExamplesDirectory, "parallel_sum.wasm"));
        Assert.Equal("sum of 1..1000000 over 4 threads = 500000500000\n", WasiThreadsTests.RunStart(engine, module));
    }
}
