using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Sharptime.Abi;

namespace Sharptime.Interpreter;

/// <summary>
/// Runs translated code (<see cref="FunctionCode"/>). <see cref="Execute"/> is one Wasm frame: it
/// probes the native stack, zeroes the locals, runs the instruction loop (<see cref="Run"/>, which
/// holds no exception handlers so that its state stays in registers), lands caught Wasm
/// exceptions in their handlers, and records its frame in traps that pass through it.
/// </summary>
[SkipLocalsInit]
internal static unsafe partial class Executor
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Execute(InterpretedFunction fn, ValueStack stack, int fp)
    {
        byte probe = 0;
        VmContext ctx = fn.Context;
        if ((nuint)(&probe) < ctx.StoreContext.StackLimit) StoreHelpers.StackProbeFailed((nuint)(&probe), ctx);
        FunctionCode code = fn.Code;
        if (fn.Module.Tiers && TierUp(fn, code, stack, fp)) return;
        int pc = 0;
        int at = 0;
        bool enter = true;
        while (true)
        {
            if (enter)
            {
                Enter(stack, fp, code);
                enter = false;
            }
            try
            {
                InterpretedFunction? next = Run(fn, code, stack, fp, pc, ref at);
                if (next is null) return;
                // return_call: the arguments are in slots 0 and up; the callee's frame replaces this one.
                fn = next;
                code = fn.Code;
                pc = 0;
                at = 0;
                enter = true;
            }
            catch (ThrownException e) when (FindHandler(fn.Context, code, at, e, out Handler? handler, out int clause))
            {
                pc = Land(stack, fp, handler!, clause, e);
            }
            catch (TrapException e) when (Record(e, fn, code, at))
            {
                throw;
            }
        }
    }

    /// <summary>
    /// <see cref="Strategy.Tiered"/>: runs the compiled function instead when there is one (true);
    /// otherwise counts the call, starting the compilation when the function is hot.
    /// </summary>
    private static bool TierUp(InterpretedFunction fn, FunctionCode code, ValueStack stack, int fp)
    {
        if (fn.Compiled is { } compiled)
        {
            CallOut(compiled, stack, fp, fn.Context);
            return true;
        }
        if (++code.Heat >= fn.Module.Threshold) fn.Module.StartTierUp();
        return false;
    }

    /// <summary>
    /// <see cref="Strategy.Tiered"/>, at a loop header once the module is compiled: continues the
    /// function in its compiled loop-entry method (<see cref="Runtime.CodeMap.LoopEntries"/>) with
    /// this frame's locals, so that a long loop entered before the code arrived does not stay
    /// interpreted; its results replace the frame (true). False when the loop has no compiled entry.
    /// </summary>
    private static bool EnterCompiledLoop(InterpretedFunction fn, ValueStack stack, int fp, int loopOffset)
    {
        Runtime.CompiledModule module = fn.Module.Module;
        int defined = fn.Index - module.Module.ImportedFunctionCount;
        nint entry = module.LoopEntry(defined, loopOffset);
        if (entry == 0) return false;
        VmContext ctx = fn.Context;
        if (!ctx.RunsCompiled) Runtime.Tiering.Switch(ctx);
        FuncType type = module.FuncTypeAt(module.Module.Functions[fn.Index]);
        var localTypes = new List<ValType>(type.Params);
        foreach (Binary.LocalRun run in module.Module.Code[defined].Locals)
        {
            for (uint i = 0; i < run.Count; i++) localTypes.Add(new ValType(run.Type));
        }
        var locals = new Value[localTypes.Count];
        int slot = fp;
        for (int i = 0; i < locals.Length; i++)
        {
            locals[i] = ToValue(localTypes[i], stack.Slots, stack.Refs, slot);
            slot += localTypes[i].Kind == ValKind.V128 ? 2 : 1;
        }
        var results = new Value[type.Results.Count];
        int savedTop = stack.Top;
        stack.Top = Math.Max(savedTop, fp + fn.Code.FrameSlots);
        try
        {
            ((delegate*<int, ReadOnlySpan<Value>, Span<Value>, VmContext, void>)entry)(loopOffset, locals, results, ctx);
        }
        finally
        {
            stack.Top = savedTop;
        }
        slot = fp;
        for (int i = 0; i < results.Length; i++) slot = FromValue(type.Results[i], results[i], stack.Slots, stack.Refs, slot);
        return true;
    }

    private static void Enter(ValueStack stack, int fp, FunctionCode code)
    {
        if (!stack.Ensure(fp + code.FrameSlots)) throw new TrapException(TrapCode.StackOverflow);
        int locals = code.LocalSlots - code.ParamSlots;
        if (locals > 0)
        {
            stack.Slots.AsSpan(fp + code.ParamSlots, locals).Clear();
            stack.Refs.AsSpan(fp + code.ParamSlots, locals).Clear();
        }
        if (code.Constants.Length > 0) code.Constants.CopyTo(stack.Slots.AsSpan(fp + code.LocalSlots));
    }

    /// <summary>Adds this frame to the trap's backtrace; never catches.</summary>
    private static bool Record(TrapException e, InterpretedFunction fn, FunctionCode code, int pc)
    {
        e.AddInterpretedFrame(fn.Module.Frame(fn.Index, code.WasmOffsetAt(pc)));
        return false;
    }

    /// <summary>The handler and catch clause for an exception raised at <paramref name="pc"/>, if any.</summary>
    private static bool FindHandler(VmContext ctx, FunctionCode code, int pc, ThrownException e, out Handler? handler, out int clause)
    {
        Handler[] handlers = code.Handlers;
        int i = handlers.Length - 1;
        while (i >= 0 && !(handlers[i].Start <= pc && pc < handlers[i].End)) i--;
        while (i >= 0)
        {
            Handler h = handlers[i];
            if (h.Kind != HandlerKind.Delegate)
            {
                CatchClause[] catches = h.Catches;
                for (int k = 0; k < catches.Length; k++)
                {
                    int tag = catches[k].Tag;
                    if (tag < 0 || (e.Tag is not null && ReferenceEquals(e.Tag, ctx.Tags[tag])))
                    {
                        handler = h;
                        clause = k;
                        return true;
                    }
                }
            }
            i = h.Parent;
        }
        handler = null;
        clause = -1;
        return false;
    }

    /// <summary>Puts the payload (and the exception) where the clause expects it; returns where to go on.</summary>
    private static int Land(ValueStack stack, int fp, Handler handler, int clause, ThrownException e)
    {
        CatchClause c = handler.Catches[clause];
        if (c.Tag >= 0) Unbox(stack, fp + c.Slot, e.Tag!.Type, e.Values);
        if (c.RefSlot >= 0) stack.Refs[fp + c.RefSlot] = e;
        if (handler.ExceptionSlot >= 0) stack.Refs[fp + handler.ExceptionSlot] = e;
        return c.Target;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong S(ref ulong f, int slot) => ref Unsafe.Add(ref f, slot);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int I(ref int code, int index) => Unsafe.Add(ref code, index);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> V(ref ulong f, int slot) => Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, slot)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SetV(ref ulong f, int slot, Vector128<byte> value) => Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, slot)), value);

    /// <summary>The index of the instruction <paramref name="ip"/> points at (for error messages).</summary>
    private static int PcOf(ref int code, ref int ip) => (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static TrapException OutOfBounds() => new(TrapCode.MemoryOutOfBounds);

    /// <summary>The instruction loop. Returns the callee of a return_call to an interpreted function, or null on return.</summary>
    private static InterpretedFunction? Run(InterpretedFunction fn, FunctionCode fc, ValueStack stack, int fp, int pc, ref int at)
    {
        VmContext ctx = fn.Context;
        ref int code = ref MemoryMarshal.GetArrayDataReference(fc.Code);
        // The instruction pointer: operands are read at small offsets from it.
        ref int ip = ref Unsafe.Add(ref code, pc);
        ref ulong f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stack.Slots), fp);
        object?[] refs = stack.Refs;
        GlobalInstance[] globals = ctx.Globals;
        MemoryInstance mem = ctx.Memory0!;
        while (true)
        {
            switch ((Op)ip)
            {
                case Op.Unreachable:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    throw new TrapException(TrapCode.Unreachable);
                case Op.Br:
                    ip = ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 1));
                    continue;
                case Op.BrIfNez:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) != 0 ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrIfEqz:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) == 0 ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrIfNull:
                    ip = ref refs[fp + Unsafe.Add(ref ip, 1)] is null ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrIfNonNull:
                    ip = ref refs[fp + Unsafe.Add(ref ip, 1)] is not null ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrI32Eq:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) == (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32Ne:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) != (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32LtS:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) < (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32LtU:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) < (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32GtS:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) > (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32GtU:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) > (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32LeS:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) <= (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32LeU:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) <= (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32GeS:
                    ip = ref (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) >= (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI32GeU:
                    ip = ref (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) >= (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64Eq:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) == (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64Ne:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) != (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64LtS:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) < (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64LtU:
                    ip = ref (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) < (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64GtS:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) > (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64GtU:
                    ip = ref (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) > (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64LeS:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) <= (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64LeU:
                    ip = ref (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) <= (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64GeS:
                    ip = ref (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) >= (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64GeU:
                    ip = ref (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) >= (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3)) : ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.BrI64Eqz:
                    ip = ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) == 0 ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrI64Nez:
                    ip = ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) != 0 ? ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 2)) : ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrTable:
                {
                    uint index = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1));
                    uint last = (uint)Unsafe.Add(ref ip, 2) - 1;
                    ip = ref Unsafe.Add(ref code, Unsafe.Add(ref ip, 3 + (int)(index < last ? index : last)));
                    continue;
                }
                case Op.Return:
                    return null;
                case Op.Check:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Check(ctx.StoreContext, Unsafe.Add(ref ip, 1));
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.Heat:
                    if (++fc.Heat >= fn.Module.Threshold) fn.Module.StartTierUp();
                    if (fn.Module.Module.Code is not null)
                    {
                        at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                        if (EnterCompiledLoop(fn, stack, fp, Unsafe.Add(ref ip, 1))) return null;
                    }
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.Fuel:
                    ctx.StoreContext.Fuel -= Unsafe.Add(ref ip, 1);
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.Call:
                {
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    int index = Unsafe.Add(ref ip, 1);
                    Invoke(ctx.Functions[index] ?? ctx.GetFunction(index), stack, fp + Unsafe.Add(ref ip, 2), ctx);
                    f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stack.Slots), fp);
                    refs = stack.Refs;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                }
                case Op.CallIndirect:
                {
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Func callee = ResolveIndirect(ctx, Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)), Unsafe.Add(ref ip, 2), Unsafe.Add(ref ip, 3));
                    Invoke(callee, stack, fp + Unsafe.Add(ref ip, 4), ctx);
                    f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stack.Slots), fp);
                    refs = stack.Refs;
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.CallRef:
                {
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Func callee = Instructions.ResolveRef(refs[fp + Unsafe.Add(ref ip, 1)]);
                    Invoke(callee, stack, fp + Unsafe.Add(ref ip, 3), ctx);
                    f = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(stack.Slots), fp);
                    refs = stack.Refs;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.ReturnCall:
                {
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    int index = Unsafe.Add(ref ip, 1);
                    return TailCall(ctx.Functions[index] ?? ctx.GetFunction(index), stack, fp, ctx);
                }
                case Op.ReturnCallIndirect:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    return TailCall(ResolveIndirect(ctx, Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)), Unsafe.Add(ref ip, 2), Unsafe.Add(ref ip, 3)), stack, fp, ctx);
                case Op.ReturnCallRef:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    return TailCall(Instructions.ResolveRef(refs[fp + Unsafe.Add(ref ip, 1)]), stack, fp, ctx);
                case Op.Throw:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    throw Throw(ctx, Unsafe.Add(ref ip, 1), stack, fp + Unsafe.Add(ref ip, 2));
                case Op.ThrowRef:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    throw Exceptions.Rethrow(refs[fp + Unsafe.Add(ref ip, 1)]);
                case Op.Rethrow:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    throw (Exception)refs[fp + Unsafe.Add(ref ip, 1)]!;

                case Op.Copy:
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = Unsafe.Add(ref f, Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Copy2:
                    Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1))), Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)))));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.CopyRef:
                    refs[fp + Unsafe.Add(ref ip, 1)] = refs[fp + Unsafe.Add(ref ip, 2)];
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Const:
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref ip, 2) | ((ulong)(uint)Unsafe.Add(ref ip, 3) << 32);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Const2:
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref ip, 2) | ((ulong)(uint)Unsafe.Add(ref ip, 3) << 32);
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1) + 1) = (uint)Unsafe.Add(ref ip, 4) | ((ulong)(uint)Unsafe.Add(ref ip, 5) << 32);
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.RefNull:
                    refs[fp + Unsafe.Add(ref ip, 1)] = null;
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.RefFunc:
                    refs[fp + Unsafe.Add(ref ip, 1)] = ctx.GetFunction(Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Select:
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) != 0 ? Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) : Unsafe.Add(ref f, Unsafe.Add(ref ip, 4));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.Select2:
                    Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1))), (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) != 0 ? Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))) : Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 4)))));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.SelectRef:
                    refs[fp + Unsafe.Add(ref ip, 1)] = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) != 0 ? refs[fp + Unsafe.Add(ref ip, 3)] : refs[fp + Unsafe.Add(ref ip, 4)];
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.GlobalGet:
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)globals[Unsafe.Add(ref ip, 2)].Bits;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.GlobalGet2:
                {
                    GlobalInstance g = globals[Unsafe.Add(ref ip, 2)];
                    int d = Unsafe.Add(ref ip, 1);
                    Unsafe.Add(ref f, d) = (ulong)g.Bits;
                    Unsafe.Add(ref f, d + 1) = (ulong)g.High;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                }
                case Op.GlobalGetRef:
                    refs[fp + Unsafe.Add(ref ip, 1)] = globals[Unsafe.Add(ref ip, 2)].Ref;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.GlobalSet:
                    globals[Unsafe.Add(ref ip, 2)].Bits = (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.GlobalSet32:
                    globals[Unsafe.Add(ref ip, 2)].Bits = (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.GlobalSet2:
                {
                    GlobalInstance g = globals[Unsafe.Add(ref ip, 2)];
                    int a = Unsafe.Add(ref ip, 1);
                    g.Bits = (long)Unsafe.Add(ref f, a);
                    g.High = (long)Unsafe.Add(ref f, a + 1);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                }
                case Op.GlobalSetRef:
                    globals[Unsafe.Add(ref ip, 2)].Ref = refs[fp + Unsafe.Add(ref ip, 1)];
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;

                case Op.I32Load:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.ReadUnaligned<int>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 8 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<long>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Load8S:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)Unsafe.ReadUnaligned<sbyte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Load8U:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<byte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Load16S:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)Unsafe.ReadUnaligned<short>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Load16U:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<ushort>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load8S:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<sbyte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load8U:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<byte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load16S:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<short>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load16U:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<ushort>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load32S:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<int>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Load32U:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<uint>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.V128Load:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 16 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1))), Unsafe.ReadUnaligned<Vector128<byte>>(mem.Base + ea));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Store:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Store:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 8 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Store8:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (byte)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I32Store16:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ushort)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Store8:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (byte)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Store16:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ushort)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.I64Store32:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
                case Op.V128Store:
                {
                    ulong ea = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (ulong)(uint)Unsafe.Add(ref ip, 3);
                    if (ea + 16 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)))));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                }
            case Op.I32Eqz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) == 0 ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Eq: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) == (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Ne: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) != (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32LtS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) < (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32LtU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) < (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32GtS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) > (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32GtU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) > (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32LeS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) <= (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32LeU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) <= (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32GeS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >= (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32GeU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >= (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Clz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)BitOperations.LeadingZeroCount((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Ctz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)BitOperations.TrailingZeroCount((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) | 0x1_0000_0000UL); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Popcnt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)BitOperations.PopCount((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Add: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Sub: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) - (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Mul: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) * (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32And: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) & (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Or: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) | (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Xor: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ^ (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32DivS: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Numerics.I32DivS((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32DivU: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Numerics.I32DivU((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32RemS: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Numerics.I32RemS((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32RemU: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Numerics.I32RemU((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Shl: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) << ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 31)); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32ShrS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >> ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 31)); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32ShrU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >> ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 31); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Rotl: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitOperations.RotateLeft((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 31); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I32Rotr: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitOperations.RotateRight((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 31); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Eqz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) == 0 ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Eq: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) == (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Ne: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) != (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64LtS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) < (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64LtU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) < Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64GtS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) > (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64GtU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) > Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64LeS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) <= (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64LeU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) <= Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64GeS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = ((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >= (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64GeU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >= Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Clz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)BitOperations.LeadingZeroCount(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Ctz: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)BitOperations.TrailingZeroCount(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Popcnt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)BitOperations.PopCount(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Add: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Sub: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) - (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Mul: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) * (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64And: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) & (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Or: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) | (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Xor: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ^ (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64DivS: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Numerics.I64DivS((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64DivU: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Numerics.I64DivU((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64RemS: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Numerics.I64RemS((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64RemU: at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Numerics.I64RemU((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Shl: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) << ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 63); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64ShrS: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)((long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >> ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 63)); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64ShrU: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) >> ((int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 63); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Rotl: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitOperations.RotateLeft(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 63); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.I64Rotr: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitOperations.RotateRight(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)), (int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)) & 63); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Eq: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) == BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Ne: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) != BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Lt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) < BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Gt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) > BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Le: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) <= BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Ge: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) >= BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Eq: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) == BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Ne: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) != BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Lt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) < BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Gt: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) > BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Le: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) <= BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Ge: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) >= BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) ? 1UL : 0UL); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Add: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) + BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Add: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) + BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Sub: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) - BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Sub: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) - BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Mul: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) * BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Mul: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) * BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Div: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.SingleToUInt32Bits(BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) / BitConverter.UInt32BitsToSingle((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F64Div: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))) / BitConverter.UInt64BitsToDouble(Unsafe.Add(ref f, Unsafe.Add(ref ip, 3)))); ip = ref Unsafe.Add(ref ip, 4); continue;
            case Op.F32Neg: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ^ 0x8000_0000UL; ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F32Abs: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) & 0x7FFF_FFFFUL; ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F64Neg: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) ^ 0x8000_0000_0000_0000UL; ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F64Abs: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) & 0x7FFF_FFFF_FFFF_FFFFUL; ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32WrapI64: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64ExtendI32S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)(int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64ExtendI32U: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Extend8S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)(sbyte)(int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I32Extend16S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)(short)(int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Extend8S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)(sbyte)(long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Extend16S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)(short)(long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.I64Extend32S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)(int)(long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F32ConvertI32S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.SingleToUInt32Bits((float)(int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F64ConvertI32S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits((double)(int)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
            case Op.F64ConvertI64S: Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = BitConverter.DoubleToUInt64Bits((double)(long)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2))); ip = ref Unsafe.Add(ref ip, 3); continue;
                case Op.I32LoadAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)Unsafe.ReadUnaligned<int>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64LoadAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 8 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<long>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Load8SAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)Unsafe.ReadUnaligned<sbyte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Load8UAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<byte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Load16SAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (uint)(int)Unsafe.ReadUnaligned<short>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Load16UAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<ushort>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load8SAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<sbyte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load8UAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<byte>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load16SAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<short>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load16UAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<ushort>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load32SAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)(long)Unsafe.ReadUnaligned<int>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Load32UAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)) = (ulong)Unsafe.ReadUnaligned<uint>(mem.Base + ea);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.V128LoadAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 16 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1))), Unsafe.ReadUnaligned<Vector128<byte>>(mem.Base + ea));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32StoreAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64StoreAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 8 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ulong)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Store8Add:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (byte)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I32Store16Add:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ushort)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Store8Add:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 1 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (byte)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Store16Add:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 2 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (ushort)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.I64Store32Add:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 4 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.V128StoreAdd:
                {
                    ulong ea = (uint)((uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 2)) + (uint)Unsafe.Add(ref f, Unsafe.Add(ref ip, 3))) + (ulong)(uint)Unsafe.Add(ref ip, 4);
                    if (ea + 16 > mem.Length) { at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int)); throw OutOfBounds(); }
                    Unsafe.WriteUnaligned(mem.Base + ea, Unsafe.ReadUnaligned<Vector128<byte>>(ref Unsafe.As<ulong, byte>(ref Unsafe.Add(ref f, Unsafe.Add(ref ip, 1)))));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                }
                case Op.Shuffle:
                    Shuffle(ref f, ref ip);
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.Helper:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Helper((Binary.Opcode)Unsafe.Add(ref ip, 1), ref f, Unsafe.Add(ref ip, 2), Unsafe.Add(ref ip, 3), Unsafe.Add(ref ip, 4), Unsafe.Add(ref ip, 5), Unsafe.Add(ref ip, 6));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.Access:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Access(ctx, ref ip, 0, ref f, refs, fp);
                    ip = ref Unsafe.Add(ref ip, 9);
                    continue;
                case Op.Instance:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    InstanceOp(ctx, ref ip, 0, ref f, refs, fp);
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.Gc:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    ip = ref Unsafe.Add(ref ip, GcOp(ctx, ref ip, ref f, refs, fp));
                    continue;
                case Op.Atomic:
                    at = (int)(Unsafe.ByteOffset(ref code, ref ip) / sizeof(int));
                    Atomic(ctx, ref ip, 0, ref f);
                    ip = ref Unsafe.Add(ref ip, 9);
                    continue;
                default:
                    throw new InvalidOperationException($"internal error: unknown interpreter instruction {ip} at {PcOf(ref code, ref ip)}");
            }
        }
    }
}
