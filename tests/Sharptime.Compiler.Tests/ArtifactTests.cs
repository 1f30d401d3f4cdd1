using System.Text;

namespace Sharptime.Compiler.Tests;

/// <summary>Pre-compiled artifacts: round trips, the compatibility stamp and bad input.</summary>
public sealed class ArtifactTests
{
    private const string Program = """
        (module
          (import "host" "add" (func $add (param i32 i32) (result i32)))
          (import "host" "log" (func $log (param i64 f64 i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "hello")
          (table 2 funcref)
          (elem (i32.const 0) $double $fail)
          (type $unary (func (param i32) (result i32)))
          (func $double (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
          (func $fail (param i32) (result i32) (i32.div_u (local.get 0) (i32.const 0)))
          (func (export "run") (param i32) (result i32)
            (call $log (i64.const 5) (f64.const 1.5) (local.get 0))
            (call $add (call_indirect (type $unary) (local.get 0) (i32.const 0)) (i32.load8_u (i32.const 16))))
          (func (export "trap") (param i32) (result i32)
            (call_indirect (type $unary) (local.get 0) (i32.const 1))))
        """;

    private static byte[] Artifact(Engine engine, string wat = Program) => engine.PrecompileModule(Sharptime.Text.Wat.Parse(wat));

    private static Instance Instantiate(Engine engine, Module module, List<string> log)
    {
        var linker = new Linker(engine);
        linker.DefineFunction("host", "add", (int a, int b) => a + b);
        linker.DefineFunction("host", "log", new FuncType([ValType.I64, ValType.F64, ValType.I32], []),
            (_, args, _) => log.Add($"{args[0].AsI64()} {args[1].AsF64()} {args[2].AsI32()}"));
        return linker.Instantiate(new Store(engine), module);
    }

    [Fact]
    public void A_deserialized_module_runs_like_the_compiled_one()
    {
        byte[] artifact = Artifact(Wasm.Engine);
        // Loading needs no code generator: an engine without one loads and runs the artifact.
        var runtimeOnly = new Engine(Config.Default);
        Module module = Module.Deserialize(runtimeOnly, artifact);
        var log = new List<string>();
        Instance instance = Instantiate(runtimeOnly, module, log);
        Assert.Equal(20 + 'h', instance.GetFunction<int, int>("run")(10));
        Assert.Equal([Value.I32(2 * 3 + 'h')], instance.GetFunction("run")!.Call(Value.I32(3)));
        Assert.Equal(["5 1.5 10", "5 1.5 3"], log);
        Assert.Equal(Encoding.ASCII.GetBytes("hello"), instance.GetMemory("memory")!.GetSpan(16, 5).ToArray());
    }

    [Fact]
    public void Traps_in_a_deserialized_module_have_a_wasm_backtrace()
    {
        const string Wat = """
            (module
              (func $inner (param i32) (result i32) (i32.div_s (i32.const 1) (local.get 0)))
              (func $outer (export "run") (param i32) (result i32) (call $inner (local.get 0))))
            """;
        Module module = Module.Deserialize(Wasm.Engine, Artifact(Wasm.Engine, Wat));
        Instance instance = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), module);
        TrapException trap = Wasm.Traps(() => instance.GetFunction<int, int>("run")(0));
        Assert.Equal(TrapCode.IntegerDivideByZero, trap.Code);
        Assert.Equal(["inner", "outer"], trap.Backtrace.Select(f => f.FunctionName));
        Assert.All(trap.Backtrace, f => Assert.NotNull(f.CodeOffset));
        // The artifact's (delta-encoded) offset map gives the same offsets as the in-memory one.
        Instance compiled = new Linker(Wasm.Engine).Instantiate(new Store(Wasm.Engine), Wasm.Compile(Wat));
        TrapException expected = Wasm.Traps(() => compiled.GetFunction<int, int>("run")(0));
        Assert.Equal(expected.Backtrace.Select(f => f.CodeOffset), trap.Backtrace.Select(f => f.CodeOffset));
    }

    [Fact]
    public void Serialize_and_deserialize_file_round_trip()
    {
        Module compiled = Wasm.Compile(Program);
        string path = Path.Combine(Path.GetTempPath(), $"sharptime-artifact-{Guid.NewGuid():N}.cwasm");
        try
        {
            File.WriteAllBytes(path, compiled.Serialize());
            Module loaded = Module.DeserializeFile(Wasm.Engine, path);
            Assert.Equal(compiled.Exports.Select(e => e.ToString()), loaded.Exports.Select(e => e.ToString()));
            var log = new List<string>();
            Assert.Equal(8 + 'h', Instantiate(Wasm.Engine, loaded, log).GetFunction<int, int>("run")(4));
            // A loaded module serializes to the artifact it came from.
            Assert.Equal(File.ReadAllBytes(path), loaded.Serialize());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_same_module_and_settings_give_the_same_artifact()
    {
        Assert.Equal(Artifact(Wasm.Engine), Artifact(Wasm.Engine));
    }

    [Fact]
    public void A_different_proposal_set_is_rejected_with_both_values()
    {
        var other = new Engine(Config.Default.UseCompiler() with { Features = WasmFeatures.All });
        WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(other, Artifact(Wasm.Engine)));
        Assert.Contains("setting \"features\"", e.Message, StringComparison.Ordinal);
        Assert.Contains($"is {WasmFeatures.Wasm3} in the artifact and {WasmFeatures.All} in this engine", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("consume-fuel")]
    [InlineData("epoch-interruption")]
    public void A_different_code_setting_is_rejected_with_both_values(string setting)
    {
        Config changed = setting == "consume-fuel" ? Wasm.Engine.Config with { ConsumeFuel = true } : Wasm.Engine.Config with { EpochInterruption = true };
        var other = new Engine(changed);
        WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(other, Artifact(Wasm.Engine)));
        Assert.Contains($"setting \"{setting}\" is n in the artifact and y in this engine", e.Message, StringComparison.Ordinal);
        // And the other way round: code with the checks does not load where they are off.
        e = Assert.Throws<WasmException>(() => Module.Deserialize(Wasm.Engine, Artifact(other)));
        Assert.Contains($"setting \"{setting}\" is y in the artifact and n in this engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuel_is_consumed_by_deserialized_code()
    {
        var engine = new Engine(Wasm.Engine.Config with { ConsumeFuel = true });
        Module module = Module.Deserialize(engine, Artifact(engine, "(module (func (export \"spin\") (loop (br 0))))"));
        var store = new Store(engine);
        store.SetFuel(10_000);
        Instance instance = new Linker(engine).Instantiate(store, module);
        Assert.Equal(TrapCode.OutOfFuel, Wasm.Traps(() => instance.GetAction("spin")()).Code);
    }

    [Theory]
    [InlineData("abi-version")]
    [InlineData("sharptime-version")]
    public void A_different_version_is_rejected_with_both_values(string setting)
    {
        byte[] artifact = Artifact(Wasm.Engine);
        string value = setting == "abi-version"
            ? Abi.AbiVersion.Current.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : typeof(Engine).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
                .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        // Same length, so the payload stays well formed: only the value differs.
        string changed = value[..^1] + (value[^1] == '9' ? '8' : '9');
        Replace(artifact, Encoding.UTF8.GetBytes(value), Encoding.UTF8.GetBytes(changed), after: Encoding.UTF8.GetBytes(setting));
        WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(Wasm.Engine, artifact));
        Assert.Contains($"setting \"{setting}\" is {changed} in the artifact and {value} in this engine", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_different_format_version_is_rejected()
    {
        byte[] artifact = Artifact(Wasm.Engine);
        int at = IndexOf(artifact, "SHRPTART"u8.ToArray(), 0) + 8;
        artifact[at] = 99;
        WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(Wasm.Engine, artifact));
        Assert.Contains($"setting \"format-version\" is 99 in the artifact and {Artifacts.ArtifactFormat.FormatVersion} in this runtime", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_an_artifact_are_rejected_clearly()
    {
        byte[] wasm = Sharptime.Text.Wat.Parse("(module)");
        byte[] artifact = Artifact(Wasm.Engine);
        byte[] otherAssembly = File.ReadAllBytes(typeof(Engine).Assembly.Location);
        // Half of the PE image (the memory image after it is no part of what makes an artifact).
        var headers = new System.Reflection.PortableExecutable.PEHeaders(new MemoryStream(artifact));
        int peEnd = headers.SectionHeaders.Max(h => h.PointerToRawData + h.SizeOfRawData);
        foreach (byte[] bytes in new[] { [], wasm, "MZ not a PE"u8.ToArray(), otherAssembly, artifact[..(peEnd / 2)], artifact[..300] })
        {
            WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(Wasm.Engine, bytes));
            Assert.Contains("is not a Sharptime artifact", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_artifact_whose_code_is_damaged_is_rejected_clearly()
    {
        byte[] artifact = Artifact(Wasm.Engine);
        // The metadata's signature: the stamp and payload still read well, the runtime refuses the code.
        artifact[IndexOf(artifact, "BSJB"u8.ToArray(), 0)] = (byte)'X';
        WasmException e = Assert.Throws<WasmException>(() => Module.Deserialize(Wasm.Engine, artifact));
        Assert.Contains("is not a Sharptime artifact", e.Message, StringComparison.Ordinal);
        Assert.Contains("damaged", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Damaged_payloads_never_crash()
    {
        byte[] artifact = Artifact(Wasm.Engine);
        int payload = IndexOf(artifact, "SHRPTART"u8.ToArray(), 0);
        var random = new Random(7);
        for (int i = 0; i < 200; i++)
        {
            byte[] damaged = (byte[])artifact.Clone();
            damaged[payload + random.Next(12, 200)] ^= (byte)(1 + random.Next(255));
            try
            {
                Module.Deserialize(Wasm.Engine, damaged);
            }
            catch (WasmException)
            {
                // A clear error is what we want; loading an equivalent stamp is also fine.
            }
        }
    }

    [Fact]
    public void An_engine_without_a_compiler_cannot_precompile_and_says_how()
    {
        WasmException e = Assert.Throws<WasmException>(() => new Engine(Config.Default).PrecompileModule(Sharptime.Text.Wat.Parse("(module)")));
        Assert.Contains("UseCompiler()", e.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// An artifact ends with its module's memory image, 64 KiB-aligned after the PE image, so that a
    /// module loaded with DeserializeFile maps the image straight from the file (copy-on-write) instead
    /// of copying it into a memfd. Each instance writes privately; an artifact whose image footer is
    /// gone still loads and copies its data.
    /// </summary>
    [Theory]
    [InlineData("on-demand")]
    [InlineData("pooling")]
    public void A_deserialized_file_maps_its_memory_image_from_the_file(string allocation)
    {
        Config config = Wasm.Engine.Config;
        if (allocation == "pooling")
        {
            config = config with { AllocationStrategy = InstanceAllocationStrategy.Pooling(new PoolingAllocationConfig { TotalMemories = 2, TotalTables = 2, MaxMemorySize = 1 << 20 }) };
        }
        var engine = new Engine(config);
        const string Wat = """
            (module
              (memory (export "mem") 2)
              (data (i32.const 70000) "image")
              (func (export "peek") (result i32) (i32.load8_u (i32.const 70000)))
              (func (export "poke") (i32.store8 (i32.const 70000) (i32.const 33))))
            """;
        byte[] artifact = engine.PrecompileModule(Sharptime.Text.Wat.Parse(Wat));
        Assert.True(artifact.AsSpan(artifact.Length - 8).SequenceEqual("SHRPTIMG"u8), "the artifact does not end with a memory image footer");
        string path = Path.Combine(Path.GetTempPath(), $"sharptime-image-{Guid.NewGuid():N}.cwasm");
        string truncated = path + ".no-image.cwasm";
        try
        {
            File.WriteAllBytes(path, artifact);
            File.WriteAllBytes(truncated, artifact.AsSpan(0, artifact.Length - Artifacts.ArtifactFormat.ImageFooterSize).ToArray());
            Module module = Module.DeserializeFile(engine, path);
            using (var first = new Store(engine))
            using (var second = new Store(engine))
            {
                Instance a = new Linker(engine).Instantiate(first, module);
                Assert.True(module.Compiled.Layout.Image!.MapsFile);
                if (OperatingSystem.IsLinux()) Assert.Contains(Path.GetFullPath(path), File.ReadAllText("/proc/self/maps"), StringComparison.Ordinal);
                Assert.Equal((int)'i', a.GetFunction<int>("peek")());
                a.GetAction("poke")();
                Assert.Equal(33, a.GetFunction<int>("peek")());
                Instance b = new Linker(engine).Instantiate(second, module);
                Assert.Equal((int)'i', b.GetFunction<int>("peek")());
                Assert.Equal("image"u8.ToArray(), b.GetMemory("mem")!.GetSpan(70000, 5).ToArray());
            }
            Assert.Equal(artifact, File.ReadAllBytes(path));

            Module copied = Module.DeserializeFile(engine, truncated);
            using var store = new Store(engine);
            Instance c = new Linker(engine).Instantiate(store, copied);
            Assert.False(copied.Compiled.Layout.Image!.MapsFile);
            Assert.Equal((int)'i', c.GetFunction<int>("peek")());
        }
        finally
        {
            File.Delete(path);
            File.Delete(truncated);
        }
    }

    private static void Replace(byte[] bytes, byte[] value, byte[] replacement, byte[] after)
    {
        int key = IndexOf(bytes, after, 0);
        int at = IndexOf(bytes, value, key + after.Length);
        replacement.CopyTo(bytes, at);
    }

    private static int IndexOf(byte[] bytes, byte[] value, int from)
    {
        int at = bytes.AsSpan(from).IndexOf(value);
        Assert.True(at >= 0, "pattern not found");
        return from + at;
    }
}
