using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime;

/// <summary>A global variable.</summary>
public sealed class Global : Extern
{
    private readonly GlobalInstance _instance;

    internal Global(Store store, GlobalInstance instance) : base(store) => _instance = instance;

    /// <summary>Creates a global in <paramref name="store"/>.</summary>
    /// <param name="store">The owner.</param>
    /// <param name="value">The initial value; its type is the global's type.</param>
    /// <param name="mutable">Whether WebAssembly may set it.</param>
    public Global(Store store, Value value, bool mutable)
        : this(store, new GlobalInstance(new GlobalType(value.Type.Inner, mutable)))
    {
        Write(Instance, value);
    }

    /// <summary>The global.</summary>
    /// <exception cref="ObjectDisposedException">The store's resources are freed: the pooling allocator may have given the global's object to another store.</exception>
    internal GlobalInstance Instance
    {
        get
        {
            Store.ThrowIfReleased();
            return _instance;
        }
    }

    internal override string KindName => "global";

    internal override string TypeText => Instance.Type.Mutable ? $"(mut {Instance.Type.Type})" : Instance.Type.Type.ToString();

    /// <summary>The value type.</summary>
    public ValType Type => new(Instance.Type.Type);

    /// <summary>Whether the global is mutable.</summary>
    public bool IsMutable => Instance.Type.Mutable;

    /// <summary>The current value.</summary>
    public Value Value => Value.FromBits(Type, Instance.Bits, Instance.High, Instance.Ref);

    /// <summary>Sets the value of a mutable global.</summary>
    /// <param name="value">The new value, of the global's type.</param>
    /// <exception cref="WasmException">The global is immutable or the value has another type.</exception>
    public void SetValue(Value value)
    {
        if (!IsMutable) throw new WasmException("cannot set an immutable global");
        if (!Runtime.Matching.ValueMatches(value, Type, Instance.ModuleTypes, Store.Engine)) throw new WasmException($"cannot set a global of type {Type} to a value of type {value.Type}");
        Write(Instance, value);
    }

    internal static void Write(GlobalInstance g, Value value)
    {
        g.Bits = value.Bits;
        g.High = value.High;
        g.Ref = value.RawRef;
    }
}
