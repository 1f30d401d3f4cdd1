namespace Sharptime.Compiler.Tests;

/// <summary>Modules far larger than the CLR's limits on one type: the compiler splits them.</summary>
public sealed class ScaleTests
{
    private const int Functions = 200_000;

    /// <summary>
    /// 200,000 functions () -> i32 returning <c>i * 3</c>, all in a table; "call" calls one through the
    /// table, "direct" adds the first and the last through direct calls.
    /// </summary>
    private static byte[] ManyFunctions()
    {
        var m = new List<byte>("\0asm"u8.ToArray()) { 1, 0, 0, 0 };
        Section(m, 1, s =>
        {
            Leb(s, 2);
            s.AddRange([0x60, 0, 1, 0x7f]); // type 0: () -> i32
            s.AddRange([0x60, 1, 0x7f, 1, 0x7f]); // type 1: (i32) -> i32
        });
        Section(m, 3, s =>
        {
            Leb(s, Functions + 2);
            for (int i = 0; i < Functions; i++) s.Add(0);
            s.Add(1);
            s.Add(0);
        });
        Section(m, 4, s =>
        {
            s.AddRange([1, 0x70, 0]);
            Leb(s, Functions);
        });
        Section(m, 7, s =>
        {
            Leb(s, 2);
            Name(s, "call");
            s.Add(0);
            Leb(s, Functions);
            Name(s, "direct");
            s.Add(0);
            Leb(s, Functions + 1);
        });
        Section(m, 9, s =>
        {
            s.AddRange([1, 0, 0x41, 0, 0x0b]); // active, table 0, offset i32.const 0
            Leb(s, Functions);
            for (int i = 0; i < Functions; i++) Leb(s, i);
        });
        Section(m, 10, s =>
        {
            Leb(s, Functions + 2);
            var body = new List<byte>();
            for (int i = 0; i < Functions; i++)
            {
                body.Clear();
                body.AddRange([0, 0x41]);
                SLeb(body, i * 3);
                body.Add(0x0b);
                Leb(s, body.Count);
                s.AddRange(body);
            }
            // call: local.get 0; call_indirect (type 0) (table 0)
            s.AddRange([7, 0, 0x20, 0, 0x11, 0, 0, 0x0b]);
            body.Clear();
            body.AddRange([0, 0x10, 0]); // call 0
            body.Add(0x10);
            Leb(body, Functions - 1); // call N-1
            body.AddRange([0x6a, 0x0b]); // i32.add end
            Leb(s, body.Count);
            s.AddRange(body);
        });
        return [.. m];
    }

    [Fact]
    public void A_module_with_200000_functions_compiles_and_runs()
    {
        Module module = Module.FromBytes(Wasm.Engine, ManyFunctions());
        Instance instance = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), module);
        Func<int, int> call = instance.GetFunction<int, int>("call");
        foreach (int i in new[] { 0, 1, 8191, 8192, 65535, 65536, 123_456, Functions - 1 }) Assert.Equal(i * 3, call(i));
        Assert.Equal((Functions - 1) * 3, instance.GetFunction<int>("direct")());
        Assert.Equal(TrapCode.UndefinedElement, Wasm.Traps(() => call(Functions)).Code);
    }

    /// <summary>
    /// Functions compile on all cores, and the helpers their bodies call (float, integer and
    /// conversion helpers, chosen per function) become metadata references in whatever order the
    /// threads reach them; the image writes them in function order, so an artifact is reproducible.
    /// </summary>
    [Fact]
    public void An_artifact_compiled_on_all_cores_is_the_same_every_time()
    {
        const int count = 40_000;
        byte[][] bodies =
        [
            [0x41, 0x07, 0x0b], // i32.const 7
            [0x43, 0, 0, 0x10, 0x41, 0x91, 0xfc, 0x00, 0x0b], // f32.const 9; f32.sqrt; i32.trunc_sat_f32_s
            [0x42, 0xff, 0x00, 0x7b, 0xa7, 0x0b], // i64.const 127; i64.popcnt; i32.wrap_i64
            [0x41, 0x2a, 0x41, 0x03, 0x6d, 0x0b], // i32.const 42; i32.const 3; i32.div_s
            [0x44, 0, 0, 0, 0, 0, 0, 0x04, 0x40, 0x9e, 0xfc, 0x03, 0x0b], // f64.const 2.5; f64.nearest; i32.trunc_sat_f64_u
        ];
        var m = new List<byte>("\0asm"u8.ToArray()) { 1, 0, 0, 0 };
        Section(m, 1, s => s.AddRange([1, 0x60, 0, 1, 0x7f]));
        Section(m, 3, s =>
        {
            Leb(s, count);
            for (int i = 0; i < count; i++) s.Add(0);
        });
        Section(m, 7, s =>
        {
            Leb(s, 1);
            Name(s, "last");
            s.Add(0);
            Leb(s, count - 1);
        });
        Section(m, 10, s =>
        {
            Leb(s, count);
            for (int i = 0; i < count; i++)
            {
                byte[] body = bodies[(i * 7 + i / 1000) % bodies.Length];
                Leb(s, body.Length + 1);
                s.Add(0);
                s.AddRange(body);
            }
        });
        byte[] wasm = [.. m];
        byte[] first = Wasm.Engine.PrecompileModule(wasm);
        for (int run = 0; run < 3; run++) Assert.Equal(first, Wasm.Engine.PrecompileModule(wasm));
        Module module = Module.Deserialize(Wasm.Engine, first);
        Instance instance = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), module);
        // Function 39,999 has body (39,999 * 7 + 39) % 5 = 2: popcnt(127) = 7.
        Assert.Equal(7, instance.GetFunction<int>("last")());
    }

    private static void Section(List<byte> module, byte id, Action<List<byte>> write)
    {
        var content = new List<byte>();
        write(content);
        module.Add(id);
        Leb(module, content.Count);
        module.AddRange(content);
    }

    private static void Name(List<byte> s, string name)
    {
        Leb(s, name.Length);
        foreach (char c in name) s.Add((byte)c);
    }

    private static void Leb(List<byte> s, int value)
    {
        uint v = (uint)value;
        do
        {
            byte b = (byte)(v & 0x7f);
            v >>= 7;
            s.Add(v != 0 ? (byte)(b | 0x80) : b);
        }
        while (v != 0);
    }

    private static void SLeb(List<byte> s, int value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7f);
            value >>= 7;
            if ((value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0))
            {
                s.Add(b);
                return;
            }
            s.Add((byte)(b | 0x80));
        }
    }
}
