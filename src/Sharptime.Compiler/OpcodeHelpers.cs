using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Sharptime.Abi;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// The runtime helpers generated code calls for instructions that are not a few IL opcodes: each
/// class of <see cref="Sharptime.Abi"/> below names a method after the <see cref="Opcode"/> it
/// implements. Indexed once; read-only, so compilations on several threads share it.
/// </summary>
internal static class OpcodeHelpers
{
    public static readonly FrozenDictionary<Opcode, MethodInfo> Numeric = Index(typeof(Numerics));
    public static readonly FrozenDictionary<Opcode, MethodInfo> SimdInteger = Index(typeof(Abi.SimdInteger));
    public static readonly FrozenDictionary<Opcode, MethodInfo> SimdFloat = Index(typeof(Abi.SimdFloat));
    public static readonly FrozenDictionary<Opcode, MethodInfo> SimdRelaxed = Index(typeof(Abi.SimdRelaxed));

    private static FrozenDictionary<Opcode, MethodInfo> Index([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type type)
    {
        var helpers = new Dictionary<Opcode, MethodInfo>();
        foreach (MethodInfo m in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            // Enum.TryParse also accepts numbers; helper names never start with a digit.
            if (!char.IsDigit(m.Name[0]) && Enum.TryParse(m.Name, out Opcode op)) helpers.Add(op, m);
        }
        return helpers.ToFrozenDictionary();
    }
}
