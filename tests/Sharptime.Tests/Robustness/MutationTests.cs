using Sharptime.Text;
using Sharptime.Text.Parsing;
using Sharptime.Text.Scripts;

namespace Sharptime.Tests.Robustness;

/// <summary>
/// Thousands of mutated modules (bit flips, truncations, LEB128 edge values, huge counts, spliced
/// ranges) go through decode and validate; only the documented exceptions may come out, and every
/// case must finish. The seeds are a few modules written here plus, when the spec testsuite is
/// present, the valid modules of its scripts.
/// </summary>
public sealed class MutationTests
{
    private const int MutationsPerSeed = 600;
    private const int MutationsPerSpecSeed = 12;
    private const int MaxSpecSeedsPerFile = 4;

    [Fact]
    public async Task Mutated_modules_only_raise_documented_exceptions()
    {
        List<(string Name, byte[] Bytes)> seeds = Seeds();
        var engine = new Engine(Config.Default with { Features = WasmFeatures.All });
        var failures = new List<string>();
        int malformed = 0, invalid = 0, valid = 0;

        var work = Task.Run(() =>
        {
            var random = new Random(20261122);
            foreach ((string name, byte[] seed) in seeds)
            {
                int mutations = name.EndsWith(".wast", StringComparison.Ordinal) ? MutationsPerSpecSeed : MutationsPerSeed;
                for (int i = 0; i < mutations; i++)
                {
                    (byte[] mutant, string how) = Mutate(seed, random);
                    try
                    {
                        Module.FromBytes(engine, mutant);
                        valid++;
                    }
                    catch (MalformedModuleException)
                    {
                        malformed++;
                    }
                    catch (InvalidModuleException)
                    {
                        invalid++;
                    }
#pragma warning disable CA1031 // Any other exception is exactly what this test looks for.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        failures.Add($"{name} mutant {i} ({how}): {e.GetType().Name}: {e.Message}");
                    }
                }
            }
        });

        // A hang in the decoder or validator shows up as a TimeoutException here.
        await work.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.True(malformed + invalid + valid >= 1000, $"{seeds.Count} seeds, {malformed + invalid + valid} mutants");
        Assert.True(malformed > 0 && invalid > 0, $"mutations should reach both passes: {malformed} malformed, {invalid} invalid, {valid} valid");
    }

    private static (byte[] Mutant, string How) Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        int at = random.Next(8, Math.Max(9, bytes.Count));
        at = Math.Min(at, bytes.Count);
        switch (random.Next(7))
        {
            case 0:
            {
                int flips = random.Next(1, 4);
                for (int i = 0; i < flips && bytes.Count > 8; i++)
                {
                    int p = random.Next(8, bytes.Count);
                    bytes[p] ^= (byte)(1 << random.Next(8));
                }
                return ([.. bytes], "bit flips");
            }
            case 1:
                return ([.. bytes.Take(at)], $"truncated at {at}");
            case 2:
            {
                byte[] interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, 0x40, 0x0B, 0x41, 0xFC, 0xFD, 0xFB, 0xFE];
                if (at < bytes.Count) bytes[at] = interesting[random.Next(interesting.Length)];
                return ([.. bytes], $"interesting byte at {at}");
            }
            case 3:
            {
                byte[][] lebs = [[0xFF, 0xFF, 0xFF, 0xFF, 0x0F], [0x80, 0x80, 0x80, 0x80, 0x10], [0xFF, 0xFF, 0xFF, 0xFF, 0x7F],
                    [0x80, 0x80, 0x80, 0x80, 0x80, 0x00], [0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01]];
                byte[] leb = lebs[random.Next(lebs.Length)];
                int replace = Math.Min(random.Next(0, 3), bytes.Count - at);
                bytes.RemoveRange(at, replace);
                bytes.InsertRange(at, leb);
                return ([.. bytes], $"LEB128 edge value at {at}");
            }
            case 4:
            {
                int length = Math.Min(random.Next(1, 32), bytes.Count - at);
                bytes.RemoveRange(at, length);
                return ([.. bytes], $"deleted {length} at {at}");
            }
            case 5:
            {
                int from = random.Next(8, Math.Max(9, seed.Length));
                int length = Math.Min(random.Next(1, 64), seed.Length - from);
                if (length > 0) bytes.InsertRange(at, seed.AsSpan(from, length).ToArray());
                return ([.. bytes], $"spliced {length} from {from} at {at}");
            }
            default:
            {
                var noise = new byte[random.Next(1, 16)];
                random.NextBytes(noise);
                bytes.InsertRange(at, noise);
                return ([.. bytes], $"inserted {noise.Length} random bytes at {at}");
            }
        }
    }

    private static List<(string, byte[])> Seeds()
    {
        var seeds = new List<(string, byte[])>();
        foreach ((string name, string text) in SeedTexts) seeds.Add((name, Wat.Parse(text, name)));
        string? suite = SpecTestsuite();
        if (suite is null) return seeds;
        var engine = new Engine(Config.Default with { Features = WasmFeatures.All });
        foreach (string file in Directory.EnumerateFiles(suite, "*.wast", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (file.Contains("custom-descriptors", StringComparison.Ordinal)) continue;
            int taken = 0;
            foreach (WastCommand command in WastParser.Parse(File.ReadAllText(file), file))
            {
                if (taken == MaxSpecSeedsPerFile) break;
                if (command is not WastModuleCommand { Module: var source }) continue;
                byte[]? bytes = source.Format switch
                {
                    WastModuleFormat.Binary => source.Bytes,
                    WastModuleFormat.Text => ParseText(source),
                    _ => null,
                };
                if (bytes is null || !Validates(engine, bytes)) continue;
                seeds.Add((Path.GetFileName(file), bytes));
                taken++;
            }
        }
        return seeds;
    }

    private static byte[] ParseText(WastModuleSource source)
    {
        int index = source.TokenIndex;
        return WatParser.ParseModule(source.Tokens!, ref index, "seed", out _);
    }

    private static bool Validates(Engine engine, byte[] bytes)
    {
        try
        {
            Module.FromBytes(engine, bytes);
            return true;
        }
        catch (WasmException)
        {
            return false;
        }
    }

    /// <summary>The spec testsuite: $SHARPTIME_SPEC_TESTSUITE, else ../shared/spec-testsuite beside the repository.</summary>
    private static string? SpecTestsuite()
    {
        string? configured = Environment.GetEnvironmentVariable("SHARPTIME_SPEC_TESTSUITE");
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? configured : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sharptime.sln")))
            {
                string suite = Path.Combine(dir.FullName, "..", "shared", "spec-testsuite");
                return Directory.Exists(suite) ? suite : null;
            }
        }
        return null;
    }

    private static readonly (string, string)[] SeedTexts =
    [
        ("mvp", """
            (module
              (type $bin (func (param i32 i32) (result i32)))
              (import "env" "log" (func $log (param i32)))
              (import "env" "mem" (memory 1 2))
              (import "env" "g" (global $g i32))
              (table $t 4 funcref)
              (global $counter (mut i32) (i32.const 0))
              (export "add" (func $add))
              (export "counter" (global $counter))
              (elem (table $t) (i32.const 0) func $add $sub)
              (data (i32.const 16) "hello\00world")
              (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
              (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
              (func $loop (param $n i32) (result i32) (local $acc i32)
                (block $done
                  (loop $again
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $acc (i32.add (local.get $acc) (i32.load offset=4 (local.get $n))))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $again)))
                (call $log (local.get $acc))
                (if (result i32) (local.get $acc)
                  (then (call_indirect (type $bin) (local.get $acc) (i32.const 1) (i32.const 0)))
                  (else (br_table 0 0 (i32.const 7) (local.get $acc)))))
              (start $start)
              (func $start (global.set $counter (global.get $g))))
            """),
        ("wasm2", """
            (module
              (memory 1)
              (table 2 externref)
              (func (export "simd") (param v128 v128) (result v128)
                (i32x4.add (local.get 0) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 (local.get 1) (v128.const i64x2 1 2))))
              (func (export "bulk") (param i32 i32 i32)
                (memory.copy (local.get 0) (local.get 1) (local.get 2))
                (memory.fill (local.get 0) (i32.const 0) (local.get 2))
                (memory.init 0 (local.get 0) (i32.const 0) (i32.const 1))
                (data.drop 0))
              (func (export "refs") (param externref) (result i32)
                (table.set 0 (i32.const 0) (local.get 0))
                (ref.is_null (table.get 0 (i32.const 1))))
              (func (export "multi") (result i32 i64 f32 f64)
                (i32.const 1) (i64.const 2) (f32.const 3.5) (f64.const -0x1.8p3))
              (func (export "sat") (param f64) (result i64) (i64.trunc_sat_f64_s (local.get 0)))
              (data "passive"))
            """),
        ("wasm3", """
            (module
              (rec (type $node (sub (struct (field $value i32) (field $next (ref null $node))))))
              (type $arr (array (mut i8)))
              (type $f (func (param i32) (result i32)))
              (tag $oops (param i32))
              (memory i64 1)
              (global $zero i32 (i32.add (i32.const 1) (i32.const -1)))
              (func $id (type $f) (local.get 0))
              (elem declare func $id)
              (func (export "gc") (result i32)
                (struct.get $node $value (struct.new $node (i32.const 7) (ref.null $node))))
              (func (export "array") (result i32)
                (array.len (array.new $arr (i32.const 0) (i32.const 10))))
              (func (export "call_ref") (result i32)
                (call_ref $f (i32.const 3) (ref.func $id)))
              (func (export "exceptions") (result i32)
                (block $h (result i32)
                  (try_table (catch $oops $h) (throw $oops (i32.const 42)))
                  (i32.const 0)))
              (func (export "mem64") (param i64) (result i32) (i32.load (local.get 0)))
              (func (export "tail") (param i32) (result i32) (return_call $id (local.get 0))))
            """),
    ];
}
