namespace Sharptime.Interpreter;

/// <summary>
/// The slots of interpreted frames on one thread: 64-bit cells for numbers (a v128 takes two) and a
/// parallel array for references, indexed alike. A frame's parameters are the slots where its
/// caller left the arguments, so calls copy nothing. Frames above <see cref="Top"/> are free; an
/// entry from the host starts there.
/// </summary>
internal sealed class ValueStack
{
    [ThreadStatic] private static ValueStack? t_current;

    /// <summary>The most slots a thread may use (16 MiB of numbers): beyond it a call traps with stack overflow.</summary>
    public const int MaxSlots = 2 * 1024 * 1024;

    public ulong[] Slots = new ulong[4096];

    public object?[] Refs = new object?[4096];

    /// <summary>The first slot above every frame that is running (set before calls to code outside the interpreter).</summary>
    public int Top;

    public static ValueStack Current => t_current ??= new ValueStack();

    /// <summary>Makes room for slots up to <paramref name="end"/>; false when that is beyond <see cref="MaxSlots"/>.</summary>
    public bool Ensure(int end)
    {
        if (end <= Slots.Length) return true;
        if (end > MaxSlots) return false;
        int size = Math.Min(MaxSlots, Math.Max(end, Slots.Length * 2));
        Array.Resize(ref Slots, size);
        Array.Resize(ref Refs, size);
        return true;
    }
}
