namespace Sharptime;

/// <summary>
/// What a store's epoch deadline callback (<see cref="Store.EpochDeadlineCallback"/>) decides when the
/// deadline is reached: trap, or move the deadline and let the code continue (Wasmtime's <c>UpdateDeadline</c>).
/// </summary>
public readonly record struct EpochDeadlineAction
{
    private EpochDeadlineAction(bool continues, ulong ticks)
    {
        Continues = continues;
        Ticks = ticks;
    }

    /// <summary>True to continue with a new deadline <see cref="Ticks"/> beyond the current epoch; false to trap.</summary>
    public bool Continues { get; }

    /// <summary>When continuing: the new deadline, in ticks beyond the current epoch.</summary>
    public ulong Ticks { get; }

    /// <summary>Trap with <see cref="TrapCode.Interrupt"/>.</summary>
    public static EpochDeadlineAction Trap => default;

    /// <summary>Continue running; the next deadline is <paramref name="ticks"/> beyond the current epoch.</summary>
    /// <param name="ticks">The ticks until the next deadline.</param>
    /// <returns>The action.</returns>
    public static EpochDeadlineAction Continue(ulong ticks) => new(true, ticks);
}
