using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Fuel and epoch checks (<see cref="Config.ConsumeFuel"/>, <see cref="Config.EpochInterruption"/>),
/// both against the store context, which a local caches for the whole body.
/// </summary>
/// <remarks>
/// Fuel: the cost of the instructions of each straight-line run is added up at compile time and
/// subtracted from <see cref="VmStoreContext.Fuel"/> once, before the control instruction that ends
/// the run (every branch, branch target, call, return and throw ends one), so the fuel is exact at
/// every call and loop header. Costs follow Wasmtime: 1 per instruction, 0 for nop, drop, block,
/// loop, end, else, unreachable and return, plus 1 for entering a function. Fuel below zero traps at
/// function entry and loop headers. Epochs: a store whose deadline is reached gets its stack limit
/// raised to <see cref="VmStoreContext.Interrupt"/> (<see cref="Runtime.EpochWatch"/>), so the stack
/// probe at function entry checks the epoch for free, and a loop header compares the limit (a
/// volatile load, so that the JIT cannot hoist it out of the loop) with that value, except in loops
/// whose first straight-line run calls a function of the module (that function's entry probe runs
/// on every iteration). A slow path that calls the deadline handler and returns into a loop makes
/// RyuJIT spill the loop's values around the call on every iteration, so bodies up to
/// <see cref="MaxSlowCopyBody"/> bytes are compiled twice: in the fast copy a loop header whose
/// limit is raised branches (IL stack empty, outside try blocks) to the same loop header in the
/// slow copy, whose checks call the handler inline; no path leads back
/// from the slow copy to the fast one. Docs: docs/rationale/0006-store-context-and-interruption.md.
/// </remarks>
internal sealed partial class FunctionCompiler
{
    private static readonly FieldInfo StoreContextField = Field(typeof(VmContext), nameof(VmContext.StoreContext));
    private static readonly FieldInfo FuelField = Field(typeof(VmStoreContext), nameof(VmStoreContext.Fuel));
    private static readonly FieldInfo StackLimitField = Field(typeof(VmStoreContext), nameof(VmStoreContext.StackLimit));

    private IlLocal? _storeContext;
    private long _fuelPending;

    /// <summary>Whether to count fuel.</summary>
    public bool ConsumeFuel { get; init; }

    /// <summary>Whether to check the epoch deadline.</summary>
    public bool EpochInterruption { get; init; }

    /// <summary>At function entry: caches the store context, charges the call and checks fuel and epoch.</summary>
    private void EmitEntryChecks()
    {
        if (!ConsumeFuel && !EpochInterruption) return;
        _storeContext = _il.DeclareLocal(typeof(VmStoreContext));
        LoadContext();
        _il.Emit(OpCodes.Ldfld, StoreContextField);
        _il.Emit(OpCodes.Stloc, _storeContext);
        _fuelPending = 1;
        FlushFuel();
        EmitInterruptChecks();
    }

    /// <summary>Before each compiled instruction: adds its cost; ends the straight-line run at control instructions.</summary>
    private void ChargeFuel(Opcode opcode)
    {
        if (!ConsumeFuel) return;
        _fuelPending += Runtime.FuelCosts.Of(opcode);
        if (Runtime.FuelCosts.EndsRun(opcode)) FlushFuel();
    }

    /// <summary>After a compiled instruction: a loop header checks fuel and epoch on every iteration.</summary>
    private void AfterInstruction(Opcode opcode, int offset)
    {
        if (opcode == Opcode.Loop) EmitInterruptChecks(offset);
    }

    /// <summary>
    /// Largest body (bytes of Wasm code) compiled twice for epoch checks: a fast copy whose loop
    /// headers branch to the slow copy when the deadline is reached, and a slow copy whose checks
    /// call the deadline handler inline.
    /// </summary>
    private const int MaxSlowCopyBody = 16 * 1024;

    /// <summary>Whether this body gets a slow copy (epochs on, body small enough).</summary>
    private bool _slowCopyWanted;

    /// <summary>Whether the slow copy is being compiled.</summary>
    private bool _inSlowCopy;

    /// <summary>Loop headers (by Wasm offset) of the fast copy that branch to the slow copy, and the label there.</summary>
    private readonly Dictionary<int, IlLabel> _slowLoopHeaders = [];

    /// <summary>
    /// Loops (by Wasm offset) whose body starts with a straight-line run that calls a function of
    /// this module: that function checks the epoch at entry on every iteration, so the loop header
    /// does not (the check moves a few instructions later; epochs are not exact anyway).
    /// </summary>
    private HashSet<int>? _loopsCallingFirst;

    private void FindLoopsCallingFirst(ReadOnlySpan<byte> code, int codeOffset)
    {
        if (!EpochInterruption) return;
        var reader = new InstructionReader(code, codeOffset);
        var instr = new Instruction();
        int loop = -1;
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            if (loop >= 0)
            {
                if (instr.Opcode == Opcode.Call && instr.Index >= (uint)_module.ImportedFunctionCount)
                {
                    (_loopsCallingFirst ??= []).Add(loop);
                    loop = -1;
                }
                else if (Runtime.FuelCosts.EndsRun(instr.Opcode))
                {
                    loop = -1;
                }
            }
            if (instr.Opcode == Opcode.Loop) loop = instr.Offset;
        }
    }

    /// <summary>In the slow copy, at a loop's label: the target of the fast copy's branch for that loop.</summary>
    private void MarkSlowLoopHeader(int offset)
    {
        if (_inSlowCopy && _slowLoopHeaders.TryGetValue(offset, out IlLabel l)) _il.MarkLabel(l);
    }

    /// <summary><c>storeContext.Fuel -= pending</c>; leaves the IL stack as it was.</summary>
    private void FlushFuel()
    {
        if (_fuelPending == 0 || !ConsumeFuel) return;
        _il.Emit(OpCodes.Ldloc, _storeContext!);
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Ldfld, FuelField);
        _il.Emit(OpCodes.Ldc_I8, _fuelPending);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Stfld, FuelField);
        _fuelPending = 0;
    }

    private void EmitInterruptChecks(int loopOffset = -1)
    {
        if (ConsumeFuel)
        {
            IlLabel ok = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, _storeContext!);
            _il.Emit(OpCodes.Ldfld, FuelField);
            _il.Emit(OpCodes.Ldc_I4_0);
            _il.Emit(OpCodes.Conv_I8);
            _il.Emit(OpCodes.Bge, ok);
            _il.Emit(OpCodes.Ldloc, _storeContext!);
            _il.Emit(OpCodes.Call, Method(typeof(StoreHelpers), nameof(StoreHelpers.OutOfFuel)));
            _il.Emit(OpCodes.Throw);
            _il.MarkLabel(ok);
        }
        // At function entry the stack probe checks the epoch (an interrupt raises the stack limit).
        if (EpochInterruption && loopOffset >= 0 && !(_loopsCallingFirst is not null && _loopsCallingFirst.Contains(loopOffset)))
        {
            IlLabel ok = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, _storeContext!);
            _il.Emit(OpCodes.Volatile);
            _il.Emit(OpCodes.Ldfld, StackLimitField);
            _il.Emit(OpCodes.Ldc_I4_M1);
            _il.Emit(OpCodes.Conv_I); // VmStoreContext.Interrupt: all ones (conv.u would zero-extend)
            if (_slowCopyWanted && !_inSlowCopy && _try is null && _stack.Count == 0)
            {
                // Fast copy: the slow path leaves for the same loop header in the slow copy, so no
                // call returns into this loop.
                IlLabel slow = _il.DefineLabel();
                _slowLoopHeaders[loopOffset] = slow;
                _il.Emit(OpCodes.Beq, slow);
                return;
            }
            _il.Emit(OpCodes.Bne_Un, ok);
            _il.Emit(OpCodes.Ldloc, _storeContext!);
            _il.Emit(OpCodes.Call, Method(typeof(StoreHelpers), nameof(StoreHelpers.Interrupted)));
            // The deadline callback is host code: it may have grown memory 0. (At function entry
            // the cache is not loaded yet: it is loaded after these checks.)
            if (_memory0 is not null) ReloadMemory0();
            _il.MarkLabel(ok);
        }
    }
}
