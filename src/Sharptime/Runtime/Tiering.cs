using Sharptime.Abi;

namespace Sharptime.Runtime;

/// <summary>
/// <see cref="Strategy.Tiered"/>: moves an instance from its interpreted functions to its compiled
/// ones once the module has code. Runs on the thread that runs the instance (the store's), at a
/// call, so nothing else reads the instance meanwhile.
/// </summary>
internal static class Tiering
{
    public static void Switch(VmContext ctx)
    {
        CompiledModule module = ctx.Instance!.Module.Compiled;
        ctx.Code = module.Code!.KeepAlive;
        Func?[] functions = ctx.Functions;
        for (int i = module.Module.ImportedFunctionCount; i < functions.Length; i++)
        {
            // Made again on demand, now compiled (Instantiator.DefinedFunction).
            if (functions[i]?.Owner is Interpreter.InterpretedFunction) functions[i] = null;
        }
        ctx.RunsCompiled = true;
        // Indirect calls and references then reach compiled code directly; the interpreted Func objects
        // the host still holds forward to it.
        foreach (TableInstance table in ctx.Tables) Replace(ctx, table.Span);
        foreach (object?[] segment in ctx.ElementSegments) Replace(ctx, segment);
        foreach (GlobalInstance global in ctx.Globals)
        {
            if (Interpreted(ctx, global.Ref) is int index) global.Ref = ctx.GetFunction(index);
        }
    }

    private static void Replace(VmContext ctx, Span<object?> items)
    {
        for (int i = 0; i < items.Length; i++)
        {
            if (Interpreted(ctx, items[i]) is int index) items[i] = ctx.GetFunction(index);
        }
    }

    /// <summary>The index of an interpreted function of this instance, or null.</summary>
    private static int? Interpreted(VmContext ctx, object? item) =>
        item is Func { Owner: Interpreter.InterpretedFunction f } && f.Context == ctx ? f.Index : null;
}
