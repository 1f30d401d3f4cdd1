namespace Sharptime.Runtime;

/// <summary>
/// Work done once per function body of a module (validating, compiling), shared out over the cores
/// in chunks when the module is large. Failures are reported as on one thread: the exception of the
/// lowest failing function, and every function below it has been done.
/// </summary>
internal static class FunctionWork
{
    /// <summary>Functions a worker takes at a time.</summary>
    private const int Chunk = 64;

    /// <summary>The workers for a module: at most one per core, and no more than 8.</summary>
    public static int Workers => Math.Min(Environment.ProcessorCount, 8);

    /// <summary>
    /// Runs <paramref name="body"/> for every function index below <paramref name="count"/>, on
    /// <paramref name="workers"/> threads (the calling thread among them); each worker gets its own
    /// state from <paramref name="stateFor"/> (worker 0 runs first, on the calling thread).
    /// </summary>
    public static void Run<TState>(int count, int workers, Func<int, TState> stateFor, Action<TState, int> body)
    {
        if (workers < 2)
        {
            TState state = stateFor(0);
            for (int i = 0; i < count; i++) body(state, i);
            return;
        }
        int next = 0;
        int failedAt = int.MaxValue;
        Exception? failure = null;
        object gate = new();
        Parallel.For(0, workers, worker =>
        {
            TState state = stateFor(worker);
            while (true)
            {
                int start = Interlocked.Add(ref next, Chunk) - Chunk;
                if (start >= count || start > Volatile.Read(ref failedAt)) return;
                for (int i = start; i < Math.Min(start + Chunk, count); i++)
                {
                    try
                    {
                        body(state, i);
                    }
#pragma warning disable CA1031 // Rethrown below, the lowest function's first.
                    catch (Exception e)
#pragma warning restore CA1031
                    {
                        lock (gate)
                        {
                            if (i < failedAt)
                            {
                                failedAt = i;
                                failure = e;
                            }
                        }
                        return;
                    }
                }
            }
        });
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
    }
}
