using Sharptime.Runtime;

namespace Sharptime.Binary;

/// <summary>
/// Decodes the code section (id 10, Wasm 3.0 section 5.5.13). Every body is fully decoded here, so
/// all malformed code is a decode error and later passes can read bodies without re-checking the
/// binary format.
/// </summary>
internal static class CodeSection
{
    /// <summary>
    /// The most locals a function may declare. The spec's limit is 2^32 (the testsuite checks it);
    /// like Wasmtime, Sharptime stops at 50,000, which is far above what compilers emit and keeps
    /// per-function frames bounded.
    /// </summary>
    public const uint MaxLocals = 50_000;

    /// <summary>Bodies below this many bytes in all are decoded on the calling thread.</summary>
    private const long ParallelCodeBytes = 1 << 20;

    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        var bodies = new FunctionBody[count];
        if (!module.TrustedBodies && FunctionWork.Workers > 1 && ReadInParallel(ref code, module, bodies)) return;
        for (int i = 0; i < bodies.Length; i++)
        {
            uint size = reader.ReadLength();
            int start = reader.Offset;
            bodies[i] = ReadBody(ref code, module, module.Decoding, start + (int)size);
            // Read on from the module's stream, like the reference interpreter: a body whose end
            // comes early or late shows up here.
            if (code.Offset != start + (long)size) WasmReader.Throw("section size mismatch (function body)", start);
        }
        module.Code = bodies;
    }

    /// <summary>
    /// A large code section: the bodies' bounds come from their sizes, then the cores decode the
    /// bodies, each from its start in the module's stream as on one thread, so every body fails or
    /// passes exactly as it would there, and the lowest failing body's error is the one reported.
    /// Returns false, having read nothing, when the section is small or its sizes do not lay out
    /// within the module (the sequential path then reports what is wrong).
    /// </summary>
    private static bool ReadInParallel(ref InstructionReader code, ModuleBuilder module, FunctionBody[] bodies)
    {
        ref WasmReader reader = ref code.Reader;
        int first = reader.Position;
        var starts = new int[bodies.Length];
        var ends = new int[bodies.Length];
        try
        {
            for (int i = 0; i < bodies.Length; i++)
            {
                uint size = reader.ReadLength();
                if (size > (uint)reader.Remaining) return false;
                starts[i] = reader.Offset;
                reader.Position += (int)size;
                ends[i] = reader.Offset;
            }
        }
        catch (MalformedModuleException)
        {
            return false;
        }
        finally
        {
            if (bodies.Length == 0 || ends[^1] - starts[0] < ParallelCodeBytes) reader.Position = first;
        }
        if (bodies.Length == 0 || ends[^1] - starts[0] < ParallelCodeBytes) return false;
        ReadOnlyMemory<byte> bytes = module.Bytes;
        var states = new System.Collections.Concurrent.ConcurrentBag<ExpressionDecoder.State>();
        FunctionWork.Run(bodies.Length, FunctionWork.Workers, worker =>
        {
            var state = worker == 0 ? module.Decoding : new ExpressionDecoder.State();
            states.Add(state);
            return state;
        }, (state, i) =>
        {
            var body = new InstructionReader(bytes.Span, 0);
            body.Reader.Position = starts[i];
            bodies[i] = ReadBody(ref body, module, state, ends[i]);
            if (body.Offset != ends[i]) WasmReader.Throw("section size mismatch (function body)", starts[i]);
        });
        foreach (ExpressionDecoder.State state in states)
        {
            if (state.FirstDataIndexUse >= 0 && (module.Decoding.FirstDataIndexUse < 0 || state.FirstDataIndexUse < module.Decoding.FirstDataIndexUse))
            {
                module.Decoding.FirstDataIndexUse = state.FirstDataIndexUse;
            }
        }
        module.Code = bodies;
        return true;
    }

    private static FunctionBody ReadBody(ref InstructionReader code, ModuleBuilder module, ExpressionDecoder.State state, int end)
    {
        ref WasmReader reader = ref code.Reader;
        int localsAt = reader.Offset;
        uint runCount = reader.ReadCount();
        LocalRun[] runs = runCount == 0 ? [] : new LocalRun[runCount];
        ulong total = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            uint n = reader.ReadU32();
            runs[i] = new LocalRun(n, reader.ReadValueType());
            total += n;
        }
        if (total > MaxLocals)
        {
            WasmReader.Throw($"too many locals: the function declares {total}, more than the limit of {MaxLocals}", localsAt);
        }
        int codeStart = code.Offset;
        if (module.TrustedBodies)
        {
            // Decoded and validated when the artifact was made: only where the body lies is needed.
            if (end < codeStart) WasmReader.Throw("section size mismatch (function body)", codeStart);
            reader.ReadBytes(end - codeStart);
            return new FunctionBody(runs, (uint)total, codeStart, end - codeStart) { BodyOffset = localsAt };
        }
        ExpressionDecoder.Decode(ref code, state, isFunctionBody: true);
        return new FunctionBody(runs, (uint)total, codeStart, code.Offset - codeStart) { BodyOffset = localsAt };
    }
}
