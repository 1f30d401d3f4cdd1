using System.Text;
using Sharptime.Binary;
using ValueType = Sharptime.Binary.ValueType;

namespace Sharptime.Runtime;

/// <summary>
/// Canonical keys of defined types (Wasm 3.0 section 3.4.5, type equivalence): a type is its rec
/// group and its position in it. References to types of the same group are written relative to
/// the group; references to earlier types are written as the engine ids those types were interned
/// as. Equal keys mean equivalent types in any module of an engine (by induction over the groups),
/// and a key is as long as its group's text: a chain of types that each refer to the previous one
/// twice grows linearly, where embedding the earlier keys themselves doubled at every step.
/// </summary>
internal static class TypeKeys
{
    /// <summary>The engine id of every type index of <paramref name="module"/>, interning each rec group's key in turn.</summary>
    public static int[] Intern(WasmModule module, Func<string, int> intern)
    {
        SubType[] types = module.Types;
        var keys = new int[types.Length];
        int i = 0;
        while (i < types.Length)
        {
            int start = (int)types[i].RecGroupStart;
            int size = (int)Math.Max(types[i].RecGroupSize, 1);
            var group = new StringBuilder("rec[");
            for (int k = 0; k < size && start + k < types.Length; k++)
            {
                if (k > 0) group.Append(';');
                Append(group, types[start + k], start, size, keys);
            }
            group.Append(']');
            string groupKey = group.ToString();
            for (int k = 0; k < size && start + k < types.Length; k++) keys[start + k] = intern($"{groupKey}.{k}");
            i = start + size;
        }
        return keys;
    }

    /// <summary>The key of a function type written by the host: a final function type alone in its group.</summary>
    public static string ForHost(FuncType type)
    {
        var text = new StringBuilder("rec[final () (func (param");
        foreach (ValType p in type.Params) text.Append(' ').Append(p.Inner);
        text.Append(") (result");
        foreach (ValType r in type.Results) text.Append(' ').Append(r.Inner);
        return text.Append("))].0").ToString();
    }

    private static void Append(StringBuilder text, SubType type, int start, int size, int[] keys)
    {
        text.Append(type.Final ? "final (" : "sub (");
        foreach (uint super in type.Supertypes) text.Append(' ').Append(Ref(super, start, size, keys));
        text.Append(") ");
        switch (type.Composite)
        {
            case Binary.FuncCompositeType f:
                text.Append("(func (param");
                foreach (ValueType p in f.Params) text.Append(' ').Append(Value(p, start, size, keys));
                text.Append(") (result");
                foreach (ValueType r in f.Results) text.Append(' ').Append(Value(r, start, size, keys));
                text.Append("))");
                break;
            case StructCompositeType s:
                text.Append("(struct");
                foreach (FieldType field in s.Fields) text.Append(' ').Append(Field(field, start, size, keys));
                text.Append(')');
                break;
            case ArrayCompositeType a:
                text.Append("(array ").Append(Field(a.Element, start, size, keys)).Append(')');
                break;
        }
    }

    private static string Field(FieldType field, int start, int size, int[] keys) =>
        field.Mutable ? $"(mut {Value(field.Storage, start, size, keys)})" : Value(field.Storage, start, size, keys);

    private static string Value(ValueType t, int start, int size, int[] keys) =>
        t.IsRef && t.Heap.Kind == HeapKind.Concrete
            ? $"(ref{(t.Nullable ? " null" : "")} {Ref(t.Heap.TypeIndex, start, size, keys)})"
            : t.ToString();

    private static string Ref(uint index, int start, int size, int[] keys) =>
        index >= start && index < start + size ? $"#{index - start}" : $"{{{keys[index]}}}";
}
