namespace Sharptime.Runtime;

/// <summary>An <c>i31ref</c>: a 31-bit integer, kept in the low bits of <see cref="Value"/>.</summary>
internal sealed class I31Ref : AnyRef
{
    private static readonly I31Ref[] Small = CreateSmall();

    private I31Ref(int value) => Value = value & 0x7fff_ffff;

    /// <summary>The 31 bits, zero-extended.</summary>
    public int Value { get; }

    /// <summary>The i31 of the low 31 bits of <paramref name="value"/>; values from -256 to 1023 are shared, not allocated.</summary>
    public static I31Ref Of(int value) => (uint)(value + 256) < (uint)Small.Length ? Small[value + 256] : new I31Ref(value);

    /// <inheritdoc/>
    public override string ToString() => $"i31({(Value << 1) >> 1})";

    private static I31Ref[] CreateSmall()
    {
        var small = new I31Ref[1280];
        for (int i = 0; i < small.Length; i++) small[i] = new I31Ref(i - 256);
        return small;
    }
}

/// <summary>A host reference in the <c>any</c> hierarchy (<see cref="AnyRef.ConvertExtern"/>).</summary>
internal sealed class HostAnyRef(ExternRef reference) : AnyRef
{
    /// <summary>The host reference.</summary>
    public ExternRef Extern { get; } = reference;

    /// <inheritdoc/>
    public override string ToString() => Extern.ToString();
}
