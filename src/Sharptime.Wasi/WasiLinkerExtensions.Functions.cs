namespace Sharptime.Wasi;

public static partial class WasiLinkerExtensions
{
    // One line per wasi_snapshot_preview1 function: name, parameter types (i = i32, I = i64), body.
    private static void DefineAll(Linker linker, WasiContext c)
    {
        Define(linker, c, "args_get", "ii", (x, m, a) => x.ArgsGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "args_sizes_get", "ii", (x, m, a) => x.ArgsSizesGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "environ_get", "ii", (x, m, a) => x.EnvironGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "environ_sizes_get", "ii", (x, m, a) => x.EnvironSizesGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "fd_write", "iiii", (x, m, a) => x.FdWrite(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3)));
        Define(linker, c, "fd_read", "iiii", (x, m, a) => x.FdRead(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3)));
        Define(linker, c, "fd_pwrite", "iiiIi", (x, m, a) => x.FdPwrite(m, U(a, 0), U(a, 1), U(a, 2), L(a, 3), U(a, 4)));
        Define(linker, c, "fd_pread", "iiiIi", (x, m, a) => x.FdPread(m, U(a, 0), U(a, 1), U(a, 2), L(a, 3), U(a, 4)));
        linker.DefineFunction(ModuleName, "proc_exit", new FuncType([ValType.I32], []), (_, args, _) => c.ProcExit(args[0].AsI32()));
    }
}
