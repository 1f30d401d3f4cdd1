namespace Sharptime.Wasi;

public static partial class WasiLinkerExtensions
{
    // One line per wasi_snapshot_preview1 function (witx order): name, parameter types
    // (i = i32, I = i64), body. All return an errno except proc_exit.
    private static void DefineAll(Linker linker, Func<Caller, WasiContext> c)
    {
        Define(linker, c, "args_get", "ii", (x, m, a) => x.ArgsGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "args_sizes_get", "ii", (x, m, a) => x.ArgsSizesGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "environ_get", "ii", (x, m, a) => x.EnvironGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "environ_sizes_get", "ii", (x, m, a) => x.EnvironSizesGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "clock_res_get", "ii", (x, m, a) => WasiContext.ClockResGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "clock_time_get", "iIi", (x, m, a) => WasiContext.ClockTimeGet(m, U(a, 0), L(a, 1), U(a, 2)));
        Define(linker, c, "fd_advise", "iIIi", (x, m, a) => x.FdAdvise(U(a, 0), L(a, 1), L(a, 2), B(a, 3)));
        Define(linker, c, "fd_allocate", "iII", (x, m, a) => x.FdAllocate(U(a, 0), L(a, 1), L(a, 2)));
        Define(linker, c, "fd_close", "i", (x, m, a) => x.FdClose(U(a, 0)));
        Define(linker, c, "fd_datasync", "i", (x, m, a) => x.FdSync(U(a, 0), dataOnly: true));
        Define(linker, c, "fd_fdstat_get", "ii", (x, m, a) => x.FdFdstatGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "fd_fdstat_set_flags", "ii", (x, m, a) => x.FdFdstatSetFlags(U(a, 0), H(a, 1)));
        Define(linker, c, "fd_fdstat_set_rights", "iII", (x, m, a) => x.FdFdstatSetRights(U(a, 0), L(a, 1), L(a, 2)));
        Define(linker, c, "fd_filestat_get", "ii", (x, m, a) => x.FdFilestatGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "fd_filestat_set_size", "iI", (x, m, a) => x.FdFilestatSetSize(U(a, 0), L(a, 1)));
        Define(linker, c, "fd_filestat_set_times", "iIIi", (x, m, a) => x.FdFilestatSetTimes(U(a, 0), L(a, 1), L(a, 2), H(a, 3)));
        Define(linker, c, "fd_pread", "iiiIi", (x, m, a) => x.FdPread(m, U(a, 0), U(a, 1), U(a, 2), L(a, 3), U(a, 4)));
        Define(linker, c, "fd_prestat_get", "ii", (x, m, a) => x.FdPrestatGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "fd_prestat_dir_name", "iii", (x, m, a) => x.FdPrestatDirName(m, U(a, 0), U(a, 1), U(a, 2)));
        Define(linker, c, "fd_pwrite", "iiiIi", (x, m, a) => x.FdPwrite(m, U(a, 0), U(a, 1), U(a, 2), L(a, 3), U(a, 4)));
        Define(linker, c, "fd_read", "iiii", (x, m, a) => x.FdRead(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3)));
        Define(linker, c, "fd_readdir", "iiiIi", (x, m, a) => x.FdReaddir(m, U(a, 0), U(a, 1), U(a, 2), L(a, 3), U(a, 4)));
        Define(linker, c, "fd_renumber", "ii", (x, m, a) => x.FdRenumber(U(a, 0), U(a, 1)));
        Define(linker, c, "fd_seek", "iIii", (x, m, a) => x.FdSeek(m, U(a, 0), (long)L(a, 1), B(a, 2), U(a, 3)));
        Define(linker, c, "fd_sync", "i", (x, m, a) => x.FdSync(U(a, 0), dataOnly: false));
        Define(linker, c, "fd_tell", "ii", (x, m, a) => x.FdTell(m, U(a, 0), U(a, 1)));
        Define(linker, c, "fd_write", "iiii", (x, m, a) => x.FdWrite(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3)));
        Define(linker, c, "path_create_directory", "iii", (x, m, a) => x.PathCreateDirectory(m, U(a, 0), U(a, 1), U(a, 2)));
        Define(linker, c, "path_filestat_get", "iiiii", (x, m, a) => x.PathFilestatGet(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), U(a, 4)));
        Define(linker, c, "path_filestat_set_times", "iiiiIIi", (x, m, a) => x.PathFilestatSetTimes(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), L(a, 4), L(a, 5), H(a, 6)));
        Define(linker, c, "path_link", "iiiiiii", (x, m, a) => x.PathLink(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), U(a, 4), U(a, 5), U(a, 6)));
        Define(linker, c, "path_open", "iiiiiIIii", (x, m, a) => x.PathOpen(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), H(a, 4), L(a, 5), L(a, 6), H(a, 7), U(a, 8)));
        Define(linker, c, "path_readlink", "iiiiii", (x, m, a) => x.PathReadlink(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), U(a, 4), U(a, 5)));
        Define(linker, c, "path_remove_directory", "iii", (x, m, a) => x.PathRemoveDirectory(m, U(a, 0), U(a, 1), U(a, 2)));
        Define(linker, c, "path_rename", "iiiiii", (x, m, a) => x.PathRename(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), U(a, 4), U(a, 5)));
        Define(linker, c, "path_symlink", "iiiii", (x, m, a) => x.PathSymlink(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3), U(a, 4)));
        Define(linker, c, "path_unlink_file", "iii", (x, m, a) => x.PathUnlinkFile(m, U(a, 0), U(a, 1), U(a, 2)));
        Define(linker, c, "poll_oneoff", "iiii", (x, m, a) => x.PollOneoff(m, U(a, 0), U(a, 1), U(a, 2), U(a, 3)));
        linker.DefineFunction(ModuleName, "proc_exit", new FuncType([ValType.I32], []), (caller, args, _) => c(caller).ProcExit(args[0].AsI32()));
        Define(linker, c, "proc_raise", "i", (x, m, a) => x.ProcRaise(U(a, 0)));
        Define(linker, c, "sched_yield", "", (x, m, a) => WasiContext.SchedYield());
        Define(linker, c, "random_get", "ii", (x, m, a) => WasiContext.RandomGet(m, U(a, 0), U(a, 1)));
        Define(linker, c, "sock_accept", "iii", (x, m, a) => x.SockAccept(m, U(a, 0), H(a, 1), U(a, 2)));
        Define(linker, c, "sock_recv", "iiiiii", (x, m, a) => x.SockRecv(m, U(a, 0), U(a, 1), U(a, 2), H(a, 3), U(a, 4), U(a, 5)));
        Define(linker, c, "sock_send", "iiiii", (x, m, a) => x.SockSend(m, U(a, 0), U(a, 1), U(a, 2), H(a, 3), U(a, 4)));
        Define(linker, c, "sock_shutdown", "ii", (x, m, a) => x.SockShutdown(U(a, 0), B(a, 1)));
    }

    // Narrow parameters (u8, u16) arrive as i32; the spec's canonical ABI reads the low bits.
    private static byte B(ReadOnlySpan<Value> a, int i) => (byte)a[i].AsI32();

    private static ushort H(ReadOnlySpan<Value> a, int i) => (ushort)a[i].AsI32();
}
