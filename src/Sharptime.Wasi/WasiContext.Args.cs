namespace Sharptime.Wasi;

public sealed partial class WasiContext
{
    // args_get / environ_get: a pointer per string into a buffer of NUL-terminated strings.
    internal static Errno WriteStrings(GuestMemory m, byte[][] strings, uint pointers, uint buffer)
    {
        uint offset = buffer;
        for (int i = 0; i < strings.Length; i++)
        {
            m.WriteU32(pointers + (uint)(i * 4), offset);
            strings[i].CopyTo(m.Span(offset, (uint)strings[i].Length));
            offset += (uint)strings[i].Length;
        }
        return Errno.Success;
    }

    internal static Errno WriteSizes(GuestMemory m, byte[][] strings, uint count, uint size)
    {
        uint total = 0;
        foreach (byte[] s in strings) total += (uint)s.Length;
        m.WriteU32(count, (uint)strings.Length);
        m.WriteU32(size, total);
        return Errno.Success;
    }

    internal Errno ArgsGet(GuestMemory m, uint argv, uint argvBuf) => WriteStrings(m, _args, argv, argvBuf);

    internal Errno ArgsSizesGet(GuestMemory m, uint argc, uint argvBufSize) => WriteSizes(m, _args, argc, argvBufSize);

    internal Errno EnvironGet(GuestMemory m, uint environ, uint environBuf) => WriteStrings(m, _env, environ, environBuf);

    internal Errno EnvironSizesGet(GuestMemory m, uint count, uint bufSize) => WriteSizes(m, _env, count, bufSize);

    internal void ProcExit(int code)
    {
        ExitCode = code;
        throw new WasiExitException(code);
    }
}
