using System.Runtime.CompilerServices;

namespace Sharptime.Runtime;

/// <summary>Room for the arguments or results of a typed call on the stack (<see cref="Value"/> holds a reference, so no stackalloc).</summary>
[InlineArray(16)]
internal struct ValueBuffer
{
    private Value _element;
}
