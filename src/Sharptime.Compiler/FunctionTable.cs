using System.Reflection;
using System.Reflection.Emit;

namespace Sharptime.Compiler;

/// <summary>
/// The function table of an assembly compiled for an app (<see cref="Artifacts.ArtifactFormat.FunctionTableName"/>):
/// a public static <c>Fill(nint[])</c> that stores the address of every entry point, for NativeAOT, which
/// cannot resolve metadata tokens. Only an ahead-of-time compiler ever compiles it (the JIT resolves
/// tokens), and one <c>ldftn</c> per slot makes about 16 bytes of IL, so the slots are spread over
/// private methods of <see cref="SlotsPerMethod"/> each to keep every method a size compilers handle well.
/// </summary>
internal static class FunctionTable
{
    private const int SlotsPerMethod = 4096;

    public static void Emit(ModuleBuilder builder, string typeName, ModuleCompiler.Emitted emitted)
    {
        var slots = new List<MethodInfo?>(emitted.Entries.Length + 2 * emitted.ArrayCalls.Length);
        slots.AddRange(emitted.Entries);
        slots.AddRange(emitted.ArrayCalls);
        slots.AddRange(emitted.HostCalls);

        TypeBuilder type = builder.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        var parts = new List<MethodBuilder>();
        for (int start = 0; start < slots.Count; start += SlotsPerMethod)
        {
            MethodBuilder part = type.DefineMethod($"Fill{parts.Count}", MethodAttributes.Private | MethodAttributes.Static, typeof(void), [typeof(nint[])]);
            ILGenerator il = part.GetILGenerator();
            for (int i = start; i < Math.Min(start + SlotsPerMethod, slots.Count); i++)
            {
                if (slots[i] is not { } method) continue;
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldftn, method);
                il.Emit(OpCodes.Stelem_I);
            }
            il.Emit(OpCodes.Ret);
            parts.Add(part);
        }

        MethodBuilder fill = type.DefineMethod(Artifacts.ArtifactFormat.FunctionTableMethod, MethodAttributes.Public | MethodAttributes.Static, typeof(void), [typeof(nint[])]);
        ILGenerator body = fill.GetILGenerator();
        foreach (MethodBuilder part in parts)
        {
            body.Emit(OpCodes.Ldarg_0);
            body.Emit(OpCodes.Call, part);
        }
        body.Emit(OpCodes.Ret);
        type.CreateType();
    }
}
