namespace Sharptime.Cli.Tests;

/// <summary>
/// The known failures of the WASI testsuite: wasi-known-failures.txt next to the test binaries, one
/// <c>language/test reason</c> per line, '#' starts a comment. An unlisted failure fails the test; a
/// listed test that passes fails too, so the list only shrinks.
/// </summary>
internal static class WasiKnownFailures
{
    public const string FileName = "wasi-known-failures.txt";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> All = new(Load);

    /// <summary>Test name → reason.</summary>
    public static IReadOnlyDictionary<string, string> Entries => All.Value;

    private static Dictionary<string, string> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, FileName);
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string[] parts = line.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 2 || !parts[0].Contains('/', StringComparison.Ordinal))
            {
                throw new FormatException($"{FileName}:{number}: expected \"language/test reason\", got \"{raw}\"");
            }
            if (!entries.TryAdd(parts[0], parts[1])) throw new FormatException($"{FileName}:{number}: {parts[0]} is listed twice");
        }
        return entries;
    }
}
