namespace Sharptime.Wasi.Tests.Programs;

/// <summary>examples/wasi/hello.c: the greeting the README's first command shows.</summary>
public sealed class HelloProgramTests
{
    [Fact]
    public void GreetsAndEchoesItsArguments()
    {
        ProgramResult r = WasiProgram.Run("hello", "hello.wasm", "a", "b c");
        Assert.Equal(WasiProgram.Lines("""
            Hello from WebAssembly!
            I was compiled from C to wasm32-wasi and got 3 arguments:
              argv[0] = "hello.wasm"
              argv[1] = "a"
              argv[2] = "b c"
            """), r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void WithOnlyArgv0SaysOneArgument()
    {
        ProgramResult r = WasiProgram.Run("hello", "hello.wasm");
        Assert.Equal(WasiProgram.Lines("""
            Hello from WebAssembly!
            I was compiled from C to wasm32-wasi and got 1 argument:
              argv[0] = "hello.wasm"
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
