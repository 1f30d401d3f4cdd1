using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

internal sealed partial class FunctionCompiler
{
    private bool EmitCall(ref Instruction instr)
    {
        switch (instr.Opcode)
        {
            case Opcode.Call:
                EmitDirectCall((int)instr.Index, tail: false);
                return true;
            case Opcode.ReturnCall:
                EmitDirectCall((int)instr.Index, tail: true);
                SetUnreachable();
                return true;
            case Opcode.CallIndirect:
            case Opcode.ReturnCallIndirect:
            {
                bool tail = instr.Opcode == Opcode.ReturnCallIndirect;
                var f = (Binary.FuncCompositeType)_module.Types[instr.Index].Composite;
                // The table index: table64 tables take an i64, others an i32 (zero-extended).
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.ResolveIndirect)), 1, (int)instr.Index2, (int)instr.Index);
                EmitCallThroughFunc(f, (int)instr.Index, tail);
                if (tail) SetUnreachable();
                return true;
            }
            case Opcode.CallRef:
            case Opcode.ReturnCallRef:
            {
                bool tail = instr.Opcode == Opcode.ReturnCallRef;
                var f = (Binary.FuncCompositeType)_module.Types[instr.Index].Composite;
                EmitHelper(Method(typeof(Instructions), nameof(Instructions.ResolveRef)), 1);
                EmitCallThroughFunc(f, (int)instr.Index, tail);
                if (tail) SetUnreachable();
                return true;
            }
            default:
                return false;
        }
    }

    private void EmitDirectCall(int function, bool tail)
    {
        Binary.FuncCompositeType f = _module.FuncTypeOf((uint)function);
        if (function < _module.ImportedFunctionCount)
        {
            // Imports are reached through their Func in the context, like call_indirect without checks.
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.Functions)));
            EmitLdcI4(function);
            _il.Emit(OpCodes.Ldelem_Ref);
            Push(typeof(Func));
            EmitCallThroughFunc(f, (int)_module.Functions[function], tail);
            return;
        }
        MethodInfo target = _methods[function - _module.ImportedFunctionCount];
        if (tail)
        {
            PrepareTailCall(f.Params.Length);
            PassOwnResultRefs(f);
            LoadContext();
            _il.Emit(OpCodes.Tailcall);
            _il.Emit(OpCodes.Call, target);
            _il.Emit(OpCodes.Ret);
            return;
        }
        LocalBuilder[] outs = PushResultRefs(f);
        LoadContext();
        _il.Emit(OpCodes.Call, target);
        ReloadMemory0();
        FinishCall(f, outs);
    }

    /// <summary>Calls the <see cref="Func"/> on top of the stack (above the arguments) with calli; <paramref name="typeIndex"/> is the type it is called with.</summary>
    private void EmitCallThroughFunc(Binary.FuncCompositeType f, int typeIndex, bool tail)
    {
        Pop();
        LocalBuilder func = RentTemp(typeof(Func));
        _il.Emit(OpCodes.Stloc, func);
        LocalBuilder[] outs;
        if (tail)
        {
            PrepareTailCall(f.Params.Length);
            PassOwnResultRefs(f);
            outs = [];
        }
        else
        {
            outs = PushResultRefs(f);
        }
        _il.Emit(OpCodes.Ldloc, func);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.ContextOf)));
        // Tell the callee who called (host functions hand it out as their Caller).
        _il.Emit(OpCodes.Dup);
        LoadContext();
        _il.Emit(OpCodes.Stfld, Field(typeof(VmContext), nameof(VmContext.CallerContext)));
        _il.Emit(OpCodes.Ldloc, func);
        LoadContext();
        EmitLdcI4(typeIndex);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.CodeOf)));
        ReturnTemp(func);
        if (tail) _il.Emit(OpCodes.Tailcall);
        _il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, ClrTypes.Return(f.Results), ClrTypes.Parameters(f.Params, f.Results), null);
        if (tail)
        {
            _il.Emit(OpCodes.Ret);
            return;
        }
        ReloadMemory0();
        FinishCall(f, outs);
    }

    /// <summary>A tail call needs the arguments alone on the IL stack: drop what lies below them.</summary>
    private void PrepareTailCall(int arguments)
    {
        int extra = _stack.Count - arguments;
        if (extra > 0) DropBelow([.. _stack.GetRange(_stack.Count - arguments, arguments)], extra);
    }

    /// <summary>The callee of a tail call has this function's results, so it writes straight into this function's result refs.</summary>
    private void PassOwnResultRefs(Binary.FuncCompositeType f)
    {
        for (int i = 1; i < f.Results.Length; i++) EmitLdarg(_type.Params.Length + i - 1);
    }

    private LocalBuilder[] PushResultRefs(Binary.FuncCompositeType f)
    {
        var outs = new LocalBuilder[Math.Max(0, f.Results.Length - 1)];
        for (int i = 0; i < outs.Length; i++)
        {
            outs[i] = RentTemp(ClrTypes.Of(f.Results[i + 1]));
            _il.Emit(OpCodes.Ldloca, outs[i]);
        }
        return outs;
    }

    private void FinishCall(Binary.FuncCompositeType f, LocalBuilder[] outs)
    {
        PopN(f.Params.Length);
        if (f.Results.Length > 0) Push(ClrTypes.Of(f.Results[0]));
        foreach (LocalBuilder o in outs)
        {
            _il.Emit(OpCodes.Ldloc, o);
            Push(o.LocalType);
            ReturnTemp(o);
        }
    }
}
