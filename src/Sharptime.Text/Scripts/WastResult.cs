namespace Sharptime.Text;

/// <summary>The outcome of running one WAST script: counts per command kind and the failures.</summary>
public sealed class WastResult
{
    private readonly SortedDictionary<string, WastCounts> _kinds = new(StringComparer.Ordinal);
    private readonly List<WastFailure> _failures = [];

    internal WastResult(string file) => File = file;

    /// <summary>The script file as given to the runner.</summary>
    public string File { get; }

    /// <summary>The totals over all commands.</summary>
    public WastCounts Totals { get; } = new();

    /// <summary>Commands whose expectation held.</summary>
    public int Passed => Totals.Passed;

    /// <summary>Commands whose expectation did not hold.</summary>
    public int Failed => Totals.Failed;

    /// <summary>Commands that need linking or execution and were not run (the engine has no code generator).</summary>
    public int Skipped => Totals.Skipped;

    /// <summary>Counts per command kind (<c>module</c>, <c>assert_return</c>…), sorted by kind.</summary>
    public IReadOnlyDictionary<string, WastCounts> Kinds => _kinds;

    /// <summary>The failed commands in script order.</summary>
    public IReadOnlyList<WastFailure> Failures => _failures;

    internal void Record(string kind, WastOutcome outcome)
    {
        if (!_kinds.TryGetValue(kind, out WastCounts? counts))
        {
            counts = new WastCounts();
            _kinds.Add(kind, counts);
        }
        counts.Add(outcome);
        Totals.Add(outcome);
    }

    /// <summary>Adds the counts and failures of <paramref name="other"/> (a script thread's) to these.</summary>
    internal void Add(WastResult other)
    {
        foreach ((string kind, WastCounts counts) in other._kinds)
        {
            if (!_kinds.TryGetValue(kind, out WastCounts? mine)) _kinds.Add(kind, mine = new WastCounts());
            mine.Add(counts);
            Totals.Add(counts);
        }
        _failures.AddRange(other._failures);
    }

    internal void Fail(int line, string kind, string expected, string actual)
    {
        Record(kind, WastOutcome.Failed);
        _failures.Add(new WastFailure(File, line, kind, expected, actual));
    }
}
