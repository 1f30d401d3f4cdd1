using Sharptime.Binary;

namespace Sharptime.Runtime;

/// <summary>
/// What fuel costs (<see cref="Config.ConsumeFuel"/>), one definition for the compiler and the
/// interpreter so that both count alike. Costs follow Wasmtime: 1 per instruction, 0 for nop, drop,
/// block, loop, end, else, unreachable and return. The cost of a straight-line run is charged at
/// once, before the control instruction that ends it.
/// </summary>
internal static class FuelCosts
{
    public static int Of(Opcode opcode) => opcode
        is Opcode.Nop or Opcode.Drop or Opcode.Block or Opcode.Loop or Opcode.End or Opcode.Else
        or Opcode.Unreachable or Opcode.Return ? 0 : 1;

    /// <summary>Whether the instruction is a control instruction (ends a straight-line run).</summary>
    public static bool EndsRun(Opcode opcode) => opcode
        is Opcode.Unreachable or Opcode.Block or Opcode.Loop or Opcode.If or Opcode.Else or Opcode.End
        or Opcode.Br or Opcode.BrIf or Opcode.BrTable or Opcode.Return
        or Opcode.Call or Opcode.CallIndirect or Opcode.CallRef
        or Opcode.ReturnCall or Opcode.ReturnCallIndirect or Opcode.ReturnCallRef
        or Opcode.Throw or Opcode.ThrowRef or Opcode.Rethrow
        or Opcode.Try or Opcode.TryTable or Opcode.Catch or Opcode.CatchAll or Opcode.Delegate
        or Opcode.BrOnNull or Opcode.BrOnNonNull or Opcode.BrOnCast or Opcode.BrOnCastFail;
}
