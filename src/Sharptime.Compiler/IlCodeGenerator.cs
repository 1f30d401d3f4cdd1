using System.Reflection;
using System.Reflection.Emit;
using Sharptime.Abi;

namespace Sharptime.Compiler;

/// <summary>
/// Compiles modules to IL in collectible in-memory assemblies. The emitters only see a
/// <see cref="TypeBuilder"/>, so the same code can write a persisted assembly.
/// </summary>
internal sealed class IlCodeGenerator(bool collectible) : ICodeGenerator
{
    private readonly Lock _lock = new();
    private readonly List<Type> _trampolines = [];
    private ModuleBuilder? _trampolineModule;
    private int _trampolineCount;

    public int AbiVersion => Abi.AbiVersion.Current;

    public CompiledCode Compile(Module module) =>
        ModuleCompiler.Compile(module, collectible ? AssemblyBuilderAccess.RunAndCollect : AssemblyBuilderAccess.Run);

    public nint CreateEntryTrampoline(FuncType type) => CreateTrampoline(type, Trampolines.EmitEntry);

    public nint CreateHostTrampoline(FuncType type) => CreateTrampoline(type, Trampolines.EmitHost);

    private nint CreateTrampoline(FuncType type, Func<TypeBuilder, FuncType, MethodBuilder> emit)
    {
        lock (_lock)
        {
            _trampolineModule ??= AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("Sharptime.Trampolines"), AssemblyBuilderAccess.Run)
                .DefineDynamicModule("Sharptime.Trampolines");
            TypeBuilder tb = _trampolineModule.DefineType($"Trampoline{_trampolineCount++}", TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract);
            MethodBuilder mb = emit(tb, type);
            Type created = tb.CreateType();
            _trampolines.Add(created);
            return created.GetMethod(mb.Name, BindingFlags.Public | BindingFlags.Static)!.MethodHandle.GetFunctionPointer();
        }
    }
}
