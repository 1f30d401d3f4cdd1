namespace Sharptime.SpecTests;

/// <summary>One expected failure: a command of a script (by line), or a whole script (line 0).</summary>
/// <param name="File">The script, relative to the testsuite, with '/' separators.</param>
/// <param name="Line">The command's line, or 0 for the whole file.</param>
/// <param name="Reason">Why it fails.</param>
internal sealed record KnownFailure(string File, int Line, string Reason);

/// <summary>
/// The one table of known spec-test failures: known-failures.txt next to the test binaries. Each line is
/// <c>file line reason</c> (line 0 = the whole file); '#' starts a comment line.
/// </summary>
internal static class KnownFailures
{
    public const string FileName = "known-failures.txt";

    private static readonly Lazy<IReadOnlyList<KnownFailure>> All = new(Load);

    public static IReadOnlyList<KnownFailure> Entries => All.Value;

    public static IEnumerable<KnownFailure> For(string file) => Entries.Where(e => e.File == file);

    private static List<KnownFailure> Load()
    {
        string path = Path.Combine(AppContext.BaseDirectory, FileName);
        var entries = new List<KnownFailure>();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            string[] parts = line.Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 3 || !int.TryParse(parts[1], out int commandLine) || commandLine < 0)
            {
                throw new FormatException($"{FileName}:{number}: expected \"file line reason\", got \"{raw}\"");
            }
            entries.Add(new KnownFailure(parts[0], commandLine, parts[2]));
        }
        return entries;
    }
}
