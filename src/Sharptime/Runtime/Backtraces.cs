using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace Sharptime.Runtime;

/// <summary>
/// Maps the .NET frames of a trap to Wasm frames through the engine's compiled modules: a frame's
/// .NET module names the compiled module, its method token the function, its IL offset the
/// instruction.
/// </summary>
internal static class Backtraces
{
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only generated code is looked up; it exists only when the compiler or an artifact made it.")]
    public static IReadOnlyList<WasmFrame> Capture(Exception exception, Engine engine)
    {
        var frames = new List<WasmFrame>();
        IReadOnlyList<WasmFrame>? interpreted = (exception as TrapException)?.InterpretedFrames;
        if (!engine.HasCode) return interpreted ?? [];
        int next = 0;
        // A part of a large function is called by the function (or another of its parts): its
        // caller's frame is the same Wasm frame.
        int partOf = -1;
        StackFrame[] stack = new StackTrace(exception, false).GetFrames();
        foreach (StackFrame frame in stack)
        {
            MethodBase? method = frame.GetMethod();
            if (interpreted is not null && method?.DeclaringType == typeof(Interpreter.Executor) && method.Name == nameof(Interpreter.Executor.Execute))
            {
                // Each interpreted frame is one Execute frame; their filters recorded them in the same order.
                if (next < interpreted.Count) frames.Add(interpreted[next++]);
                continue;
            }
            if (method is null || engine.FindCode(method.Module) is not CodeFrames module) continue;
            CodeMap map = module.Map;
            int slot = map.SlotOfToken(method.MetadataToken);
            if (slot < 0) continue;
            int index = module.Module.ImportedFunctionCount + map.DefinedOf(slot);
            bool caller = index == partOf;
            partOf = map.IsPart(slot) ? index : -1;
            if (caller) continue;
            Binary.NameSection? names = module.Module.Names;
            string? functionName = names is not null && names.FunctionNames.TryGetValue((uint)index, out string? n) ? n : null;
            int il = frame.GetILOffset();
            int? offset = il >= 0 ? map.FindWasmOffset(slot, il) : null;
            // A trap of the innermost Wasm frame knows its instruction (Traps.CreateAt), also when a
            // helper it called threw it (MemoryAccess.Checked, the GC helpers).
            if (frames.Count == 0 && exception is TrapException { InstructionOffset: int at }) offset = at;
            frames.Add(new WasmFrame(index, functionName, names?.ModuleName, offset));
        }
        // Without method metadata (NativeAOT) the interpreted frames cannot be placed: they come last.
        while (interpreted is not null && next < interpreted.Count) frames.Add(interpreted[next++]);
        return frames;
    }
}
