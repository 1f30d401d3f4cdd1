using System.Runtime.InteropServices;

namespace Sharptime.Wasi;

/// <summary>Adds WASI preview 1 to a <see cref="Linker"/>.</summary>
public static partial class WasiLinkerExtensions
{
    /// <summary>The import module name of WASI preview 1.</summary>
    public const string ModuleName = "wasi_snapshot_preview1";

    /// <summary>
    /// Defines every <c>wasi_snapshot_preview1</c> function in <paramref name="linker"/>, bound to a
    /// new <see cref="WasiContext"/> built from <paramref name="config"/> for instances of
    /// <paramref name="store"/>. The functions use the calling instance's "memory" export. Dispose
    /// the context (or let the caller) to close the host descriptors it holds.
    /// </summary>
    /// <param name="linker">The linker.</param>
    /// <param name="store">The store the guest runs in.</param>
    /// <param name="config">What the guest gets.</param>
    /// <returns>The context: the guest's descriptor table and exit status.</returns>
    /// <exception cref="PlatformNotSupportedException">The host is not Linux x86-64.</exception>
    /// <exception cref="DirectoryNotFoundException">A pre-opened directory cannot be opened.</exception>
    public static WasiContext AddWasi(this Linker linker, Store store, WasiConfig config)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(config);
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
        {
            throw new PlatformNotSupportedException(
                $"Sharptime.Wasi is not supported on this OS ({RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}): its sandbox needs Linux x86-64 (openat2)");
        }
        var context = new WasiContext(config);
        try
        {
            DefineAll(linker, context);
        }
        catch
        {
            context.Dispose();
            throw;
        }
        return context;
    }

    /// <summary>A WASI function body: reads its arguments, returns the errno.</summary>
    private delegate Errno Body(WasiContext context, GuestMemory memory, ReadOnlySpan<Value> args);


    private static void Define(Linker linker, WasiContext context, string name, string parameters, Body body)
    {
        var p = new ValType[parameters.Length];
        for (int i = 0; i < p.Length; i++) p[i] = parameters[i] == 'I' ? ValType.I64 : ValType.I32;
        var type = new FuncType(p, [ValType.I32]);
        linker.DefineFunction(ModuleName, name, type, (caller, args, results) =>
        {
            results[0] = Value.I32((int)Invoke(context, caller, args, body));
        });
    }

    private static Errno Invoke(WasiContext context, Caller caller, ReadOnlySpan<Value> args, Body body)
    {
        try
        {
            return body(context, new GuestMemory(caller.GetMemory("memory")), args);
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
