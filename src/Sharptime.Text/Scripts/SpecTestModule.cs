using System.Globalization;

namespace Sharptime.Text;

/// <summary>
/// The "spectest" host module the spec testsuite imports: print functions, four globals, a table
/// (32- and 64-bit), a memory and a shared memory (threads), as the reference interpreter defines them.
/// </summary>
public static class SpecTestModule
{
    /// <summary>The import module name.</summary>
    public const string Name = "spectest";

    /// <summary>Defines module "spectest" in <paramref name="linker"/> with externs of <paramref name="store"/>.</summary>
    /// <param name="linker">The linker.</param>
    /// <param name="store">The store that owns the table, memory and globals.</param>
    /// <param name="output">Where print functions write; null to discard.</param>
    public static void Define(Linker linker, Store store, TextWriter? output = null)
    {
        ArgumentNullException.ThrowIfNull(linker);
        TextWriter o = output ?? TextWriter.Null;
        CultureInfo c = CultureInfo.InvariantCulture;
        linker.DefineFunction(Name, "print", () => o.WriteLine());
        linker.DefineFunction(Name, "print_i32", (int x) => o.WriteLine(string.Create(c, $"{x} : i32")));
        linker.DefineFunction(Name, "print_i64", (long x) => o.WriteLine(string.Create(c, $"{x} : i64")));
        linker.DefineFunction(Name, "print_f32", (float x) => o.WriteLine(string.Create(c, $"{x} : f32")));
        linker.DefineFunction(Name, "print_f64", (double x) => o.WriteLine(string.Create(c, $"{x} : f64")));
        linker.DefineFunction(Name, "print_i32_f32", (int x, float y) => o.WriteLine(string.Create(c, $"{x} : i32 {y} : f32")));
        linker.DefineFunction(Name, "print_f64_f64", (double x, double y) => o.WriteLine(string.Create(c, $"{x} : f64 {y} : f64")));
        linker.Define(Name, "global_i32", new Global(store, Value.I32(666), mutable: false));
        linker.Define(Name, "global_i64", new Global(store, Value.I64(666), mutable: false));
        linker.Define(Name, "global_f32", new Global(store, Value.F32(666.6f), mutable: false));
        linker.Define(Name, "global_f64", new Global(store, Value.F64(666.6), mutable: false));
        linker.Define(Name, "table", new Table(store, ValType.FuncRef, 10, 20));
        linker.Define(Name, "table64", new Table(store, ValType.FuncRef, 10, 20, is64: true));
        linker.Define(Name, "memory", new Memory(store, 1, 2));
        linker.Define(Name, "shared_memory", new Memory(store, 1, 2, is64: false, shared: true));
    }
}
