using System.Diagnostics.CodeAnalysis;

namespace Sharptime.Binary;

/// <summary>
/// Decodes instructions one at a time from a function body or constant expression. The reader
/// checks only the binary format (known opcodes, well-formed immediates); typing is the validator's.
/// Buffers for variable-length immediates are reused, so an <see cref="Instruction"/> is valid
/// until the next call to <see cref="Read"/>.
/// </summary>
internal ref struct InstructionReader
{
    private WasmReader _reader;
    private uint[] _targets;
    private ValueType[] _types;
    private Catch[] _catches;

    /// <summary>Creates a reader over <paramref name="code"/>, which starts at <paramref name="baseOffset"/> of the module.</summary>
    public InstructionReader(ReadOnlySpan<byte> code, int baseOffset)
    {
        _reader = new WasmReader(code, baseOffset);
        _targets = [];
        _types = [];
        _catches = [];
    }

    /// <summary>True when every byte has been read.</summary>
    public readonly bool AtEnd => _reader.AtEnd;

    /// <summary>The absolute offset of the next instruction.</summary>
    public readonly int Offset => _reader.Offset;

    /// <summary>
    /// The underlying byte reader, for callers that interleave instructions with other encodings
    /// (the module decoder reads a whole module through one instruction reader so that the buffers
    /// for variable-length immediates are allocated once per module, not once per function).
    /// </summary>
    [UnscopedRef]
    public ref WasmReader Reader => ref _reader;

    /// <summary>Decodes the next instruction.</summary>
    public void Read(ref Instruction instr)
    {
        int at = _reader.Offset;
        byte b = _reader.ReadByte();
        OpcodeInfo info = OpcodeTable.FindSingleByte(b) ?? ReadPrefixed(b, at);
        instr.Info = info;
        instr.Offset = at;
        ImmediateKind kind = info.Immediates;
        if (kind != ImmediateKind.None) ReadImmediates(ref instr, kind);
    }

    private OpcodeInfo ReadPrefixed(byte b, int at)
    {
        if (!OpcodeTable.IsPrefix(b)) WasmReader.Throw($"illegal opcode {b:x2}", at);
        uint code = _reader.ReadU32();
        OpcodeInfo? info = OpcodeTable.Find(b, code);
        if (info is null) WasmReader.Throw($"illegal opcode {b:x2} {code:x2}", at);
        return info;
    }

    private void ReadImmediates(ref Instruction instr, ImmediateKind kind)
    {
        switch (kind)
        {
            case ImmediateKind.None:
                break;
            case ImmediateKind.BlockType:
                instr.Block = ReadBlockType();
                break;
            case ImmediateKind.Label:
            case ImmediateKind.Func:
            case ImmediateKind.Type:
            case ImmediateKind.Local:
            case ImmediateKind.Global:
            case ImmediateKind.Table:
            case ImmediateKind.Elem:
            case ImmediateKind.Memory:
            case ImmediateKind.Data:
            case ImmediateKind.Tag:
                instr.Index = _reader.ReadU32();
                break;
            case ImmediateKind.BrTable:
            {
                uint count = _reader.ReadCount();
                if (_targets.Length < count) _targets = new uint[Math.Max(count, 16)];
                for (int i = 0; i < count; i++) _targets[i] = _reader.ReadU32();
                instr.Targets = _targets.AsSpan(0, (int)count);
                instr.Index = _reader.ReadU32();
                break;
            }
            case ImmediateKind.CallIndirect:
            case ImmediateKind.TableInit:
            case ImmediateKind.TableCopy:
            case ImmediateKind.MemoryInit:
            case ImmediateKind.MemoryCopy:
            case ImmediateKind.StructField:
            case ImmediateKind.ArrayFixed:
            case ImmediateKind.TypeData:
            case ImmediateKind.TypeElem:
            case ImmediateKind.TypeType:
                instr.Index = _reader.ReadU32();
                instr.Index2 = _reader.ReadU32();
                break;
            case ImmediateKind.MemArg:
                instr.MemArg = ReadMemArg();
                break;
            case ImmediateKind.MemArgLane:
                instr.MemArg = ReadMemArg();
                instr.Index = _reader.ReadByte();
                break;
            case ImmediateKind.I32:
                instr.Int = _reader.ReadS32();
                break;
            case ImmediateKind.I64:
                instr.Int = _reader.ReadS64();
                break;
            case ImmediateKind.F32:
                instr.Bits = _reader.ReadF32Bits();
                break;
            case ImmediateKind.F64:
                instr.Bits = _reader.ReadF64Bits();
                break;
            case ImmediateKind.V128:
            case ImmediateKind.Shuffle:
                instr.V128Low = _reader.ReadF64Bits();
                instr.V128High = _reader.ReadF64Bits();
                break;
            case ImmediateKind.Lane:
                instr.Index = _reader.ReadByte();
                break;
            case ImmediateKind.SelectTypes:
            {
                uint count = _reader.ReadCount();
                if (_types.Length < count) _types = new ValueType[Math.Max(count, 4)];
                for (int i = 0; i < count; i++) _types[i] = _reader.ReadValueType();
                instr.Types = _types.AsSpan(0, (int)count);
                break;
            }
            case ImmediateKind.HeapType:
                instr.Heap = _reader.ReadHeapType();
                break;
            case ImmediateKind.BrOnCast:
            {
                int at = _reader.Offset;
                byte flags = _reader.ReadByte();
                if (flags > 3) WasmReader.Throw("malformed br_on_cast flags", at);
                instr.Index2 = flags;
                instr.Index = _reader.ReadU32();
                instr.Heap = _reader.ReadHeapType();
                instr.Heap2 = _reader.ReadHeapType();
                break;
            }
            case ImmediateKind.TryTable:
            {
                instr.Block = ReadBlockType();
                uint count = _reader.ReadCount();
                if (_catches.Length < count) _catches = new Catch[Math.Max(count, 4)];
                for (int i = 0; i < count; i++)
                {
                    int at = _reader.Offset;
                    byte k = _reader.ReadByte();
                    if (k > 3) WasmReader.Throw("malformed catch clause", at);
                    var catchKind = (CatchKind)k;
                    uint tag = catchKind is CatchKind.Catch or CatchKind.CatchRef ? _reader.ReadU32() : 0;
                    _catches[i] = new Catch(catchKind, tag, _reader.ReadU32());
                }
                instr.Catches = _catches.AsSpan(0, (int)count);
                break;
            }
            case ImmediateKind.ZeroByte:
            {
                int at = _reader.Offset;
                if (_reader.ReadByte() != 0) WasmReader.Throw("zero byte expected", at);
                break;
            }
            default:
                throw new InvalidOperationException($"immediate kind {kind} has no decoder");
        }
    }

    private BlockType ReadBlockType()
    {
        int at = _reader.Offset;
        byte b = _reader.PeekByte();
        if (b == 0x40)
        {
            _reader.ReadByte();
            return new BlockType(BlockTypeKind.Empty);
        }
        if (b >= 0x40 && b < 0x80 || b is 0x63 or 0x64)
        {
            return new BlockType(BlockTypeKind.Value, _reader.ReadValueType());
        }
        long index = _reader.ReadS33();
        if (index < 0) WasmReader.Throw("malformed block type", at);
        return new BlockType(BlockTypeKind.TypeIndex, TypeIndex: (uint)index);
    }

    private MemArg ReadMemArg()
    {
        int at = _reader.Offset;
        uint flags = _reader.ReadU32();
        // Bit 6 says a memory index follows (multi-memory); the alignment exponent is bits 0-5.
        if (flags >= 0x80) WasmReader.Throw("malformed memop flags", at);
        uint memory = (flags & 0x40) != 0 ? _reader.ReadU32() : 0;
        ulong offset = _reader.ReadU64();
        return new MemArg(flags & 0x3F, memory, offset);
    }
}
