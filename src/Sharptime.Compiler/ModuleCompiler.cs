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

    public static CompiledCode Compile(Module module)
    {
        WasmModule m = module.Info;
        int id = Interlocked.Increment(ref s_counter);
        AssemblyBuilder assembly = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName($"Sharptime.Wasm{id}"), AssemblyBuilderAccess.RunAndCollect);
        TypeBuilder type = assembly.DefineDynamicModule($"Sharptime.Wasm{id}")
            .DefineType("WasmCode", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
        MethodBuilder[] methods = DefineMethods(type, m);
        for (int i = 0; i < m.Code.Length; i++)
        {
            new FunctionCompiler(m, methods, i).Compile();
        }
        Type created = type.CreateType();
        var pointers = new nint[methods.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            pointers[i] = created.GetMethod(methods[i].Name, BindingFlags.Public | BindingFlags.Static)!.MethodHandle.GetFunctionPointer();
        }
        return new Code(created, pointers);
    }

    private static MethodBuilder[] DefineMethods(TypeBuilder type, WasmModule m)
    {
        var methods = new MethodBuilder[m.Code.Length];
        for (int i = 0; i < methods.Length; i++)
        {
            int index = m.ImportedFunctionCount + i;
            Binary.FuncType f = m.FuncTypeOf((uint)index);
            methods[i] = type.DefineMethod($"wasm-function[{index}]", MethodAttributes.Public | MethodAttributes.Static,
                ClrTypes.Return(f.Results), ClrTypes.Parameters(f.Params, f.Results));
        }
        return methods;
    }

    private sealed class Code(Type type, nint[] pointers) : CompiledCode
    {
        public override Type? CodeType => type;

        public override nint GetFunctionPointer(int definedIndex) => pointers[definedIndex];
    }
}
