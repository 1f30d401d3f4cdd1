using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Runtime;

/// <summary>
/// The engine's type registry (Wasm 3.0 section 3.4.5, type equivalence): every recursion group is
/// interned once, and each of its types gets a canonical id and a <see cref="RuntimeType"/>. A group
/// is keyed by a sequence of integers: references to types of the same group are written relative to
/// the group, references to earlier types as the ids those were interned as. Equal keys mean
/// equivalent types in any module of the engine (by induction over the groups), and a key is as long
/// as its group: a chain of types that each refer to the previous one grows linearly.
/// </summary>
internal sealed class TypeRegistry
{
    private const int Within = 1;
    private const int Canonical = 2;
    private const int Unresolved = 3;

    private readonly Dictionary<GroupKey, int> _groups = [];
    private readonly Lock _lock = new();

    // Id -> type; replaced (never changed in place) when it grows, so readers need no lock.
    private volatile RuntimeType[] _types = new RuntimeType[64];
    private int _count = 1;

    /// <summary>The type with canonical id <paramref name="id"/>.</summary>
    public RuntimeType this[int id] => _types[id];

    /// <summary>Interns every recursion group of <paramref name="module"/>: the id and runtime type of each type index.</summary>
    public int[] Intern(WasmModule module, out RuntimeType[] types)
    {
        SubType[] defined = module.Types;
        var ids = new int[defined.Length];
        types = new RuntimeType[defined.Length];
        var tokens = new List<int>();
        int i = 0;
        while (i < defined.Length)
        {
            int start = (int)defined[i].RecGroupStart;
            int size = (int)Math.Max(defined[i].RecGroupSize, 1);
            size = Math.Min(size, defined.Length - start);
            tokens.Clear();
            for (int k = 0; k < size; k++) AppendSubType(tokens, defined[start + k], start, size, ids);
            int first = InternGroup(new GroupKey([.. tokens]), size, (first, k) =>
            {
                SubType t = defined[start + k];
                RuntimeType? super = null;
                if (t.Supertypes.Length > 0)
                {
                    uint s = t.Supertypes[0];
                    super = s >= start && s < start + size ? _pending![s - start] : this[ids[s]];
                }
                return RuntimeType.Of(first + k, t, super);
            });
            for (int k = 0; k < size; k++)
            {
                ids[start + k] = first + k;
                types[start + k] = this[first + k];
            }
            i = start + size;
        }
        return ids;
    }

    /// <summary>The id of a function type written by the host: a final function type alone in its group.</summary>
    public int InternHost(FuncType type)
    {
        var tokens = new List<int> { 1, 0, (int)CompositeKind.Func, type.Params.Count, type.Results.Count };
        foreach (ValType p in type.Params) AppendValue(tokens, p.Inner, 0, 0, []);
        foreach (ValType r in type.Results) AppendValue(tokens, r.Inner, 0, 0, []);
        return InternGroup(new GroupKey([.. tokens]), 1, (first, _) => RuntimeType.OfHostFunction(first));
    }

    // The types of the group being registered, for supertypes within it (set under the lock).
    private RuntimeType[]? _pending;

    private int InternGroup(GroupKey key, int size, Func<int, int, RuntimeType> create)
    {
        lock (_lock)
        {
            if (_groups.TryGetValue(key, out int first)) return first;
            first = _count;
            RuntimeType[] types = _types;
            if (first + size > types.Length)
            {
                var grown = new RuntimeType[Math.Max(types.Length * 2, first + size)];
                types.CopyTo(grown, 0);
                types = grown;
            }
            _pending = new RuntimeType[size];
            for (int k = 0; k < size; k++) _pending[k] = types[first + k] = create(first, k);
            _pending = null;
            _types = types;
            _count = first + size;
            _groups.Add(key, first);
            return first;
        }
    }

    private static void AppendSubType(List<int> tokens, SubType type, int start, int size, int[] ids)
    {
        tokens.Add(type.Final ? 1 : 0);
        tokens.Add(type.Supertypes.Length);
        foreach (uint super in type.Supertypes) AppendRef(tokens, super, start, size, ids);
        switch (type.Composite)
        {
            case FuncCompositeType f:
                tokens.Add((int)CompositeKind.Func);
                tokens.Add(f.Params.Length);
                tokens.Add(f.Results.Length);
                foreach (ValueType p in f.Params) AppendValue(tokens, p, start, size, ids);
                foreach (ValueType r in f.Results) AppendValue(tokens, r, start, size, ids);
                break;
            case StructCompositeType s:
                tokens.Add((int)CompositeKind.Struct);
                tokens.Add(s.Fields.Length);
                foreach (FieldType field in s.Fields) AppendField(tokens, field, start, size, ids);
                break;
            case ArrayCompositeType a:
                tokens.Add((int)CompositeKind.Array);
                AppendField(tokens, a.Element, start, size, ids);
                break;
        }
    }

    private static void AppendField(List<int> tokens, FieldType field, int start, int size, int[] ids)
    {
        tokens.Add(field.Mutable ? 1 : 0);
        AppendValue(tokens, field.Storage, start, size, ids);
    }

    private static void AppendValue(List<int> tokens, ValueType t, int start, int size, int[] ids)
    {
        tokens.Add((int)t.Kind | (t.Nullable ? 0x100 : 0) | ((int)t.Heap.Kind << 16));
        if (t.IsRef && t.Heap.Kind == HeapKind.Concrete)
        {
            if (ids.Length == 0)
            {
                // A host type that names a module's type index: kept as written.
                tokens.Add(Unresolved);
                tokens.Add((int)t.Heap.TypeIndex);
            }
            else
            {
                AppendRef(tokens, t.Heap.TypeIndex, start, size, ids);
            }
        }
    }

    private static void AppendRef(List<int> tokens, uint index, int start, int size, int[] ids)
    {
        bool within = index >= start && index < start + size;
        tokens.Add(within ? Within : Canonical);
        tokens.Add(within ? (int)(index - start) : ids[index]);
    }

    /// <summary>A recursion group's key: its tokens, compared and hashed by content.</summary>
    private sealed class GroupKey(int[] tokens) : IEquatable<GroupKey>
    {
        private readonly int _hash = Hash(tokens);

        public bool Equals(GroupKey? other) => other is not null && _hash == other._hash && tokens.AsSpan().SequenceEqual(other.Tokens);

        public override bool Equals(object? obj) => Equals(obj as GroupKey);

        public override int GetHashCode() => _hash;

        private int[] Tokens => tokens;

        private static int Hash(int[] tokens)
        {
            var hash = new HashCode();
            hash.AddBytes(System.Runtime.InteropServices.MemoryMarshal.AsBytes(tokens.AsSpan()));
            return hash.ToHashCode();
        }
    }
}
