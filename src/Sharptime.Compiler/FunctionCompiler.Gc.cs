using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

/// <summary>
/// The GC instructions: calls of the helpers in <see cref="Gc"/>, which the interpreter shares. A
/// helper is chosen by the field's or element's storage, so that operands and results keep their
/// CLR types (packed fields travel as i32).
/// </summary>
internal sealed partial class FunctionCompiler
{
    private bool EmitGc(ref Instruction instr)
    {
        int type = (int)instr.Index;
        switch (instr.Opcode)
        {
            case Opcode.StructNewDefault:
                EmitHelper(GcMethod(nameof(Gc.NewStruct)), 0, type);
                return true;
            case Opcode.StructNew:
                EmitStructNew(type);
                return true;
            case Opcode.StructGet:
                EmitHelper(GcMethod("StructGet" + Suffix(FieldOf(type, instr.Index2))), 1, (int)instr.Index2);
                return true;
            case Opcode.StructGetS:
                EmitHelper(GcMethod(nameof(Gc.StructGetS)), 1, (int)instr.Index2);
                return true;
            case Opcode.StructGetU:
                EmitHelper(GcMethod(nameof(Gc.StructGetU)), 1, (int)instr.Index2);
                return true;
            case Opcode.StructSet:
                EmitHelper(GcMethod("StructSet" + Suffix(FieldOf(type, instr.Index2))), 2, (int)instr.Index2);
                return true;
            case Opcode.ArrayNew:
                EmitHelper(GcMethod("ArrayNew" + Suffix(ElementOf(type))), 2, type);
                return true;
            case Opcode.ArrayNewDefault:
                EmitHelper(GcMethod(nameof(Gc.ArrayNewDefault)), 1, type);
                return true;
            case Opcode.ArrayNewFixed:
                EmitArrayNewFixed(type, (int)instr.Index2);
                return true;
            case Opcode.ArrayNewData:
                EmitHelper(GcMethod(nameof(Gc.ArrayNewData)), 2, type, (int)instr.Index2);
                return true;
            case Opcode.ArrayNewElem:
                EmitHelper(GcMethod(nameof(Gc.ArrayNewElem)), 2, type, (int)instr.Index2);
                return true;
            case Opcode.ArrayGet:
                EmitHelper(GcMethod("ArrayGet" + Suffix(ElementOf(type))), 2);
                return true;
            case Opcode.ArrayGetS:
                EmitHelper(GcMethod(nameof(Gc.ArrayGetS)), 2);
                return true;
            case Opcode.ArrayGetU:
                EmitHelper(GcMethod(nameof(Gc.ArrayGetU)), 2);
                return true;
            case Opcode.ArraySet:
                EmitHelper(GcMethod("ArraySet" + Suffix(ElementOf(type))), 3);
                return true;
            case Opcode.ArrayLen:
                EmitHelper(GcMethod(nameof(Gc.ArrayLen)), 1);
                return true;
            case Opcode.ArrayFill:
                EmitHelper(GcMethod("ArrayFill" + Suffix(ElementOf(type))), 4);
                return true;
            case Opcode.ArrayCopy:
                EmitHelper(GcMethod(nameof(Gc.ArrayCopy)), 5);
                return true;
            case Opcode.ArrayInitData:
                EmitHelper(GcMethod(nameof(Gc.ArrayInitData)), 4, (int)instr.Index2);
                return true;
            case Opcode.ArrayInitElem:
                EmitHelper(GcMethod(nameof(Gc.ArrayInitElem)), 4, (int)instr.Index2);
                return true;
            case Opcode.RefI31:
                EmitHelper(GcMethod(nameof(Gc.RefI31)), 1);
                return true;
            case Opcode.I31GetS:
                EmitHelper(GcMethod(nameof(Gc.I31GetS)), 1);
                return true;
            case Opcode.I31GetU:
                EmitHelper(GcMethod(nameof(Gc.I31GetU)), 1);
                return true;
            case Opcode.RefEq:
                EmitHelper(GcMethod(nameof(Gc.RefEq)), 2);
                return true;
            case Opcode.RefTest or Opcode.RefTestNull:
                EmitHelper(GcMethod(nameof(Gc.RefTest)), 1, Gc.EncodeHeap(instr.Heap), instr.Opcode == Opcode.RefTestNull ? 1 : 0);
                return true;
            case Opcode.RefCast or Opcode.RefCastNull:
                EmitHelper(GcMethod(nameof(Gc.RefCast)), 1, Gc.EncodeHeap(instr.Heap), instr.Opcode == Opcode.RefCastNull ? 1 : 0);
                return true;
            case Opcode.BrOnCast or Opcode.BrOnCastFail:
            {
                // The reference stays on the stack on both paths; only its static type differs.
                Label stay = _il.DefineLabel();
                _il.Emit(OpCodes.Dup);
                LoadContext();
                EmitLdcI4(Gc.EncodeHeap(instr.Heap2));
                EmitLdcI4((int)(instr.Index2 >> 1) & 1);
                _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.RefTest)));
                _il.Emit(instr.Opcode == Opcode.BrOnCast ? OpCodes.Brfalse : OpCodes.Brtrue, stay);
                EmitBranch(_frames[^(1 + (int)instr.Index)]);
                _il.MarkLabel(stay);
                return true;
            }
            case Opcode.AnyConvertExtern or Opcode.ExternConvertAny:
                // Both hierarchies hold the same objects: the conversion changes only the static type.
                return true;
            default:
                return false;
        }
    }

    /// <summary><c>struct.new</c>: the field values go to temps, then into a new default struct.</summary>
    private void EmitStructNew(int type)
    {
        var fields = ((StructCompositeType)_module.Types[type].Composite).Fields;
        LocalBuilder[] temps = StoreOperands(fields.Length);
        LoadContext();
        EmitLdcI4(type);
        _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.NewStruct)));
        for (int i = 0; i < fields.Length; i++)
        {
            _il.Emit(OpCodes.Dup);
            _il.Emit(OpCodes.Ldloc, temps[i]);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Call, GcMethod("StructSet" + Suffix(fields[i].Storage)));
            ReturnTemp(temps[i]);
        }
        Push(typeof(object));
    }

    /// <summary><c>array.new_fixed</c>: the element values go to temps, then into a new default array.</summary>
    private void EmitArrayNewFixed(int type, int count)
    {
        MethodInfo set = GcMethod("ArraySet" + Suffix(ElementOf(type)));
        LocalBuilder[] temps = StoreOperands(count);
        EmitLdcI4(count);
        LoadContext();
        EmitLdcI4(type);
        _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.ArrayNewDefault)));
        for (int i = 0; i < count; i++)
        {
            _il.Emit(OpCodes.Dup);
            EmitLdcI4(i);
            _il.Emit(OpCodes.Ldloc, temps[i]);
            _il.Emit(OpCodes.Call, set);
            ReturnTemp(temps[i]);
        }
        Push(typeof(object));
    }

    /// <summary>Pops the top <paramref name="count"/> operands into temps, the deepest first in the result.</summary>
    private LocalBuilder[] StoreOperands(int count)
    {
        var temps = new LocalBuilder[count];
        for (int i = count - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(Pop());
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        return temps;
    }

    private ValueType FieldOf(int type, uint field) => ((StructCompositeType)_module.Types[type].Composite).Fields[field].Storage;

    private ValueType ElementOf(int type) => ((ArrayCompositeType)_module.Types[type].Composite).Element.Storage;

    /// <summary>The suffix of the helper for a storage type: packed fields use the i32 helpers.</summary>
    private static string Suffix(ValueType storage) => storage.Kind switch
    {
        ValueKind.I8 or ValueKind.I16 or ValueKind.I32 => "I32",
        ValueKind.I64 => "I64",
        ValueKind.F32 => "F32",
        ValueKind.F64 => "F64",
        ValueKind.V128 => "V128",
        _ => "Ref",
    };

    private static MethodInfo GcMethod(string name) => Method(typeof(Gc), name);
}
