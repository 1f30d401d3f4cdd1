using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles a module into one type with one static method per defined function, named
/// <c>wasm-function[index]</c> (the runtime maps trap frames back through the name).
/// </summary>
internal static class ModuleCompiler
{
    private static int s_counter;

    public static CompiledCode Compile(Module module, AssemblyBuilderAccess access)
    {
        WasmModule m = module.Info;
        int id = Interlocked.Increment(ref s_counter);
        AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Sharptime.Wasm{id}"), access);
        TypeBuilder type = assembly.DefineDynamicModule($"Sharptime.Wasm{id}")
            .DefineType("WasmCode", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        MethodBuilder[] methods = DefineMethods(type, m);
        var offsetMaps = new OffsetMap[m.Code.Length];
        for (int i = 0; i < m.Code.Length; i++)
        {
            MethodBuilder body = methods[i];
            long frame = EstimateFrameBytes(m, i);
            if (frame > LargeFrameBytes)
            {
                // The stack probe of a function runs after its prologue has allocated the frame, so a
                // frame larger than the margin below the limit could reach the guard page first.
                // Such functions get an entry stub with a small frame that probes for the whole frame.
                body = type.DefineMethod($"wasm-function[{m.ImportedFunctionCount + i}]",
                    MethodAttributes.Public | MethodAttributes.Static, methods[i].ReturnType, ParameterTypes(m, i));
                EmitEntryStub(methods[i], body, ParameterTypes(m, i), frame);
            }
            var compiler = new FunctionCompiler(m, methods, body, i)
            {
                ConsumeFuel = module.Engine.Config.ConsumeFuel,
                EpochInterruption = module.Engine.Config.EpochInterruption,
            };
            compiler.Compile();
            offsetMaps[i] = compiler.Offsets;
        }
        Type created = type.CreateType();
        var pointers = new nint[methods.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            pointers[i] = created.GetMethod(methods[i].Name, BindingFlags.Public | BindingFlags.Static)!.MethodHandle.GetFunctionPointer();
        }
        return new Code(created, pointers, offsetMaps, m.ImportedFunctionCount);
    }

    /// <summary>Frames above this size get an entry stub that probes for the whole frame.</summary>
    private const long LargeFrameBytes = 16 * 1024;

    private static long EstimateFrameBytes(WasmModule m, int definedIndex)
    {
        FunctionBody body = m.Code[definedIndex];
        // Every local and parameter may live in a stack slot (v128 takes 16 bytes); temps and spills add some.
        return ((long)body.LocalCount + m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex)).Params.Length) * 16 + 4096;
    }

    private static Type[] ParameterTypes(WasmModule m, int definedIndex)
    {
        Binary.FuncCompositeType f = m.FuncTypeOf((uint)(m.ImportedFunctionCount + definedIndex));
        return ClrTypes.Parameters(f.Params, f.Results);
    }

    private static void EmitEntryStub(MethodBuilder stub, MethodBuilder body, Type[] parameters, long frame)
    {
        ILGenerator il = stub.GetILGenerator();
        LocalBuilder probe = il.DeclareLocal(typeof(byte));
        Label ok = il.DefineLabel();
        il.Emit(OpCodes.Ldloca, probe);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Ldc_I8, frame);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Sub);
        il.Emit(OpCodes.Ldarg, parameters.Length - 1);
        il.Emit(OpCodes.Ldfld, typeof(VmContext).GetField(nameof(VmContext.StoreContext))!);
        il.Emit(OpCodes.Ldfld, typeof(VmStoreContext).GetField(nameof(VmStoreContext.StackLimit))!);
        il.Emit(OpCodes.Bge_Un, ok);
        il.Emit(OpCodes.Ldarg, parameters.Length - 1);
        il.Emit(OpCodes.Call, typeof(StoreHelpers).GetMethod(nameof(StoreHelpers.StackExhausted))!);
        il.Emit(OpCodes.Throw);
        il.MarkLabel(ok);
        for (int i = 0; i < parameters.Length; i++) il.Emit(OpCodes.Ldarg, i);
        il.Emit(OpCodes.Call, body);
        il.Emit(OpCodes.Ret);
    }

    private static MethodBuilder[] DefineMethods(TypeBuilder type, WasmModule m)
    {
        var methods = new MethodBuilder[m.Code.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            int index = m.ImportedFunctionCount + i;
            Binary.FuncCompositeType f = m.FuncTypeOf((uint)index);
            // Functions with an entry stub: the stub is the entry point, the body keeps the name
            // that backtraces look for.
            string name = EstimateFrameBytes(m, i) > LargeFrameBytes ? $"wasm-function-entry[{index}]" : $"wasm-function[{index}]";
            methods[i] = type.DefineMethod(name, MethodAttributes.Public | MethodAttributes.Static,
                ClrTypes.Return(f.Results), ClrTypes.Parameters(f.Params, f.Results));
        }
        return methods;
    }

    private sealed class Code(Type type, nint[] pointers, OffsetMap[] offsets, int importedFunctions) : CompiledCode
    {
        public override Type? CodeType => type;

        public override int? GetCodeOffset(int functionIndex, int ilOffset)
        {
            int defined = functionIndex - importedFunctions;
            return defined >= 0 && defined < offsets.Length ? offsets[defined].Find(ilOffset) : null;
        }

        public override nint GetFunctionPointer(int definedIndex) => pointers[definedIndex];
    }
}
