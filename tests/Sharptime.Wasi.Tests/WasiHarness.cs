using Sharptime.Compiler;

namespace Sharptime.Wasi.Tests;

/// <summary>Runs a WAT module with WASI: instantiates it and calls an export.</summary>
internal sealed class WasiHarness : IDisposable
{
    private static readonly Engine SharedEngine = new(Config.Default.UseCompiler());

    public WasiHarness(string wat, WasiConfig config)
    {
        Context = new WasiContext(config);
        Store = new Store<WasiContext>(SharedEngine, Context);
        var linker = new Linker(SharedEngine).AddWasi();
        Module module = Module.FromBytes(SharedEngine, Text.Wat.Parse(wat));
        Instance = linker.Instantiate(Store, module);
    }

    public Store Store { get; }

    public WasiContext Context { get; }

    public Instance Instance { get; }

    public Memory Memory => (Memory)Instance.GetExport("memory")!;

    public int Call(string name, params Value[] args) => Instance.GetFunction(name)!.Call(args)[0].AsI32();

    public void CallVoid(string name, params Value[] args) => Instance.GetFunction(name)!.Call(args);

    public void Dispose()
    {
        Context.Dispose();
        Store.Dispose();
    }

    /// <summary>Runs <c>_start</c> and returns the exit code (0 when it returns).</summary>
    public int RunStart()
    {
        try
        {
            CallVoid("_start");
            return 0;
        }
        catch (WasiExitException e)
        {
            return e.ExitCode;
        }
    }
}
