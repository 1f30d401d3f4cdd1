using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitVariable(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.LocalGet:
                LoadLocal((int)instr.Index);
                Push(_localTypes[instr.Index]);
                return true;
            case Opcode.LocalSet:
                Pop();
                StoreLocal((int)instr.Index);
                return true;
            case Opcode.LocalTee:
                // A store and a load, not dup + store: for dup the JIT makes a temporary that lives
                // next to the local, and hash rounds written with tees (blake3, keccak) spilled
                // twice as much (blake3-scalar 8.4 -> 6.4 ms, keccak 10.5 -> 6.7 ms, seqhash
                // 2.95 -> 3.40 s the other way; 26 programs' geomean against TurboFan 1.27 -> 1.22).
                StoreLocal((int)instr.Index);
                LoadLocal((int)instr.Index);
                return true;
            case Opcode.GlobalGet:
            {
                // Integer and reference cells are read as fields: a helper call is a real call
                // wherever the JIT does not inline (MinOpts, and methods past its inlining limits).
                Binary.GlobalType g = _module.GlobalTypes[instr.Index];
                LoadGlobalCell((int)instr.Index);
                switch (g.Type.Kind)
                {
                    case ValueKind.I32:
                        _il.Emit(OpCodes.Ldfld, Field(typeof(GlobalInstance), nameof(GlobalInstance.Bits)));
                        _il.Emit(OpCodes.Conv_I4);
                        break;
                    case ValueKind.I64:
                        _il.Emit(OpCodes.Ldfld, Field(typeof(GlobalInstance), nameof(GlobalInstance.Bits)));
                        break;
                    case ValueKind.Ref:
                        _il.Emit(OpCodes.Ldfld, Field(typeof(GlobalInstance), nameof(GlobalInstance.Ref)));
                        break;
                    default:
                        _il.Emit(OpCodes.Call, Method(typeof(GlobalInstance), "Get" + GlobalSuffix(g.Type)));
                        break;
                }
                Push(ClrTypes.Of(g.Type));
                return true;
            }
            case Opcode.GlobalSet:
            {
                Binary.GlobalType g = _module.GlobalTypes[instr.Index];
                Type t = Pop();
                if (g.Type.Kind is ValueKind.I32 or ValueKind.I64 or ValueKind.Ref)
                {
                    IlLocal value = RentTemp(t);
                    _il.Emit(OpCodes.Stloc, value);
                    LoadGlobalCell((int)instr.Index);
                    _il.Emit(OpCodes.Ldloc, value);
                    ReturnTemp(value);
                    if (g.Type.Kind == ValueKind.I32) _il.Emit(OpCodes.Conv_I8);
                    _il.Emit(OpCodes.Stfld, Field(typeof(GlobalInstance), g.Type.Kind == ValueKind.Ref ? nameof(GlobalInstance.Ref) : nameof(GlobalInstance.Bits)));
                    return true;
                }
                LoadGlobalCell((int)instr.Index);
                _il.Emit(OpCodes.Call, Method(typeof(GlobalInstance), "Set" + GlobalSuffix(g.Type)));
                return true;
            }
            default:
                return false;
        }
    }

    private static string GlobalSuffix(Binary.ValueType t) => t.Kind switch
    {
        ValueKind.I32 => "I32",
        ValueKind.I64 => "I64",
        ValueKind.F32 => "F32",
        ValueKind.F64 => "F64",
        ValueKind.Ref => "Ref",
        ValueKind.V128 => "V128",
        _ => throw new NotSupportedException($"globals of type {t} are not supported"),
    };

    private void LoadGlobalCell(int index)
    {
        if (_globals is null)
        {
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Globals)));
        }
        else
        {
            _il.Emit(OpCodes.Ldloc, _globals);
        }
        EmitLdcI4(index);
        _il.Emit(OpCodes.Ldelem_Ref);
    }

    private void LoadLocal(int index)
    {
        int p = _argumentLocals;
        if (index < p) EmitLdarg(index);
        else _il.Emit(OpCodes.Ldloc, _locals[index - p]);
    }

    private void StoreLocal(int index)
    {
        int p = _argumentLocals;
        if (index < p) { if (index <= byte.MaxValue) _il.Emit(OpCodes.Starg_S, (byte)index); else _il.Emit(OpCodes.Starg, (short)index); }
        else _il.Emit(OpCodes.Stloc, _locals[index - p]);
    }
}
