namespace Sharptime;

/// <summary>
/// WebAssembly proposals that a <see cref="Config"/> can enable. A module that uses a disabled
/// proposal is rejected by validation with an <see cref="InvalidModuleException"/> naming it.
/// </summary>
[Flags]
#pragma warning disable CA1711 // "Features" is the Wasmtime name for this set.
public enum WasmFeatures : long
#pragma warning restore CA1711
{
    /// <summary>No proposal beyond WebAssembly 1.0 (MVP).</summary>
    None = 0,
    /// <summary>Mutable globals may be imported and exported (Wasm 2.0).</summary>
    MutableGlobals = 1L << 0,
    /// <summary>Sign-extension operators such as <c>i32.extend8_s</c> (Wasm 2.0).</summary>
    SignExtension = 1L << 1,
    /// <summary>Non-trapping float-to-int conversions such as <c>i32.trunc_sat_f32_s</c> (Wasm 2.0).</summary>
    SaturatingFloatToInt = 1L << 2,
    /// <summary>Functions and blocks with several results (Wasm 2.0).</summary>
    MultiValue = 1L << 3,
    /// <summary>Bulk memory and table operations, passive segments (Wasm 2.0).</summary>
    BulkMemory = 1L << 4,
    /// <summary><c>funcref</c>/<c>externref</c> values, several tables, table instructions (Wasm 2.0).</summary>
    ReferenceTypes = 1L << 5,
    /// <summary>Fixed-width 128-bit SIMD (Wasm 2.0).</summary>
    Simd = 1L << 6,
    /// <summary>Relaxed SIMD (Wasm 3.0).</summary>
    RelaxedSimd = 1L << 7,
    /// <summary>Tail calls: <c>return_call</c> and friends (Wasm 3.0).</summary>
    TailCall = 1L << 8,
    /// <summary>Extended constant expressions: <c>i32.add</c>, <c>i64.mul</c>… in constant expressions (Wasm 3.0).</summary>
    ExtendedConst = 1L << 9,
    /// <summary>Several memories in one module (Wasm 3.0).</summary>
    MultiMemory = 1L << 10,
    /// <summary>64-bit memories and tables (Wasm 3.0).</summary>
    Memory64 = 1L << 11,
    /// <summary>Exception handling with <c>try_table</c> and <c>exnref</c> (Wasm 3.0).</summary>
    ExceptionHandling = 1L << 12,
    /// <summary>The legacy exception instructions <c>try</c>, <c>catch</c>, <c>rethrow</c>, <c>delegate</c>.</summary>
    LegacyExceptions = 1L << 13,
    /// <summary>Typed function references: <c>call_ref</c>, non-nullable references (Wasm 3.0).</summary>
    FunctionReferences = 1L << 14,
    /// <summary>Garbage collection: structs, arrays, <c>i31ref</c>, subtyping and recursive types (Wasm 3.0).</summary>
    Gc = 1L << 15,
    /// <summary>The threads proposal: shared memories and atomic instructions.</summary>
    Threads = 1L << 16,
    /// <summary>The custom-page-sizes proposal: memories with a page size of 1 byte.</summary>
    CustomPageSizes = 1L << 17,
    /// <summary>The wide-arithmetic proposal: <c>i64.add128</c>, <c>i64.mul_wide_s</c>….</summary>
    WideArithmetic = 1L << 18,

    /// <summary>Everything in WebAssembly 2.0.</summary>
    Wasm2 = MutableGlobals | SignExtension | SaturatingFloatToInt | MultiValue | BulkMemory | ReferenceTypes | Simd,
    /// <summary>Everything in WebAssembly 3.0: the default of a new <see cref="Config"/>.</summary>
    Wasm3 = Wasm2 | RelaxedSimd | TailCall | ExtendedConst | MultiMemory | Memory64 | ExceptionHandling
        | FunctionReferences | Gc,
    /// <summary>Every proposal Sharptime knows.</summary>
    All = Wasm3 | LegacyExceptions | Threads | CustomPageSizes | WideArithmetic,
}
