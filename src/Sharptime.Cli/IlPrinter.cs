using System.Buffers.Binary;
using System.Globalization;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Sharptime.Cli;

/// <summary>
/// Prints a method body's IL one instruction a line, as ildasm does: <c>IL_0004: ldarg.1</c>, branch
/// targets as labels, tokens as the names of what they refer to. The opcodes come from
/// <see cref="OpCodes"/>, so every ECMA-335 instruction is known.
/// </summary>
internal static class IlPrinter
{
    private static readonly Dictionary<short, OpCode> Codes = typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!).ToDictionary(c => c.Value);

    /// <summary>Writes the instructions of <paramref name="il"/>, indented by <paramref name="indent"/>, naming tokens from <paramref name="metadata"/>.</summary>
    /// <exception cref="BadImageFormatException">The IL is truncated or has an unknown opcode.</exception>
    public static void Write(TextWriter w, byte[] il, MetadataReader metadata, string indent)
    {
        int at = 0;
        while (at < il.Length)
        {
            int start = at;
            short value = il[at++];
            if (value == 0xFE)
            {
                Need(il, at, 1, start);
                value = (short)(0xFE00 | il[at++]);
            }
            if (!Codes.TryGetValue(value, out OpCode code)) throw new BadImageFormatException($"unknown IL opcode 0x{value:x2} at IL_{start:x4}");
            string operand = Operand(il, ref at, code, metadata, start);
            w.WriteLine(operand.Length == 0 ? $"{indent}IL_{start:x4}: {code.Name}" : $"{indent}IL_{start:x4}: {code.Name,-12} {operand}");
        }
    }

    private static string Operand(byte[] il, ref int at, OpCode code, MetadataReader metadata, int start)
    {
        switch (code.OperandType)
        {
            case OperandType.InlineNone:
                return "";
            case OperandType.ShortInlineBrTarget:
                Need(il, at, 1, start);
                sbyte near = (sbyte)il[at++];
                return $"IL_{at + near:x4}";
            case OperandType.InlineBrTarget:
                int far = Int32(il, ref at, start);
                return $"IL_{at + far:x4}";
            case OperandType.ShortInlineI:
                Need(il, at, 1, start);
                // ldc.i4.s takes a signed byte; unaligned. takes an unsigned one.
                return code == OpCodes.Ldc_I4_S ? ((sbyte)il[at++]).ToString(CultureInfo.InvariantCulture) : il[at++].ToString(CultureInfo.InvariantCulture);
            case OperandType.ShortInlineVar:
                Need(il, at, 1, start);
                return il[at++].ToString(CultureInfo.InvariantCulture);
            case OperandType.InlineVar:
                Need(il, at, 2, start);
                at += 2;
                return BinaryPrimitives.ReadUInt16LittleEndian(il.AsSpan(at - 2)).ToString(CultureInfo.InvariantCulture);
            case OperandType.InlineI:
                return Int32(il, ref at, start).ToString(CultureInfo.InvariantCulture);
            case OperandType.InlineI8:
                Need(il, at, 8, start);
                at += 8;
                return BinaryPrimitives.ReadInt64LittleEndian(il.AsSpan(at - 8)).ToString(CultureInfo.InvariantCulture);
            case OperandType.ShortInlineR:
                Need(il, at, 4, start);
                at += 4;
                return BinaryPrimitives.ReadSingleLittleEndian(il.AsSpan(at - 4)).ToString("R", CultureInfo.InvariantCulture);
            case OperandType.InlineR:
                Need(il, at, 8, start);
                at += 8;
                return BinaryPrimitives.ReadDoubleLittleEndian(il.AsSpan(at - 8)).ToString("R", CultureInfo.InvariantCulture);
            case OperandType.InlineSwitch:
                int count = Int32(il, ref at, start);
                if (count < 0 || count > (il.Length - at) / 4) throw new BadImageFormatException($"switch at IL_{start:x4} has {count} targets, more than the body holds");
                int end = at + 4 * count;
                var targets = new string[count];
                for (int i = 0; i < count; i++) targets[i] = $"IL_{end + Int32(il, ref at, start):x4}";
                return $"({string.Join(", ", targets)})";
            default:
                // InlineMethod, InlineField, InlineType, InlineTok, InlineSig, InlineString: a metadata token.
                return Name(metadata, Int32(il, ref at, start));
        }
    }

    /// <summary>What a token names: <c>Type::Member</c>, a type, a quoted string, or the token itself.</summary>
    private static string Name(MetadataReader metadata, int token)
    {
        try
        {
            if ((token >>> 24) == 0x70) return Quote(metadata.GetUserString(MetadataTokens.UserStringHandle(token & 0xFFFFFF)));
            EntityHandle entity = MetadataTokens.EntityHandle(token);
            switch (entity.Kind)
            {
                case HandleKind.MethodDefinition:
                    MethodDefinition method = metadata.GetMethodDefinition((MethodDefinitionHandle)entity);
                    return $"{TypeName(metadata, method.GetDeclaringType())}::{metadata.GetString(method.Name)}";
                case HandleKind.FieldDefinition:
                    FieldDefinition field = metadata.GetFieldDefinition((FieldDefinitionHandle)entity);
                    return $"{TypeName(metadata, field.GetDeclaringType())}::{metadata.GetString(field.Name)}";
                case HandleKind.MemberReference:
                    MemberReference member = metadata.GetMemberReference((MemberReferenceHandle)entity);
                    return $"{TypeName(metadata, member.Parent)}::{metadata.GetString(member.Name)}";
                case HandleKind.MethodSpecification:
                    return $"{Name(metadata, MetadataTokens.GetToken(metadata.GetMethodSpecification((MethodSpecificationHandle)entity).Method))}<...>";
                case HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification:
                    return TypeName(metadata, entity);
            }
        }
        catch (BadImageFormatException)
        {
            // A token that does not resolve is printed as it is.
        }
        return $"0x{token:x8}";
    }

    private static string TypeName(MetadataReader metadata, EntityHandle type)
    {
        switch (type.Kind)
        {
            case HandleKind.TypeDefinition:
                TypeDefinition def = metadata.GetTypeDefinition((TypeDefinitionHandle)type);
                return Qualified(metadata.GetString(def.Namespace), metadata.GetString(def.Name));
            case HandleKind.TypeReference:
                TypeReference reference = metadata.GetTypeReference((TypeReferenceHandle)type);
                return Qualified(metadata.GetString(reference.Namespace), metadata.GetString(reference.Name));
            default:
                // A generic instantiation or array: its signature blob is not decoded here.
                return $"[0x{MetadataTokens.GetToken(type):x8}]";
        }
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static int Int32(byte[] il, ref int at, int start)
    {
        Need(il, at, 4, start);
        at += 4;
        return BinaryPrimitives.ReadInt32LittleEndian(il.AsSpan(at - 4));
    }

    private static void Need(byte[] il, int at, int bytes, int start)
    {
        if (il.Length - at < bytes) throw new BadImageFormatException($"the instruction at IL_{start:x4} is cut off by the end of the body");
    }
}
