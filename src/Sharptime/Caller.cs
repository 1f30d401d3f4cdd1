using Sharptime.Abi;

namespace Sharptime;

/// <summary>
/// What a host function sees of its caller: the store and the exports of the calling instance
/// (its memory, typically). When the host itself called the function, the instance is the one that
/// imported it, if any.
/// </summary>
public readonly struct Caller : IEquatable<Caller>
{
    private readonly VmContext _context;
    private readonly Instance? _instance;

    internal Caller(VmContext context)
    {
        _context = context;
        // Read now: nested calls through the same function overwrite the field.
        _instance = context.CallerContext?.Instance ?? context.Instance;
    }

    /// <summary>The store.</summary>
    public Store Store => _context.Store!;

    /// <summary>The calling instance, or null when the host called a function no instance imported.</summary>
    public Instance? Instance => _instance;

    /// <summary>The host data of a <see cref="Store{T}"/>.</summary>
    /// <typeparam name="T">The type of the data.</typeparam>
    /// <exception cref="InvalidCastException">The store has no data of that type.</exception>
    public T GetData<T>() => ((Store<T>)Store).Data;

    /// <summary>An export of the calling instance, or null.</summary>
    /// <param name="name">The export name.</param>
    public Extern? GetExport(string name) => _instance?.GetExport(name);

    /// <summary>A memory export of the calling instance, or null.</summary>
    /// <param name="name">The export name, usually "memory".</param>
    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    /// <inheritdoc/>
    public bool Equals(Caller other) => ReferenceEquals(_context, other._context) && ReferenceEquals(_instance, other._instance);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Caller other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _context?.GetHashCode() ?? 0;

    /// <summary>Compares two callers.</summary>
    public static bool operator ==(Caller left, Caller right) => left.Equals(right);

    /// <summary>Compares two callers.</summary>
    public static bool operator !=(Caller left, Caller right) => !left.Equals(right);
}
