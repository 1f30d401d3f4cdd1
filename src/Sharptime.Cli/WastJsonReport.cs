using System.Text.Json;
using Sharptime.Text;

namespace Sharptime.Cli;

/// <summary>
/// Writes the <c>--json</c> report of <c>sharptime wast</c>:
/// <c>{"passed":N,"failed":N,"skipped":N,"files":[{"file":…,"passed":N,"failed":N,"skipped":N,
/// "kinds":{"assert_return":{"passed":N,"failed":N,"skipped":N},…},"failures":[{"line":N,"kind":…,"expected":…,"actual":…}]}]}</c>.
/// </summary>
internal static class WastJsonReport
{
    public static void Write(string path, IReadOnlyList<WastCliCommand.FileOutcome> outcomes, WastCliCommand.Totals totals)
    {
        using FileStream stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("passed", totals.Passed);
        json.WriteNumber("failed", totals.Failed);
        json.WriteNumber("skipped", totals.Skipped);
        json.WriteStartArray("files");
        foreach (WastCliCommand.FileOutcome outcome in outcomes)
        {
            json.WriteStartObject();
            json.WriteString("file", outcome.File.DisplayName);
            if (outcome.Result is not WastResult result)
            {
                json.WriteNumber("passed", 0);
                json.WriteNumber("failed", 1);
                json.WriteNumber("skipped", 0);
                json.WriteStartObject("kinds");
                json.WriteEndObject();
                json.WriteString("error", outcome.ReadError);
                json.WriteEndObject();
                continue;
            }
            json.WriteNumber("passed", result.Passed);
            json.WriteNumber("failed", result.Failed);
            json.WriteNumber("skipped", result.Skipped);
            json.WriteStartObject("kinds");
            foreach ((string kind, WastCounts counts) in result.Kinds)
            {
                json.WriteStartObject(kind);
                json.WriteNumber("passed", counts.Passed);
                json.WriteNumber("failed", counts.Failed);
                json.WriteNumber("skipped", counts.Skipped);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartArray("failures");
            foreach (WastFailure failure in result.Failures)
            {
                json.WriteStartObject();
                json.WriteNumber("line", failure.Line);
                json.WriteString("kind", failure.Kind);
                json.WriteString("expected", failure.Expected);
                json.WriteString("actual", failure.Actual);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
