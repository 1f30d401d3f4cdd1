namespace Sharptime.Text;

/// <summary>How many script commands passed, failed and were skipped.</summary>
public sealed class WastCounts
{
    /// <summary>Commands whose expectation held.</summary>
    public int Passed { get; internal set; }

    /// <summary>Commands whose expectation did not hold, or that could not be run because of an error.</summary>
    public int Failed { get; internal set; }

    /// <summary>Commands that need linking or execution when the engine has no code generator; never counted as passed.</summary>
    public int Skipped { get; internal set; }

    /// <summary>Passed + failed + skipped.</summary>
    public int Total => Passed + Failed + Skipped;

    internal void Add(WastOutcome outcome)
    {
        switch (outcome)
        {
            case WastOutcome.Passed: Passed++; break;
            case WastOutcome.Failed: Failed++; break;
            default: Skipped++; break;
        }
    }

    internal void Add(WastCounts other)
    {
        Passed += other.Passed;
        Failed += other.Failed;
        Skipped += other.Skipped;
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
