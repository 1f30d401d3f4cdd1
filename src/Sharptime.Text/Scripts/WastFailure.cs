namespace Sharptime.Text;

/// <summary>One failed script command.</summary>
/// <param name="File">The script file as given to the runner.</param>
/// <param name="Line">The 1-based line of the command (for a script that does not parse: of the error).</param>
/// <param name="Kind">The command: <c>module</c>, <c>assert_invalid</c>… or <c>script</c> when the script itself is malformed.</param>
/// <param name="Expected">What the command expected (for assertions: the failure text of the script).</param>
/// <param name="Actual">What happened: the exception type and message, or "success".</param>
public sealed record WastFailure(string File, int Line, string Kind, string Expected, string Actual)
{
    /// <inheritdoc/>
    public override string ToString() => $"{File}:{Line}: {Kind}: expected {Expected}, got {Actual}";
}
