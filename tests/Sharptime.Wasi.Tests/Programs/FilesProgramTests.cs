namespace Sharptime.Wasi.Tests.Programs;

/// <summary>
/// examples/wasi/files.c: file and directory work in a pre-opened directory (a temp copy of
/// examples/wasi/data/files), compared line by line with the transcript Node's WASI produces.
/// </summary>
public sealed class FilesProgramTests
{
    private const string Transcript = """
        -- reading greeting.txt
        greeting.txt: 3 lines, 23 words, 137 bytes
        -- mkdir work
        -- creating work/notes.txt
        wrote 41 bytes; size on disk 41
        read back:
          | line 1: alpha
          | line 2: beta
          | line 3: gamma
        after append: 66 bytes
        -- seeking in work/notes.txt
        lseek(0, SEEK_END) = 66
        lseek(8, SEEK_SET) = 8, read 5 bytes: "alpha"
        lseek(-5, SEEK_CUR) = 8
        pread(13 bytes at 0) = "line 1: ALPHA"
        lseek(0, SEEK_CUR) after pread/pwrite = 13 (unchanged)
        after ftruncate(28): fstat size 28, file
        now reads:
          | #ine 1: ALPHA
          | line 2: beta
          | l
        -- directories
        mkdir of an existing directory: fails with EEXIST as expected
        renamed work/notes.txt to work/journal.txt
        access of the old name: fails with ENOENT as expected
        stat work/sub: dir
        listing of work (2 entries):
          journal.txt    file 28 bytes
          sub            dir
        listing of work/sub (3 entries):
          file1.dat      file 100 bytes
          file2.dat      file 200 bytes
          file3.dat      file 300 bytes
        rmdir of a non-empty directory: fails with ENOTEMPTY as expected
        open of a missing file: fails with ENOENT as expected
        unlink of a missing file: fails with ENOENT as expected
        creating ../escape.txt outside the directory: fails with ENOTCAPABLE as expected
        -- cleaning up
        removed 4 files and 2 directories
        access of the removed work directory: fails with ENOENT as expected
        listing of . (2 entries):
          greeting.txt   file 137 bytes
          report.txt     file 55 bytes
        all file operations behaved
        """;

    [Fact]
    public void DoesEveryOperationAndLeavesOnlyTheReport()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("files"));
        WasiConfig config = WasiConfig.Default.WithArgs("files.wasm", "/sandbox").WithPreopenedDirectory(dir.Path, "/sandbox");
        ProgramResult r = WasiProgram.Run("files", config);
        Assert.Equal(WasiProgram.Lines(Transcript), r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(["greeting.txt", "report.txt"], dir.Entries());
        Assert.Equal("greeting.txt: 3 lines, 23 words, 137 bytes\nfailures: 0\n", File.ReadAllText(dir["report.txt"]));
        Assert.Equal(File.ReadAllBytes(Path.Combine(WasiProgram.DataDirectory("files"), "greeting.txt")), File.ReadAllBytes(dir["greeting.txt"]));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(dir.Path)!, "escape.txt")));
    }

    [Fact]
    public void AReadOnlyDirectoryRefusesTheFirstChange()
    {
        using var dir = new TempDirectory(WasiProgram.DataDirectory("files"));
        WasiConfig config = WasiConfig.Default.WithArgs("files.wasm", "/sandbox").WithPreopenedDirectory(dir.Path, "/sandbox", WasiDirectoryAccess.ReadOnly);
        ProgramResult r = WasiProgram.Run("files", config);
        // A read-only directory lacks the rights to change anything; WASI implementations refuse
        // with ENOTCAPABLE (rights) or EPERM, and wasi-libc's strerror names either.
        string[] lines = r.Stdout.Split('\n');
        Assert.Equal(WasiProgram.Lines("""
            -- reading greeting.txt
            greeting.txt: 3 lines, 23 words, 137 bytes
            -- mkdir work
            """), string.Join('\n', lines[..3]) + "\n");
        Assert.Contains(lines[3], new[] { "FAILED: mkdir work: Capabilities insufficient", "FAILED: mkdir work: Operation not permitted" });
        Assert.Equal(5, lines.Length);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal(["greeting.txt"], dir.Entries());
    }

    [Fact]
    public void WithoutADirectoryArgumentPrintsUsage()
    {
        ProgramResult r = WasiProgram.Run("files", "files.wasm");
        Assert.Equal("usage: files DIR   (DIR inside a pre-opened directory)\n", r.Stderr);
        Assert.Equal(2, r.ExitCode);
    }
}
