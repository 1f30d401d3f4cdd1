namespace Sharptime.Text.Scripts;

/// <summary>
/// Execution of script commands, used when the engine has a code generator: modules are instantiated in one
/// store per script, with the "spectest" host module and registered instances in one linker.
/// </summary>
internal sealed partial class WastRunner
{
    private Store? _store;
    private Linker? _linker;
    private Instance? _current;
    private Module? _lastDefinition;
    private readonly Dictionary<string, Instance> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Module> _definitions = new(StringComparer.Ordinal);

    // Where the module an action would use failed, so that the action's failure names the cause instead of
    // running against an older instance.
    private int _currentFailedLine;
    private readonly Dictionary<string, int> _failedLines = new(StringComparer.Ordinal);
    private readonly WastValues _values = new();

    /// <summary>Waits for the script's threads nobody waited for, then frees the stores (their memories and compiled code).</summary>
    public void Dispose()
    {
        JoinThreads();
        _store?.Dispose();
    }

    private Linker Linker
    {
        get
        {
            if (_linker is null)
            {
                _store = new Store(_engine);
                // Scripts run to completion: with fuel or epochs compiled in, give them all there is.
                if (_engine.Config.ConsumeFuel) _store.SetFuel(ulong.MaxValue);
                if (_engine.Config.EpochInterruption) _store.SetEpochDeadline(ulong.MaxValue);
                _linker = new Linker(_engine) { AllowShadowing = true };
                SpecTestModule.Define(_linker, _store);
                // A script thread sees the same spectest.shared_memory as the script that started it.
                if (_parent is not null) _linker.Define(SpecTestModule.Name, "shared_memory", _parent.Linker.Get(_parent.Store, SpecTestModule.Name, "shared_memory")!);
            }
            return _linker;
        }
    }

    private Store Store
    {
        get
        {
            _ = Linker;
            return _store!;
        }
    }

    private void ExecuteModule(WastModuleCommand command)
    {
        Module module;
        try
        {
            module = CreateModule(Encode(command.Module));
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, "the module to decode and validate", Describe(e));
            if (!command.Module.IsDefinition) Failed(command.Line, command.Module.Id);
            return;
        }
        if (command.Module.IsDefinition)
        {
            _lastDefinition = module;
            if (command.Module.Id is not null) _definitions[command.Module.Id] = module;
            _result.Record(command.Kind, WastOutcome.Passed);
            return;
        }
        Instantiate(command, module, command.Module.Id);
    }

    private void ExecuteInstance(WastInstanceCommand command)
    {
        Module? module = command.ModuleId is null ? _lastDefinition : _definitions.GetValueOrDefault(command.ModuleId);
        if (module is null)
        {
            _result.Fail(command.Line, command.Kind, "a module definition", command.ModuleId is null ? "no module definition" : $"no module definition ${command.ModuleId}");
            return;
        }
        Instantiate(command, module, command.InstanceId);
    }

    private void Instantiate(WastCommand command, Module module, string? id)
    {
        try
        {
            Instance instance = Linker.Instantiate(Store, module);
            _current = instance;
            _currentFailedLine = 0;
            if (id is not null)
            {
                _instances[id] = instance;
                _failedLines.Remove(id);
            }
            _result.Record(command.Kind, WastOutcome.Passed);
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, "the module to link and instantiate", Describe(e));
            Failed(command.Line, id);
        }
    }

    private void Failed(int line, string? id)
    {
        _current = null;
        _currentFailedLine = line;
        if (id is not null)
        {
            _instances.Remove(id);
            _failedLines[id] = line;
        }
    }

    private void ExecuteRegister(WastRegisterCommand command)
    {
        Instance? instance = FindInstance(command.ModuleId);
        if (instance is null)
        {
            _result.Fail(command.Line, command.Kind, "an instance to register", NoInstance(command.ModuleId));
            return;
        }
        Linker.DefineInstance(command.Name, instance);
        _result.Record(command.Kind, WastOutcome.Passed);
    }

    private Instance? FindInstance(string? id) => id is null ? _current : _instances.GetValueOrDefault(id);

    private string NoInstance(string? id)
    {
        int failed = id is null ? _currentFailedLine : _failedLines.GetValueOrDefault(id);
        if (failed != 0) return $"the module at line {failed} failed, so there is no instance{(id is null ? "" : " $" + id)}";
        return id is null ? "no module has been instantiated" : $"no instance ${id}";
    }

    /// <summary>Runs an action; returns the results, or null after recording the failure.</summary>
    private Value[]? Perform(WastCommand command, WastAction action, string expected)
    {
        Instance? instance = FindInstance(action.ModuleId);
        if (instance is null)
        {
            _result.Fail(command.Line, command.Kind, expected, NoInstance(action.ModuleId));
            return null;
        }
        if (!action.IsInvoke)
        {
            if (instance.GetGlobal(action.Name) is not Global global)
            {
                _result.Fail(command.Line, command.Kind, expected, $"no global export \"{action.Name}\"");
                return null;
            }
            return [global.Value];
        }
        if (instance.GetFunction(action.Name) is not Func func)
        {
            _result.Fail(command.Line, command.Kind, expected, $"no function export \"{action.Name}\"");
            return null;
        }
        var args = new Value[action.Arguments.Count];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = i < func.Type.Params.Count ? _values.ToValue(action.Arguments[i], func.Type.Params[i]) : _values.ToValue(action.Arguments[i]);
        }
        return func.Call(args);
    }

    private void ExecuteAction(WastActionCommand command)
    {
        try
        {
            if (Perform(command, command.Action, "the action to complete") is not null) _result.Record(command.Kind, WastOutcome.Passed);
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, "the action to complete", Describe(e));
        }
    }

    private void ExecuteAssertReturn(WastAssertReturnCommand command)
    {
        string expected = $"[{string.Join(", ", command.Results.Select(WastValues.Describe))}]";
        Value[]? results;
        try
        {
            results = Perform(command, command.Action, expected);
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, expected, Describe(e));
            return;
        }
        if (results is null) return;
        bool ok = results.Length == command.Results.Count;
        for (int i = 0; ok && i < results.Length; i++) ok = _values.Matches(results[i], command.Results[i]);
        if (ok) _result.Record(command.Kind, WastOutcome.Passed);
        else _result.Fail(command.Line, command.Kind, expected, $"[{string.Join(", ", results.Select(WastValues.Describe))}]");
    }

    private void ExecuteAssertAction(WastAssertActionCommand command)
    {
        if (command.Kind == "assert_exception")
        {
            try
            {
                if (Perform(command, command.Action, "an exception") is null) return;
                _result.Fail(command.Line, command.Kind, "an exception", "the action returned");
            }
            catch (ThrownException)
            {
                _result.Record(command.Kind, WastOutcome.Passed);
            }
            catch (WasmException e)
            {
                _result.Fail(command.Line, command.Kind, "an exception", Describe(e));
            }
            return;
        }
        string expected = $"trap \"{command.Message}\"";
        try
        {
            if (Perform(command, command.Action, expected) is null) return;
            _result.Fail(command.Line, command.Kind, expected, "the action returned");
        }
        catch (TrapException e) when (e.Message.StartsWith(command.Message!, StringComparison.Ordinal)
            && (command.Kind != "assert_exhaustion" || e.Code == TrapCode.StackOverflow))
        {
            _result.Record(command.Kind, WastOutcome.Passed);
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, expected, Describe(e));
        }
    }

    /// <summary>assert_unlinkable, assert_uninstantiable and assert_trap with a module.</summary>
    private void ExecuteModuleFailure(WastAssertModuleCommand command)
    {
        bool link = command.Kind == "assert_unlinkable";
        string expected = $"{(link ? "link error" : "trap")} \"{command.Message}\"";
        Module module;
        try
        {
            module = CreateModule(Encode(command.Module));
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, $"a valid module (then {expected})", Describe(e));
            return;
        }
        try
        {
            Linker.Instantiate(Store, module);
            _result.Fail(command.Line, command.Kind, expected, "the module instantiated");
        }
        catch (WasmException e) when ((link ? e is LinkException : e is TrapException)
            && e.Message.StartsWith(command.Message, StringComparison.Ordinal))
        {
            _result.Record(command.Kind, WastOutcome.Passed);
        }
        catch (WasmException e)
        {
            _result.Fail(command.Line, command.Kind, expected, Describe(e));
        }
    }
}
