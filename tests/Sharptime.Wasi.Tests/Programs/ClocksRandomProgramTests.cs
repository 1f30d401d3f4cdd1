namespace Sharptime.Wasi.Tests.Programs;

/// <summary>examples/wasi/clocks_random.c: clocks, sleeping (poll_oneoff) and random_get, checked inside the guest.</summary>
public sealed class ClocksRandomProgramTests
{
    [Fact]
    public void EveryCheckPasses()
    {
        ProgramResult r = WasiProgram.Run("clocks_random", "clocks_random.wasm");
        Assert.Equal(WasiProgram.Lines("""
            PASS realtime clock resolution is between 1 ns and 1 s
            PASS monotonic clock resolution is between 1 ns and 1 s
            PASS realtime clock is a date between 2020 and 2100
            PASS time() agrees with clock_gettime(CLOCK_REALTIME) within 2 s
            PASS monotonic clock never goes back over 100000 reads
            PASS monotonic clock advances while the program runs
            PASS nanosleep(20 ms) succeeds
            PASS nanosleep(20 ms) sleeps at least 19 ms (monotonic)
            PASS nanosleep(20 ms) returns within 5 s
            PASS realtime clock also moves by at least 18 ms
            PASS nanosleep(0) succeeds
            PASS getentropy(64 bytes) succeeds twice
            PASS two draws differ in at least 128 of 512 bits
            PASS a draw has between 128 and 384 of 512 bits set
            PASS getentropy(256 bytes) fills every 8-byte word
            0 checks failed
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void VerboseModeReportsTheMeasuredValuesOnStderr()
    {
        ProgramResult r = WasiProgram.Run("clocks_random", "clocks_random.wasm", "-v");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("nanosleep(20 ms): monotonic ", r.Stderr, StringComparison.Ordinal);
        Assert.Contains(" bits differ between draws", r.Stderr, StringComparison.Ordinal);
    }
}
