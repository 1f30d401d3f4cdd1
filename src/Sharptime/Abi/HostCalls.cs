using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>Entry points from generated host trampolines into host functions.</summary>
/// <remarks>
/// Untyped host functions see their arguments and results as spans of <see cref="Value"/>. They live in a
/// per-thread stack of slots instead of fresh arrays, so a call allocates nothing: a trampoline takes a
/// frame with <see cref="EnterUntyped"/>, stores the arguments, and <see cref="InvokeUntyped"/> runs the
/// callback and releases the frame. A host function that calls back into Wasm nests frames above its own.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HostCalls
{
    [ThreadStatic] private static Value[]? t_slots;
    [ThreadStatic] private static int t_top;

    /// <summary>Takes a frame of <paramref name="count"/> slots (arguments then results) on this thread's stack.</summary>
    /// <param name="count">Parameters plus results.</param>
    /// <param name="frame">The index of the frame's first slot.</param>
    /// <returns>The array holding the frame (a frame never moves once taken).</returns>
    public static Value[] EnterUntyped(int count, out int frame)
    {
        Value[]? slots = t_slots;
        frame = t_top;
        if (slots is null || frame + count > slots.Length)
        {
            // Outer frames keep the array they were given; nested frames continue in a bigger one.
            slots = new Value[Math.Max(64, (frame + count) * 2)];
            t_slots = slots;
        }
        t_top = frame + count;
        return slots;
    }

    /// <summary>Calls the untyped host function of <paramref name="ctx"/> on the frame <paramref name="frame"/> of <paramref name="slots"/>.</summary>
    /// <param name="slots">The array <see cref="EnterUntyped"/> returned, arguments stored.</param>
    /// <param name="frame">The frame's first slot.</param>
    /// <param name="ctx">The host function's context.</param>
    /// <remarks>The results are left in the slots after the arguments, for the trampoline to read back.</remarks>
    public static void InvokeUntyped(Value[] slots, int frame, VmContext ctx)
    {
        HostFunction host = ctx.Host!;
        int parameters = host.Type.Params.Count;
        int resultCount = host.Type.Results.Count;
        Span<Value> results = slots.AsSpan(frame + parameters, resultCount);
        try
        {
            results.Clear();
            ((HostCallback)host.Callback)(new Caller(ctx), slots.AsSpan(frame, parameters), results);
        }
        finally
        {
            // Drop references held by arguments so the slots do not keep guest objects alive.
            slots.AsSpan(frame, parameters).Clear();
            t_top = frame;
        }
        CheckResults(host, results, ctx);
    }

    /// <summary>The array-call entry of every untyped host function: calls its callback on the spans directly.</summary>
    /// <param name="code">Unused (untyped host functions have no native entry).</param>
    /// <param name="ctx">The host function's context.</param>
    /// <param name="args">The arguments.</param>
    /// <param name="results">Receives the results.</param>
    public static void ArrayCallUntyped(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results)
    {
        HostFunction host = ctx.Host!;
        int resultCount = host.Type.Results.Count;
        Span<Value> r = results[..resultCount];
        r.Clear();
        ((HostCallback)host.Callback)(new Caller(ctx), args, r);
        CheckResults(host, r, ctx);
    }

    /// <summary>Checks a host function's results against its type (defined reference types in the module of <paramref name="ctx"/>: interpreted functions).</summary>
    private static void CheckResults(HostFunction host, Span<Value> results, VmContext ctx)
    {
        for (int i = 0; i < results.Length; i++)
        {
            if (!Runtime.Matching.ValueMatches(results[i], host.Type.Results[i], ctx.Types, ctx.Store?.Engine))
            {
                throw new WasmException($"host function returned {results[i].Type} for result {i}, its type says {host.Type.Results[i]}");
            }
        }
    }
}
