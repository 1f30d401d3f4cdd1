using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;
using Sharptime.Runtime;
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
                EmitStructNew(type, fromOperands: false);
                return true;
            case Opcode.StructNew:
                EmitStructNew(type, fromOperands: true);
                return true;
            case Opcode.StructGet or Opcode.StructGetS or Opcode.StructGetU:
                EmitStructGet(type, (int)instr.Index2, signed: instr.Opcode == Opcode.StructGetS);
                return true;
            case Opcode.StructSet:
                EmitStructSet(type, (int)instr.Index2);
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
            case Opcode.ArrayGet or Opcode.ArrayGetS or Opcode.ArrayGetU:
                EmitArrayGet(type, signed: instr.Opcode == Opcode.ArrayGetS);
                return true;
            case Opcode.ArraySet:
                EmitArraySet(type);
                return true;
            case Opcode.ArrayLen:
                Pop();
                EmitElements(typeof(Array));
                _il.Emit(OpCodes.Ldlen);
                _il.Emit(OpCodes.Conv_I4);
                Push(typeof(int));
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
                IlLabel stay = _il.DefineLabel();
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
            case Opcode.AnyConvertExtern:
                EmitHelper(GcMethod(nameof(Gc.AnyConvertExtern)), 1);
                return true;
            case Opcode.ExternConvertAny:
                EmitHelper(GcMethod(nameof(Gc.ExternConvertAny)), 1);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// <c>struct.new</c> (field values from temps) and <c>struct.new_default</c>: a new struct of the
    /// type's class, its fields stored directly (<see cref="GcStruct"/>).
    /// </summary>
    private void EmitStructNew(int type, bool fromOperands)
    {
        StructLayout layout = LayoutOf(type);
        IlLocal[] temps = fromOperands ? StoreOperands(layout.Fields.Length) : [];
        LoadContext();
        if (layout.Width == 0)
        {
            EmitLdcI4(type);
            _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.NewStruct)));
        }
        else
        {
            // Allocated inline: the JIT's allocator fast path, no helper call.
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Types)));
            EmitLdcI4(type);
            _il.Emit(OpCodes.Ldelem_Ref);
            _il.Emit(OpCodes.Newobj, StructConstructors[Math.Min(layout.Width, GcStructN.InlineSlots + 1) - 1]);
        }
        if (fromOperands)
        {
            for (int i = 0; i < layout.Fields.Length; i++)
            {
                _il.Emit(OpCodes.Dup);
                EmitFieldStore(layout, i, temps[i]);
                ReturnTemp(temps[i]);
            }
        }
        Push(typeof(object));
    }

    /// <summary><c>struct.get</c>, <c>struct.get_s</c>, <c>struct.get_u</c>: a null check, a cast to the field's class, a field load.</summary>
    private void EmitStructGet(int type, int field, bool signed)
    {
        StructLayout layout = LayoutOf(type);
        StorageKind kind = layout.Fields[field];
        int slot = layout.Slots[field];
        Pop();
        if (kind == StorageKind.V128)
        {
            Push(typeof(object));
            EmitHelper(GcMethod(nameof(Gc.StructGetV128)), 1, field);
            return;
        }
        EmitNullStructureCheck();
        _il.Emit(OpCodes.Castclass, CastClass(layout, slot));
        EmitSlotAddress(slot, kind == StorageKind.Ref, load: true);
        switch (kind)
        {
            case StorageKind.Ref: Push(typeof(object)); return;
            case StorageKind.I64: Push(typeof(long)); return;
            case StorageKind.F64:
                _il.Emit(OpCodes.Call, Method(typeof(BitConverter), nameof(BitConverter.Int64BitsToDouble)));
                Push(typeof(double));
                return;
            case StorageKind.F32:
                _il.Emit(OpCodes.Conv_I4);
                _il.Emit(OpCodes.Call, Method(typeof(BitConverter), nameof(BitConverter.Int32BitsToSingle)));
                Push(typeof(float));
                return;
            case StorageKind.I8: _il.Emit(signed ? OpCodes.Conv_I1 : OpCodes.Conv_U1); break;
            case StorageKind.I16: _il.Emit(signed ? OpCodes.Conv_I2 : OpCodes.Conv_U2); break;
            default: _il.Emit(OpCodes.Conv_I4); break;
        }
        Push(typeof(int));
    }

    /// <summary><c>struct.set</c>: the value to a temp, a null check, a cast to the field's class, a field store.</summary>
    private void EmitStructSet(int type, int field)
    {
        StructLayout layout = LayoutOf(type);
        if (layout.Fields[field] == StorageKind.V128)
        {
            EmitHelper(GcMethod(nameof(Gc.StructSetV128)), 2, field);
            return;
        }
        IlLocal value = RentTemp(Pop());
        _il.Emit(OpCodes.Stloc, value);
        Pop();
        EmitNullStructureCheck();
        _il.Emit(OpCodes.Castclass, CastClass(layout, layout.Slots[field]));
        EmitFieldStore(layout, field, value);
        ReturnTemp(value);
    }

    /// <summary>Stores <paramref name="value"/> into <paramref name="field"/> of the struct on the stack (cast to a class that has it).</summary>
    private void EmitFieldStore(StructLayout layout, int field, IlLocal value)
    {
        StorageKind kind = layout.Fields[field];
        int slot = layout.Slots[field];
        if (kind == StorageKind.V128)
        {
            _il.Emit(OpCodes.Ldloc, value);
            EmitLdcI4(field);
            _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.StructSetV128)));
            return;
        }
        bool isRef = kind == StorageKind.Ref;
        EmitSlotAddress(slot, isRef, load: false);
        _il.Emit(OpCodes.Ldloc, value);
        switch (kind)
        {
            case StorageKind.I8: _il.Emit(OpCodes.Conv_U1); _il.Emit(OpCodes.Conv_U8); break;
            case StorageKind.I16: _il.Emit(OpCodes.Conv_U2); _il.Emit(OpCodes.Conv_U8); break;
            case StorageKind.I32: _il.Emit(OpCodes.Conv_U8); break;
            case StorageKind.F32:
                _il.Emit(OpCodes.Call, Method(typeof(BitConverter), nameof(BitConverter.SingleToInt32Bits)));
                _il.Emit(OpCodes.Conv_U8);
                break;
            case StorageKind.F64:
                _il.Emit(OpCodes.Call, Method(typeof(BitConverter), nameof(BitConverter.DoubleToInt64Bits)));
                break;
        }
        if (slot < GcStructN.InlineSlots) _il.Emit(OpCodes.Stfld, SlotField(slot, isRef));
        else _il.Emit(isRef ? OpCodes.Stelem_Ref : OpCodes.Stelem_I8);
    }

    /// <summary>
    /// With a struct of the slot's class on the stack: loads the slot (<paramref name="load"/>), or
    /// leaves what a store needs under the value (the object for a field, the array and index beyond the inline slots).
    /// </summary>
    private void EmitSlotAddress(int slot, bool isRef, bool load)
    {
        if (slot < GcStructN.InlineSlots)
        {
            if (load) _il.Emit(OpCodes.Ldfld, SlotField(slot, isRef));
            return;
        }
        _il.Emit(OpCodes.Ldfld, typeof(GcStructN).GetField(isRef ? nameof(GcStructN.MoreRefs) : nameof(GcStructN.MoreScalars))!);
        EmitLdcI4(slot - GcStructN.InlineSlots);
        if (load) _il.Emit(isRef ? OpCodes.Ldelem_Ref : OpCodes.Ldelem_I8);
    }

    /// <summary>Traps with "null structure reference" when the top of the stack is null (the value stays).</summary>
    private void EmitNullStructureCheck()
    {
        IlLabel ok = _il.DefineLabel();
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Brtrue, ok);
        EmitLdcI4(_wasmOffsets[^1]);
        _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.NullStructureAt)));
        _il.Emit(OpCodes.Throw);
        _il.MarkLabel(ok);
    }

    /// <summary>
    /// The class to cast a struct of the layout's type to before reaching <paramref name="slot"/>: a
    /// final type has no subtypes, so its objects are exactly the class of its width (the cast is one
    /// compare); otherwise the first class that has the slot, which every subtype's class derives from.
    /// </summary>
    private static Type CastClass(StructLayout layout, int slot) => layout.Final ? StructClass(layout.Width - 1) : StructClass(slot);

    /// <summary>The class of a struct whose slot <paramref name="slot"/> exists: every struct that has the slot is one.</summary>
    private static Type StructClass(int slot) => slot < GcStructN.InlineSlots ? StructClasses[slot] : typeof(GcStructN);

    private static FieldInfo SlotField(int slot, bool isRef) => isRef ? RefFields[slot] : ScalarFields[slot];

    private static readonly Type[] StructClasses =
        [typeof(GcStruct1), typeof(GcStruct2), typeof(GcStruct3), typeof(GcStruct4), typeof(GcStruct5), typeof(GcStruct6), typeof(GcStruct7), typeof(GcStruct8)];

    /// <summary>The constructors of <see cref="StructClasses"/>, then <see cref="GcStructN"/>'s.</summary>
    private static readonly ConstructorInfo[] StructConstructors =
    [
        typeof(GcStruct1).GetConstructor([typeof(RuntimeType)])!, typeof(GcStruct2).GetConstructor([typeof(RuntimeType)])!,
        typeof(GcStruct3).GetConstructor([typeof(RuntimeType)])!, typeof(GcStruct4).GetConstructor([typeof(RuntimeType)])!,
        typeof(GcStruct5).GetConstructor([typeof(RuntimeType)])!, typeof(GcStruct6).GetConstructor([typeof(RuntimeType)])!,
        typeof(GcStruct7).GetConstructor([typeof(RuntimeType)])!, typeof(GcStruct8).GetConstructor([typeof(RuntimeType)])!,
        typeof(GcStructN).GetConstructor([typeof(RuntimeType)])!,
    ];

    private static readonly FieldInfo[] RefFields =
    [
        typeof(GcStruct1).GetField(nameof(GcStruct1.R0))!, typeof(GcStruct2).GetField(nameof(GcStruct2.R1))!,
        typeof(GcStruct3).GetField(nameof(GcStruct3.R2))!, typeof(GcStruct4).GetField(nameof(GcStruct4.R3))!,
        typeof(GcStruct5).GetField(nameof(GcStruct5.R4))!, typeof(GcStruct6).GetField(nameof(GcStruct6.R5))!,
        typeof(GcStruct7).GetField(nameof(GcStruct7.R6))!, typeof(GcStruct8).GetField(nameof(GcStruct8.R7))!,
    ];

    private static readonly FieldInfo[] ScalarFields =
    [
        typeof(GcStruct1).GetField(nameof(GcStruct1.S0))!, typeof(GcStruct2).GetField(nameof(GcStruct2.S1))!,
        typeof(GcStruct3).GetField(nameof(GcStruct3.S2))!, typeof(GcStruct4).GetField(nameof(GcStruct4.S3))!,
        typeof(GcStruct5).GetField(nameof(GcStruct5.S4))!, typeof(GcStruct6).GetField(nameof(GcStruct6.S5))!,
        typeof(GcStruct7).GetField(nameof(GcStruct7.S6))!, typeof(GcStruct8).GetField(nameof(GcStruct8.S7))!,
    ];

    /// <summary>A struct type's field storage and slots, as the runtime lays them out.</summary>
    private sealed record StructLayout(StorageKind[] Fields, int[] Slots, int Width, bool Final);

    private StructLayout LayoutOf(int type)
    {
        _structLayouts ??= [];
        if (!_structLayouts.TryGetValue(type, out StructLayout? layout))
        {
            StorageKind[] fields = Array.ConvertAll(((StructCompositeType)_module.Types[type].Composite).Fields, f => RuntimeType.StorageOf(f.Storage));
            int[] slots = RuntimeType.SlotsOf(fields, out int refs, out int scalars);
            _structLayouts[type] = layout = new StructLayout(fields, slots, Math.Max(refs, scalars), _module.Types[type].Final);
        }
        return layout;
    }

    private Dictionary<int, StructLayout>? _structLayouts;

    /// <summary><c>array.get</c>, <c>array.get_s</c>, <c>array.get_u</c>: the element array, a bounds check, a load.</summary>
    private void EmitArrayGet(int type, bool signed)
    {
        ValueType element = ElementOf(type);
        if (element.Kind == ValueKind.V128)
        {
            EmitHelper(GcMethod(nameof(Gc.ArrayGetV128)), 2);
            return;
        }
        IlLocal index = RentTemp(Pop());
        _il.Emit(OpCodes.Stloc, index);
        Pop();
        EmitElements(ElementArrayOf(element));
        EmitArrayBoundsCheck(index);
        _il.Emit(OpCodes.Ldloc, index);
        ReturnTemp(index);
        switch (element.Kind)
        {
            case ValueKind.I8:
                _il.Emit(OpCodes.Ldelem_U1);
                if (signed) _il.Emit(OpCodes.Conv_I1);
                Push(typeof(int));
                return;
            case ValueKind.I16:
                _il.Emit(OpCodes.Ldelem_U2);
                if (signed) _il.Emit(OpCodes.Conv_I2);
                Push(typeof(int));
                return;
            case ValueKind.I32: _il.Emit(OpCodes.Ldelem_I4); break;
            case ValueKind.I64: _il.Emit(OpCodes.Ldelem_I8); break;
            case ValueKind.F32: _il.Emit(OpCodes.Ldelem_R4); break;
            case ValueKind.F64: _il.Emit(OpCodes.Ldelem_R8); break;
            default: _il.Emit(OpCodes.Ldelem_Ref); break;
        }
        Push(ClrTypes.Of(element));
    }

    /// <summary><c>array.set</c>: the index and value to temps, the element array, a bounds check, a store.</summary>
    private void EmitArraySet(int type)
    {
        ValueType element = ElementOf(type);
        if (element.Kind == ValueKind.V128)
        {
            EmitHelper(GcMethod(nameof(Gc.ArraySetV128)), 3);
            return;
        }
        IlLocal value = RentTemp(Pop());
        _il.Emit(OpCodes.Stloc, value);
        IlLocal index = RentTemp(Pop());
        _il.Emit(OpCodes.Stloc, index);
        Pop();
        EmitElements(ElementArrayOf(element));
        EmitArrayBoundsCheck(index);
        _il.Emit(OpCodes.Ldloc, index);
        _il.Emit(OpCodes.Ldloc, value);
        _il.Emit(element.Kind switch
        {
            ValueKind.I8 => OpCodes.Stelem_I1,
            ValueKind.I16 => OpCodes.Stelem_I2,
            ValueKind.I32 => OpCodes.Stelem_I4,
            ValueKind.I64 => OpCodes.Stelem_I8,
            ValueKind.F32 => OpCodes.Stelem_R4,
            ValueKind.F64 => OpCodes.Stelem_R8,
            _ => OpCodes.Stelem_Ref,
        });
        ReturnTemp(index);
        ReturnTemp(value);
    }

    /// <summary>Replaces the array reference on the stack by its elements (a null reference traps).</summary>
    private void EmitElements(Type elements)
    {
        IlLabel ok = _il.DefineLabel();
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Brtrue, ok);
        EmitLdcI4(_wasmOffsets[^1]);
        _il.Emit(OpCodes.Call, GcMethod(nameof(Gc.NullArrayAt)));
        _il.Emit(OpCodes.Throw);
        _il.MarkLabel(ok);
        _il.Emit(OpCodes.Castclass, typeof(GcArray));
        _il.Emit(OpCodes.Ldfld, typeof(GcArray).GetField(nameof(GcArray.Data))!);
        if (elements != typeof(Array)) _il.Emit(OpCodes.Castclass, elements);
    }

    /// <summary>Traps unless <paramref name="index"/> is within the element array on the stack (which stays).</summary>
    private void EmitArrayBoundsCheck(IlLocal index)
    {
        IlLabel ok = _il.DefineLabel();
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Ldlen);
        _il.Emit(OpCodes.Conv_I4);
        _il.Emit(OpCodes.Ldloc, index);
        _il.Emit(OpCodes.Bgt_Un, ok);
        EmitTrap(TrapCode.ArrayOutOfBounds);
        _il.MarkLabel(ok);
    }

    /// <summary>The .NET array that holds elements of <paramref name="element"/> (see <see cref="GcArray"/>).</summary>
    private static Type ElementArrayOf(ValueType element) => element.Kind switch
    {
        ValueKind.I8 => typeof(byte[]),
        ValueKind.I16 => typeof(ushort[]),
        ValueKind.I32 => typeof(int[]),
        ValueKind.I64 => typeof(long[]),
        ValueKind.F32 => typeof(float[]),
        ValueKind.F64 => typeof(double[]),
        _ => typeof(object[]),
    };

    /// <summary><c>array.new_fixed</c>: the element values go to temps, then into a new default array.</summary>
    private void EmitArrayNewFixed(int type, int count)
    {
        MethodInfo set = GcMethod("ArraySet" + Suffix(ElementOf(type)));
        IlLocal[] temps = StoreOperands(count);
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
    private IlLocal[] StoreOperands(int count)
    {
        var temps = new IlLocal[count];
        for (int i = count - 1; i >= 0; i--)
        {
            temps[i] = RentTemp(Pop());
            _il.Emit(OpCodes.Stloc, temps[i]);
        }
        return temps;
    }

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
