namespace Sharptime.Text.Scripts;

/// <summary>An action: <c>(invoke $module? "name" const*)</c> or <c>(get $module? "name")</c>.</summary>
/// <param name="IsInvoke">True for <c>invoke</c>, false for <c>get</c>.</param>
/// <param name="ModuleId">The module's id, or null for the most recent module.</param>
/// <param name="Name">The export name.</param>
/// <param name="Arguments">The arguments of <c>invoke</c> (empty for <c>get</c>).</param>
/// <param name="Line">The 1-based line.</param>
internal sealed record WastAction(bool IsInvoke, string? ModuleId, string Name, IReadOnlyList<WastValue> Arguments, int Line)
{
    /// <summary>The keyword: <c>invoke</c> or <c>get</c>.</summary>
    public string Kind => IsInvoke ? "invoke" : "get";
}
