// The embedding guide (docs/embedding.md) as a program. Each section prints what it shows; the test
// EmbeddingSampleTests runs it and checks those lines.
using Sharptime;
using Sharptime.Compiler;
using Sharptime.Text;

var engine = new Engine(Config.Default.UseCompiler() with { ConsumeFuel = true, EpochInterruption = true });
Module module = Module.FromBytes(engine, Wat.Parse("""
    (module
      (import "env" "log" (func $log (param i32)))
      (import "env" "fetch" (func $fetch (param i32) (result i32)))
      (memory (export "memory") 1 16)
      (func (export "add") (param i32 i32) (result i32)
        (call $log (local.get 0))
        (i32.add (local.get 0) (local.get 1)))
      ;; Counts the bytes 'a', 'e', 'i', 'o' and 'u' in memory[ptr, ptr + len).
      (func (export "vowels") (param $ptr i32) (param $len i32) (result i32) (local $n i32) (local $c i32)
        (block $done
          (loop $next
            (br_if $done (i32.eqz (local.get $len)))
            (local.set $c (i32.load8_u (local.get $ptr)))
            (local.set $n (i32.add (local.get $n)
              (i32.or (i32.or (i32.eq (local.get $c) (i32.const 97)) (i32.eq (local.get $c) (i32.const 101)))
                (i32.or (i32.or (i32.eq (local.get $c) (i32.const 105)) (i32.eq (local.get $c) (i32.const 111)))
                  (i32.eq (local.get $c) (i32.const 117))))))
            (local.set $ptr (i32.add (local.get $ptr) (i32.const 1)))
            (local.set $len (i32.sub (local.get $len) (i32.const 1)))
            (br $next)))
        (local.get $n))
      (func (export "spin") (loop $forever (br $forever)))
      (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
      (func (export "fetch_twice") (param i32) (result i32)
        (i32.add (call $fetch (local.get 0)) (call $fetch (local.get 0)))))
    """));

var linker = new Linker(engine);
linker.DefineFunction("env", "log", (Caller caller, int x) => Console.WriteLine($"guest logged {x}"));
linker.DefineFunctionAsync("env", "fetch", async (Caller caller, int key, CancellationToken cancellationToken) =>
{
    await Task.Delay(10, cancellationToken);   // stands for a network or database call
    return key * 10;
});
// Resolved and type-checked once; each request gets a fresh instance in its own store.
InstancePre pre = linker.InstantiatePre(module);

// Host functions and typed calls.
using (var store = new Store(engine))
{
    store.SetFuel(1_000_000);
    store.SetEpochDeadline(1);
    Instance instance = pre.Instantiate(store);
    Console.WriteLine($"add(1, 2) = {instance.GetFunction<int, int, int>("add")(1, 2)}");

    // Memory and strings: the host writes a string where the guest reads it.
    Memory memory = instance.GetMemory("memory")!;
    int length = memory.WriteString(64, "WebAssembly in a sandbox", StringEncoding.Utf8);
    Console.WriteLine($"vowels = {instance.GetFunction<int, int, int>("vowels")(64, length)}");
}

// Fuel: a guest that never stops runs out.
using (var store = new Store(engine))
{
    store.SetFuel(100_000);
    store.SetEpochDeadline(1);
    Instance instance = pre.Instantiate(store);
    try
    {
        instance.GetAction("spin")();
    }
    catch (TrapException e)
    {
        Console.WriteLine($"spin with fuel: {e.Code}: {e.Message.Split('\n')[0]}");
    }
}

// Epochs: a timer thread ticks the engine's epoch; the guest traps at the deadline.
using (var store = new Store(engine))
{
    store.SetFuel(ulong.MaxValue);
    store.SetEpochDeadline(2);
    Instance instance = pre.Instantiate(store);
    using var ticker = new Timer(_ => engine.IncrementEpoch(), null, 10, 10);
    try
    {
        instance.GetAction("spin")();
    }
    catch (TrapException e)
    {
        Console.WriteLine($"spin with a deadline of 2 ticks: {e.Code}");
    }
}

// Limits: the store refuses memory past 1 MiB; memory.grow returns -1.
using (var store = new Store(engine))
{
    store.SetFuel(1_000_000);
    store.SetEpochDeadline(1);
    store.SetLimits(new StoreLimits { MemorySize = 1 << 20 });
    Instance instance = pre.Instantiate(store);
    Func<int, int> grow = instance.GetFunction<int, int>("grow");
    Console.WriteLine($"grow by 4 pages: {grow(4)}; by 100 more: {grow(100)}");
}

// Async host functions: the guest runs on a thread of its own while this one awaits.
using (var store = new Store(engine))
{
    store.SetFuel(1_000_000);
    store.SetEpochDeadline(1);
    Instance instance = pre.Instantiate(store);
    Value[] results = await instance.GetFunction("fetch_twice")!.CallAsync([Value.I32(4)]);
    Console.WriteLine($"fetch_twice(4) = {results[0].AsI32()}");
}
