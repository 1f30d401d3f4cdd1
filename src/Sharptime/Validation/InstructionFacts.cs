using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>
/// Per-opcode facts the validator needs on every instruction, precomputed once from the opcode table
/// so that validating an instruction is an array index: the fixed signature as value types (one copy
/// for 32-bit and one for 64-bit addresses), the natural alignment of memory accesses and the lane
/// count of lane immediates.
/// </summary>
internal static class InstructionFacts
{
    private const int SlotSize = 512;

    private static readonly Fact[] Facts = Build();

    /// <summary>What is known about one opcode.</summary>
    internal sealed class Fact
    {
        /// <summary>Operand types with 'a' as i32, or null when the instruction is typed by hand.</summary>
        public ValueType[]? Params32;

        /// <summary>Operand types with 'a' as i64.</summary>
        public ValueType[]? Params64;

        /// <summary>Result types with 'a' as i32.</summary>
        public ValueType[]? Results32;

        /// <summary>Result types with 'a' as i64.</summary>
        public ValueType[]? Results64;

        /// <summary>log2 of the access size in bytes for memory instructions.</summary>
        public byte NaturalAlignLog2;

        /// <summary>The number of lanes a lane immediate indexes (0 when there is none).</summary>
        public byte LaneCount;

        /// <summary>True for atomic memory accesses, whose alignment must equal the natural one.</summary>
        public bool Atomic;
    }

    /// <summary>The facts of <paramref name="info"/>.</summary>
    public static Fact Get(OpcodeInfo info) => Facts[Dense(info.Opcode)];

    private static int Dense(Opcode opcode)
    {
        uint v = (uint)opcode;
        uint prefix = v >> 24;
        int slot = prefix == 0 ? 0 : (int)(prefix - 0xFA);
        return slot * SlotSize + (int)(v & (SlotSize - 1));
    }

    private static Fact[] Build()
    {
        var facts = new Fact[5 * SlotSize];
        var empty = new Fact();
        for (int i = 0; i < facts.Length; i++) facts[i] = empty;
        foreach (OpcodeInfo op in OpcodeTable.All)
        {
            var fact = new Fact();
            if (op.Params is not null && op.Results is not null)
            {
                fact.Params32 = Signature(op.Params, ValueType.I32);
                fact.Params64 = Signature(op.Params, ValueType.I64);
                fact.Results32 = Signature(op.Results, ValueType.I32);
                fact.Results64 = Signature(op.Results, ValueType.I64);
            }
            if (op.Immediates is ImmediateKind.MemArg or ImmediateKind.MemArgLane)
            {
                fact.NaturalAlignLog2 = NaturalAlignment(op.Name);
                fact.Atomic = op.Name.Contains(".atomic.", StringComparison.Ordinal)
                    || op.Name.StartsWith("memory.atomic", StringComparison.Ordinal);
            }
            if (op.Immediates == ImmediateKind.MemArgLane) fact.LaneCount = (byte)(16 >> fact.NaturalAlignLog2);
            else if (op.Immediates == ImmediateKind.Lane) fact.LaneCount = LanesOfShape(op.Name);
            else if (op.Immediates == ImmediateKind.Shuffle) fact.LaneCount = 32;
            facts[Dense(op.Opcode)] = fact;
        }
        return facts;
    }

    private static ValueType[] Signature(string letters, ValueType address)
    {
        if (letters.Length == 0) return [];
        var types = new ValueType[letters.Length];
        for (int i = 0; i < letters.Length; i++)
        {
            types[i] = letters[i] switch
            {
                'i' => ValueType.I32,
                'I' => ValueType.I64,
                'f' => ValueType.F32,
                'F' => ValueType.F64,
                'v' => ValueType.V128,
                'a' => address,
                _ => throw new InvalidOperationException($"unknown signature letter '{letters[i]}'"),
            };
        }
        return types;
    }

    private static byte LanesOfShape(string name) => name[..name.IndexOf('.', StringComparison.Ordinal)] switch
    {
        "i8x16" => 16,
        "i16x8" => 8,
        "i32x4" or "f32x4" => 4,
        "i64x2" or "f64x2" => 2,
        _ => throw new InvalidOperationException($"no lane shape in {name}"),
    };

    // The access size is spelled in the name: a width after load/store/rmw (load8, rmw16, store32,
    // load32_zero, load8x8 = 64 bits), else the width of the value type; wait32/wait64 and notify
    // (32 bits) follow the same pattern.
    private static byte NaturalAlignment(string name)
    {
        if (name == "memory.atomic.notify") return 2;
        if (name == "memory.atomic.wait32") return 2;
        if (name == "memory.atomic.wait64") return 3;
        int dot = name.IndexOf('.', StringComparison.Ordinal);
        string type = name[..dot];
        string rest = name[(dot + 1)..];
        if (rest.StartsWith("atomic.", StringComparison.Ordinal)) rest = rest["atomic.".Length..];
        int i = 0;
        while (i < rest.Length && char.IsAsciiLetter(rest[i])) i++;
        int j = i;
        while (j < rest.Length && char.IsAsciiDigit(rest[j])) j++;
        if (j > i)
        {
            int bits = int.Parse(rest.AsSpan(i, j - i), System.Globalization.CultureInfo.InvariantCulture);
            // load8x8_s, load16x4_u, load32x2_s read 64 bits.
            if (j < rest.Length && rest[j] == 'x') bits = 64;
            return (byte)System.Numerics.BitOperations.Log2((uint)bits / 8);
        }
        return type switch
        {
            "i32" or "f32" => 2,
            "i64" or "f64" => 3,
            "v128" => 4,
            _ => throw new InvalidOperationException($"no access size in {name}"),
        };
    }
}
