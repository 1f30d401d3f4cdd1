namespace Sharptime.Text;

/// <summary>The outcome of one script command.</summary>
internal enum WastOutcome : byte
{
    /// <summary>The expectation held.</summary>
    Passed,
    /// <summary>The expectation did not hold.</summary>
    Failed,
    /// <summary>The command needs a part of the runtime that does not exist yet.</summary>
    Skipped,
}
