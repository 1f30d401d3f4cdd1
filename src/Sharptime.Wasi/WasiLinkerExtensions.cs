namespace Sharptime.Wasi;

/// <summary>Adds WASI preview 1 to a <see cref="Linker"/>.</summary>
public static partial class WasiLinkerExtensions
{
    /// <summary>The import module name of WASI preview 1.</summary>
    public const string ModuleName = "wasi_snapshot_preview1";

    /// <summary>
    /// Defines every <c>wasi_snapshot_preview1</c> function in <paramref name="linker"/>, once, for
    /// guests whose store is a <see cref="Store{T}"/> of a <see cref="WasiContext"/>: each store (each
    /// guest) has its own descriptor table, streams and exit status, so one linker or
    /// <see cref="InstancePre"/> serves any number of stores, on any number of threads.
    /// <code>
    /// linker.AddWasi();
    /// using var wasi = new WasiContext(WasiConfig.Default.WithArgs("app"));
    /// using var store = new Store&lt;WasiContext&gt;(engine, wasi);
    /// </code>
    /// </summary>
    /// <param name="linker">The linker.</param>
    /// <returns>The linker.</returns>
    /// <exception cref="PlatformNotSupportedException">The host is not Linux x86-64 (needed by the sandbox).</exception>
    public static Linker AddWasi(this Linker linker) => AddWasi<WasiContext>(linker, static context => context);

    /// <summary>
    /// Defines every <c>wasi_snapshot_preview1</c> function in <paramref name="linker"/>, once; a call
    /// finds its guest's <see cref="WasiContext"/> in the calling store's data with
    /// <paramref name="getContext"/> (Wasmtime's <c>add_to_linker(linker, |data| &amp;mut data.wasi)</c>).
    /// The store must be a <see cref="Store{T}"/>. The functions use the calling instance's "memory" export.
    /// </summary>
    /// <typeparam name="T">The type of the stores' data.</typeparam>
    /// <param name="linker">The linker.</param>
    /// <param name="getContext">The WASI context within the store's data.</param>
    /// <returns>The linker.</returns>
    /// <exception cref="PlatformNotSupportedException">The host is not Linux x86-64 (needed by the sandbox).</exception>
    public static Linker AddWasi<T>(this Linker linker, Func<T, WasiContext> getContext)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(getContext);
        WasiContext.CheckPlatform();
        DefineAll(linker, caller => getContext(caller.GetData<T>()));
        return linker;
    }

    /// <summary>A WASI function body: reads its arguments, returns the errno.</summary>
    private delegate Errno Body(WasiContext context, GuestMemory memory, ReadOnlySpan<Value> args);

    private static void Define(Linker linker, Func<Caller, WasiContext> context, string name, string parameters, Body body)
    {
        var p = new ValType[parameters.Length];
        for (int i = 0; i < p.Length; i++) p[i] = parameters[i] == 'I' ? ValType.I64 : ValType.I32;
        var type = new FuncType(p, [ValType.I32]);
        linker.DefineFunction(ModuleName, name, type, (caller, args, results) =>
        {
            results[0] = Value.I32((int)Invoke(context(caller), caller, args, body));
        });
    }

    private static Errno Invoke(WasiContext context, Caller caller, ReadOnlySpan<Value> args, Body body)
    {
        try
        {
            // Stores of wasi-threads share one context: its descriptor table and streams see one call at a time.
            lock (context.CallLock)
            {
                return body(context, new GuestMemory(caller.GetMemory("memory")), args);
            }
        }
        catch (WasiErrnoException e)
        {
            return e.Errno;
        }
        catch (WasiExitException)
        {
            throw;
        }
        catch (ObjectDisposedException)
        {
            return Errno.Badf;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            return ErrnoMapping.FromSocket(e.SocketErrorCode);
        }
        catch (NotSupportedException)
        {
            return Errno.NotSup;
        }
        catch (InvalidOperationException)
        {
            // For example sock_accept on a socket that is not listening.
            return Errno.Inval;
        }
        catch (UnauthorizedAccessException)
        {
            return Errno.Acces;
        }
        catch (IOException)
        {
            return Errno.Io;
        }
        catch (OverflowException)
        {
            return Errno.Overflow;
        }
    }

    private static uint U(ReadOnlySpan<Value> a, int i) => (uint)a[i].AsI32();

    private static ulong L(ReadOnlySpan<Value> a, int i) => (ulong)a[i].AsI64();
}
