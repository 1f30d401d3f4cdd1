using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;
using Sharptime.Abi;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Compiler;

/// <summary>Boxing trampolines between <see cref="Value"/> spans and the generated-code signature.</summary>
internal static class Trampolines
{
    public static readonly MethodInfo ArgItem = typeof(ReadOnlySpan<Value>).GetMethod("get_Item")!;
    public static readonly MethodInfo ResultItem = typeof(Span<Value>).GetMethod("get_Item")!;

    /// <summary>The array-call shim: <c>static void (nint code, VmContext ctx, ReadOnlySpan&lt;Value&gt; args, Span&lt;Value&gt; results)</c>.</summary>
    public static MethodDef EmitArrayCall(AssemblyImage image, IlEmitter il, string name, FuncType f)
    {
        ValueType[] ps = ClrTypes.Inner(f.Params);
        ValueType[] rs = ClrTypes.Inner(f.Results);
        MethodDef mb = image.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, typeof(void),
            [typeof(nint), typeof(VmContext), typeof(ReadOnlySpan<Value>), typeof(Span<Value>)]);
        for (int i = 0; i < ps.Length; i++)
        {
            il.Emit(OpCodes.Ldarga_S, (byte)2);
            il.Emit(OpCodes.Ldc_I4, i);
            il.Emit(OpCodes.Call, ArgItem);
            il.Emit(OpCodes.Call, typeof(Values).GetMethod(ToName(ps[i]))!);
        }
        var outs = new IlLocal[Math.Max(0, rs.Length - 1)];
        for (int i = 0; i < outs.Length; i++)
        {
            outs[i] = il.DeclareLocal(ClrTypes.Of(rs[i + 1]));
            il.Emit(OpCodes.Ldloca, outs[i]);
        }
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_0);
        il.EmitCalli(ClrTypes.Return(rs), ClrTypes.Parameters(ps, rs));
        if (rs.Length > 0)
        {
            IlLocal r0 = il.DeclareLocal(ClrTypes.Of(rs[0]));
            il.Emit(OpCodes.Stloc, r0);
            for (int i = 0; i < rs.Length; i++)
            {
                il.Emit(OpCodes.Ldarga_S, (byte)3);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Call, ResultItem);
                il.Emit(OpCodes.Ldloc, i == 0 ? r0 : outs[i - 1]);
                il.Emit(OpCodes.Call, typeof(Values).GetMethod(FromName(rs[i]))!);
                il.Emit(OpCodes.Stobj, typeof(Value));
            }
        }
        il.Emit(OpCodes.Ret);
        mb.Body = il.Finish();
        return mb;
    }

    /// <summary>Pushes the address of slot <paramref name="index"/> of the host call's frame.</summary>
    private static void EmitSlotAddress(IlEmitter il, IlLocal slots, IlLocal frame, int index)
    {
        il.Emit(OpCodes.Ldloc, slots);
        il.Emit(OpCodes.Ldloc, frame);
        il.Emit(OpCodes.Ldc_I4, index);
        il.Emit(OpCodes.Add);
        il.Emit(OpCodes.Ldelema, typeof(Value));
    }

    /// <summary>A method with the generated-code signature of <paramref name="f"/> that calls <see cref="HostCalls.InvokeUntyped"/>.</summary>
    public static MethodDef EmitHostCall(AssemblyImage image, IlEmitter il, string name, FuncType f)
    {
        ValueType[] ps = ClrTypes.Inner(f.Params);
        ValueType[] rs = ClrTypes.Inner(f.Results);
        Type[] parameters = ClrTypes.Parameters(ps, rs);
        MethodDef mb = image.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static, ClrTypes.Return(rs), parameters);
        int ctx = parameters.Length - 1;
        IlLocal slots = il.DeclareLocal(typeof(Value[]));
        IlLocal frame = il.DeclareLocal(typeof(int));
        il.Emit(OpCodes.Ldc_I4, ps.Length + rs.Length);
        il.Emit(OpCodes.Ldloca, frame);
        il.Emit(OpCodes.Call, typeof(HostCalls).GetMethod(nameof(HostCalls.EnterUntyped))!);
        il.Emit(OpCodes.Stloc, slots);
        for (int i = 0; i < ps.Length; i++)
        {
            EmitSlotAddress(il, slots, frame, i);
            il.Emit(OpCodes.Ldarg, i);
            if (ps[i].IsRef)
            {
                il.Emit(OpCodes.Ldarg, ctx);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Call, typeof(Values).GetMethod(nameof(Values.FromRefParam))!);
            }
            else
            {
                il.Emit(OpCodes.Call, typeof(Values).GetMethod(FromName(ps[i]))!);
            }
            il.Emit(OpCodes.Stobj, typeof(Value));
        }
        il.Emit(OpCodes.Ldloc, slots);
        il.Emit(OpCodes.Ldloc, frame);
        il.Emit(OpCodes.Ldarg, ctx);
        il.Emit(OpCodes.Call, typeof(HostCalls).GetMethod(nameof(HostCalls.InvokeUntyped))!);
        for (int i = 1; i < rs.Length; i++)
        {
            il.Emit(OpCodes.Ldarg, ps.Length + i - 1);
            EmitSlotAddress(il, slots, frame, ps.Length + i);
            il.Emit(OpCodes.Call, typeof(Values).GetMethod(ToName(rs[i]))!);
            il.Emit(OpCodes.Stobj, ClrTypes.Of(rs[i]));
        }
        if (rs.Length > 0)
        {
            EmitSlotAddress(il, slots, frame, ps.Length);
            il.Emit(OpCodes.Call, typeof(Values).GetMethod(ToName(rs[0]))!);
        }
        il.Emit(OpCodes.Ret);
        mb.Body = il.Finish();
        return mb;
    }

    public static string ToName(ValueType t) => t.Kind switch
    {
        ValueKind.I32 => nameof(Values.ToI32),
        ValueKind.I64 => nameof(Values.ToI64),
        ValueKind.F32 => nameof(Values.ToF32),
        ValueKind.F64 => nameof(Values.ToF64),
        ValueKind.V128 => nameof(Values.ToV128),
        _ => nameof(Values.ToRef),
    };

    public static string FromName(ValueType t) => t.Kind switch
    {
        ValueKind.I32 => nameof(Values.FromI32),
        ValueKind.I64 => nameof(Values.FromI64),
        ValueKind.F32 => nameof(Values.FromF32),
        ValueKind.F64 => nameof(Values.FromF64),
        ValueKind.V128 => nameof(Values.FromV128),
        _ => nameof(Values.FromRefRaw),
    };
}
