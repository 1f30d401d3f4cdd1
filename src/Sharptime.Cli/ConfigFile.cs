using System.Globalization;
using System.Text;

namespace Sharptime.Cli;

/// <summary>
/// A configuration file (<c>--config FILE</c>; <c>sharptime config new</c> writes one): Wasmtime's TOML
/// layout, one section per option group (<c>[optimize]</c> for <c>-O</c>, <c>[codegen]</c> <c>-C</c>,
/// <c>[debug]</c> <c>-D</c>, <c>[wasm]</c> <c>-W</c>, <c>[wasi]</c> <c>-S</c>) holding the group's keys.
/// Read here is the subset of TOML those need: comments, <c>[section]</c> headers, and
/// <c>key = value</c> with a string (<c>"..."</c> or <c>'...'</c>), an integer (<c>1024</c>,
/// <c>0x400</c>, <c>1_024</c>) or a boolean; anything else is an error naming the line.
/// </summary>
internal static class ConfigFile
{
    /// <summary>One <c>key = value</c> line; <see cref="Value"/> is in the form the option groups read (<c>y</c>/<c>n</c> for booleans).</summary>
    public sealed record Entry(int Line, string Section, string Key, string Value);

    /// <summary>Reads the entries of <paramref name="path"/> in file order.</summary>
    /// <param name="path">The file.</param>
    /// <param name="sections">The sections there are, in the order to list them in errors.</param>
    /// <exception cref="UsageException">The file cannot be read, or a line is not in the subset; the message names the file and line.</exception>
    public static List<Entry> Read(string path, IReadOnlyList<string> sections)
    {
        if (!File.Exists(path)) throw new UsageException($"--config {path}: no such file (write one with 'sharptime config new {path}')");
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--config {path}: cannot read it: {e.Message}", e);
        }
        var entries = new List<Entry>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        string? section = null;
        for (int i = 0; i < lines.Length; i++)
        {
            int number = i + 1;
            string line = lines[i].Trim();
            if (i == 0) line = line.TrimStart('\uFEFF');
            if (line.Length == 0 || line[0] == '#') continue;
            if (line[0] == '[')
            {
                int close = line.IndexOf(']', StringComparison.Ordinal);
                string rest = close < 0 ? "" : line[(close + 1)..].Trim();
                if (line.StartsWith("[[", StringComparison.Ordinal) || close < 0 || (rest.Length > 0 && rest[0] != '#'))
                {
                    throw Error(path, number, $"'{line}' is not a section header: write one of {SectionList(sections)}");
                }
                section = line[1..close].Trim();
                if (!sections.Contains(section)) throw Error(path, number, $"unknown section [{section}]: the sections are {SectionList(sections)}");
                if (!seen.TryAdd($"[{section}]", number)) throw Error(path, number, $"section [{section}] is already opened at line {seen[$"[{section}]"]}; merge the two");
                continue;
            }
            int equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0) throw Error(path, number, $"expected KEY = VALUE or [SECTION], got '{line}'");
            string key = line[..equals].Trim();
            if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            {
                throw Error(path, number, $"'{key}' is not a key Sharptime reads: use a bare key such as max-wasm-stack (no quotes or dots)");
            }
            if (section is null) throw Error(path, number, $"'{key}' is outside a section: put it under one of {SectionList(sections)}");
            if (!seen.TryAdd($"{section}.{key}", number)) throw Error(path, number, $"'{key}' is already set in [{section}] at line {seen[$"{section}.{key}"]}");
            entries.Add(new Entry(number, section, key, Value(path, number, key, line[(equals + 1)..].Trim())));
        }
        return entries;
    }

    /// <summary>The value of a key: a string's contents, an integer's text, or y/n for a boolean.</summary>
    private static string Value(string path, int line, string key, string text)
    {
        if (text.StartsWith('"') || text.StartsWith('\''))
        {
            if (text.StartsWith("\"\"\"", StringComparison.Ordinal) || text.StartsWith("'''", StringComparison.Ordinal))
            {
                throw Error(path, line, $"{key}: multi-line strings are not supported; write the value on one line");
            }
            (string value, int end) = text[0] == '"' ? BasicString(path, line, key, text) : LiteralString(path, line, key, text);
            CheckRest(path, line, key, text[end..]);
            return value;
        }
        int hash = text.IndexOf('#', StringComparison.Ordinal);
        string token = (hash < 0 ? text : text[..hash]).Trim();
        if (token is "true" or "false") return token == "true" ? "y" : "n";
        if (IsInteger(token)) return token.TrimStart('+');
        string what = token.Length == 0 ? "no value"
            : token[0] == '[' ? "an array"
            : token[0] == '{' ? "an inline table"
            : double.TryParse(token.Replace("_", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out _) || token is "inf" or "nan" ? "a float"
            : $"'{token}'";
        throw Error(path, line, $"{key}: {what} is not a value Sharptime reads: write a string (\"...\"), an integer or true/false");
    }

    /// <summary>Decimal or 0x hexadecimal digits with single <c>_</c> between them, as TOML writes integers.</summary>
    private static bool IsInteger(string token)
    {
        string digits = token.StartsWith('+') ? token[1..] : token;
        bool hex = digits.StartsWith("0x", StringComparison.Ordinal);
        if (hex) digits = digits[2..];
        if (digits.Length == 0 || digits[0] == '_' || digits[^1] == '_' || digits.Contains("__", StringComparison.Ordinal)) return false;
        return digits.All(c => c == '_' || (hex ? char.IsAsciiHexDigit(c) : char.IsAsciiDigit(c)));
    }

    private static (string Value, int End) BasicString(string path, int line, string key, string text)
    {
        var value = new StringBuilder();
        for (int i = 1; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '"') return (value.ToString(), i + 1);
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (++i >= text.Length) break;
            switch (text[i])
            {
                case '"': value.Append('"'); break;
                case '\\': value.Append('\\'); break;
                case 'n': value.Append('\n'); break;
                case 't': value.Append('\t'); break;
                case 'r': value.Append('\r'); break;
                case 'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ushort u):
                    value.Append((char)u);
                    i += 4;
                    break;
                default:
                    throw Error(path, line, $"{key}: unknown escape '\\{text[i]}' in a string (\\\" \\\\ \\n \\t \\r \\uXXXX are known; 'single quotes' take backslashes as they are)");
            }
        }
        throw Error(path, line, $"{key}: the string has no closing \"");
    }

    private static (string Value, int End) LiteralString(string path, int line, string key, string text)
    {
        int close = text.IndexOf('\'', 1);
        if (close < 0) throw Error(path, line, $"{key}: the string has no closing '");
        return (text[1..close], close + 1);
    }

    private static void CheckRest(string path, int line, string key, string rest)
    {
        rest = rest.Trim();
        if (rest.Length > 0 && rest[0] != '#') throw Error(path, line, $"{key}: unexpected '{rest}' after the value");
    }

    private static string SectionList(IReadOnlyList<string> sections) => string.Join(", ", sections.Select(s => $"[{s}]"));

    private static UsageException Error(string path, int line, string message) => new($"{path}:{line}: {message}");
}
