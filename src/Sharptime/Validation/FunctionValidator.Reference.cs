using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Reference instructions (Wasm 3.0 section 3.4.2): null, functions, casts, i31 and conversions.</summary>
internal sealed partial class FunctionValidator
{
    private void StepReference(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.RefNull:
                CheckHeapType(instr.Heap);
                Push(ValueType.Ref(instr.Heap, nullable: true));
                break;
            case Opcode.RefIsNull:
                PopRef();
                Push(ValueType.I32);
                break;
            case Opcode.RefFunc:
            {
                Function(instr.Index);
                if (_constant) _declaredFunctions[instr.Index] = true;
                else if (!_declaredFunctions[instr.Index]) Fail($"undeclared function reference {instr.Index}");
                Push(ValueType.Ref(HeapType.Concrete(_module.Functions[instr.Index]), nullable: false));
                break;
            }
            case Opcode.RefAsNonNull:
            {
                ValueType t = PopRef();
                Push(t.Kind == ValueKind.Bottom ? ValueType.Ref(HeapKind.Bottom, nullable: false) : t with { Nullable = false });
                break;
            }
            case Opcode.BrOnNull:
            {
                ValueType t = PopRef();
                ValueType[] label = Label(instr.Index).LabelTypes;
                PopValues(label);
                PushValues(label);
                Push(t.Kind == ValueKind.Bottom ? ValueType.Ref(HeapKind.Bottom, nullable: false) : t with { Nullable = false });
                break;
            }
            case Opcode.BrOnNonNull:
            {
                ValueType[] label = Label(instr.Index).LabelTypes;
                if (label.Length == 0 || label[^1].Kind != ValueKind.Ref)
                {
                    Fail($"type mismatch: br_on_non_null needs a label whose last type is a reference, label {instr.Index} has [{string.Join(' ', label)}]");
                }
                ValueType t = PopRef();
                Push(t.Kind == ValueKind.Bottom ? ValueType.Ref(HeapKind.Bottom, nullable: false) : t with { Nullable = false });
                PopValues(label);
                PushValues(label, label.Length - 1);
                break;
            }
            case Opcode.RefEq:
                Pop(ValueType.Ref(HeapKind.Eq, nullable: true));
                Pop(ValueType.Ref(HeapKind.Eq, nullable: true));
                Push(ValueType.I32);
                break;
            case Opcode.RefTest:
            case Opcode.RefTestNull:
                CastOperand(instr.Heap);
                Push(ValueType.I32);
                break;
            case Opcode.RefCast:
            case Opcode.RefCastNull:
                CastOperand(instr.Heap);
                Push(ValueType.Ref(instr.Heap, nullable: instr.Opcode == Opcode.RefCastNull));
                break;
            case Opcode.BrOnCast:
            case Opcode.BrOnCastFail:
                BrOnCast(ref instr);
                break;
            case Opcode.RefI31:
                Pop(ValueType.I32);
                Push(ValueType.Ref(HeapKind.I31, nullable: false));
                break;
            case Opcode.I31GetS:
            case Opcode.I31GetU:
                Pop(ValueType.Ref(HeapKind.I31, nullable: true));
                Push(ValueType.I32);
                break;
            // A bottom operand (unreachable code) counts as non-nullable, as in the reference interpreter.
            case Opcode.AnyConvertExtern:
            {
                ValueType t = Pop(ValueType.ExternRef);
                Push(ValueType.Ref(HeapKind.Any, nullable: t.Nullable));
                break;
            }
            case Opcode.ExternConvertAny:
            {
                ValueType t = Pop(ValueType.Ref(HeapKind.Any, nullable: true));
                Push(ValueType.Ref(HeapKind.Extern, nullable: t.Nullable));
                break;
            }
            default:
                StepAggregate(ref instr);
                break;
        }
    }

    /// <summary>Pops the operand of ref.test/ref.cast: any reference in the same hierarchy as <paramref name="target"/>.</summary>
    private void CastOperand(HeapType target)
    {
        CheckHeapType(target);
        ValueType top = ValueType.Ref(_types.TopOf(target), nullable: true);
        Pop(top);
    }

    private void BrOnCast(ref Instruction instr)
    {
        CheckHeapType(instr.Heap);
        CheckHeapType(instr.Heap2);
        var source = ValueType.Ref(instr.Heap, nullable: (instr.Index2 & 1) != 0);
        var target = ValueType.Ref(instr.Heap2, nullable: (instr.Index2 & 2) != 0);
        if (!_types.IsSubtype(target, source)) Fail($"type mismatch: cast target {target} is not a subtype of the source {source}");
        ValueType[] label = Label(instr.Index).LabelTypes;
        if (label.Length == 0 || label[^1].Kind != ValueKind.Ref)
        {
            Fail($"type mismatch: {instr.Info.Name} needs a label whose last type is a reference");
        }
        // The difference source \ target: nullable only when the target cannot hold null.
        var difference = ValueType.Ref(instr.Heap, nullable: source.Nullable && !target.Nullable);
        bool onSuccess = instr.Opcode == Opcode.BrOnCast;
        Pop(source);
        Push(onSuccess ? target : difference);
        PopValues(label);
        PushValues(label, label.Length - 1);
        Push(onSuccess ? difference : target);
    }
}
