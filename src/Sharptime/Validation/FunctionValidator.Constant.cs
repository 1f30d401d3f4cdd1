using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Constant expressions (Wasm 3.0 section 3.4.13): which instructions they may contain.</summary>
internal sealed partial class FunctionValidator
{
    private void CheckConstant(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.End:
            case Opcode.I32Const:
            case Opcode.I64Const:
            case Opcode.F32Const:
            case Opcode.F64Const:
            case Opcode.V128Const:
            case Opcode.RefNull:
            case Opcode.RefFunc:
            case Opcode.GlobalGet:
            case Opcode.StructNew:
            case Opcode.StructNewDefault:
            case Opcode.ArrayNew:
            case Opcode.ArrayNewDefault:
            case Opcode.ArrayNewFixed:
            case Opcode.RefI31:
            case Opcode.AnyConvertExtern:
            case Opcode.ExternConvertAny:
                return;
            case Opcode.I32Add:
            case Opcode.I32Sub:
            case Opcode.I32Mul:
            case Opcode.I64Add:
            case Opcode.I64Sub:
            case Opcode.I64Mul:
                if ((_features & WasmFeatures.ExtendedConst) != 0) return;
                break;
        }
        Fail($"constant expression required: {instr.Info.Name} is not a constant instruction");
    }
}
