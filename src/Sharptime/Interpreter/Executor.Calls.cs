using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Sharptime.Abi;

namespace Sharptime.Interpreter;

internal static unsafe partial class Executor
{
    [ThreadStatic] private static Value[]? t_values;
    [ThreadStatic] private static int t_valuesUsed;

    /// <summary>Calls <paramref name="callee"/> with its arguments in the slots from <paramref name="first"/>; the results replace them.</summary>
    private static void Invoke(Func callee, ValueStack stack, int first, VmContext caller)
    {
        if (callee.Owner is InterpretedFunction fn) Execute(fn, stack, first);
        else CallOut(callee, stack, first, caller);
    }

    private static InterpretedFunction? TailCall(Func callee, ValueStack stack, int fp, VmContext caller)
    {
        if (callee.Owner is InterpretedFunction fn) return fn;
        CallOut(callee, stack, fp, caller);
        return null;
    }

    private static Func ResolveIndirect(VmContext ctx, ulong index, int table, int typeIndex)
    {
        if (!ctx.Tables[table].Type.Is64) index = (uint)index;
        return Instructions.ResolveIndirect(index, ctx, table, typeIndex);
    }

    /// <summary>
    /// Calls a function that is not interpreted (host code, or compiled code of another module)
    /// through its array-call entry, with the arguments as <see cref="Value"/>s.
    /// </summary>
    private static void CallOut(Func callee, ValueStack stack, int first, VmContext caller)
    {
        FuncType type = callee.Type;
        int parameters = type.Params.Count;
        int count = parameters + type.Results.Count;
        Value[]? buffer = t_values;
        int start = t_valuesUsed;
        if (buffer is null || start + count > buffer.Length)
        {
            // Outer calls keep the array they were given; nested ones continue in a bigger one.
            buffer = new Value[Math.Max(64, (start + count) * 2)];
            t_values = buffer;
        }
        t_valuesUsed = start + count;
        Span<Value> args = buffer.AsSpan(start, parameters);
        Span<Value> results = buffer.AsSpan(start + parameters, type.Results.Count);
        int top = first;
        try
        {
            ulong[] slots = stack.Slots;
            object?[] refs = stack.Refs;
            int slot = first;
            for (int i = 0; i < parameters; i++)
            {
                ValType t = type.Params[i];
                args[i] = ToValue(t, slots, refs, slot);
                slot += t.Kind == ValKind.V128 ? 2 : 1;
            }
            top = Math.Max(slot, first + 2 * type.Results.Count);
            if (!stack.Ensure(top)) throw new TrapException(TrapCode.StackOverflow);
            int savedTop = stack.Top;
            stack.Top = top;
            callee.Context.CallerContext = caller;
            try
            {
                ((delegate*<nint, VmContext, ReadOnlySpan<Value>, Span<Value>, void>)callee.ArrayCall)(callee.Code, callee.Context, args, results);
            }
            finally
            {
                stack.Top = savedTop;
            }
            slots = stack.Slots;
            refs = stack.Refs;
            slot = first;
            for (int i = 0; i < results.Length; i++) slot = FromValue(type.Results[i], results[i], slots, refs, slot);
        }
        finally
        {
            buffer.AsSpan(start, count).Clear();
            t_valuesUsed = start;
        }
    }

    /// <summary>The value in <paramref name="slot"/> as the host sees it (32-bit numbers sign-extended, as <see cref="Value"/> keeps them).</summary>
    public static Value ToValue(ValType t, ulong[] slots, object?[] refs, int slot) => t.Kind switch
    {
        ValKind.I32 or ValKind.F32 => Value.FromBits(t, (int)slots[slot], 0, null),
        ValKind.V128 => Value.FromBits(t, (long)slots[slot], (long)slots[slot + 1], null),
        ValKind.Ref => Value.FromBits(t, 0, 0, refs[slot]),
        _ => Value.FromBits(t, (long)slots[slot], 0, null),
    };

    /// <summary>Writes a value into <paramref name="slot"/>; returns the next slot.</summary>
    public static int FromValue(ValType t, Value v, ulong[] slots, object?[] refs, int slot)
    {
        switch (t.Kind)
        {
            case ValKind.V128:
                slots[slot] = (ulong)v.Bits;
                slots[slot + 1] = (ulong)v.High;
                return slot + 2;
            case ValKind.Ref:
                refs[slot] = v.RawRef;
                return slot + 1;
            default:
                slots[slot] = (ulong)v.Bits;
                return slot + 1;
        }
    }

    private static Exception Throw(VmContext ctx, int tag, ValueStack stack, int first)
    {
        FuncType type = ctx.Tags[tag].Type;
        object?[] values = type.Params.Count == 0 ? [] : new object?[type.Params.Count];
        int slot = first;
        for (int i = 0; i < values.Length; i++)
        {
            ulong bits = stack.Slots[slot];
            values[i] = type.Params[i].Kind switch
            {
                ValKind.I32 => (int)bits,
                ValKind.I64 => (long)bits,
                ValKind.F32 => BitConverter.UInt32BitsToSingle((uint)bits),
                ValKind.F64 => BitConverter.UInt64BitsToDouble(bits),
                ValKind.V128 => Vector128.Create(bits, stack.Slots[slot + 1]).AsByte(),
                _ => stack.Refs[slot],
            };
            slot += type.Params[i].Kind == ValKind.V128 ? 2 : 1;
        }
        return Exceptions.Create(values, ctx, tag);
    }

    /// <summary>Writes an exception's payload (boxed as compiled code boxes it) into slots from <paramref name="slot"/>.</summary>
    private static void Unbox(ValueStack stack, int slot, FuncType type, object?[] values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            object? v = values[i];
            switch (type.Params[i].Kind)
            {
                case ValKind.I32: stack.Slots[slot++] = (uint)(int)v!; break;
                case ValKind.I64: stack.Slots[slot++] = (ulong)(long)v!; break;
                case ValKind.F32: stack.Slots[slot++] = BitConverter.SingleToUInt32Bits((float)v!); break;
                case ValKind.F64: stack.Slots[slot++] = BitConverter.DoubleToUInt64Bits((double)v!); break;
                case ValKind.V128:
                {
                    Vector128<ulong> halves = ((Vector128<byte>)v!).AsUInt64();
                    stack.Slots[slot++] = halves.GetElement(0);
                    stack.Slots[slot++] = halves.GetElement(1);
                    break;
                }
                default: stack.Refs[slot++] = v; break;
            }
        }
    }

    /// <summary>Fuel (flag 1) and epoch deadline (flag 2) at function entry and loop headers.</summary>
    private static void Check(VmStoreContext store, int flags)
    {
        if ((flags & 1) != 0 && store.Fuel < 0) throw StoreHelpers.OutOfFuel(store);
        if ((flags & 2) != 0 && Volatile.Read(ref store.StackLimit) == VmStoreContext.Interrupt) StoreHelpers.Interrupted(store);
    }

    /// <summary>
    /// i8x16.shuffle (operands d a b, then the 16 lane indices in four words): lane i of d is lane
    /// m[i] of a:b. Vectors stay in memory: the instruction loop passes no Vector128 by value, which
    /// would keep it out of the ReadyToRun image (its calling convention is not version-resilient).
    /// </summary>
    private static void Shuffle(ref ulong f, ref int ip)
    {
        byte* both = stackalloc byte[32];
        Unsafe.CopyBlockUnaligned(ref both[0], ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))), 16);
        Unsafe.CopyBlockUnaligned(ref both[16], ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))), 16);
        ref byte result = ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
        for (int i = 0; i < 16; i++) Unsafe.Add(ref result, i) = both[(Unsafe.Add(ref ip, 4 + (i >> 2)) >> (8 * (i & 3))) & 31];
    }
}
