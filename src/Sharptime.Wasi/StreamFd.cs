namespace Sharptime.Wasi;

/// <summary>stdin, stdout or stderr: a .NET stream, or nothing (empty input, discarded output).</summary>
internal sealed class StreamFd : FdEntry
{
    private readonly bool _owns;

    public StreamFd(Stream? stream, bool readable, bool owns)
        : base(Filetype.CharacterDevice, readable ? Rights.Stream & ~Rights.FdWrite : Rights.Stream & ~Rights.FdRead, Rights.None)
    {
        Stream = stream;
        Readable = readable;
        _owns = owns;
    }

    public Stream? Stream { get; }

    public bool Readable { get; }

    public int Read(Span<byte> buffer) => Stream is null ? 0 : Stream.Read(buffer);

    public void Write(ReadOnlySpan<byte> bytes)
    {
        if (Stream is null) return;
        Stream.Write(bytes);
        Stream.Flush();
    }

    public override void Dispose()
    {
        if (_owns) Stream?.Dispose();
    }
}
