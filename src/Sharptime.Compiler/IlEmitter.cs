using System.Reflection;
using System.Reflection.Emit;

namespace Sharptime.Compiler;

/// <summary>
/// The IL writer of one generated method: the builder's <see cref="ILGenerator"/>, with two changes.
/// Every operation that reaches the module builder shared by all methods (member, type and
/// signature tokens) holds <paramref name="moduleLock"/>, so that functions compile on several
/// threads at once; everything else only touches this method's state. Local variables are written
/// in their shortest forms here, because the persisted builder's own path finds the form with a
/// culture-sensitive string comparison of the opcode's name (a visible share of compile time).
/// </summary>
internal sealed class IlEmitter(ILGenerator il, object moduleLock)
{
    public int ILOffset => il.ILOffset;

    public void Emit(OpCode opcode) => il.Emit(opcode);

    public void Emit(OpCode opcode, byte arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, sbyte arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, short arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, int arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, long arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, float arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, double arg) => il.Emit(opcode, arg);

    public void Emit(OpCode opcode, Label label) => il.Emit(opcode, label);

    public void Emit(OpCode opcode, Label[] labels) => il.Emit(opcode, labels);

    /// <summary>ldloc, ldloca or stloc (any form) of <paramref name="local"/>, in the shortest encoding.</summary>
    public void Emit(OpCode opcode, LocalBuilder local)
    {
        int index = local.LocalIndex;
        switch ((ushort)opcode.Value)
        {
            case 0xFE0C or 0x11: // ldloc, ldloc.s
                if (index < 4) il.Emit(index switch { 0 => OpCodes.Ldloc_0, 1 => OpCodes.Ldloc_1, 2 => OpCodes.Ldloc_2, _ => OpCodes.Ldloc_3 });
                else if (index <= byte.MaxValue) il.Emit(OpCodes.Ldloc_S, (byte)index);
                else il.Emit(OpCodes.Ldloc, (short)index);
                return;
            case 0xFE0E or 0x13: // stloc, stloc.s
                if (index < 4) il.Emit(index switch { 0 => OpCodes.Stloc_0, 1 => OpCodes.Stloc_1, 2 => OpCodes.Stloc_2, _ => OpCodes.Stloc_3 });
                else if (index <= byte.MaxValue) il.Emit(OpCodes.Stloc_S, (byte)index);
                else il.Emit(OpCodes.Stloc, (short)index);
                return;
            case 0xFE0D or 0x12: // ldloca, ldloca.s
                if (index <= byte.MaxValue) il.Emit(OpCodes.Ldloca_S, (byte)index);
                else il.Emit(OpCodes.Ldloca, (short)index);
                return;
            default:
                throw new ArgumentException($"{opcode.Name} does not take a local variable", nameof(opcode));
        }
    }

    public void Emit(OpCode opcode, MethodInfo method)
    {
        lock (moduleLock) il.Emit(opcode, method);
    }

    public void Emit(OpCode opcode, ConstructorInfo constructor)
    {
        lock (moduleLock) il.Emit(opcode, constructor);
    }

    public void Emit(OpCode opcode, FieldInfo field)
    {
        lock (moduleLock) il.Emit(opcode, field);
    }

    public void Emit(OpCode opcode, Type type)
    {
        lock (moduleLock) il.Emit(opcode, type);
    }

    public void EmitCalli(OpCode opcode, CallingConventions convention, Type returnType, Type[] parameterTypes)
    {
        lock (moduleLock) il.EmitCalli(opcode, convention, returnType, parameterTypes, null);
    }

    public LocalBuilder DeclareLocal(Type type) => il.DeclareLocal(type);

    public Label DefineLabel() => il.DefineLabel();

    public void MarkLabel(Label label) => il.MarkLabel(label);

    public Label BeginExceptionBlock() => il.BeginExceptionBlock();

    /// <summary>A catch clause for <paramref name="exceptionType"/>, or the handler after a filter (null).</summary>
    public void BeginCatchBlock(Type? exceptionType)
    {
        lock (moduleLock) il.BeginCatchBlock(exceptionType!);
    }

    public void BeginExceptFilterBlock() => il.BeginExceptFilterBlock();

    public void EndExceptionBlock() => il.EndExceptionBlock();
}
