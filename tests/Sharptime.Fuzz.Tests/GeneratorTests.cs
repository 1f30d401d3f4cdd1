namespace Sharptime.Fuzz.Tests;

public sealed class GeneratorTests
{
    [Fact]
    public void Own_generator_is_reproducible_and_valid()
    {
        var engine = new Engine(new Config { Features = WasmFeatures.Wasm3 | WasmFeatures.LegacyExceptions });
        for (ulong seed = 1; seed <= 20; seed++)
        {
            string legacy = OwnGenerator.Generate(seed, EhStyle.Legacy);
            Assert.Equal(legacy, OwnGenerator.Generate(seed, EhStyle.Legacy));
            Module.Validate(engine, Sharptime.Text.Wat.Parse(legacy));
            Module.Validate(engine, Sharptime.Text.Wat.Parse(OwnGenerator.Generate(seed, EhStyle.TryTable)));
        }
    }

    [Fact]
    public void Float_simd_results_that_may_be_nan_get_fixed_nan_lanes_and_selects_do_not()
    {
        int wrapped = 0, selects = 0;
        for (ulong seed = 1; seed <= 40; seed++)
        {
            string text = OwnGenerator.Generate(seed, EhStyle.Legacy);
            foreach (string op in new[] { "f32x4.max", "f32x4.sqrt", "f64x2.min", "f64x2.add", "f32x4.demote_f64x2_zero" })
            {
                int count = text.Split("(" + op + " ").Length - 1;
                Assert.Equal(count, text.Split("(local.tee $nan (" + op + " ").Length - 1);
                wrapped += count;
            }
            selects += text.Split("(f32x4.pmax ").Length - 1;
            Assert.DoesNotContain("(local.tee $nan (f32x4.pmax ", text);
        }
        Assert.True(wrapped > 0 && selects > 0);
    }

    [Fact]
    public void Canonical_nan_rendering_is_the_same_module_with_every_scalar_nan_made_canonical()
    {
        var engine = new Engine(new Config { Features = WasmFeatures.Wasm3 | WasmFeatures.LegacyExceptions });
        int wrapped = 0;
        for (ulong seed = 1; seed <= 40; seed++)
        {
            string plain = OwnGenerator.Generate(seed, EhStyle.Legacy);
            string canonical = OwnGenerator.Generate(seed, EhStyle.Legacy, canonicalNaNs: true);
            Assert.DoesNotContain("$nan32", plain);
            Module.Validate(engine, Sharptime.Text.Wat.Parse(canonical));
            foreach (string op in new[] { "f32.add", "f32.mul", "f32.sqrt", "f32.demote_f64", "f64.div", "f64.max", "f64.nearest", "f64.promote_f32" })
            {
                int count = plain.Split("(" + op + " ").Length - 1;
                string local = op.StartsWith("f32", StringComparison.Ordinal) ? "$nan32" : "$nan64";
                Assert.Equal(count, canonical.Split($"(local.tee {local} ({op} ").Length - 1);
                wrapped += count;
            }
            // Bit operations keep their operand's NaN exactly: nothing to make canonical.
            Assert.DoesNotContain("(local.tee $nan32 (f32.copysign ", canonical);
            Assert.DoesNotContain("(local.tee $nan64 (f64.neg ", canonical);
        }
        Assert.True(wrapped > 0);
    }

    [Fact]
    public void Known_causes_are_recognized_in_reachable_code()
    {
        const string module = """
            (module
             (export "a" (func $a))
             (export "b" (func $b))
             (func $a (result f32) (f32.reinterpret_i32 (i32.load16_u (i32.const 0))))
             (func $b (param i32) (result i32) (if (result i32) (i32.eqz (i32.rotl (local.get 0) (i32.const 3))) (i32.const 1) (i32.const 2))))
            """;
        Assert.Equal(Triage.ReinterpretNarrowLoad, Triage.Classify(module, "a", hwIntrinsics: true));
        Assert.Equal(Triage.RotateConstFlags, Triage.Classify(module, "b", hwIntrinsics: true));
    }

    [Theory]
    [InlineData(0x7fc00000u, "nan:0x400000")]
    [InlineData(0xff800000u, "-inf")]
    [InlineData(0x80000000u, "-0")]
    public void Float_constants_keep_their_bits(uint bits, string text) => Assert.Equal(text, OwnGenerator.F32Text(bits));
}
