namespace Sharptime.Compiler.Tests;

/// <summary>
/// The "spectest" host module the spec testsuite imports: print functions, four globals, a table
/// and a memory, as the reference interpreter defines them. Meant to move to the WAST runner.
/// </summary>
public static class SpecTestHost
{
    /// <summary>Defines module "spectest" in <paramref name="linker"/> with externs of <paramref name="store"/>.</summary>
    /// <param name="linker">The linker.</param>
    /// <param name="store">The store that owns the table, memory and globals.</param>
    /// <param name="output">Where print functions write; null to discard.</param>
    public static void Define(Linker linker, Store store, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(linker);
        TextWriter o = output ?? TextWriter.Null;
        linker.DefineFunction("spectest", "print", () => o.WriteLine());
        linker.DefineFunction("spectest", "print_i32", (int x) => o.WriteLine($"{x} : i32"));
        linker.DefineFunction("spectest", "print_i64", (long x) => o.WriteLine($"{x} : i64"));
        linker.DefineFunction("spectest", "print_f32", (float x) => o.WriteLine($"{x} : f32"));
        linker.DefineFunction("spectest", "print_f64", (double x) => o.WriteLine($"{x} : f64"));
        linker.DefineFunction("spectest", "print_i32_f32", (int x, float y) => o.WriteLine($"{x} : i32 {y} : f32"));
        linker.DefineFunction("spectest", "print_f64_f64", (double x, double y) => o.WriteLine($"{x} : f64 {y} : f64"));
        linker.Define("spectest", "global_i32", new Global(store, Value.I32(666), mutable: false));
        linker.Define("spectest", "global_i64", new Global(store, Value.I64(666), mutable: false));
        linker.Define("spectest", "global_f32", new Global(store, Value.F32(666.6f), mutable: false));
        linker.Define("spectest", "global_f64", new Global(store, Value.F64(666.6), mutable: false));
        linker.Define("spectest", "table", new Table(store, ValType.FuncRef, 10, 20));
        linker.Define("spectest", "table64", new Table(store, ValType.FuncRef, 10, 20, is64: true));
        linker.Define("spectest", "memory", new Memory(store, 1, 2));
    }
}
