using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Aggregate instructions (Wasm 3.0 section 3.4.3): structs and arrays.</summary>
internal sealed partial class FunctionValidator
{
    private void StepAggregate(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.StructNew:
            {
                StructCompositeType st = StructAt(instr.Index);
                for (int i = st.Fields.Length - 1; i >= 0; i--) Pop(Unpacked(st.Fields[i].Storage));
                Push(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: false));
                break;
            }
            case Opcode.StructNewDefault:
            {
                StructCompositeType st = StructAt(instr.Index);
                foreach (FieldType f in st.Fields)
                {
                    if (!IsDefaultableStorage(f.Storage)) Fail($"type mismatch: field of type {f.Storage} has no default value");
                }
                Push(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: false));
                break;
            }
            case Opcode.StructGet:
            case Opcode.StructGetS:
            case Opcode.StructGetU:
            {
                FieldType f = Field(instr.Index, instr.Index2);
                CheckPackedAccess(f.Storage, instr.Opcode != Opcode.StructGet);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                Push(Unpacked(f.Storage));
                break;
            }
            case Opcode.StructSet:
            {
                FieldType f = Field(instr.Index, instr.Index2);
                if (!f.Mutable) Fail($"immutable field: field {instr.Index2} of type {instr.Index}");
                Pop(Unpacked(f.Storage));
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            case Opcode.ArrayNew:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                Pop(ValueType.I32);
                Pop(Unpacked(at.Element.Storage));
                PushArray(instr.Index);
                break;
            }
            case Opcode.ArrayNewDefault:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                if (!IsDefaultableStorage(at.Element.Storage)) Fail($"type mismatch: array element of type {at.Element.Storage} has no default value");
                Pop(ValueType.I32);
                PushArray(instr.Index);
                break;
            }
            case Opcode.ArrayNewFixed:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                ValueType t = Unpacked(at.Element.Storage);
                for (uint i = 0; i < instr.Index2; i++)
                {
                    // In unreachable code the rest are bottom values: stop instead of looping up to 2^32 times.
                    if (_sp == _frames[_fp - 1].Height)
                    {
                        Pop(t);
                        break;
                    }
                    Pop(t);
                }
                PushArray(instr.Index);
                break;
            }
            case Opcode.ArrayNewData:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                CheckNumericOrVector(at);
                DataSegment(instr.Index2);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                PushArray(instr.Index);
                break;
            }
            case Opcode.ArrayNewElem:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                CheckElementsFit(instr.Index2, at);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                PushArray(instr.Index);
                break;
            }
            case Opcode.ArrayGet:
            case Opcode.ArrayGetS:
            case Opcode.ArrayGetU:
            {
                ArrayCompositeType at = ArrayAt(instr.Index);
                CheckPackedAccess(at.Element.Storage, instr.Opcode != Opcode.ArrayGet);
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                Push(Unpacked(at.Element.Storage));
                break;
            }
            case Opcode.ArraySet:
            {
                ArrayCompositeType at = MutableArrayAt(instr.Index);
                Pop(Unpacked(at.Element.Storage));
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            case Opcode.ArrayLen:
                Pop(ValueType.Ref(HeapKind.Array, nullable: true));
                Push(ValueType.I32);
                break;
            case Opcode.ArrayFill:
            {
                ArrayCompositeType at = MutableArrayAt(instr.Index);
                Pop(ValueType.I32);
                Pop(Unpacked(at.Element.Storage));
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            case Opcode.ArrayCopy:
            {
                ArrayCompositeType dst = MutableArrayAt(instr.Index);
                ArrayCompositeType src = ArrayAt(instr.Index2);
                bool fits = dst.Element.Storage.IsPacked || src.Element.Storage.IsPacked
                    ? dst.Element.Storage.Kind == src.Element.Storage.Kind
                    : _types.IsSubtype(src.Element.Storage, dst.Element.Storage);
                if (!fits) Fail($"array types do not match: cannot copy {src.Element.Storage} into {dst.Element.Storage}");
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index2), nullable: true));
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            case Opcode.ArrayInitData:
            {
                ArrayCompositeType at = MutableArrayAt(instr.Index);
                CheckNumericOrVector(at);
                DataSegment(instr.Index2);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            case Opcode.ArrayInitElem:
            {
                ArrayCompositeType at = MutableArrayAt(instr.Index);
                CheckElementsFit(instr.Index2, at);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(ValueType.Ref(HeapType.Concrete(instr.Index), nullable: true));
                break;
            }
            default:
                throw Error($"the validator does not know instruction {instr.Info.Name}");
        }
    }

    private void PushArray(uint typeIndex) => Push(ValueType.Ref(HeapType.Concrete(typeIndex), nullable: false));

    private static ValueType Unpacked(ValueType storage) => storage.IsPacked ? ValueType.I32 : storage;

    private static bool IsDefaultableStorage(ValueType storage) => storage.IsPacked || TypeSpace.IsDefaultable(storage);

    private void CheckPackedAccess(ValueType storage, bool signed)
    {
        if (storage.IsPacked != signed)
        {
            Fail(signed
                ? $"type mismatch: {_instructionName} needs a packed field, found {storage}"
                : $"type mismatch: {_instructionName} on a packed {storage} field needs _s or _u");
        }
    }

    private void CheckNumericOrVector(ArrayCompositeType at)
    {
        if (at.Element.Storage.Kind is ValueKind.Ref) Fail($"array type is not numeric or vector: element type {at.Element.Storage}");
    }

    private void CheckElementsFit(uint elemIndex, ArrayCompositeType at)
    {
        ValueType elem = ElementSegment(elemIndex);
        if (!_types.IsSubtype(elem, at.Element.Storage) || at.Element.Storage.IsPacked)
        {
            Fail($"type mismatch: elem segment {elemIndex} of {elem} does not fit an array of {at.Element.Storage}");
        }
    }

    private StructCompositeType StructAt(uint index)
    {
        if (index >= (uint)_types.Count) Fail($"unknown type {index}");
        if (_types[index].Composite is not StructCompositeType st) throw Error($"type mismatch: type {index} is not a struct type");
        return st;
    }

    private ArrayCompositeType ArrayAt(uint index)
    {
        if (index >= (uint)_types.Count) Fail($"unknown type {index}");
        if (_types[index].Composite is not ArrayCompositeType at) throw Error($"type mismatch: type {index} is not an array type");
        return at;
    }

    private ArrayCompositeType MutableArrayAt(uint index)
    {
        ArrayCompositeType at = ArrayAt(index);
        if (!at.Element.Mutable) Fail($"immutable array: type {index}");
        return at;
    }

    private FieldType Field(uint typeIndex, uint fieldIndex)
    {
        StructCompositeType st = StructAt(typeIndex);
        if (fieldIndex >= (uint)st.Fields.Length) Fail($"unknown field {fieldIndex} of type {typeIndex}");
        return st.Fields[(int)fieldIndex];
    }
}
