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

    /// <summary>Reads the section contents.</summary>
    public static void Read(ref InstructionReader code, ModuleBuilder module)
    {
        ref WasmReader reader = ref code.Reader;
        uint count = reader.ReadCount();
        var bodies = new FunctionBody[count];
        for (int i = 0; i < bodies.Length; i++)
        {
            uint size = reader.ReadLength();
            int start = reader.Offset;
            bodies[i] = ReadBody(ref code, module, start + (int)size);
            // Read on from the module's stream, like the reference interpreter: a body whose end
            // comes early or late shows up here.
            if (code.Offset != start + (long)size) WasmReader.Throw("section size mismatch (function body)", start);
        }
        module.Code = bodies;
    }

    private static FunctionBody ReadBody(ref InstructionReader code, ModuleBuilder module, int end)
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
        ExpressionDecoder.Decode(ref code, module, isFunctionBody: true);
        return new FunctionBody(runs, (uint)total, codeStart, code.Offset - codeStart) { BodyOffset = localsAt };
    }
}
