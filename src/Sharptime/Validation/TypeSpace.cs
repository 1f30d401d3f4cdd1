using System.Text;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Validation;

/// <summary>
/// The module's defined types after validation: each type index gets a canonical id such that two
/// indices have the same id exactly when their types are equivalent under the iso-recursive rules
/// (Wasm 3.0 section 3.2.11: rec groups compared structurally, references inside a group compared
/// by relative position). Answers the subtyping questions of validation (section 3.3).
/// </summary>
internal sealed partial class TypeSpace
{
    private readonly SubType[] _types;
    private readonly int[] _canonical;
    private readonly int[] _depth;

    // The implementation limit of the JS API and of other engines; it bounds every subtype check.
    private const int MaxSubtypingDepth = 63;

    /// <summary>Validates the type section and computes canonical ids.</summary>
    public TypeSpace(WasmModule module, WasmFeatures features)
    {
        _types = module.Types;
        _canonical = new int[_types.Length];
        _depth = new int[_types.Length];
        Features = features;
        Validate();
    }

    /// <summary>The enabled proposals.</summary>
    public WasmFeatures Features { get; }

    /// <summary>The number of defined types.</summary>
    public int Count => _types.Length;

    /// <summary>The defined type at <paramref name="index"/>; the caller checked the index.</summary>
    public SubType this[uint index] => _types[index];

    /// <summary>The canonical id of a type index.</summary>
    public int CanonicalId(uint index) => _canonical[index];

    /// <summary>The canonical ids by type index (equal ids mean equivalent types).</summary>
    public ReadOnlySpan<int> CanonicalIds => _canonical;

    private void Validate()
    {
        var groups = new Dictionary<string, int>(StringComparer.Ordinal);
        var key = new StringBuilder();
        int nextId = 0;
        uint i = 0;
        while (i < (uint)_types.Length)
        {
            SubType? first = _types[i] ?? throw new InvalidModuleException($"unknown type {i}");
            uint start = first.RecGroupStart;
            uint size = first.RecGroupSize;
            if (start != i || size == 0 || (ulong)start + size > (ulong)_types.Length)
            {
                throw new InvalidModuleException($"unknown type: inconsistent rec group at type {i}");
            }
            uint end = start + size;
            if (size > 1) RequireFeature(WasmFeatures.Gc, "recursive type groups", i);
            for (uint t = start; t < end; t++)
            {
                SubType sub = _types[t];
                if (sub.RecGroupStart != start || sub.RecGroupSize != size)
                {
                    throw new InvalidModuleException($"unknown type: inconsistent rec group at type {t}");
                }
                CheckDefinedType(sub, t, end);
            }

            key.Clear();
            for (uint t = start; t < end; t++) AppendKey(key, _types[t], start, end);
            string k = key.ToString();
            if (!groups.TryGetValue(k, out int baseId))
            {
                baseId = nextId;
                nextId += (int)size;
                groups.Add(k, baseId);
            }
            for (uint t = start; t < end; t++) _canonical[t] = baseId + (int)(t - start);

            // Depths first: matching a supertype may compare references to later types of the group.
            for (uint t = start; t < end; t++)
            {
                _depth[t] = _types[t].Supertypes.Length == 0 ? 0 : _depth[_types[t].Supertypes[0]] + 1;
                if (_depth[t] > MaxSubtypingDepth)
                {
                    throw new InvalidModuleException($"sub type {t}: subtyping depth exceeds the limit of {MaxSubtypingDepth}");
                }
            }
            for (uint t = start; t < end; t++) CheckSupertypes(_types[t], t);
            i = end;
        }
    }

    private void CheckDefinedType(SubType sub, uint index, uint groupEnd)
    {
        if (sub.Supertypes is null || sub.Composite is null) throw new InvalidModuleException($"unknown type {index}");
        if (sub.Supertypes.Length > 1) throw new InvalidModuleException($"sub type: type {index} has more than one supertype");
        if (!sub.Final || sub.Supertypes.Length > 0) RequireFeature(WasmFeatures.Gc, "subtyping", index);
        foreach (uint super in sub.Supertypes)
        {
            // A supertype must be defined before its subtypes, which keeps supertype chains finite.
            if (super >= index) throw new InvalidModuleException($"unknown type {super}: supertype of type {index} must be defined before it");
        }
        switch (sub.Composite)
        {
            case FuncCompositeType func:
                foreach (ValueType p in func.Params) CheckValueType(p, groupEnd, index);
                foreach (ValueType r in func.Results) CheckValueType(r, groupEnd, index);
                if (func.Results.Length > 1) RequireFeature(WasmFeatures.MultiValue, "multiple results", index);
                break;
            case StructCompositeType st:
                RequireFeature(WasmFeatures.Gc, "struct types", index);
                foreach (FieldType f in st.Fields) CheckStorageType(f.Storage, groupEnd, index);
                break;
            case ArrayCompositeType at:
                RequireFeature(WasmFeatures.Gc, "array types", index);
                CheckStorageType(at.Element.Storage, groupEnd, index);
                break;
            default:
                throw new InvalidModuleException($"unknown type {index}");
        }
    }

    private void CheckStorageType(ValueType t, uint limit, uint index)
    {
        if (t.IsPacked) return;
        CheckValueType(t, limit, index);
    }

    private void CheckValueType(ValueType t, uint limit, uint index)
    {
        string? problem = ValueTypeProblem(t, limit);
        if (problem is not null) throw new InvalidModuleException($"{problem} in type {index}");
    }

    /// <summary>
    /// Why a value type is not valid in this module (an unknown type index or a disabled proposal),
    /// or null when it is valid. Only indices below <paramref name="limit"/> are known.
    /// </summary>
    public string? ValueTypeProblem(ValueType t, uint limit)
    {
        switch (t.Kind)
        {
            case ValueKind.I32:
            case ValueKind.I64:
            case ValueKind.F32:
            case ValueKind.F64:
                return null;
            case ValueKind.V128:
                return (Features & WasmFeatures.Simd) == 0 ? ProposalMessage(WasmFeatures.Simd, "v128") : null;
            case ValueKind.Ref:
                return HeapTypeProblem(t.Heap, limit) ?? RefProblem(t);
            default:
                return $"malformed value type {t}";
        }
    }

    private string? RefProblem(ValueType t)
    {
        if ((Features & WasmFeatures.ReferenceTypes) == 0) return ProposalMessage(WasmFeatures.ReferenceTypes, t.ToString());
        bool simple = t.Nullable && t.Heap.Kind is HeapKind.Func or HeapKind.Extern or HeapKind.Exn;
        if (!simple && (Features & (WasmFeatures.FunctionReferences | WasmFeatures.Gc)) == 0)
        {
            return ProposalMessage(WasmFeatures.FunctionReferences, t.ToString());
        }
        return null;
    }

    /// <summary>Why a heap type is not valid, or null.</summary>
    public string? HeapTypeProblem(HeapType h, uint limit)
    {
        switch (h.Kind)
        {
            case HeapKind.Concrete:
                return h.TypeIndex < limit ? null : $"unknown type {h.TypeIndex}";
            case HeapKind.Func:
            case HeapKind.Extern:
                return null;
            case HeapKind.NoFunc:
            case HeapKind.NoExtern:
            case HeapKind.Any:
            case HeapKind.Eq:
            case HeapKind.I31:
            case HeapKind.Struct:
            case HeapKind.Array:
            case HeapKind.None:
                return (Features & WasmFeatures.Gc) == 0 ? ProposalMessage(WasmFeatures.Gc, h.ToString()) : null;
            case HeapKind.Exn:
                return (Features & WasmFeatures.ExceptionHandling) == 0 ? ProposalMessage(WasmFeatures.ExceptionHandling, "exnref") : null;
            case HeapKind.NoExn:
                return (Features & WasmFeatures.ExceptionHandling) == 0 || (Features & WasmFeatures.Gc) == 0
                    ? ProposalMessage(WasmFeatures.ExceptionHandling | WasmFeatures.Gc, "noexn") : null;
            default:
                return $"malformed heap type {h}";
        }
    }

    /// <summary>The message for a construct whose proposal is disabled.</summary>
    public static string ProposalMessage(WasmFeatures feature, string what) =>
        $"proposal not enabled: {what} requires the {feature} proposal";

    private void RequireFeature(WasmFeatures feature, string what, uint index)
    {
        if ((Features & feature) != feature) throw new InvalidModuleException($"{ProposalMessage(feature, what)} (type {index})");
    }

    private void CheckSupertypes(SubType sub, uint index)
    {
        foreach (uint superIndex in sub.Supertypes)
        {
            SubType super = _types[superIndex];
            if (super.Final) throw new InvalidModuleException($"sub type {index} has final supertype {superIndex}");
            if (!CompositeMatches(sub.Composite, super.Composite))
            {
                throw new InvalidModuleException($"sub type {index} does not match its supertype {superIndex}");
            }
        }
    }

    // The key of a rec group spells every type with references inside the group as relative
    // positions and references outside it as canonical ids, so equal keys mean equivalent groups.
    private void AppendKey(StringBuilder sb, SubType sub, uint start, uint end)
    {
        sb.Append(sub.Final ? 'F' : 'O');
        foreach (uint super in sub.Supertypes) AppendIndex(sb, super, start, end);
        sb.Append('|');
        switch (sub.Composite)
        {
            case FuncCompositeType f:
                sb.Append('f');
                foreach (ValueType p in f.Params) AppendValueType(sb, p, start, end);
                sb.Append('>');
                foreach (ValueType r in f.Results) AppendValueType(sb, r, start, end);
                break;
            case StructCompositeType s:
                sb.Append('s');
                foreach (FieldType field in s.Fields)
                {
                    sb.Append(field.Mutable ? 'm' : 'c');
                    AppendValueType(sb, field.Storage, start, end);
                }
                break;
            case ArrayCompositeType a:
                sb.Append('a').Append(a.Element.Mutable ? 'm' : 'c');
                AppendValueType(sb, a.Element.Storage, start, end);
                break;
        }
        sb.Append(';');
    }

    private void AppendValueType(StringBuilder sb, ValueType t, uint start, uint end)
    {
        sb.Append((char)('A' + (int)t.Kind));
        if (t.Kind != ValueKind.Ref) return;
        sb.Append(t.Nullable ? 'n' : 'x');
        if (t.Heap.Kind == HeapKind.Concrete) AppendIndex(sb, t.Heap.TypeIndex, start, end);
        else sb.Append((char)('a' + (int)t.Heap.Kind));
    }

    private void AppendIndex(StringBuilder sb, uint index, uint start, uint end)
    {
        if (index >= start && index < end) sb.Append('r').Append(index - start);
        else sb.Append('c').Append(_canonical[index]);
        sb.Append(',');
    }
}
