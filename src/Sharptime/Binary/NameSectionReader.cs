namespace Sharptime.Binary;

/// <summary>
/// Decodes the name section (Wasm 3.0 appendix 7.4.1): the module name, function names and local
/// names. The section is only a debugging aid, so a malformed one never fails the module: the
/// subsections decoded before the problem are kept and the rest is ignored.
/// </summary>
internal static class NameSectionReader
{
    private const byte ModuleNameId = 0;
    private const byte FunctionNamesId = 1;
    private const byte LocalNamesId = 2;

    /// <summary>Decodes the contents of a name section that starts at <paramref name="baseOffset"/> of the module.</summary>
    /// <returns>The names that decoded cleanly (possibly none).</returns>
    public static NameSection Read(ReadOnlySpan<byte> contents, int baseOffset)
    {
        string? moduleName = null;
        Dictionary<uint, string>? functionNames = null;
        Dictionary<uint, IReadOnlyDictionary<uint, string>>? localNames = null;
        var reader = new WasmReader(contents, baseOffset);
        int lastId = -1;
        try
        {
            while (!reader.AtEnd)
            {
                byte id = reader.ReadByte();
                uint size = reader.ReadLength();
                // Subsections come at most once each, in increasing order of id.
                if (id <= lastId) break;
                lastId = id;
                var sub = new WasmReader(reader.ReadBytes((int)size), reader.Offset - (int)size);
                switch (id)
                {
                    case ModuleNameId:
                    {
                        string name = sub.ReadName();
                        if (!sub.AtEnd) return Result();
                        moduleName = name;
                        break;
                    }
                    case FunctionNamesId:
                    {
                        Dictionary<uint, string> names = ReadNameMap(ref sub);
                        if (!sub.AtEnd) return Result();
                        functionNames = names;
                        break;
                    }
                    case LocalNamesId:
                    {
                        uint count = sub.ReadCount(minBytesPerItem: 2);
                        var map = new Dictionary<uint, IReadOnlyDictionary<uint, string>>((int)count);
                        for (uint i = 0; i < count; i++)
                        {
                            uint function = sub.ReadU32();
                            map.TryAdd(function, ReadNameMap(ref sub));
                        }
                        if (!sub.AtEnd) return Result();
                        localNames = map;
                        break;
                    }
                    default:
                        // Label, type, table, memory, global, elem, data and tag names: not used yet.
                        break;
                }
            }
        }
        catch (MalformedModuleException)
        {
            // Keep the subsections that decoded before the problem.
        }
        return Result();

        NameSection Result() => new()
        {
            ModuleName = moduleName,
            FunctionNames = functionNames ?? new Dictionary<uint, string>(),
            LocalNames = localNames ?? new Dictionary<uint, IReadOnlyDictionary<uint, string>>(),
        };
    }

    private static Dictionary<uint, string> ReadNameMap(ref WasmReader reader)
    {
        // An index and a name: at least 2 bytes.
        uint count = reader.ReadCount(minBytesPerItem: 2);
        var names = new Dictionary<uint, string>((int)count);
        for (uint i = 0; i < count; i++)
        {
            uint index = reader.ReadU32();
            names.TryAdd(index, reader.ReadName());
        }
        return names;
    }
}
