namespace Sharptime.Text.Scripts;

/// <summary>One command of a WAST script, with its position.</summary>
internal abstract class WastCommand
{
    /// <summary>The command's name as reported: the keyword (<c>assert_return</c>, <c>module</c>, <c>module instance</c>…).</summary>
    public required string Kind { get; init; }

    /// <summary>The 1-based line of the command's <c>(</c>.</summary>
    public required int Line { get; init; }

    /// <summary>The 1-based column of the command's <c>(</c>.</summary>
    public required int Column { get; init; }
}

/// <summary><c>(module ...)</c> and <c>(module definition ...)</c>: define (and instantiate) a module.</summary>
internal sealed class WastModuleCommand : WastCommand
{
    /// <summary>The module.</summary>
    public required WastModuleSource Module { get; init; }
}

/// <summary><c>(module instance $instance? $module?)</c>: instantiate a module definition.</summary>
internal sealed class WastInstanceCommand : WastCommand
{
    /// <summary>The new instance's id.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The definition's id, or null for the most recent one.</summary>
    public string? ModuleId { get; init; }
}

/// <summary><c>(register "name" $module?)</c>: make a module's exports importable under a name.</summary>
internal sealed class WastRegisterCommand : WastCommand
{
    /// <summary>The import module name.</summary>
    public required string Name { get; init; }

    /// <summary>The module's id, or null for the most recent module.</summary>
    public string? ModuleId { get; init; }
}

/// <summary>A bare action: <c>(invoke ...)</c> or <c>(get ...)</c>.</summary>
internal sealed class WastActionCommand : WastCommand
{
    /// <summary>The action.</summary>
    public required WastAction Action { get; init; }
}

/// <summary><c>(assert_return action result*)</c>.</summary>
internal sealed class WastAssertReturnCommand : WastCommand
{
    /// <summary>The action.</summary>
    public required WastAction Action { get; init; }

    /// <summary>The expected results (patterns allowed).</summary>
    public required IReadOnlyList<WastValue> Results { get; init; }
}

/// <summary>
/// Assertions about an action's failure: <c>assert_trap</c> (with an action), <c>assert_exhaustion</c>
/// and <c>assert_exception</c> (which has no message).
/// </summary>
internal sealed class WastAssertActionCommand : WastCommand
{
    /// <summary>The action.</summary>
    public required WastAction Action { get; init; }

    /// <summary>The expected failure text, or null for <c>assert_exception</c>.</summary>
    public string? Message { get; init; }
}

/// <summary>
/// Assertions about a module: <c>assert_malformed</c>, <c>assert_invalid</c>, <c>assert_unlinkable</c>,
/// <c>assert_uninstantiable</c>, <c>assert_trap</c> with a module, and the custom-annotation forms
/// <c>assert_malformed_custom</c>/<c>assert_invalid_custom</c>.
/// </summary>
internal sealed class WastAssertModuleCommand : WastCommand
{
    /// <summary>The module.</summary>
    public required WastModuleSource Module { get; init; }

    /// <summary>The expected failure text.</summary>
    public required string Message { get; init; }
}

/// <summary><c>(thread $id (shared (module $m))* command*)</c> of the threads proposal.</summary>
internal sealed class WastThreadCommand : WastCommand
{
    /// <summary>The thread's id.</summary>
    public string? Id { get; init; }

    /// <summary>The ids of the modules shared with the thread.</summary>
    public required IReadOnlyList<string> SharedModules { get; init; }

    /// <summary>The commands the thread runs.</summary>
    public required IReadOnlyList<WastCommand> Commands { get; init; }
}

/// <summary><c>(wait $thread)</c> of the threads proposal.</summary>
internal sealed class WastWaitCommand : WastCommand
{
    /// <summary>The thread's id.</summary>
    public required string ThreadId { get; init; }
}
