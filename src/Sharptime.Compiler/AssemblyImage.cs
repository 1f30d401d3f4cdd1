using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;

namespace Sharptime.Compiler;

/// <summary>
/// A static method of an <see cref="AssemblyImage"/>. Its metadata token is known from the start
/// (methods are numbered in the order they are defined), so calls to it are written directly; its
/// <see cref="Body"/> is set once compiled.
/// </summary>
internal sealed class MethodDef(string name, MethodAttributes attributes, MethodImplAttributes implementation, Type returnType, Type[] parameterTypes, int token)
{
    public string Name => name;

    public MethodAttributes Attributes => attributes;

    public MethodImplAttributes Implementation => implementation;

    public Type ReturnType => returnType;

    public Type[] ParameterTypes => parameterTypes;

    public int Token => token;

    public IlBody? Body { get; set; }
}

/// <summary>
/// The .NET assembly a module compiles to, written with System.Reflection.Metadata: sealed abstract
/// types holding static methods, in the order they are defined, each type holding the methods
/// defined after it. Members of other assemblies that bodies use become references in
/// <see cref="Write"/>, in method order, so the image does not depend on the order in which
/// threads compiled the bodies.
/// </summary>
internal sealed class AssemblyImage(string name)
{
    private readonly List<(string Name, int FirstMethod)> _types = [];
    private readonly List<MethodDef> _methods = [];

    public int TypeCount => _types.Count;

    /// <summary>Starts a type (a full name: the namespace is what comes before the last dot); methods defined from now on belong to it.</summary>
    public void DefineType(string typeName) => _types.Add((typeName, _methods.Count));

    /// <summary>A static method of the last type defined.</summary>
    public MethodDef DefineMethod(string methodName, MethodAttributes attributes, Type returnType, Type[] parameterTypes, MethodImplAttributes implementation = MethodImplAttributes.IL)
    {
        if (_types.Count == 0) throw new InvalidOperationException("a method needs a type: define one first");
        var method = new MethodDef(methodName, attributes | MethodAttributes.Static, implementation, returnType, parameterTypes,
            MetadataTokens.GetToken(MetadataTokens.MethodDefinitionHandle(_methods.Count + 1)));
        _methods.Add(method);
        return method;
    }

    /// <summary>The metadata and the method body stream; every method must have its body.</summary>
    public (MetadataBuilder Metadata, BlobBuilder Il) Write()
    {
        var metadata = new MetadataBuilder();
        var il = new BlobBuilder();
        var bodies = new MethodBodyStreamEncoder(il);
        var references = new References(metadata);
        metadata.AddModule(0, metadata.GetOrAddString(name), metadata.GetOrAddGuid(Guid.NewGuid()), default, default);
        metadata.AddAssembly(metadata.GetOrAddString(name), new Version(0, 0, 0, 0), default, default, 0, AssemblyHashAlgorithm.Sha1);
        metadata.AddTypeDefinition(default, default, metadata.GetOrAddString("<Module>"), default,
            MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(1));
        EntityHandle objectType = references.TypeHandle(typeof(object));
        foreach ((string typeName, int first) in _types)
        {
            int dot = typeName.LastIndexOf('.');
            metadata.AddTypeDefinition(TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Abstract,
                dot < 0 ? default : metadata.GetOrAddString(typeName[..dot]), metadata.GetOrAddString(typeName[(dot + 1)..]), objectType, MetadataTokens.FieldDefinitionHandle(1), MetadataTokens.MethodDefinitionHandle(first + 1));
        }
        foreach (MethodDef method in _methods)
        {
            IlBody body = method.Body ?? throw new InvalidOperationException($"{method.Name} has no body");
            for (int i = 0; i < body.FixupOffsets.Length; i++)
            {
                System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(body.Code.AsSpan(body.FixupOffsets[i]), references.Token(body.FixupMembers[i]));
            }
            bool small = ExceptionRegionEncoder.IsSmallRegionCount(body.Regions.Length);
            foreach (IlBody.ExceptionRegion r in body.Regions)
            {
                small &= ExceptionRegionEncoder.IsSmallExceptionRegion(r.TryStart, r.TryEnd - r.TryStart)
                    && ExceptionRegionEncoder.IsSmallExceptionRegion(r.HandlerStart, r.HandlerEnd - r.HandlerStart);
            }
            MethodBodyStreamEncoder.MethodBody encoded = bodies.AddMethodBody(body.Code.Length, body.MaxStack, body.Regions.Length, small,
                references.LocalsSignature(body.Locals), MethodBodyAttributes.InitLocals);
            new BlobWriter(encoded.Instructions).WriteBytes(body.Code);
            foreach (IlBody.ExceptionRegion r in body.Regions)
            {
                if (r.FilterStart >= 0)
                {
                    encoded.ExceptionRegions.AddFilter(r.TryStart, r.TryEnd - r.TryStart, r.HandlerStart, r.HandlerEnd - r.HandlerStart, r.FilterStart);
                }
                else
                {
                    encoded.ExceptionRegions.AddCatch(r.TryStart, r.TryEnd - r.TryStart, r.HandlerStart, r.HandlerEnd - r.HandlerStart, references.TypeHandle(r.CatchType!));
                }
            }
            metadata.AddMethodDefinition(method.Attributes, method.Implementation, metadata.GetOrAddString(method.Name),
                references.MethodSignature(method.ReturnType, method.ParameterTypes), encoded.Offset, MetadataTokens.ParameterHandle(1));
        }
        return (metadata, il);
    }

    /// <summary>The parameter types of a method of another assembly (<see cref="MethodBase.GetParameters"/> copies its array at every call).</summary>
    public static Type[] ParameterTypes(MethodBase method) =>
        ParameterTypeCache.GetOrAdd(method, static m => Array.ConvertAll(m.GetParameters(), p => p.ParameterType));

    private static readonly ConcurrentDictionary<MethodBase, Type[]> ParameterTypeCache = new();

    /// <summary>References to other assemblies' types and members, made once each.</summary>
    private sealed class References(MetadataBuilder metadata)
    {
        private readonly Dictionary<Assembly, AssemblyReferenceHandle> _assemblies = [];
        private readonly Dictionary<Type, EntityHandle> _types = [];
        private readonly Dictionary<object, int> _tokens = [];
        private readonly Dictionary<BlobHandle, StandaloneSignatureHandle> _signatures = [];

        private static readonly Dictionary<Type, PrimitiveTypeCode> Primitives = new()
        {
            [typeof(bool)] = PrimitiveTypeCode.Boolean, [typeof(char)] = PrimitiveTypeCode.Char,
            [typeof(sbyte)] = PrimitiveTypeCode.SByte, [typeof(byte)] = PrimitiveTypeCode.Byte,
            [typeof(short)] = PrimitiveTypeCode.Int16, [typeof(ushort)] = PrimitiveTypeCode.UInt16,
            [typeof(int)] = PrimitiveTypeCode.Int32, [typeof(uint)] = PrimitiveTypeCode.UInt32,
            [typeof(long)] = PrimitiveTypeCode.Int64, [typeof(ulong)] = PrimitiveTypeCode.UInt64,
            [typeof(float)] = PrimitiveTypeCode.Single, [typeof(double)] = PrimitiveTypeCode.Double,
            [typeof(nint)] = PrimitiveTypeCode.IntPtr, [typeof(nuint)] = PrimitiveTypeCode.UIntPtr,
            [typeof(object)] = PrimitiveTypeCode.Object, [typeof(string)] = PrimitiveTypeCode.String,
        };

        /// <summary>The token of a <see cref="MethodInfo"/>, <see cref="ConstructorInfo"/>, <see cref="FieldInfo"/>, <see cref="Type"/> or <see cref="CalliSignature"/>.</summary>
        public int Token(object member)
        {
            if (_tokens.TryGetValue(member, out int token)) return token;
            EntityHandle handle = member switch
            {
                MethodBase m => MethodReference(m),
                FieldInfo f => FieldReference(f),
                Type t => TypeHandle(t),
                CalliSignature s => metadata.AddStandaloneSignature(MethodSignature(s.ReturnType, s.ParameterTypes)),
                _ => throw new ArgumentException($"{member.GetType().Name} is not a member", nameof(member)),
            };
            return _tokens[member] = MetadataTokens.GetToken(handle);
        }

        public StandaloneSignatureHandle LocalsSignature(Type[] locals)
        {
            if (locals.Length == 0) return default;
            var blob = new BlobBuilder();
            LocalVariablesEncoder encoder = new BlobEncoder(blob).LocalVariableSignature(locals.Length);
            foreach (Type local in locals) Encode(encoder.AddVariable().Type(), local);
            BlobHandle handle = metadata.GetOrAddBlob(blob);
            if (!_signatures.TryGetValue(handle, out StandaloneSignatureHandle signature))
            {
                _signatures[handle] = signature = metadata.AddStandaloneSignature(handle);
            }
            return signature;
        }

        /// <summary>The signature of a static method.</summary>
        public BlobHandle MethodSignature(Type returnType, Type[] parameterTypes)
        {
            var blob = new BlobBuilder();
            new BlobEncoder(blob).MethodSignature().Parameters(parameterTypes.Length, out ReturnTypeEncoder returns, out ParametersEncoder parameters);
            if (returnType == typeof(void)) returns.Void();
            else Encode(returns.Type(returnType.IsByRef), Unref(returnType));
            foreach (Type p in parameterTypes) Encode(parameters.AddParameter().Type(p.IsByRef), Unref(p));
            return metadata.GetOrAddBlob(blob);
        }

        /// <summary>
        /// A reference to a method or constructor. A member of a generic type instance is referenced
        /// with the signature of its definition (type parameters as !n), custom modifiers included,
        /// as the runtime matches references to definitions by exact signature.
        /// </summary>
        private EntityHandle MethodReference(MethodBase method)
        {
            if (method.IsGenericMethod)
            {
                // An instance of a generic method (Vector128.Add<int>...): a specification that
                // instantiates a reference to the definition, whose signature uses !!n.
                MethodInfo definition = ((MethodInfo)method).GetGenericMethodDefinition();
                Type[] arguments = method.GetGenericArguments();
                var instantiation = new BlobBuilder();
                GenericTypeArgumentsEncoder encoder = new BlobEncoder(instantiation).MethodSpecificationSignature(arguments.Length);
                foreach (Type argument in arguments) Encode(encoder.AddArgument(), argument);
                return metadata.AddMethodSpecification(MemberReference(definition, arguments.Length), metadata.GetOrAddBlob(instantiation));
            }
            return MemberReference(method, 0);
        }

        private MemberReferenceHandle MemberReference(MethodBase method, int genericParameterCount)
        {
            Type declaring = method.DeclaringType!;
            MethodBase definition = declaring.IsConstructedGenericType
                ? (MethodBase)declaring.GetGenericTypeDefinition().GetMemberWithSameMetadataDefinitionAs(method)
                : method;
            ParameterInfo[] ps = definition.GetParameters();
            var blob = new BlobBuilder();
            new BlobEncoder(blob).MethodSignature(SignatureCallingConvention.Default, genericParameterCount, isInstanceMethod: !method.IsStatic)
                .Parameters(ps.Length, out ReturnTypeEncoder returns, out ParametersEncoder parameters);
            if (definition is MethodInfo { ReturnParameter: { } result })
            {
                Modifiers(returns.CustomModifiers(), result);
                if (result.ParameterType == typeof(void)) returns.Void();
                else Encode(returns.Type(result.ParameterType.IsByRef), Unref(result.ParameterType));
            }
            else
            {
                returns.Void();
            }
            foreach (ParameterInfo p in ps)
            {
                ParameterTypeEncoder parameter = parameters.AddParameter();
                Modifiers(parameter.CustomModifiers(), p);
                Encode(parameter.Type(p.ParameterType.IsByRef), Unref(p.ParameterType));
            }
            return metadata.AddMemberReference(TypeHandle(declaring), metadata.GetOrAddString(method.Name), metadata.GetOrAddBlob(blob));
        }

        private MemberReferenceHandle FieldReference(FieldInfo field)
        {
            Type declaring = field.DeclaringType!;
            FieldInfo definition = declaring.IsConstructedGenericType
                ? (FieldInfo)declaring.GetGenericTypeDefinition().GetMemberWithSameMetadataDefinitionAs(field)
                : field;
            var blob = new BlobBuilder();
            FieldTypeEncoder encoder = new BlobEncoder(blob).Field();
            CustomModifiersEncoder modifiers = encoder.CustomModifiers();
            foreach (Type t in definition.GetRequiredCustomModifiers()) modifiers.AddModifier(TypeHandle(t), isOptional: false);
            foreach (Type t in definition.GetOptionalCustomModifiers()) modifiers.AddModifier(TypeHandle(t), isOptional: true);
            Encode(encoder.Type(), definition.FieldType);
            return metadata.AddMemberReference(TypeHandle(declaring), metadata.GetOrAddString(field.Name), metadata.GetOrAddBlob(blob));
        }

        private void Modifiers(CustomModifiersEncoder encoder, ParameterInfo parameter)
        {
            foreach (Type t in parameter.GetRequiredCustomModifiers()) encoder.AddModifier(TypeHandle(t), isOptional: false);
            foreach (Type t in parameter.GetOptionalCustomModifiers()) encoder.AddModifier(TypeHandle(t), isOptional: true);
        }

        private static Type Unref(Type type) => type.IsByRef ? type.GetElementType()! : type;

        /// <summary>A type as a token operand or a parent: a reference, or a specification for instances, arrays and pointers.</summary>
        public EntityHandle TypeHandle(Type type)
        {
            if (_types.TryGetValue(type, out EntityHandle handle)) return handle;
            if (type.IsConstructedGenericType || type.HasElementType || type.IsGenericParameter)
            {
                var blob = new BlobBuilder();
                Encode(new BlobEncoder(blob).TypeSpecificationSignature(), type);
                handle = metadata.AddTypeSpecification(metadata.GetOrAddBlob(blob));
            }
            else
            {
                EntityHandle scope = type.IsNested ? TypeHandle(type.DeclaringType!) : Assembly(type.Assembly);
                handle = metadata.AddTypeReference(scope, type.IsNested || type.Namespace is null ? default : metadata.GetOrAddString(type.Namespace),
                    metadata.GetOrAddString(type.Name));
            }
            return _types[type] = handle;
        }

        private AssemblyReferenceHandle Assembly(Assembly assembly)
        {
            if (_assemblies.TryGetValue(assembly, out AssemblyReferenceHandle handle)) return handle;
            AssemblyName n = assembly.GetName();
            byte[]? token = n.GetPublicKeyToken();
            return _assemblies[assembly] = metadata.AddAssemblyReference(metadata.GetOrAddString(n.Name!), n.Version ?? new Version(0, 0, 0, 0),
                string.IsNullOrEmpty(n.CultureName) ? default : metadata.GetOrAddString(n.CultureName),
                token is { Length: > 0 } ? metadata.GetOrAddBlob(token) : default, default, default);
        }

        private void Encode(SignatureTypeEncoder encoder, Type type)
        {
            if (type.IsGenericParameter)
            {
                if (type.DeclaringMethod is not null) encoder.GenericMethodTypeParameter(type.GenericParameterPosition);
                else encoder.GenericTypeParameter(type.GenericParameterPosition);
            }
            else if (type.IsPointer)
            {
                Type element = type.GetElementType()!;
                if (element == typeof(void)) encoder.VoidPointer();
                else Encode(encoder.Pointer(), element);
            }
            else if (type.IsSZArray)
            {
                Encode(encoder.SZArray(), type.GetElementType()!);
            }
            else if (type.HasElementType)
            {
                throw new NotSupportedException($"type {type} cannot appear in generated code");
            }
            else if (type.IsConstructedGenericType || type.IsGenericTypeDefinition)
            {
                // A definition here is its own instance over its parameters (Vector128<T> in a signature of Vector128<T>).
                Type[] arguments = type.GetGenericArguments();
                GenericTypeArgumentsEncoder instance = encoder.GenericInstantiation(TypeHandle(type.IsGenericTypeDefinition ? type : type.GetGenericTypeDefinition()), arguments.Length, type.IsValueType);
                foreach (Type argument in arguments) Encode(instance.AddArgument(), argument);
            }
            else if (Primitives.TryGetValue(type, out PrimitiveTypeCode code))
            {
                encoder.PrimitiveType(code);
            }
            else
            {
                encoder.Type(TypeHandle(type), type.IsValueType);
            }
        }
    }
}
