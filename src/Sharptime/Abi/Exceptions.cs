using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace Sharptime.Abi;

/// <summary>
/// The exception-handling helpers generated code calls. A WebAssembly exception is a
/// <see cref="ThrownException"/>; the object is also its <c>exnref</c> value.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Exceptions
{
    /// <summary>Creates the exception <c>throw tagIndex</c> throws, with the payload already boxed.</summary>
    /// <param name="values">One boxed value per parameter of the tag's type.</param>
    /// <param name="context">The instance.</param>
    /// <param name="tagIndex">The tag index in the module.</param>
    /// <returns>The exception to throw.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Create(object?[] values, VmContext context, int tagIndex)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ThrownException(context.Tags[tagIndex], values);
    }

    /// <summary>The exception <c>throw_ref</c> (or a legacy <c>rethrow</c>) throws again; traps on null.</summary>
    /// <param name="exn">The exnref operand.</param>
    /// <returns>The exception to throw.</returns>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Rethrow(object? exn)
    {
        if (exn is not ThrownException e) return new TrapException(TrapCode.NullReference, "null exception reference");
        e.DelegateFrame = 0;
        return e;
    }

    /// <summary>
    /// Whether the handler of a try at <paramref name="depth"/> (the number of try regions around it
    /// in its function) of the frame <paramref name="frame"/> may see <paramref name="exn"/>: false
    /// while a legacy <c>delegate</c> sends the exception to a handler further out. Once the
    /// exception reaches the delegate's target, it propagates normally again.
    /// </summary>
    /// <param name="exn">The caught exception.</param>
    /// <param name="frame">The address of a local of the handler's frame.</param>
    /// <param name="depth">The try depth of the handler.</param>
    /// <returns>True when the handler applies.</returns>
    public static bool Enter(object exn, nuint frame, int depth)
    {
        if (exn is not ThrownException e || e.DelegateFrame != frame || e.DelegateFrame == 0) return true;
        if (e.DelegateDepth < depth) return false;
        e.DelegateFrame = 0;
        return true;
    }

    /// <summary>Marks <paramref name="exn"/> for a legacy <c>delegate</c> and returns it to throw again.</summary>
    /// <param name="exn">The caught exception.</param>
    /// <param name="frame">The address of a local of the current frame.</param>
    /// <param name="depth">The try depth of the target handler; -1 leaves the frame.</param>
    /// <returns>The exception to throw.</returns>
    public static Exception Delegate(Exception exn, nuint frame, int depth)
    {
        ArgumentNullException.ThrowIfNull(exn);
        if (exn is ThrownException e)
        {
            e.DelegateFrame = frame;
            e.DelegateDepth = depth;
        }
        return exn;
    }

    /// <summary>Whether <paramref name="exn"/> has the tag at <paramref name="tagIndex"/> of the instance.</summary>
    /// <param name="exn">The caught exception.</param>
    /// <param name="context">The instance.</param>
    /// <param name="tagIndex">The tag index in the module.</param>
    /// <returns>True on a match.</returns>
    public static bool Is(object exn, VmContext context, int tagIndex)
    {
        ArgumentNullException.ThrowIfNull(context);
        return exn is ThrownException e && e.Tag is not null && ReferenceEquals(e.Tag, context.Tags[tagIndex]);
    }

    /// <summary>The boxed payload of <paramref name="exn"/>.</summary>
    /// <param name="exn">A <see cref="ThrownException"/>.</param>
    /// <returns>One boxed value per parameter of its tag's type.</returns>
    public static object?[] Values(object exn) => ((ThrownException)exn).Values;
}
