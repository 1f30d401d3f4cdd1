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
                EmitResolveIndirect((int)instr.Index2, (int)instr.Index);
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
        MethodDef target = _methods[function - _module.ImportedFunctionCount];
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
        IlLocal[] outs = PushResultRefs(f);
        LoadContext();
        _il.Emit(OpCodes.Call, target);
        ReloadMemory0();
        FinishCall(f, outs);
    }

    /// <summary>
    /// Replaces the table index on top of the stack with the <see cref="Func"/> that call_indirect
    /// calls. The common case, a function of exactly the expected type, is checked inline; everything
    /// else (out of bounds, null, a subtype, a mismatch) goes to <see cref="Instructions.ResolveIndirect"/>,
    /// which traps or returns the function, so traps and their messages are the helper's. The
    /// table's array is the only bound checked inline: entries past the table's size are null
    /// (<see cref="TableInstance.Items"/>), so they take the slow path, which checks the size.
    /// The table object comes from a local loaded at entry; its array is read at every call, as
    /// table.grow (here or in any callee) replaces it.
    /// </summary>
    private void EmitResolveIndirect(int table, int typeIndex)
    {
        // table64 tables take an i64 index, others an i32 (unsigned).
        Type indexType = Pop();
        IlLocal index = RentTemp(indexType);
        IlLocal items = RentTemp(typeof(object[]));
        IlLocal func = RentTemp(typeof(Func));
        IlLabel slow = _il.DefineLabel();
        IlLabel done = _il.DefineLabel();
        _il.Emit(OpCodes.Stloc, index);
        _il.Emit(OpCodes.Ldloc, _indirectTables[table]);
        _il.Emit(OpCodes.Ldfld, Field(typeof(TableInstance), nameof(TableInstance.Items)));
        _il.Emit(OpCodes.Stloc, items);
        _il.Emit(OpCodes.Ldloc, index);
        _il.Emit(OpCodes.Ldloc, items);
        _il.Emit(OpCodes.Ldlen);
        // For an i32 index this is C#'s (uint)i < (uint)a.Length, which lets the JIT drop its own bounds check.
        _il.Emit(indexType == typeof(int) ? OpCodes.Conv_I4 : OpCodes.Conv_U8);
        _il.Emit(OpCodes.Bge_Un, slow);
        _il.Emit(OpCodes.Ldloc, items);
        _il.Emit(OpCodes.Ldloc, index);
        if (indexType != typeof(int)) _il.Emit(OpCodes.Conv_I);
        _il.Emit(OpCodes.Ldelem_Ref);
        _il.Emit(OpCodes.Isinst, typeof(Func));
        _il.Emit(OpCodes.Stloc, func);
        _il.Emit(OpCodes.Ldloc, func);
        _il.Emit(OpCodes.Brfalse, slow);
        _il.Emit(OpCodes.Ldloc, func);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.TypeIdOf)));
        LoadContext();
        _il.Emit(OpCodes.Ldfld, Field(typeof(VmContext), nameof(VmContext.TypeIds)));
        EmitLdcI4(typeIndex);
        _il.Emit(OpCodes.Ldelem_I4);
        _il.Emit(OpCodes.Beq, done);
        _il.MarkLabel(slow);
        _il.Emit(OpCodes.Ldloc, index);
        if (indexType == typeof(int)) _il.Emit(OpCodes.Conv_U8);
        LoadContext();
        EmitLdcI4(table);
        EmitLdcI4(typeIndex);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.ResolveIndirect)));
        _il.Emit(OpCodes.Stloc, func);
        _il.MarkLabel(done);
        _il.Emit(OpCodes.Ldloc, func);
        Push(typeof(Func));
        ReturnTemp(index);
        ReturnTemp(items);
        ReturnTemp(func);
    }

    /// <summary>Calls the <see cref="Func"/> on top of the stack (above the arguments) with calli; <paramref name="typeIndex"/> is the type it is called with.</summary>
    private void EmitCallThroughFunc(Binary.FuncCompositeType f, int typeIndex, bool tail)
    {
        Pop();
        IlLocal func = RentTemp(typeof(Func));
        IlLocal callee = RentTemp(typeof(VmContext));
        _il.Emit(OpCodes.Stloc, func);
        _il.Emit(OpCodes.Ldloc, func);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.ContextOf)));
        _il.Emit(OpCodes.Stloc, callee);
        // Tell the callee who called (host functions hand it out as their Caller). Storing only a
        // change skips the GC write barrier on the usual repeated calls from the same instance.
        IlLabel same = _il.DefineLabel();
        FieldInfo callerContext = Field(typeof(VmContext), nameof(VmContext.CallerContext));
        _il.Emit(OpCodes.Ldloc, callee);
        _il.Emit(OpCodes.Ldfld, callerContext);
        LoadContext();
        _il.Emit(OpCodes.Beq, same);
        _il.Emit(OpCodes.Ldloc, callee);
        LoadContext();
        _il.Emit(OpCodes.Stfld, callerContext);
        _il.MarkLabel(same);
        IlLocal[] outs;
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
        _il.Emit(OpCodes.Ldloc, callee);
        _il.Emit(OpCodes.Ldloc, func);
        LoadContext();
        EmitLdcI4(typeIndex);
        _il.Emit(OpCodes.Call, Method(typeof(Instructions), nameof(Instructions.CodeOf)));
        ReturnTemp(func);
        ReturnTemp(callee);
        if (tail) _il.Emit(OpCodes.Tailcall);
        _il.EmitCalli(ClrTypes.Return(f.Results), ClrTypes.Parameters(f.Params, f.Results));
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

    private IlLocal[] PushResultRefs(Binary.FuncCompositeType f)
    {
        var outs = new IlLocal[Math.Max(0, f.Results.Length - 1)];
        for (int i = 0; i < outs.Length; i++)
        {
            outs[i] = RentTemp(ClrTypes.Of(f.Results[i + 1]));
            _il.Emit(OpCodes.Ldloca, outs[i]);
        }
        return outs;
    }

    private void FinishCall(Binary.FuncCompositeType f, IlLocal[] outs)
    {
        PopN(f.Params.Length);
        if (f.Results.Length > 0) Push(ClrTypes.Of(f.Results[0]));
        foreach (IlLocal o in outs)
        {
            _il.Emit(OpCodes.Ldloc, o);
            Push(o.LocalType);
            ReturnTemp(o);
        }
    }
}
