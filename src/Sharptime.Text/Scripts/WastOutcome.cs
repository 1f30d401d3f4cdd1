namespace Sharptime.Text;

/// <summary>The outcome of one script command.</summary>
internal enum WastOutcome : byte
{
    /// <summary>The expectation held.</summary>
    Passed,
    /// <summary>The expectation did not hold.</summary>
    Failed,
    /// <summary>The command needs linking or execution and the engine has no code generator.</summary>
    Skipped,
}
