using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.Intrinsics;
using Sharptime.Binary;

namespace Sharptime.Compiler;

/// <summary>
/// The SIMD instructions that are one operation of .NET's cross-platform <see cref="Vector128"/> API
/// with the same semantics. Generated code calls these directly: the JIT expands them in place in
/// every tier, where a call to a helper in Sharptime.Abi is only as good as the JIT's decision to
/// inline it, and in a function with hundreds of SIMD instructions it inlines none (blake3's 4-way
/// hash: 1,500 helper calls and a 24 KB frame).
/// </summary>
internal static class SimdIntrinsics
{
    /// <summary>How the operands on the IL stack (v128 as <c>Vector128&lt;byte&gt;</c>) reach the operation.</summary>
    internal enum Shape : byte
    {
        /// <summary>v128 → v128.</summary>
        Unary,

        /// <summary>v128 v128 → v128.</summary>
        Binary,

        /// <summary>v128 v128 → v128, the result complemented (<c>ne</c>).</summary>
        BinaryComplemented,

        /// <summary>
        /// v128 v128 → v128, an integer subtraction whose minuend is first combined (xor) with
        /// <see cref="Abi.SimdInteger.OpaqueZero"/>: dotnet/runtime issue 130830 (see the compiler's
        /// JitWorkarounds) makes RyuJIT drop a constant minuend whose lowest lane is 0 when the
        /// difference is added to something.
        /// </summary>
        Subtract,

        /// <summary>v128 i32 → v128, the count taken modulo the lane width.</summary>
        Shift,

        /// <summary>x → v128 (integer lanes; the value is truncated to the lane).</summary>
        Splat,

        /// <summary>v128 → x, the lane index an immediate.</summary>
        ExtractLane,

        /// <summary>v128 x → v128, the lane index an immediate.</summary>
        ReplaceLane,
    }

    /// <summary>The operation, its lane type and the shape of its operands.</summary>
    internal readonly record struct Recipe(MethodInfo Operation, Type Lane, Shape Shape);

    private static readonly MethodInfo[] VectorMethods = typeof(Vector128).GetMethods(BindingFlags.Public | BindingFlags.Static);

    /// <summary><c>Vector128.Create(long, long)</c>: v128.const from its two halves.</summary>
    public static readonly MethodInfo CreateFromHalves = typeof(Vector128).GetMethod(nameof(Vector128.Create), [typeof(long), typeof(long)])!;

    /// <summary><c>Vector128.Shuffle(Vector128&lt;byte&gt;, Vector128&lt;byte&gt;)</c>: a byte selection, indices of 16 or more giving 0.</summary>
    public static readonly MethodInfo ShuffleBytes = typeof(Vector128).GetMethod(nameof(Vector128.Shuffle), [typeof(Vector128<byte>), typeof(Vector128<byte>)])!;

    /// <summary>The <c>|</c> of <c>Vector128&lt;byte&gt;</c>.</summary>
    public static readonly MethodInfo OrBytes = OperatorOf("op_BitwiseOr", typeof(byte));

    /// <summary>The <c>~</c> of <c>Vector128&lt;T&gt;</c> by lane type.</summary>
    private static readonly FrozenDictionary<Type, MethodInfo> Complement = Lanes().ToFrozenDictionary(t => t, t => OperatorOf("op_OnesComplement", t));

    /// <summary><c>Vector128.AsT&lt;byte&gt;</c>: a v128 seen with lanes of type T.</summary>
    private static readonly FrozenDictionary<Type, MethodInfo> ToLaneMethods = Lanes().ToFrozenDictionary(t => t, t => Generic(AsName(t), 1, typeof(byte)));

    /// <summary><c>Vector128.AsByte&lt;T&gt;</c>: back to the v128 of the IL stack.</summary>
    private static readonly FrozenDictionary<Type, MethodInfo> FromLaneMethods = Lanes().ToFrozenDictionary(t => t, t => Generic(nameof(Vector128.AsByte), 1, t));

    /// <summary>The instructions compiled to an intrinsic.</summary>
    public static readonly FrozenDictionary<Opcode, Recipe> Recipes = Build();

    /// <summary><c>Vector128.AsT&lt;byte&gt;</c> for lane type T.</summary>
    public static MethodInfo ToLane(Type lane) => ToLaneMethods[lane];

    /// <summary><c>Vector128.AsByte&lt;T&gt;</c> for lane type T.</summary>
    public static MethodInfo FromLane(Type lane) => FromLaneMethods[lane];

    /// <summary><c>Vector128.OnesComplement&lt;T&gt;</c> for lane type T.</summary>
    public static MethodInfo OnesComplement(Type lane) => Complement[lane];

    private static FrozenDictionary<Opcode, Recipe> Build()
    {
        var recipes = new Dictionary<Opcode, Recipe>();
        void Lanewise(Opcode op, string name, Type lane, int arity, Shape shape) => recipes.Add(op, new(Generic(name, arity, lane), lane, shape));
        void Operator(Opcode op, string name, Type lane, Shape shape) => recipes.Add(op, new(OperatorOf(name, lane), lane, shape));

        // Bitwise operations need no lane type.
        Operator(Opcode.V128And, "op_BitwiseAnd", typeof(byte), Shape.Binary);
        Operator(Opcode.V128Or, "op_BitwiseOr", typeof(byte), Shape.Binary);
        Operator(Opcode.V128Xor, "op_ExclusiveOr", typeof(byte), Shape.Binary);
        Lanewise(Opcode.V128Andnot, nameof(Vector128.AndNot), typeof(byte), 2, Shape.Binary);
        Operator(Opcode.V128Not, "op_OnesComplement", typeof(byte), Shape.Unary);

        (string Prefix, Type Signed, Type Unsigned)[] integers =
        [
            ("I8x16", typeof(sbyte), typeof(byte)), ("I16x8", typeof(short), typeof(ushort)),
            ("I32x4", typeof(int), typeof(uint)), ("I64x2", typeof(long), typeof(ulong)),
        ];
        foreach ((string prefix, Type signed, Type unsigned) in integers)
        {
            Opcode Op(string suffix) => Enum.Parse<Opcode>(prefix + suffix);
            bool has(string suffix) => Enum.IsDefined(typeof(Opcode), prefix + suffix);
            Operator(Op("Add"), "op_Addition", unsigned, Shape.Binary);
            Operator(Op("Sub"), "op_Subtraction", unsigned, Shape.Subtract);
            if (has("Mul")) Operator(Op("Mul"), "op_Multiply", unsigned, Shape.Binary);
            Operator(Op("Neg"), "op_UnaryNegation", signed, Shape.Unary);
            Lanewise(Op("Eq"), nameof(Vector128.Equals), unsigned, 2, Shape.Binary);
            Lanewise(Op("Ne"), nameof(Vector128.Equals), unsigned, 2, Shape.BinaryComplemented);
            foreach ((string suffix, string name) in new[] { ("Lt", nameof(Vector128.LessThan)), ("Gt", nameof(Vector128.GreaterThan)),
                         ("Le", nameof(Vector128.LessThanOrEqual)), ("Ge", nameof(Vector128.GreaterThanOrEqual)),
                         ("Min", nameof(Vector128.Min)), ("Max", nameof(Vector128.Max)) })
            {
                if (has(suffix + "S")) Lanewise(Op(suffix + "S"), name, signed, 2, Shape.Binary);
                if (has(suffix + "U")) Lanewise(Op(suffix + "U"), name, unsigned, 2, Shape.Binary);
            }
            Operator(Op("Shl"), "op_LeftShift", unsigned, Shape.Shift);
            Operator(Op("ShrS"), "op_RightShift", signed, Shape.Shift);
            Operator(Op("ShrU"), "op_UnsignedRightShift", unsigned, Shape.Shift);
            recipes.Add(Op("Splat"), new(typeof(Vector128).GetMethod(nameof(Vector128.Create), [unsigned])!, unsigned, Shape.Splat));
            if (signed == typeof(sbyte) || signed == typeof(short))
            {
                Lanewise(Op("ExtractLaneS"), nameof(Vector128.GetElement), signed, 2, Shape.ExtractLane);
                Lanewise(Op("ExtractLaneU"), nameof(Vector128.GetElement), unsigned, 2, Shape.ExtractLane);
            }
            else
            {
                Lanewise(Op("ExtractLane"), nameof(Vector128.GetElement), signed, 2, Shape.ExtractLane);
            }
            Lanewise(Op("ReplaceLane"), nameof(Vector128.WithElement), signed, 3, Shape.ReplaceLane);
        }
        return recipes.ToFrozenDictionary();
    }

    [return: System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicMethods)]
    private static Type VectorOf(Type lane) => lane == typeof(sbyte) ? typeof(Vector128<sbyte>)
        : lane == typeof(byte) ? typeof(Vector128<byte>)
        : lane == typeof(short) ? typeof(Vector128<short>)
        : lane == typeof(ushort) ? typeof(Vector128<ushort>)
        : lane == typeof(int) ? typeof(Vector128<int>)
        : lane == typeof(uint) ? typeof(Vector128<uint>)
        : lane == typeof(long) ? typeof(Vector128<long>)
        : typeof(Vector128<ulong>);

    private static IEnumerable<Type> Lanes() =>
        [typeof(sbyte), typeof(byte), typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong)];

    private static string AsName(Type lane) => lane == typeof(sbyte) ? nameof(Vector128.AsSByte)
        : lane == typeof(byte) ? nameof(Vector128.AsByte)
        : lane == typeof(short) ? nameof(Vector128.AsInt16)
        : lane == typeof(ushort) ? nameof(Vector128.AsUInt16)
        : lane == typeof(int) ? nameof(Vector128.AsInt32)
        : lane == typeof(uint) ? nameof(Vector128.AsUInt32)
        : lane == typeof(long) ? nameof(Vector128.AsInt64)
        : nameof(Vector128.AsUInt64);

    /// <summary>The generic method <paramref name="name"/>&lt;<paramref name="lane"/>&gt; of Vector128 whose parameters are vectors (and, for lane access, an index and a value).</summary>
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The instance is only written into generated code's metadata, never invoked here; the compiler does not run without dynamic code (CompilerConfigExtensions).")]
    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2060", Justification = "Same: Vector128's methods have no requirements on T that trimming could break, and the instance is not invoked.")]
    private static MethodInfo Generic(string name, int arity, Type lane)
    {
        foreach (MethodInfo m in VectorMethods)
        {
            if (m.Name != name || !m.IsGenericMethodDefinition || m.GetGenericArguments().Length != 1) continue;
            ParameterInfo[] ps = m.GetParameters();
            if (ps.Length != arity || !IsVectorOfT(ps[0].ParameterType)) continue;
            bool vectorsOnly = arity <= 2 && name is not nameof(Vector128.GetElement);
            if (vectorsOnly && !Array.TrueForAll(ps, p => IsVectorOfT(p.ParameterType))) continue;
            return m.MakeGenericMethod(lane);
        }
        throw new MissingMethodException(nameof(Vector128), name);
    }

    private static bool IsVectorOfT(Type t) => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Vector128<>) && t.GetGenericArguments()[0].IsGenericParameter;

    /// <summary>The operator <paramref name="name"/> of <c>Vector128&lt;<paramref name="lane"/>&gt;</c>.</summary>
    private static MethodInfo OperatorOf(string name, Type lane)
    {
        Type vector = VectorOf(lane);
        Type[] operands = name switch
        {
            "op_OnesComplement" or "op_UnaryNegation" => [vector],
            "op_LeftShift" or "op_RightShift" or "op_UnsignedRightShift" => [vector, typeof(int)],
            _ => [vector, vector],
        };
        return vector.GetMethod(name, BindingFlags.Public | BindingFlags.Static, operands) ?? throw new MissingMethodException(vector.Name, name);
    }
}
