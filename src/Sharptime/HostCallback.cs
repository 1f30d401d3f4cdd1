namespace Sharptime;

/// <summary>An untyped host function: reads <paramref name="args"/>, writes one value per result.</summary>
/// <param name="caller">The caller.</param>
/// <param name="args">The arguments.</param>
/// <param name="results">The results to fill.</param>
public delegate void HostCallback(Caller caller, ReadOnlySpan<Value> args, Span<Value> results);
