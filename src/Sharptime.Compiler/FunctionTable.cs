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

    public static void Emit(AssemblyImage image, string typeName, ModuleCompiler.Emitted emitted)
    {
        var slots = new List<MethodDef?>(emitted.Entries.Length + 2 * emitted.ArrayCalls.Length);
        slots.AddRange(emitted.Entries);
        slots.AddRange(emitted.ArrayCalls);
        slots.AddRange(emitted.HostCalls);

        image.DefineType(typeName);
        var il = new IlEmitter();
        var parts = new List<MethodDef>();
        for (int start = 0; start < slots.Count; start += SlotsPerMethod)
        {
            MethodDef part = image.DefineMethod($"Fill{parts.Count}", MethodAttributes.Private | MethodAttributes.Static, typeof(void), [typeof(nint[])]);
            for (int i = start; i < Math.Min(start + SlotsPerMethod, slots.Count); i++)
            {
                if (slots[i] is not { } method) continue;
                il.Emit(OpCodes.Ldarg_0);
                il.Emit(OpCodes.Ldc_I4, i);
                il.Emit(OpCodes.Ldftn, method);
                il.Emit(OpCodes.Stelem_I);
            }
            il.Emit(OpCodes.Ret);
            part.Body = il.Finish();
            parts.Add(part);
        }

        MethodDef fill = image.DefineMethod(Artifacts.ArtifactFormat.FunctionTableMethod, MethodAttributes.Public | MethodAttributes.Static, typeof(void), [typeof(nint[])]);
        foreach (MethodDef part in parts)
        {
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Call, part);
        }
        il.Emit(OpCodes.Ret);
        fill.Body = il.Finish();
    }
}
