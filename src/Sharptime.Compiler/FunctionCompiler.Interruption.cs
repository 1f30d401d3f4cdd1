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
/// from the slow copy to the fast one. In the fast copy, small innermost loops are compiled several
/// times in a row with one check (<see cref="_copiedLoops"/>), and loops that call read the limit
/// through the context argument (<see cref="_loopsWithCalls"/>).
/// Docs: docs/rationale/0006-store-context-and-interruption.md.
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
        // The interpreter charged the call of a function whose loop continues in compiled code.
        _fuelPending = EntersLoops ? 0 : 1;
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

    /// <summary>Largest innermost loop body (bytes of Wasm) compiled <see cref="CopiesOfSmallLoop"/> times; larger ones up to <see cref="MaxCopiedLoopBody"/> twice.</summary>
    private const int MaxSmallLoopBody = 64;

    private const int CopiesOfSmallLoop = 4;

    /// <summary>Largest innermost loop body (bytes of Wasm) compiled more than once for epoch checks.</summary>
    private const int MaxCopiedLoopBody = 256;

    /// <summary>
    /// Innermost loops (by the offset of their <c>loop</c>) whose body the fast copy compiles
    /// several times in a row, with the epoch check before the first copy only: a copy's branch
    /// back to the loop goes to the next copy, the last copy's to the check. A tight loop then
    /// checks once every few iterations (sieve's marking loop is 9 instructions, the check 2).
    /// Value: the offset of the body's first instruction and the number of copies.
    /// </summary>
    private Dictionary<int, (int BodyStart, int Copies)>? _copiedLoops;

    /// <summary>Set at the end of a loop copy: where the next copy starts reading.</summary>
    private int _repeatFrom = -1;

    /// <summary>Where a loop compiled several times stands: the label of its epoch check, the label after the last copy, and copies still to compile.</summary>
    private sealed class LoopCopies
    {
        public required IlLabel Check;
        public required IlLabel Exit;
        public required int BodyStart;
        public required int Left;
        public bool ExitReached;
    }

    /// <summary>
    /// Loops (by the offset of their <c>loop</c>) that contain a call: their epoch check reads the
    /// limit through the context argument, which the calls keep in a register anyway, so that the
    /// store context does not take another callee-saved register (a push and a pop on every call
    /// of a recursive function: ackermann 1.21x).
    /// </summary>
    private HashSet<int>? _loopsWithCalls;

    /// <summary>
    /// Finds the loops that contain calls, and the loops worth compiling several times: only with
    /// epoch checks alone (fuel is charged per straight-line run), in the fast copy of a whole
    /// function that the JIT optimizes; innermost loops without parameters or results, try blocks
    /// or nested loops.
    /// </summary>
    private void ScanLoops(ReadOnlySpan<byte> code, int codeOffset)
    {
        if (!EpochInterruption) return;
        bool copies = _slowCopyWanted && !ConsumeFuel && !_likelyMinOpts && Parts is null;
        var reader = new InstructionReader(code, codeOffset);
        var instr = new Instruction();
        // Open blocks: the loop's offset and body start (-1 for other blocks), and whether it may be copied.
        var open = new List<(int Loop, int BodyStart, bool Copied)>();
        while (!reader.AtEnd)
        {
            reader.Read(ref instr);
            switch (instr.Opcode)
            {
                case Opcode.Block or Opcode.If:
                    open.Add((-1, -1, false));
                    break;
                case Opcode.Try or Opcode.TryTable:
                    NotCopied(open);
                    open.Add((-1, -1, false));
                    break;
                case Opcode.Loop:
                    NotCopied(open);
                    open.Add((instr.Offset, reader.Offset, copies && instr.Block.Kind == BlockTypeKind.Empty));
                    break;
                case Opcode.Call or Opcode.CallIndirect or Opcode.CallRef:
                    foreach (var block in open)
                        if (block.Loop >= 0) (_loopsWithCalls ??= []).Add(block.Loop);
                    break;
                case Opcode.End or Opcode.Delegate when open.Count > 0:
                    var (loop, bodyStart, copied) = open[^1];
                    open.RemoveAt(open.Count - 1);
                    int length = instr.Offset - bodyStart;
                    if (copied && length <= MaxCopiedLoopBody && !(_loopsCallingFirst?.Contains(loop) ?? false))
                        (_copiedLoops ??= [])[loop] = (bodyStart, length <= MaxSmallLoopBody ? CopiesOfSmallLoop : 2);
                    break;
            }
        }

        static void NotCopied(List<(int Loop, int BodyStart, bool Copied)> open)
        {
            for (int i = 0; i < open.Count; i++) open[i] = open[i] with { Copied = false };
        }
    }

    /// <summary>At a loop: when it is compiled several times, its branches go to the next copy, not back to its check.</summary>
    private void StartLoopCopies(Frame frame, int offset)
    {
        if (_copiedLoops is null || _inSlowCopy || _try is not null || _stack.Count != 0 || !_copiedLoops.TryGetValue(offset, out var loop)) return;
        frame.Copies = new LoopCopies { Check = frame.Label, Exit = _il.DefineLabel(), BodyStart = loop.BodyStart, Left = loop.Copies - 1 };
        frame.Label = _il.DefineLabel();
    }

    /// <summary>At the end of a loop copy that is not the last: falls out to after the last copy, and starts the next.</summary>
    private void StartNextLoopCopy(Frame frame, LoopCopies copies, bool reached)
    {
        if (reached)
        {
            _il.Emit(OpCodes.Br, copies.Exit);
            copies.ExitReached = true;
        }
        _il.MarkLabel(frame.Label);
        copies.Left--;
        _frames.Add(new Frame
        {
            Kind = Opcode.Loop, Params = [], Results = [], Height = frame.Height,
            Label = copies.Left == 0 ? copies.Check : _il.DefineLabel(), Copies = copies,
        });
        ResetStack(frame.Height, []);
        _unreachable = false;
        _repeatFrom = copies.BodyStart;
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
            bool viaArgument = _loopsWithCalls is not null && _loopsWithCalls.Contains(loopOffset);
            LoadStoreContext(viaArgument);
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
            LoadStoreContext(viaArgument);
            _il.Emit(OpCodes.Call, Method(typeof(StoreHelpers), nameof(StoreHelpers.Interrupted)));
            // The deadline callback is host code: it may have grown memory 0. (At function entry
            // the cache is not loaded yet: it is loaded after these checks.)
            if (_memory0 is not null) ReloadMemory0();
            _il.MarkLabel(ok);
        }
    }

    /// <summary>The store context: from the local that caches it, or through the context argument.</summary>
    private void LoadStoreContext(bool viaArgument)
    {
        if (viaArgument)
        {
            LoadContext();
            _il.Emit(OpCodes.Ldfld, StoreContextField);
        }
        else
        {
            _il.Emit(OpCodes.Ldloc, _storeContext!);
        }
    }
}
