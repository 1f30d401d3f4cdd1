namespace Sharptime.Wasi.Tests.Programs;

/// <summary>
/// examples/wasi/squash: the LZ77 + Huffman compressor (about 1,400 lines of C) on the inputs in
/// examples/wasi/data/squash. Sizes and checksums are exact: the program is deterministic and
/// Node's WASI gives the same bytes.
/// </summary>
public sealed class SquashProgramTests
{
    private const string AccessLogCrc = "f533b0a7";

    private static WasiConfig InData(TempDirectory dir, params string[] args) =>
        WasiConfig.Default.WithArgs(["squash.wasm", .. args]).WithPreopenedDirectory(dir.Path, "/data");

    [Fact]
    public void RoundTripModeReproducesBothInputs()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        ProgramResult r = WasiProgram.Run("squash", InData(dir, "t", "/data/access.log", "/data/noise.bin"));
        Assert.Equal(WasiProgram.Lines("""
            /data/access.log: 181120 -> 18635 bytes (10.3%), round trip ok
            /data/noise.bin: 32768 -> 32790 bytes (100.1%), round trip ok
            """), r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void CompressAndDecompressAsSeparateRunsGiveTheOriginalBytes()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        ProgramResult c = WasiProgram.Run("squash", InData(dir, "c", "/data/access.log", "/data/access.sqz"));
        Assert.Equal($"/data/access.log: 181120 -> 18635 bytes (10.3%) at level 6, crc32 {AccessLogCrc}\n", c.Stdout);
        Assert.Equal(0, c.ExitCode);
        long packed = new FileInfo(dir["access.sqz"]).Length;
        Assert.Equal(18635, packed);
        Assert.True(packed < 181120 / 8, $"the log should compress below 12.5%, got {packed} bytes");

        ProgramResult d = WasiProgram.Run("squash", InData(dir, "d", "/data/access.sqz", "/data/access.out"));
        Assert.Equal($"/data/access.sqz: 18635 -> 181120 bytes, crc32 {AccessLogCrc} ok\n", d.Stdout);
        Assert.Equal(0, d.ExitCode);
        Assert.Equal(File.ReadAllBytes(dir["access.log"]), File.ReadAllBytes(dir["access.out"]));
    }

    [Fact]
    public void InfoListsTheBlocks()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        Assert.Equal(0, WasiProgram.Run("squash", InData(dir, "c", "-9", "/data/access.log", "/data/a9.sqz")).ExitCode);
        Assert.Equal(0, WasiProgram.Run("squash", InData(dir, "c", "-0", "/data/noise.bin", "/data/noise.sqz")).ExitCode);
        Assert.True(new FileInfo(dir["a9.sqz"]).Length < 18635, "level 9 should beat level 6");

        ProgramResult r = WasiProgram.Run("squash", InData(dir, "i", "/data/noise.sqz"));
        Assert.Equal(WasiProgram.Lines("""
            /data/noise.sqz: squash format 1, level 0, 32768 bytes of data in 32790 bytes
            block 0: stored (final), 32768 bytes -> 262184 bits
            crc32 8e17a303 ok
            """), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void LiteralOnlyLevelSplitsIntoHuffmanBlocks()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        Assert.Equal(0, WasiProgram.Run("squash", InData(dir, "c", "-0", "/data/access.log", "/data/a0.sqz")).ExitCode);
        ProgramResult r = WasiProgram.Run("squash", InData(dir, "i", "/data/a0.sqz"));
        Assert.Equal(WasiProgram.Lines($"""
            /data/a0.sqz: squash format 1, level 0, 181120 bytes of data in 117390 bytes
            block 0: huffman, 32768 bytes -> 169254 bits, 32768 literals, 0 matches covering 0 bytes, 257+1 codes
            block 1: huffman, 32768 bytes -> 169478 bits, 32768 literals, 0 matches covering 0 bytes, 257+1 codes
            block 2: huffman, 32768 bytes -> 170376 bits, 32768 literals, 0 matches covering 0 bytes, 257+1 codes
            block 3: huffman, 32768 bytes -> 170004 bits, 32768 literals, 0 matches covering 0 bytes, 257+1 codes
            block 4: huffman, 32768 bytes -> 170295 bits, 32768 literals, 0 matches covering 0 bytes, 257+1 codes
            block 5: huffman (final), 17280 bytes -> 89571 bits, 17280 literals, 0 matches covering 0 bytes, 257+1 codes
            crc32 {AccessLogCrc} ok
            """), r.Stdout);
    }

    [Fact]
    public void StandardInputToStandardOutputMatchesTheFileForm()
    {
        byte[] log = File.ReadAllBytes(Path.Combine(WasiProgram.DataDirectory("squash"), "access.log"));
        ProgramResult c = WasiProgram.Run("squash", WasiConfig.Default.WithArgs("squash.wasm", "c", "-", "-"), log);
        Assert.Equal(0, c.ExitCode);
        Assert.Equal($"-: 181120 -> 18635 bytes (10.3%) at level 6, crc32 {AccessLogCrc}\n", c.Stderr);
        Assert.Equal(18635, c.StdoutBytes.Length);
        Assert.Equal("SQZ\u0001"u8.ToArray(), c.StdoutBytes[..4]);

        ProgramResult d = WasiProgram.Run("squash", WasiConfig.Default.WithArgs("squash.wasm", "d", "-", "-"), c.StdoutBytes);
        Assert.Equal(0, d.ExitCode);
        Assert.Equal(log, d.StdoutBytes);
    }

    [Fact]
    public void CorruptAndTruncatedInputsAreRejected()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        Assert.Equal(0, WasiProgram.Run("squash", InData(dir, "c", "/data/access.log", "/data/access.sqz")).ExitCode);
        byte[] packed = File.ReadAllBytes(dir["access.sqz"]);
        byte[] flipped = (byte[])packed.Clone();
        flipped[5000] ^= 0x10;
        File.WriteAllBytes(dir["flipped.sqz"], flipped);
        File.WriteAllBytes(dir["short.sqz"], packed[..9000]);

        ProgramResult r = WasiProgram.Run("squash", InData(dir, "d", "/data/flipped.sqz", "/data/x"));
        Assert.Equal("squash: /data/flipped.sqz: corrupt input: the data is 181116 bytes long but the header announces 181120\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
        r = WasiProgram.Run("squash", InData(dir, "d", "/data/short.sqz", "/data/x"));
        Assert.Equal("squash: /data/short.sqz: corrupt input: block 0: truncated input: the stream ends inside a block\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
        r = WasiProgram.Run("squash", InData(dir, "d", "/data/access.log", "/data/x"));
        Assert.Equal("squash: /data/access.log: corrupt input: not a squash file (no \"SQZ\\1\" header)\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
        Assert.False(File.Exists(dir["x"]));
    }

    [Fact]
    public void RandomDamageNeverCrashesTheDecoder()
    {
        // Each damaged copy must either be rejected with exit code 2 and a "corrupt input"
        // message, or (when the damage hits bits the decoder ignores, such as the level byte)
        // still decompress to exactly the original. A trap or any other outcome fails.
        using var dir = new TempDirectory(WasiProgram.DataDirectory("squash"));
        Assert.Equal(0, WasiProgram.Run("squash", InData(dir, "c", "/data/access.log", "/data/access.sqz")).ExitCode);
        byte[] original = File.ReadAllBytes(dir["access.log"]);
        byte[] packed = File.ReadAllBytes(dir["access.sqz"]);
        var random = new Random(20261122);
        int rejected = 0;
        for (int round = 0; round < 24; round++)
        {
            byte[] damaged = round % 3 == 2 ? packed[..random.Next(packed.Length)] : (byte[])packed.Clone();
            if (round % 3 != 2)
            {
                for (int k = 0, flips = 1 + random.Next(4); k < flips; k++) damaged[random.Next(damaged.Length)] ^= (byte)(1 << random.Next(8));
            }
            File.WriteAllBytes(dir["damaged.sqz"], damaged);
            File.Delete(dir["damaged.out"]);
            ProgramResult r = WasiProgram.Run("squash", InData(dir, "d", "/data/damaged.sqz", "/data/damaged.out"));
            if (r.ExitCode == 0)
            {
                Assert.Equal(original, File.ReadAllBytes(dir["damaged.out"]));
                continue;
            }
            Assert.Equal(2, r.ExitCode);
            Assert.StartsWith("squash: /data/damaged.sqz: corrupt input: ", r.Stderr, StringComparison.Ordinal);
            rejected++;
        }
        Assert.True(rejected >= 20, $"only {rejected} of 24 damaged inputs were rejected");
    }

    [Fact]
    public void AnEmptyFileRoundTrips()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir["empty"], []);
        ProgramResult r = WasiProgram.Run("squash", InData(dir, "c", "/data/empty", "/data/empty.sqz"));
        Assert.Equal("/data/empty: 0 -> 22 bytes (n/a) at level 6, crc32 00000000\n", r.Stdout);
        r = WasiProgram.Run("squash", InData(dir, "d", "/data/empty.sqz", "/data/empty.out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Empty(File.ReadAllBytes(dir["empty.out"]));
    }

    [Fact]
    public void ItsOwnSourcesRoundTripAtEveryLevel()
    {
        using var dir = new TempDirectory(Path.Combine(WasiProgram.ExamplesDirectory, "squash"));
        string[] files = [.. dir.Entries().Select(name => "/data/" + name)];
        Assert.True(files.Length >= 10, $"expected the squash sources, found {files.Length} files");
        foreach (string level in new[] { "-1", "-6", "-9" })
        {
            ProgramResult r = WasiProgram.Run("squash", InData(dir, ["t", level, .. files]));
            Assert.Equal(0, r.ExitCode);
            string[] lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(files.Length, lines.Length);
            Assert.All(lines, line => Assert.EndsWith("round trip ok", line, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void BadUsagePrintsHelp()
    {
        ProgramResult r = WasiProgram.Run("squash", "squash.wasm", "x");
        Assert.StartsWith("usage: squash c [-0..-9] IN OUT", r.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, r.ExitCode);
    }
}
