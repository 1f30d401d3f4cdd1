using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

/// <summary>
/// The loop-entry method of a function (<see cref="EntersLoops"/>), for <see cref="Strategy.Tiered"/>:
/// a loop that the interpreter runs when the module's code arrives continues in compiled code.
/// The method is the function's body compiled again with another prologue and another return:
/// <c>static void (int loopOffset, ReadOnlySpan&lt;Value&gt; locals, Span&lt;Value&gt; results, VmContext ctx)</c>.
/// The prologue is the function's (stack probe, caches of memory, globals and tables), then every
/// Wasm local (parameters first) is read from <c>locals</c>, then a dispatch after the body jumps
/// to the header of the loop at <c>loopOffset</c>. Only loops with an empty operand stack, no
/// parameters and outside try blocks can be entered (their IL stack is empty and IL cannot
/// branch into a try block); <see cref="EnteredLoops"/> lists them. Every return stores the results
/// into <c>results</c>. Functions with tail calls or exception handling get no such method
/// (<see cref="ModuleCompiler"/>). Docs: docs/rationale/0009-interpreter.md.
/// </summary>
internal sealed partial class FunctionCompiler
{
    /// <summary>Compiles the loop-entry method of the function instead of the function.</summary>
    public bool EntersLoops { get; init; }

    /// <summary>The loop headers this method can enter, by Wasm offset, with their labels.</summary>
    private readonly List<(int Offset, IlLabel Label)> _loopEntries = [];

    private IlLabel _loopDispatch;

    /// <summary>The Wasm offsets of the loops the loop-entry method can enter, ascending.</summary>
    public int[] EnteredLoops
    {
        get
        {
            var offsets = new int[_loopEntries.Count];
            for (int i = 0; i < offsets.Length; i++) offsets[i] = _loopEntries[i].Offset;
            Array.Sort(offsets);
            return offsets;
        }
    }

    /// <summary>After the prologue: the Wasm locals from the <c>locals</c> argument, then a jump to the dispatch.</summary>
    private void EmitLoopEntryPrologue(FunctionBody body)
    {
        var types = new List<ValueType>(_type.Params);
        foreach (LocalRun run in body.Locals)
        {
            for (uint i = 0; i < run.Count; i++) types.Add(run.Type);
        }
        for (int i = 0; i < types.Count; i++)
        {
            _il.Emit(OpCodes.Ldarga_S, (byte)1);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Call, Trampolines.ArgItem);
            _il.Emit(OpCodes.Call, typeof(Values).GetMethod(Trampolines.ToName(types[i]))!);
            _il.Emit(OpCodes.Stloc, _locals[i]);
        }
        _loopDispatch = _il.DefineLabel();
        _il.Emit(OpCodes.Br, _loopDispatch);
    }

    /// <summary>At a loop header (its label marked): records it when the loop-entry method can enter it.</summary>
    private void MarkLoopEntry(Frame frame, int offset)
    {
        if (EntersLoops && !_inSlowCopy && _stack.Count == 0 && _try is null && frame.Params.Length == 0) _loopEntries.Add((offset, frame.Label));
    }

    /// <summary>After the body: jumps to the loop the first argument names.</summary>
    private void EmitLoopDispatch()
    {
        _il.MarkLabel(_loopDispatch);
        foreach ((int offset, IlLabel label) in _loopEntries)
        {
            _il.Emit(OpCodes.Ldarg_0);
            EmitLdcI4(offset);
            _il.Emit(OpCodes.Beq, label);
        }
        // The runtime passes only offsets from EnteredLoops.
        _il.Emit(OpCodes.Ret);
    }

    /// <summary>A return of the loop-entry method: the results (on the stack) go to the <c>results</c> argument.</summary>
    private void EmitLoopEntryReturn()
    {
        ValueType[] results = _type.Results;
        var temps = new IlLocal[results.Length];
        for (int i = results.Length - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(ClrTypes.Of(results[i]));
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        for (int i = results.Length; i < _stack.Count; i++) _il.Emit(OpCodes.Pop);
        for (int i = 0; i < results.Length; i++)
        {
            _il.Emit(OpCodes.Ldarga_S, (byte)2);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Call, Trampolines.ResultItem);
            _il.Emit(OpCodes.Ldloc, temps[i]);
            _il.Emit(OpCodes.Call, typeof(Values).GetMethod(Trampolines.FromName(results[i]))!);
            _il.Emit(OpCodes.Stobj, typeof(Value));
            ReturnTemp(temps[i]);
        }
        _il.Emit(OpCodes.Ret);
    }
}
