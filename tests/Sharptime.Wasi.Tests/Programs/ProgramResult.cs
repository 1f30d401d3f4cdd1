using System.Text;

namespace Sharptime.Wasi.Tests.Programs;

/// <summary>What one run of a WASI program did: its exit code and everything it wrote.</summary>
internal sealed record ProgramResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);
}
