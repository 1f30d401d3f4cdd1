namespace Sharptime;

/// <summary>An import a module declares.</summary>
/// <param name="Module">The import module name.</param>
/// <param name="Name">The import field name.</param>
/// <param name="Kind">"func", "table", "memory", "global" or "tag".</param>
/// <param name="Type">The expected type in text format, e.g. <c>(func (param i32) (result))</c>.</param>
/// <param name="FuncType">For functions, the function type; otherwise null.</param>
public sealed record ModuleImport(string Module, string Name, string Kind, string Type, FuncType? FuncType);

/// <summary>An export a module declares.</summary>
/// <param name="Name">The export name.</param>
/// <param name="Kind">"func", "table", "memory", "global" or "tag".</param>
/// <param name="Type">The type in text format.</param>
/// <param name="FuncType">For functions, the function type; otherwise null.</param>
public sealed record ModuleExport(string Name, string Kind, string Type, FuncType? FuncType);
