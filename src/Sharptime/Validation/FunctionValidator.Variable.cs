using System.Runtime.CompilerServices;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>Variable, table, memory and bulk instructions (Wasm 3.0 sections 3.4.5-3.4.8).</summary>
internal sealed partial class FunctionValidator
{
    private void StepVariableOrMemory(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.GlobalGet:
                Push(GlobalForGet(instr.Index).Type);
                break;
            case Opcode.GlobalSet:
            {
                GlobalType g = Global(instr.Index);
                if (!g.Mutable) Fail($"immutable global: global {instr.Index}");
                Pop(g.Type);
                break;
            }
            case Opcode.TableGet:
            {
                TableType t = Table(instr.Index);
                Pop(Address(t.Is64));
                Push(t.ElementType);
                break;
            }
            case Opcode.TableSet:
            {
                TableType t = Table(instr.Index);
                Pop(t.ElementType);
                Pop(Address(t.Is64));
                break;
            }
            case Opcode.TableSize:
                Push(Address(Table(instr.Index).Is64));
                break;
            case Opcode.TableGrow:
            {
                TableType t = Table(instr.Index);
                Pop(Address(t.Is64));
                Pop(t.ElementType);
                Push(Address(t.Is64));
                break;
            }
            case Opcode.TableFill:
            {
                TableType t = Table(instr.Index);
                Pop(Address(t.Is64));
                Pop(t.ElementType);
                Pop(Address(t.Is64));
                break;
            }
            case Opcode.TableCopy:
            {
                TableType dst = Table(instr.Index);
                TableType src = Table(instr.Index2);
                if (!_types.IsSubtype(src.ElementType, dst.ElementType))
                {
                    Fail($"type mismatch: cannot copy {src.ElementType} elements into a table of {dst.ElementType}");
                }
                Pop(Address(dst.Is64 && src.Is64));
                Pop(Address(src.Is64));
                Pop(Address(dst.Is64));
                break;
            }
            case Opcode.TableInit:
            {
                TableType t = Table(instr.Index2);
                ValueType elem = ElementSegment(instr.Index);
                if (!_types.IsSubtype(elem, t.ElementType))
                {
                    Fail($"type mismatch: cannot initialize a table of {t.ElementType} from {elem} elements");
                }
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(Address(t.Is64));
                break;
            }
            case Opcode.ElemDrop:
                ElementSegment(instr.Index);
                break;
            case Opcode.MemoryInit:
            {
                MemoryType m = Memory(instr.Index2);
                DataSegment(instr.Index);
                Pop(ValueType.I32);
                Pop(ValueType.I32);
                Pop(Address(m.Is64));
                break;
            }
            case Opcode.DataDrop:
                DataSegment(instr.Index);
                break;
            case Opcode.MemoryCopy:
            {
                MemoryType dst = Memory(instr.Index);
                MemoryType src = Memory(instr.Index2);
                Pop(Address(dst.Is64 && src.Is64));
                Pop(Address(src.Is64));
                Pop(Address(dst.Is64));
                break;
            }
            case Opcode.MemoryFill:
            {
                MemoryType m = Memory(instr.Index);
                Pop(Address(m.Is64));
                Pop(ValueType.I32);
                Pop(Address(m.Is64));
                break;
            }
            default:
                StepReference(ref instr);
                break;
        }
    }

    private static ValueType Address(bool is64) => is64 ? ValueType.I64 : ValueType.I32;

    private void LocalGet(uint index)
    {
        ValueType t = Local(index);
        if (!_localInitialized[index]) Fail($"uninitialized local {index}");
        Push(t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ValueType Local(uint index)
    {
        if (index >= (uint)_localCount) Fail($"unknown local {index}");
        return _locals[index];
    }

    private GlobalType Global(uint index)
    {
        if (index >= (uint)_module.GlobalTypes.Length) Fail($"unknown global {index}");
        return _module.GlobalTypes[index];
    }

    private GlobalType GlobalForGet(uint index)
    {
        if (!_constant) return Global(index);
        if (index >= _constantGlobalLimit || index >= (uint)_module.GlobalTypes.Length) Fail($"unknown global {index}");
        GlobalType g = _module.GlobalTypes[index];
        if (g.Mutable) Fail($"constant expression required: global {index} is mutable");
        return g;
    }

    private TableType Table(uint index)
    {
        if (index >= (uint)_module.TableTypes.Length) Fail($"unknown table {index}");
        return _module.TableTypes[index];
    }

    private MemoryType Memory(uint index)
    {
        if (index >= (uint)_module.Memories.Length) Fail($"unknown memory {index}");
        return _module.Memories[index];
    }

    private ValueType ElementSegment(uint index)
    {
        if (index >= (uint)_module.Elements.Length) Fail($"unknown elem segment {index}");
        return _module.Elements[index].Type;
    }

    private void DataSegment(uint index)
    {
        if (_module.DataCount is not uint count)
        {
            throw new MalformedModuleException($"data count section required{Where()}", _instructionOffset);
        }
        if (index >= count) Fail($"unknown data segment {index}");
    }

    /// <summary>Checks a memory argument; returns true when the memory is 64-bit.</summary>
    private bool CheckMemArg(MemArg arg, InstructionFacts.Fact fact)
    {
        MemoryType m = Memory(arg.MemoryIndex);
        if (fact.Atomic)
        {
            if (arg.AlignLog2 != fact.NaturalAlignLog2)
            {
                Fail($"atomic alignment must be natural: 2**{arg.AlignLog2} is not {1 << fact.NaturalAlignLog2}");
            }
        }
        else if (arg.AlignLog2 > fact.NaturalAlignLog2)
        {
            Fail($"alignment must not be larger than natural: 2**{arg.AlignLog2} > {1 << fact.NaturalAlignLog2}");
        }
        if (!m.Is64 && arg.Offset > uint.MaxValue) Fail($"offset out of range: {arg.Offset} for a 32-bit memory");
        return m.Is64;
    }
}
