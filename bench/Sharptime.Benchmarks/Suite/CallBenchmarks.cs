using BenchmarkDotNet.Attributes;
using Sharptime.Compiler;
using Sharptime.Text;

namespace Sharptime.Benchmarks.Suite;

/// <summary>
/// The cost of crossing between .NET and Wasm: a host → Wasm call of <c>(i32, i32) -> i32</c> through the
/// typed wrapper and through <see cref="Func.Call(ReadOnlySpan{Value}, Span{Value})"/>, and a Wasm → host
/// call measured as a Wasm loop calling an imported host function <see cref="LoopCalls"/> times.
/// </summary>
[MemoryDiagnoser]
public class CallBenchmarks : IDisposable
{
    /// <summary>Calls per invocation of the Wasm → host benchmarks.</summary>
    public const int LoopCalls = 1000;

    private const string Wat = """
        (module
          (import "host" "typed" (func $typed (param i32 i32) (result i32)))
          (import "host" "untyped" (func $untyped (param i32 i32) (result i32)))
          (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
          (func $loop (param $n i32) (param $which i32) (result i32)
            (local $acc i32)
            (loop $l
              (local.set $acc
                (if (result i32) (local.get $which)
                  (then (call $untyped (local.get $acc) (local.get $n)))
                  (else (call $typed (local.get $acc) (local.get $n)))))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (local.get $acc))
          (func (export "call_typed_host") (param i32) (result i32) (call $loop (local.get 0) (i32.const 0)))
          (func (export "call_untyped_host") (param i32) (result i32) (call $loop (local.get 0) (i32.const 1))))
        """;

    private Store _store = null!;
    private Func<int, int, int> _add = null!;
    private Func _addFunc = null!;
    private Func<int, int> _callTypedHost = null!;
    private Func<int, int> _callUntypedHost = null!;
    private readonly Value[] _args = [Value.I32(20), Value.I32(22)];
    private readonly Value[] _results = new Value[1];

    /// <summary>Compiles the module and binds the exports.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var engine = new Engine(Config.Default.UseCompiler(collectible: false));
        _store = new Store(engine);
        var linker = new Linker(engine)
            .DefineFunction("host", "typed", (int a, int b) => a + b)
            .DefineFunction("host", "untyped", new FuncType([ValType.I32, ValType.I32], [ValType.I32]),
                (Caller _, ReadOnlySpan<Value> args, Span<Value> results) => results[0] = Value.I32(args[0].AsI32() + args[1].AsI32()));
        Instance instance = linker.Instantiate(_store, Module.FromBytes(engine, Sharptime.Text.Wat.Parse(Wat)));
        _add = instance.GetFunction<int, int, int>("add");
        _addFunc = instance.GetFunction("add")!;
        _callTypedHost = instance.GetFunction<int, int>("call_typed_host");
        _callUntypedHost = instance.GetFunction<int, int>("call_untyped_host");
    }

    /// <summary>Releases the store.</summary>
    [GlobalCleanup]
    public void Dispose()
    {
        _store.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Host → Wasm through the typed wrapper.</summary>
    [Benchmark(Baseline = true)]
    public int HostToWasmTyped() => _add(20, 22);

    /// <summary>Host → Wasm through the untyped span API.</summary>
    [Benchmark]
    public int HostToWasmUntyped()
    {
        _addFunc.Call(_args, _results);
        return _results[0].AsI32();
    }

    /// <summary>Wasm → host, typed host function; the time is per call.</summary>
    [Benchmark(OperationsPerInvoke = LoopCalls)]
    public int WasmToHostTyped() => _callTypedHost(LoopCalls);

    /// <summary>Wasm → host, untyped <see cref="HostCallback"/>; the time is per call.</summary>
    [Benchmark(OperationsPerInvoke = LoopCalls)]
    public int WasmToHostUntyped() => _callUntypedHost(LoopCalls);
}
