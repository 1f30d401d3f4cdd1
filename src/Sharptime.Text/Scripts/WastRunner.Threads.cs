namespace Sharptime.Text.Scripts;

/// <summary>
/// The threads proposal's script commands. <c>(thread $T (shared (module $M))* command*)</c> runs its commands
/// on a new operating-system thread, in a runner of its own (its own store and linker, as the reference
/// interpreter gives each thread its own registry) that sees only the instances named as shared and the
/// same <c>spectest.shared_memory</c>; <c>(wait $T)</c> joins the thread and adds its results to the script's.
/// Instances of other stores can only be shared through shared memories: a thread that calls a function of a
/// shared instance while the script's thread runs code in its store fails with the store's "in use" error.
/// </summary>
internal sealed partial class WastRunner
{
    private readonly WastRunner? _parent;
    private readonly Dictionary<string, (Thread Thread, WastRunner Runner)> _threads = new(StringComparer.Ordinal);

    private WastRunner(WastRunner parent)
        : this(parent._engine, parent._file, parent._options) => _parent = parent;

    private void ExecuteThread(WastThreadCommand command)
    {
        string id = command.Id ?? "";
        if (_threads.ContainsKey(id))
        {
            _result.Fail(command.Line, command.Kind, "a new thread id", $"thread ${id} is already running");
            return;
        }
        _ = Linker;
        var child = new WastRunner(this);
        foreach (string shared in command.SharedModules)
        {
            if (!_instances.TryGetValue(shared, out Instance? instance))
            {
                _result.Fail(command.Line, command.Kind, $"an instance ${shared} to share", $"no module instance ${shared}");
                child.Dispose();
                return;
            }
            child._instances[shared] = instance;
        }
        var thread = new Thread(() =>
        {
            foreach (WastCommand c in command.Commands) child.RunGuarded(c);
        })
        {
            IsBackground = true,
            Name = $"wast thread ${id}",
        };
        thread.Start();
        _threads[id] = (thread, child);
        _result.Record(command.Kind, WastOutcome.Passed);
    }

    private void ExecuteWait(WastWaitCommand command)
    {
        if (!_threads.Remove(command.ThreadId, out (Thread Thread, WastRunner Runner) started))
        {
            _result.Fail(command.Line, command.Kind, $"a running thread ${command.ThreadId}", "no such thread (or it was waited for already)");
            return;
        }
        Join(started.Thread, started.Runner);
        _result.Record(command.Kind, WastOutcome.Passed);
    }

    private void Join(Thread thread, WastRunner runner)
    {
        thread.Join();
        _result.Add(runner._result);
        runner.Dispose();
    }

    private void JoinThreads()
    {
        foreach ((Thread thread, WastRunner runner) in _threads.Values) Join(thread, runner);
        _threads.Clear();
    }
}
