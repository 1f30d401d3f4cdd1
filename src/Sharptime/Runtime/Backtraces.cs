using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Sharptime.Runtime;

/// <summary>
/// Maps the .NET frames of a trap to Wasm frames. Generated methods are named
/// <c>wasm-function[index]</c> and their declaring type is registered with its module.
/// </summary>
internal static class Backtraces
{
    private static readonly ConditionalWeakTable<Type, Module> CodeTypes = [];

    public static void Register(Type codeType, Module module) => CodeTypes.AddOrUpdate(codeType, module);

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only generated code is looked up; it exists only when the compiler (which is not trimmed away) made it.")]
    public static IReadOnlyList<WasmFrame> Capture(Exception exception)
    {
        var frames = new List<WasmFrame>();
        StackFrame[] stack = new StackTrace(exception, false).GetFrames();
        foreach (StackFrame frame in stack)
        {
            MethodBase? method = frame.GetMethod();
            if (method?.DeclaringType is not Type type || !CodeTypes.TryGetValue(type, out Module? module)) continue;
            string name = method.Name;
            const string Prefix = "wasm-function[";
            if (!name.StartsWith(Prefix, StringComparison.Ordinal) || !int.TryParse(name.AsSpan(Prefix.Length, name.Length - Prefix.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int index)) continue;
            Binary.NameSection? names = module.Info.Names;
            string? functionName = names is not null && names.FunctionNames.TryGetValue((uint)index, out string? n) ? n : null;
            int il = frame.GetILOffset();
            int? offset = il >= 0 ? module.GetCode().GetCodeOffset(index, il) : null;
            // A trap thrown by the function itself knows its instruction (Traps.CreateAt).
            if (frame == stack[0] && exception is TrapException { InstructionOffset: int at }) offset = at;
            frames.Add(new WasmFrame(index, functionName, names?.ModuleName, offset));
        }
        return frames;
    }
}
