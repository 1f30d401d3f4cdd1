using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>Entry points from generated host trampolines into host functions.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class HostCalls
{
    /// <summary>Calls the untyped host function of <paramref name="ctx"/> with boxed arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="ctx">The host function's context.</param>
    /// <returns>The results, as many as the function type says.</returns>
    public static Value[] InvokeUntyped(Value[] args, VmContext ctx)
    {
        HostFunction host = ctx.Host!;
        var results = new Value[host.Type.Results.Count];
        ((HostCallback)host.Callback)(new Caller(ctx), args, results);
        for (int i = 0; i < results.Length; i++)
        {
            if (!Runtime.Matching.ValueMatches(results[i], host.Type.Results[i]))
            {
                throw new WasmException($"host function returned {results[i].Type} for result {i}, its type says {host.Type.Results[i]}");
            }
        }
        return results;
    }
}
