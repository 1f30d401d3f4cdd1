using System.Buffers.Binary;

namespace Sharptime.Binary;

/// <summary>
/// Decodes a module binary into a <see cref="WasmModule"/> (Wasm 3.0 chapter 5): the header, then
/// the sections in their required order, each read by its own reader (TypeSection, ImportSection…).
/// </summary>
/// <remarks>
/// The whole module is read through one <see cref="InstructionReader"/> positioned on the module's
/// bytes, and every section size is checked after the section has been read, as the reference
/// interpreter does. That choice is what makes each malformed input produce the spec testsuite's
/// message: a vector or body that runs past its section reads on and is reported as a size
/// mismatch, while one that runs past the end of the module is reported as an unexpected end.
/// Every failure is a <see cref="MalformedModuleException"/>; no count is trusted before the bytes
/// that must back it are known to exist.
/// </remarks>
internal static class ModuleDecoder
{
    /// <summary>The magic number "\0asm", little-endian.</summary>
    private const uint Magic = 0x6D736100;

    /// <summary>The only binary format version.</summary>
    private const uint Version = 1;

    /// <summary>The highest known section id (the tag section).</summary>
    private const byte MaxSectionId = 13;

    /// <summary>
    /// The position of each non-custom section id in the required order: type, import, function,
    /// table, memory, tag, global, export, start, element, data count, code, data.
    /// </summary>
    private static ReadOnlySpan<byte> SectionRank => [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6];

    /// <summary>Decodes <paramref name="bytes"/>; the result keeps a reference to them.</summary>
    /// <exception cref="MalformedModuleException">The bytes are not a well-formed module.</exception>
    public static WasmModule Decode(ReadOnlyMemory<byte> bytes, WasmFeatures features) => Decode(bytes, features, trustedBodies: false);

    /// <summary>Decodes a module; with <paramref name="trustedBodies"/>, function bodies known to be valid are not decoded instruction by instruction.</summary>
    public static WasmModule Decode(ReadOnlyMemory<byte> bytes, WasmFeatures features, bool trustedBodies)
    {
        ReadOnlySpan<byte> span = bytes.Span;
        var module = new ModuleBuilder(bytes, features) { TrustedBodies = trustedBodies };
        var code = new InstructionReader(span, 0);
        ref WasmReader reader = ref code.Reader;

        ReadHeader(ref reader);
        int lastRank = 0;
        while (!reader.AtEnd)
        {
            int idAt = reader.Offset;
            byte id = reader.ReadByte();
            if (id > MaxSectionId) WasmReader.Throw($"malformed section id {id}", idAt);
            if (id != 0)
            {
                int rank = SectionRank[id];
                // A known section out of order ends the module for the reference interpreter,
                // which then finds bytes left over.
                if (rank <= lastRank) WasmReader.Throw($"unexpected content after last section (section id {id} out of order)", idAt);
                lastRank = rank;
            }
            uint size = reader.ReadLength();
            int start = reader.Offset;
            ReadSection(ref code, module, id, size);
            if (reader.Offset != start + (long)size) WasmReader.Throw($"section size mismatch (section id {id})", start);
        }

        CheckConsistency(module, span.Length);
        return Build(module);
    }

    private static void ReadHeader(ref WasmReader reader)
    {
        if (reader.Remaining < 4) reader.ThrowUnexpectedEnd();
        if (BinaryPrimitives.ReadUInt32LittleEndian(reader.ReadBytes(4)) != Magic) WasmReader.Throw("magic header not detected", 0);
        if (reader.Remaining < 4) reader.ThrowUnexpectedEnd();
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(reader.ReadBytes(4));
        if (version != Version) WasmReader.Throw($"unknown binary version 0x{version:x}", 4);
    }

    private static void ReadSection(ref InstructionReader code, ModuleBuilder module, byte id, uint size)
    {
        ref WasmReader reader = ref code.Reader;
        switch (id)
        {
            case 0: CustomSectionReader.Read(ref reader, module, size); break;
            case 1: TypeSection.Read(ref reader, module); break;
            case 2: ImportSection.Read(ref reader, module); break;
            case 3: FunctionSection.Read(ref reader, module); break;
            case 4: TableSection.Read(ref code, module); break;
            case 5: MemorySection.Read(ref reader, module); break;
            case 6: GlobalSection.Read(ref code, module); break;
            case 7: ExportSection.Read(ref reader, module); break;
            case 8: StartSection.Read(ref reader, module); break;
            case 9: ElementSection.Read(ref code, module); break;
            case 10: CodeSection.Read(ref code, module); break;
            case 11: DataSection.Read(ref code, module); break;
            case 12: DataCountSection.Read(ref reader, module); break;
            case 13: TagSection.Read(ref reader, module); break;
        }
    }

    // The checks that need the whole module, in the reference interpreter's order.
    private static void CheckConsistency(ModuleBuilder module, int end)
    {
        if (module.DeclaredFunctionCount != (uint)module.Code.Length)
        {
            WasmReader.Throw($"function and code section have inconsistent lengths ({module.DeclaredFunctionCount} functions, {module.Code.Length} bodies)", end);
        }
        if (module.DataCount is uint dataCount && dataCount != (uint)module.Data.Count)
        {
            WasmReader.Throw($"data count and data section have inconsistent lengths ({dataCount} declared, {module.Data.Count} segments)", end);
        }
        if (module.DataCount is null && module.Decoding.FirstDataIndexUse >= 0)
        {
            WasmReader.Throw("data count section required (a function body uses a data segment index)", module.Decoding.FirstDataIndexUse);
        }
    }

    private static WasmModule Build(ModuleBuilder module) => new()
    {
        Bytes = module.Bytes,
        Types = module.Types.ToArray(),
        Imports = module.Imports.ToArray(),
        Functions = module.Functions.ToArray(),
        TableTypes = module.TableTypes.ToArray(),
        Memories = module.Memories.ToArray(),
        GlobalTypes = module.GlobalTypes.ToArray(),
        Tags = module.Tags.ToArray(),
        DefinedTables = module.DefinedTables.ToArray(),
        DefinedGlobals = module.DefinedGlobals.ToArray(),
        Exports = module.Exports.ToArray(),
        Start = module.Start,
        Elements = module.Elements.ToArray(),
        DataCount = module.DataCount,
        Code = module.Code,
        Data = module.Data.ToArray(),
        Names = module.Names,
        CustomSections = module.CustomSections.ToArray(),
        ImportedFunctionCount = module.ImportedFunctionCount,
        ImportedTableCount = module.ImportedTableCount,
        ImportedMemoryCount = module.ImportedMemoryCount,
        ImportedGlobalCount = module.ImportedGlobalCount,
        ImportedTagCount = module.ImportedTagCount,
    };
}
