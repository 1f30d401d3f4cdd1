namespace Sharptime.Wasi.Tests.Programs;

/// <summary>examples/wasi/args_env.c: argv and the environment as the guest's libc sees them, and exit codes.</summary>
public sealed class ArgsEnvProgramTests
{
    [Fact]
    public void PrintsArgumentsAndSelectedVariablesAndExitsWithTheRequestedCode()
    {
        WasiConfig config = WasiConfig.Default
            .WithArgs("args_env.wasm", "--show", "EMPTY", "--show", "GREETING", "--show", "MISSING", "", "ü ß", "--exit", "7")
            .WithEnv("APP_B", "2")
            .WithEnv("APP_A", "x=y")
            .WithEnv("EMPTY", "")
            .WithEnv("GREETING", "grüß dich")
            .WithEnv("OTHER", "1");
        ProgramResult r = WasiProgram.Run("args_env", config);
        Assert.Equal(WasiProgram.Lines("""
            argc = 11
            argv[0] = [args_env.wasm] (13 bytes)
            argv[1] = [--show] (6 bytes)
            argv[2] = [EMPTY] (5 bytes)
            argv[3] = [--show] (6 bytes)
            argv[4] = [GREETING] (8 bytes)
            argv[5] = [--show] (6 bytes)
            argv[6] = [MISSING] (7 bytes)
            argv[7] = [] (0 bytes)
            argv[8] = [ü ß] (5 bytes)
            argv[9] = [--exit] (6 bytes)
            argv[10] = [7] (1 bytes)
            EMPTY=[]
            GREETING=[grüß dich]
            MISSING is not set
            environment: 5 variables, 2 named APP_*
              APP_A=x=y
              APP_B=2
            """), r.Stdout);
        Assert.Equal("args_env: exiting with code 7 as asked\n", r.Stderr);
        Assert.Equal(7, r.ExitCode);
    }

    [Fact]
    public void WithoutArgumentsOrEnvironmentExitsWithZero()
    {
        ProgramResult r = WasiProgram.Run("args_env", "args_env.wasm");
        Assert.Equal(WasiProgram.Lines("""
            argc = 1
            argv[0] = [args_env.wasm] (13 bytes)
            environment: 0 variables, 0 named APP_*
            """), r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void RejectsAnExitCodeOutOfRange()
    {
        ProgramResult r = WasiProgram.Run("args_env", "args_env.wasm", "--exit", "300");
        Assert.Equal("args_env: --exit wants a number from 0 to 125, got \"300\"\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
    }
}
