using Sharptime.Text;

namespace Sharptime.Tests;

/// <summary>
/// Async host functions and async calls (<see cref="Linker.DefineFunctionAsync(string, string, FuncType, AsyncHostCallback)"/>,
/// <see cref="Func.CallAsync(Value[], CancellationToken)"/>) for an engine of the derived class: interpreted here
/// (<see cref="InterpretedAsyncHostFunctionTests"/>); Sharptime.Compiler.Tests links this file and runs them compiled.
/// </summary>
public abstract class AsyncHostFunctionTests
{
    private const string Doubler = """
        (module
          (import "env" "double" (func $double (param i32) (result i32)))
          (func (export "run") (param i32) (result i32)
            (i32.add (call $double (local.get 0)) (i32.const 1))))
        """;

    /// <summary>The engine settings the tests run with.</summary>
    protected abstract Config Configure(Config config);

    private Engine NewEngine(bool epochs = false) => new(Configure(Config.Default with { EpochInterruption = epochs }));

    private static Instance Instantiate(Linker linker, string wat, Store? store = null) =>
        linker.Instantiate(store ?? new Store(linker.Engine), Module.FromBytes(linker.Engine, Wat.Parse(wat)));

    [Fact]
    public async Task A_guest_gets_the_result_of_an_async_host_function_that_awaits()
    {
        // The example of docs/embedding.md, "Async host functions".
        var engine = NewEngine();
        var linker = new Linker(engine);
        linker.DefineFunctionAsync("env", "double", async (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            await Task.Delay(10, cancellationToken);
            return 2 * x;
        });
        using var store = new Store(engine);
        Module module = Module.FromBytes(engine, Wat.Parse(Doubler));
        Instance instance = linker.Instantiate(store, module);
        Value[] results = await instance.GetFunction("run")!.CallAsync([Value.I32(20)]);
        Assert.Equal(41, results[0].AsI32());
    }

    [Fact]
    public async Task A_task_completed_later_by_the_test_resumes_the_guest_which_sees_what_the_host_wrote()
    {
        var entered = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "fetch", new FuncType([ValType.I32], [ValType.I32]), async (caller, args, results, cancellationToken) =>
        {
            entered.SetResult(args.Span[0].AsI32());
            int value = await reply.Task;
            // The caller stays usable after an await: the guest is blocked, not gone.
            caller.GetMemory("memory")!.WriteInt32(0, value);
            results.Span[0] = Value.I32(value + 1);
        });
        Instance instance = Instantiate(linker, """
            (module
              (import "env" "fetch" (func $fetch (param i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "run") (result i32)
                (i32.add (call $fetch (i32.const 7)) (i32.load (i32.const 0)))))
            """);
        Task<Value[]> call = instance.GetFunction("run")!.CallAsync([]);
        Assert.Equal(7, await entered.Task);
        Assert.False(call.IsCompleted);
        reply.SetResult(100);
        Assert.Equal(201, (await call)[0].AsI32());
    }

    [Fact]
    public async Task Many_concurrent_calls_on_different_stores_all_complete()
    {
        var engine = NewEngine();
        var linker = new Linker(engine);
        linker.DefineFunctionAsync("env", "double", async (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            await Task.Delay(x % 5, cancellationToken);
            return 2 * x;
        });
        Module module = Module.FromBytes(engine, Wat.Parse(Doubler));
        var calls = new List<Task<Value[]>>();
        for (int i = 0; i < 32; i++)
        {
            Instance instance = linker.Instantiate(new Store(engine), module);
            calls.Add(instance.GetFunction("run")!.CallAsync([Value.I32(i)]));
        }
        Value[][] results = await Task.WhenAll(calls);
        for (int i = 0; i < results.Length; i++) Assert.Equal(2 * i + 1, results[i][0].AsI32());
    }

    [Fact]
    public async Task Typed_async_host_functions_take_several_parameters_and_return_a_tuple()
    {
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "divmod", async (Caller caller, int a, long b, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            return (a / (int)b, (long)(a % b));
        });
        int seen = 0;
        linker.DefineFunctionAsync("env", "note", async (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            seen = x;
        });
        Instance instance = Instantiate(linker, """
            (module
              (import "env" "divmod" (func $divmod (param i32 i64) (result i32 i64)))
              (import "env" "note" (func $note (param i32)))
              (func (export "run") (result i32 i64)
                (call $note (i32.const 5))
                (call $divmod (i32.const 17) (i64.const 5))))
            """);
        Value[] results = await instance.GetFunction("run")!.CallAsync([]);
        Assert.Equal(3, results[0].AsI32());
        Assert.Equal(2L, results[1].AsI64());
        Assert.Equal(5, seen);
    }

    [Fact]
    public async Task An_exception_of_an_async_host_function_faults_the_task_with_that_exception()
    {
        var linker = new Linker(NewEngine());
        // A lambda that only throws needs its return type, or it defines a function with no result.
        linker.DefineFunctionAsync("env", "double", async Task<int> (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            if (x > 0) throw new InvalidOperationException("boom");
            throw new TrapException(TrapCode.Unreachable, "host trap");
        });
        Func run = Instantiate(linker, Doubler).GetFunction("run")!;
        Assert.Equal("boom", (await Assert.ThrowsAsync<InvalidOperationException>(() => run.CallAsync([Value.I32(1)]))).Message);
        TrapException trap = await Assert.ThrowsAsync<TrapException>(() => run.CallAsync([Value.I32(-1)]));
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        Assert.Contains("host trap", trap.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guest_trap_after_an_async_host_function_faults_the_task_with_the_trap()
    {
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "wait", async (Caller caller, CancellationToken cancellationToken) => await Task.Yield());
        Func run = Instantiate(linker, """
            (module
              (import "env" "wait" (func $wait))
              (func (export "run") (call $wait) (unreachable)))
            """).GetFunction("run")!;
        Assert.Equal(TrapCode.Unreachable, (await Assert.ThrowsAsync<TrapException>(() => run.CallAsync([]))).Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(256 * 1024ul)]
    public async Task Deep_recursion_in_async_calls_one_after_the_other_traps_with_stack_overflow(ulong? maxWasmStack)
    {
        var engine = new Engine(Configure(Config.Default with { MaxWasmStack = maxWasmStack }));
        Func run = Instantiate(new Linker(engine), "(module (func $f (export \"run\") (call $f)))").GetFunction("run")!;
        // Each call has a new thread, which may reuse the managed id of the last one but not its stack.
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(TrapCode.StackOverflow, (await Assert.ThrowsAsync<TrapException>(() => run.CallAsync([]))).Code);
        }
    }

    [Fact]
    public async Task Canceling_interrupts_a_guest_in_an_infinite_loop_and_the_store_runs_again_afterwards()
    {
        var engine = NewEngine(epochs: true);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var linker = new Linker(engine);
        linker.DefineFunction("env", "started", () => { started.TrySetResult(); });
        using var store = new Store(engine);
        store.SetEpochDeadline(ulong.MaxValue);
        Instance instance = Instantiate(linker, """
            (module
              (import "env" "started" (func $started))
              (func (export "spin") (call $started) (loop $l (br $l)))
              (func (export "answer") (result i32) (i32.const 42)))
            """, store);
        using var cancellation = new CancellationTokenSource();
        Task<Value[]> spin = instance.GetFunction("spin")!.CallAsync([], cancellation.Token);
        await started.Task;
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => spin);
        Assert.True(spin.IsCanceled);
        Assert.Equal(42, (await instance.GetFunction("answer")!.CallAsync([]))[0].AsI32());
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Fact]
    public async Task Canceling_reaches_the_host_function_through_its_token()
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "double", async (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return x;
        });
        Func run = Instantiate(linker, Doubler).GetFunction("run")!;
        using var cancellation = new CancellationTokenSource();
        Task<Value[]> call = run.CallAsync([Value.I32(1)], cancellation.Token);
        await started.Task;
        await cancellation.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(call.IsCanceled);
        Assert.True(run.CallAsync([Value.I32(1)], cancellation.Token).IsCanceled);
    }

    [Fact]
    public void A_sync_call_that_reaches_an_async_host_function_says_what_to_use_instead()
    {
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "double", (Caller caller, int x, CancellationToken cancellationToken) => Task.FromResult(2 * x));
        Instance instance = Instantiate(linker, Doubler);
        var e = Assert.Throws<InvalidOperationException>(() => instance.GetFunction<int, int>("run")(1));
        Assert.Contains("cannot call the async host function env::double from a synchronous call", e.Message, StringComparison.Ordinal);
        Assert.Contains("Func.CallAsync", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Instantiate_async_lets_the_start_function_call_an_async_host_function()
    {
        var engine = NewEngine();
        var linker = new Linker(engine);
        linker.DefineFunctionAsync("env", "seed", async (Caller caller, CancellationToken cancellationToken) =>
        {
            await Task.Yield();
            return 9;
        });
        Module module = Module.FromBytes(engine, Wat.Parse("""
            (module
              (import "env" "seed" (func $seed (result i32)))
              (global $g (export "g") (mut i32) (i32.const 0))
              (func $start (global.set $g (call $seed)))
              (start $start))
            """));
        Assert.Throws<InvalidOperationException>(() => linker.Instantiate(new Store(engine), module));
        Instance instance = await linker.InstantiateAsync(new Store(engine), module);
        Assert.Equal(9, ((Global)instance.GetExport("g")!).Value.AsI32());
    }

    [Fact]
    public async Task A_store_waiting_in_an_async_host_function_rejects_calls_from_other_threads()
    {
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reply = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var linker = new Linker(NewEngine());
        linker.DefineFunctionAsync("env", "double", async (Caller caller, int x, CancellationToken cancellationToken) =>
        {
            entered.SetResult();
            return await reply.Task;
        });
        Func run = Instantiate(linker, Doubler).GetFunction("run")!;
        Task<Value[]> first = run.CallAsync([Value.I32(1)]);
        await entered.Task;
        var second = await Assert.ThrowsAsync<WasmException>(() => run.CallAsync([Value.I32(2)]));
        Assert.Contains("the store is in use by another thread", second.Message, StringComparison.Ordinal);
        Assert.Throws<WasmException>(() => run.Call(Value.I32(3)));
        reply.SetResult(4);
        Assert.Equal(5, (await first)[0].AsI32());
    }
}
