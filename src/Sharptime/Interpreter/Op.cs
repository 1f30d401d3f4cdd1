namespace Sharptime.Interpreter;

/// <summary>
/// The executor's instructions. Operands follow the opcode in the stream: d is the destination
/// slot, a, b, c source slots (all relative to the frame), then immediates. Listed with their
/// operands; "t" is a branch target (a pc).
/// </summary>
internal enum Op
{
    // Control.
    Unreachable,        // -
    Br,                 // t
    BrIfNez,            // a t
    BrIfEqz,            // a t
    BrIfNull,           // a t (a reference)
    BrIfNonNull,        // a t
    // Integer comparisons fused with the br_if or if that consumes them: a b t.
    BrI32Eq, BrI32Ne, BrI32LtS, BrI32LtU, BrI32GtS, BrI32GtU, BrI32LeS, BrI32LeU, BrI32GeS, BrI32GeU,
    BrI64Eq, BrI64Ne, BrI64LtS, BrI64LtU, BrI64GtS, BrI64GtU, BrI64LeS, BrI64LeU, BrI64GeS, BrI64GeU,
    BrI64Eqz, BrI64Nez, // a t
    BrTable,            // a n t0..tn (the last is the default); each target is a pc of a move block or the label
    Return,             // - (results already in slots 0..)
    Check,              // flags: fuel (1) and epoch (2) checks at function entry and loop headers
    Fuel,               // n: subtract n from the fuel
    Heat,               // loop: a loop iteration counts towards tiering (Strategy.Tiered); once compiled, the loop (Wasm offset) continues in compiled code
    Call,               // function slot
    CallIndirect,       // a(index) table type slot
    CallRef,            // a(ref) type slot
    ReturnCall,         // function
    ReturnCallIndirect, // a table type
    ReturnCallRef,      // a type
    Throw,              // tag slot
    ThrowRef,           // a
    Rethrow,            // exception-slot

    // Moves and constants.
    Copy,               // d a
    Copy2,              // d a (v128)
    CopyRef,            // d a
    Const,              // d lo hi
    Const2,             // d w0 w1 w2 w3 (v128)
    RefNull,            // d
    RefFunc,            // d function
    Select,             // d cond a b
    Select2,            // d cond a b
    SelectRef,          // d cond a b
    GlobalGet,          // d global
    GlobalGet2,         // d global
    GlobalGetRef,       // d global
    GlobalSet,          // a global
    GlobalSet32,        // a global (i32 and f32 globals keep the value sign-extended, as compiled code does)
    GlobalSet2,         // a global
    GlobalSetRef,       // a global

    // Memory 0, 32-bit addresses, offsets below 2^31: d/a address, offset.
    I32Load, I64Load, I32Load8S, I32Load8U, I32Load16S, I32Load16U,
    I64Load8S, I64Load8U, I64Load16S, I64Load16U, I64Load32S, I64Load32U, V128Load,
    I32Store, I64Store, I32Store8, I32Store16, I64Store8, I64Store16, I64Store32, V128Store,
    // The same, in the same order, with the address the (wrapping) sum of two slots: d/a b offset.
    I32LoadAdd, I64LoadAdd, I32Load8SAdd, I32Load8UAdd, I32Load16SAdd, I32Load16UAdd,
    I64Load8SAdd, I64Load8UAdd, I64Load16SAdd, I64Load16UAdd, I64Load32SAdd, I64Load32UAdd, V128LoadAdd,
    I32StoreAdd, I64StoreAdd, I32Store8Add, I32Store16Add, I64Store8Add, I64Store16Add, I64Store32Add, V128StoreAdd,
    /// <summary>Any other memory access (any memory, either address type, SIMD loads, lanes): Wasm opcode, d a(address) b(value or vector) memory offlo offhi lane.</summary>
    Access,

    // 32-bit integers: d a b (unary: d a).
    I32Eqz, I32Eq, I32Ne, I32LtS, I32LtU, I32GtS, I32GtU, I32LeS, I32LeU, I32GeS, I32GeU,
    I32Clz, I32Ctz, I32Popcnt, I32Add, I32Sub, I32Mul, I32DivS, I32DivU, I32RemS, I32RemU,
    I32And, I32Or, I32Xor, I32Shl, I32ShrS, I32ShrU, I32Rotl, I32Rotr,
    // 64-bit integers.
    I64Eqz, I64Eq, I64Ne, I64LtS, I64LtU, I64GtS, I64GtU, I64LeS, I64LeU, I64GeS, I64GeU,
    I64Clz, I64Ctz, I64Popcnt, I64Add, I64Sub, I64Mul, I64DivS, I64DivU, I64RemS, I64RemU,
    I64And, I64Or, I64Xor, I64Shl, I64ShrS, I64ShrU, I64Rotl, I64Rotr,
    // Floats.
    F32Eq, F32Ne, F32Lt, F32Gt, F32Le, F32Ge, F64Eq, F64Ne, F64Lt, F64Gt, F64Le, F64Ge,
    F32Add, F32Sub, F32Mul, F32Div, F64Add, F64Sub, F64Mul, F64Div,
    F32Neg, F32Abs, F64Neg, F64Abs,
    // Conversions.
    I32WrapI64, I64ExtendI32S, I64ExtendI32U, I32Extend8S, I32Extend16S, I64Extend8S, I64Extend16S, I64Extend32S,
    F32ConvertI32S, F64ConvertI32S, F64ConvertI64S,

    Shuffle,            // d a b m0 m1 m2 m3 (i8x16.shuffle's 16 lane indices)

    /// <summary>Any other instruction with operands in slots and at most a lane immediate: Wasm opcode, d a b c lane (see Executor.HasHelper).</summary>
    Helper,
    /// <summary>Instructions that need the instance and are not hot (tables, bulk memory, references, memory size): Wasm opcode, d a b c imm imm2.</summary>
    Instance,

    // GC (structs, arrays, i31, casts): Executor.Gc.cs, Translator.Gc.cs.
    /// <summary>A GC instruction: Wasm opcode, d imm imm2 n, then the slots of its n operands in stack order (see Executor.GcOp).</summary>
    Gc,
    // Threads (kept apart from the groups above).
    /// <summary>The threads proposal's atomics, wait, notify and fence: Wasm opcode, d a b c memory offlo offhi (Executor.Atomic.cs).</summary>
    Atomic,
}
