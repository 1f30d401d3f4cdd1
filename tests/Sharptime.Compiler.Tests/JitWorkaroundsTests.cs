using Sharptime.Binary;

namespace Sharptime.Compiler.Tests;

public sealed class JitWorkaroundsTests
{
    /// <summary>
    /// A tripwire, not a check of Sharptime: the workarounds in JitWorkarounds are for bugs of
    /// RyuJIT up to <see cref="JitWorkarounds.LastKnownBroken"/>. On a newer runtime this fails so
    /// that someone runs tests/Sharptime.Cli.Tests/JitWorkaroundCases.wat without the workarounds,
    /// removes those that are fixed, and moves LastKnownBroken up.
    /// </summary>
    [Fact]
    public void Runtime_is_not_newer_than_the_last_known_broken_one()
    {
        Version runtime = Environment.Version;
        string issues = string.Join("; ", JitWorkarounds.Issues.Select(i => $"dotnet/runtime#{i.Issue}: {i.What}"));
        Assert.True(runtime <= JitWorkarounds.LastKnownBroken,
            $"The runtime is {runtime}, newer than {JitWorkarounds.LastKnownBroken}, the last one known to miscompile what JitWorkarounds avoids. "
            + $"Check whether these are fixed in {runtime}, remove the workarounds that are, and update JitWorkarounds.LastKnownBroken: {issues}");
    }

    /// <summary>
    /// Issue 129288's workaround costs a store only where a rotate's result may meet a test: the
    /// rounds of a hash (ChaCha20's quarter round, kept in locals and then stored) need none, and
    /// each shape tests/Sharptime.Cli.Tests/JitWorkaroundCases.wat checks at run time is fenced.
    /// </summary>
    [Fact]
    public void Rotates_are_fenced_only_where_their_result_may_meet_a_test()
    {
        Assert.Equal([false, false, false, false, false, false, false, false], Decisions("""
            (func (param $p i32) (local $a i32) (local $b i32) (local $c i32) (local $d i32) (local $e i64)
              (local.set $a (i32.load (local.get $p))) (local.set $b (i32.load offset=4 (local.get $p)))
              (local.set $c (i32.load offset=8 (local.get $p))) (local.set $d (i32.load offset=12 (local.get $p)))
              (local.set $d (i32.rotl (i32.xor (local.get $d) (local.tee $a (i32.add (local.get $a) (local.get $b)))) (i32.const 16)))
              (local.set $b (i32.rotl (i32.xor (local.get $b) (local.tee $c (i32.add (local.get $c) (local.get $d)))) (i32.const 12)))
              (local.set $d (i32.rotl (i32.xor (local.get $d) (local.tee $a (i32.add (local.get $a) (local.get $b)))) (i32.const 8)))
              (local.set $b (i32.rotl (i32.xor (local.get $b) (local.tee $c (i32.add (local.get $c) (local.get $d)))) (i32.const 7)))
              (local.set $e (i64.rotr (i64.extend_i32_u (local.get $d)) (i64.const 3)))
              (local.set $d (i32.wrap_i64 (local.get $e)))
              (i32.store (local.get $p) (local.get $a)) (i32.store offset=4 (local.get $p) (local.get $b))
              (i32.store offset=8 (local.get $p) (local.get $c)) (i32.store offset=12 (local.get $p) (local.get $d)))
            (func (param $p i32) (result i32)
              (drop (i32.rotl (local.get $p) (i32.const 1)))
              (i32.rotl (i32.load (local.get $p)) (i32.const 2)) (drop)
              (i32.add (i32.rotl (local.get $p) (i32.const 3)) (i32.const 1)) (global.set 0)
              (i32.const 0))
            (global (mut i32) (i32.const 0))
            """));

        Assert.All(Decisions("""
            (func (param $z i32) (result i32) (local $v i32) (local $k i32)
              (local.set $v (i32.add (local.tee $z (i32.rotl (local.get $z) (i32.const 3))) (local.get $k)))
              (if (result i32) (local.get $v) (then (i32.const 0)) (else (i32.const 1))))
            (func (param $z i32) (result i32) (local $v i32)
              (local.set $v (i32.rotl (local.get $z) (i32.const 3)))
              (block (br_if 0 (local.get $z)))
              (local.get $v))
            (func (param $z i32) (result i32) (i32.rotl (local.get $z) (i32.const 3)))
            (func (param $z i32) (result i32) (i32.eqz (i32.shl (i32.rotl (local.get $z) (i32.const 3)) (i32.const 0))))
            (func (param $z i32) (result i32) (select (i32.const 0) (i32.const 1) (i32.rotr (local.get $z) (i32.const 7))))
            (func (param $z i32) (result i64) (local $v i64)
              (local.set $v (i64.rotl (i64.extend_i32_u (local.get $z)) (i64.const 5)))
              (block (nop)) (i64.extend_i32_u (i64.lt_s (local.get $v) (i64.const 1))))
            (func (param $z i32) (result i32) (i32.div_u (i32.const 1) (i32.rotl (local.get $z) (i32.const 3))))
            (func (param $z i32) (result i32) (call 2 (i32.rotl (local.get $z) (i32.const 3))))
            """), Assert.True);
    }

    /// <summary>For each rotate by a constant in the module's functions, in order: whether <see cref="JitWorkarounds.RotateMayBeTested"/> fences it.</summary>
    private static List<bool> Decisions(string wat)
    {
        byte[] bytes = Sharptime.Text.Wat.Parse($"(module (memory 1) {wat})");
        Module.FromBytes(new Engine(Config.Default.UseCompiler()), bytes); // valid, and compiles
        WasmModule module = ModuleDecoder.Decode(bytes, WasmFeatures.All);
        var decisions = new List<bool>();
        foreach (FunctionBody body in module.Code)
        {
            ReadOnlySpan<byte> code = bytes.AsSpan(body.CodeOffset, body.CodeLength);
            var reader = new InstructionReader(code, body.CodeOffset);
            var instr = new Instruction();
            Opcode previous = Opcode.Nop;
            int budget = 1 << 20;
            while (!reader.AtEnd)
            {
                reader.Read(ref instr);
                if (instr.Opcode is Opcode.I32Rotl or Opcode.I32Rotr or Opcode.I64Rotl or Opcode.I64Rotr
                    && previous is Opcode.I32Const or Opcode.I64Const)
                {
                    decisions.Add(JitWorkarounds.RotateMayBeTested(code, body.CodeOffset, instr.Offset, ref budget));
                }
                previous = instr.Opcode;
            }
        }
        return decisions;
    }
}
