namespace Sharptime.Wasi.Tests.Programs;

/// <summary>
/// examples/wasi/tern: the WASI front end for the benchmark corpus's Tern compiler and VM (about
/// 3,300 lines of C), compiling the .tern files of examples/wasi/data/tern.
/// </summary>
public sealed class TernProgramTests
{
    private static ProgramResult Tern(TempDirectory dir, params string[] args) =>
        WasiProgram.Run("tern", WasiConfig.Default.WithArgs(["tern.wasm", .. args]).WithPreopenedDirectory(dir.Path, "/src", WasiDirectoryAccess.ReadOnly));

    [Fact]
    public void CompilesAndRunsAProgramOptimizedAndNot()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "/src/gcd.tern", "1000");
        Assert.Equal(WasiProgram.Lines("""
            /src/gcd.tern: 3 functions, 75 instructions (6 folds, 19 peephole rewrites)
            main(1000) = 871178
            printed 4 values, checksum 4867edcb9774819a
            executed 850763 instructions
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);

        r = Tern(dir, "-O0", "/src/gcd.tern", "1000");
        Assert.Equal(WasiProgram.Lines("""
            /src/gcd.tern: 3 functions, 107 instructions
            main(1000) = 871178
            printed 4 values, checksum 4867edcb9774819a
            executed 1175154 instructions
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void SievesPrimesInAGlobalArray()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "/src/primes.tern", "100000");
        Assert.Equal(WasiProgram.Lines("""
            /src/primes.tern: 1 function, 37 instructions (0 folds, 13 peephole rewrites)
            main(100000) = 99991
            printed 1 value, checksum 9e3779b97f4aa18d
            executed 2230940 instructions
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void ReportsACompileErrorWithItsPosition()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "/src/syntax_error.tern");
        Assert.Equal("", r.Stdout);
        Assert.Equal("/src/syntax_error.tern:2:18: syntax error: expected an expression, found ';'\n", r.Stderr);
        Assert.Equal(1, r.ExitCode);
    }

    [Fact]
    public void ListsBytecodeAndReportsAVmTrap()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "--list", "/src/divide.tern", "3");
        Assert.Equal(WasiProgram.Lines("""
            /src/divide.tern: 1 function, 17 instructions (0 folds, 5 peephole rewrites)
            fn main (1 params, 3 locals)
                 0  pushi 0    ; line 3
                 1  storel 1    ; line 3
                 2  loadl 0    ; line 4
                 3  storel 2    ; line 4
                 4  jmp 12    ; line 4
                 5  loadl 1    ; line 5
                 6  pushi 1000    ; line 5
                 7  loadl 2    ; line 5
                 8  div    ; line 5
                 9  add    ; line 5
                10  storel 1    ; line 5
                11  incl 2, -1    ; line 4
                12  loadl 2    ; line 4
                13  pushi 0    ; line 4
                14  jge 5    ; line 4
                15  loadl 1    ; line 7
                16  ret    ; line 7
            trap: division by zero at instruction 8 (div, line 5)
            printed 0 values, checksum 0000000000000000
            executed 42 instructions
            """), r.Stdout);
        Assert.Equal(3, r.ExitCode);
    }

    [Fact]
    public void FuelStopsARunawayLoop()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "--fuel", "100000", "/src/spin.tern");
        Assert.Equal(WasiProgram.Lines("""
            /src/spin.tern: 1 function, 6 instructions (0 folds, 7 peephole rewrites)
            trap: out of fuel (the program ran too long) before instruction 4 (storel, line 4)
            printed 0 values, checksum 0000000000000000
            executed 100000 instructions
            """), r.Stdout);
        Assert.Equal(3, r.ExitCode);
    }

    [Fact]
    public void SelfCheckOfTheBuiltInProgramsPasses()
    {
        ProgramResult r = WasiProgram.Run("tern", "tern.wasm", "--selfcheck", "2");
        Assert.Equal("selfcheck(2): 25 programs, 0 failures\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void AMissingFileIsAnError()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("tern"));
        ProgramResult r = Tern(dir, "/src/nope.tern");
        Assert.Equal("tern: cannot open /src/nope.tern: No such file or directory\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
    }
}
