using System.Buffers.Binary;
using System.Reflection;
using System.Reflection.Emit;

namespace Sharptime.Compiler;

/// <summary>A position in the method being written, from <see cref="IlEmitter.DefineLabel"/>.</summary>
internal readonly record struct IlLabel(int Id);

/// <summary>A local variable of the method being written, from <see cref="IlEmitter.DeclareLocal"/>.</summary>
internal sealed class IlLocal(Type type, int index)
{
    public Type LocalType => type;

    public int LocalIndex => index;
}

/// <summary>
/// Writes the IL of one method at a time into buffers it reuses, then hands out the finished body
/// (<see cref="Finish"/>). Branches are resolved here; references to members of other assemblies
/// are left as fixups that <see cref="AssemblyImage"/> turns into tokens when it writes the image,
/// so one emitter per thread compiles functions in parallel and the image comes out the same
/// whatever the threads did. Calls to methods of the image are written with their final tokens.
/// The operations and their stack accounting are those of <see cref="ILGenerator"/>, which this
/// replaces: its persisted implementation keeps every method's label tables alive until the image
/// is written, and the garbage collector copying them was half of compile time (measured).
/// </summary>
internal sealed class IlEmitter
{
    private byte[] _code = new byte[256];
    private int _length;
    private readonly List<int> _labelPositions = [];
    private readonly List<int> _labelDepths = [];
    private readonly List<(int At, int Label, int Base, bool Short)> _branches = [];

    // Where a basic block starts in RyuJIT's view: after every branch, throw or return, and (in
    // Finish) at every branch target. Their number decides whether it compiles with MinOpts.
    private readonly List<int> _blockStarts = [];
    private int _instructions, _localReferences;
    private readonly List<Type> _locals = [];
    private readonly List<(int At, object Member)> _fixups = [];
    private readonly List<Region> _regions = [];
    private readonly List<ExceptionBlock> _blocks = [];
    private int _depth;
    private int _maxDepth;
    private int _targetDepth;
    private int _depthAdjustment;

    /// <summary>An exception region in labels, resolved to offsets by <see cref="Finish"/>.</summary>
    private readonly record struct Region(bool Filter, IlLabel TryStart, IlLabel TryEnd, IlLabel HandlerStart, IlLabel HandlerEnd, Type? CatchType, IlLabel FilterStart);

    private sealed class ExceptionBlock
    {
        public IlLabel TryStart, TryEnd, HandlerStart, HandlerEnd, FilterStart, End;
        public State Now;
    }

    private enum State { Try, Filter, Catch }

    public int ILOffset => _length;

    public void Emit(OpCode opcode)
    {
        WriteOpcode(opcode);
        UpdateStack(opcode.EvaluationStackDelta);
        if (opcode.FlowControl is FlowControl.Throw or FlowControl.Return)
        {
            _depth = 0;
            _blockStarts.Add(_length);
        }
    }

    public void Emit(OpCode opcode, byte arg)
    {
        Emit(opcode);
        WriteByte(arg);
    }

    public void Emit(OpCode opcode, sbyte arg) => Emit(opcode, (byte)arg);

    public void Emit(OpCode opcode, short arg)
    {
        Emit(opcode);
        BinaryPrimitives.WriteInt16LittleEndian(Reserve(2), arg);
    }

    /// <summary>An opcode with a 32-bit operand; ldc.i4, ldarg, ldarga and starg take their shortest form.</summary>
    public void Emit(OpCode opcode, int arg)
    {
        if (opcode == OpCodes.Ldc_I4)
        {
            if (arg is >= -1 and <= 8)
            {
                Emit(arg switch
                {
                    -1 => OpCodes.Ldc_I4_M1, 0 => OpCodes.Ldc_I4_0, 1 => OpCodes.Ldc_I4_1, 2 => OpCodes.Ldc_I4_2,
                    3 => OpCodes.Ldc_I4_3, 4 => OpCodes.Ldc_I4_4, 5 => OpCodes.Ldc_I4_5, 6 => OpCodes.Ldc_I4_6,
                    7 => OpCodes.Ldc_I4_7, _ => OpCodes.Ldc_I4_8,
                });
                return;
            }
            if (arg is >= sbyte.MinValue and <= sbyte.MaxValue)
            {
                Emit(OpCodes.Ldc_I4_S, (sbyte)arg);
                return;
            }
        }
        else if (opcode == OpCodes.Ldarg)
        {
            if ((uint)arg < 4)
            {
                Emit(arg switch { 0 => OpCodes.Ldarg_0, 1 => OpCodes.Ldarg_1, 2 => OpCodes.Ldarg_2, _ => OpCodes.Ldarg_3 });
                return;
            }
            if (EmitShortIndex(OpCodes.Ldarg_S, OpCodes.Ldarg, arg)) return;
        }
        else if (opcode == OpCodes.Ldarga)
        {
            if (EmitShortIndex(OpCodes.Ldarga_S, OpCodes.Ldarga, arg)) return;
        }
        else if (opcode == OpCodes.Starg)
        {
            if (EmitShortIndex(OpCodes.Starg_S, OpCodes.Starg, arg)) return;
        }
        Emit(opcode);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), arg);
    }

    private bool EmitShortIndex(OpCode shortForm, OpCode longForm, int index)
    {
        if ((uint)index <= byte.MaxValue) Emit(shortForm, (byte)index);
        else if ((uint)index <= ushort.MaxValue) Emit(longForm, (short)index);
        else return false;
        return true;
    }

    public void Emit(OpCode opcode, long arg)
    {
        Emit(opcode);
        BinaryPrimitives.WriteInt64LittleEndian(Reserve(8), arg);
    }

    /// <summary>ldloc, ldloca or stloc (any form) of <paramref name="local"/>, in the shortest encoding.</summary>
    public void Emit(OpCode opcode, IlLocal local)
    {
        int index = local.LocalIndex;
        if (opcode == OpCodes.Ldloc || opcode == OpCodes.Ldloc_S)
        {
            if (index < 4) Emit(index switch { 0 => OpCodes.Ldloc_0, 1 => OpCodes.Ldloc_1, 2 => OpCodes.Ldloc_2, _ => OpCodes.Ldloc_3 });
            else EmitShortIndex(OpCodes.Ldloc_S, OpCodes.Ldloc, index);
        }
        else if (opcode == OpCodes.Stloc || opcode == OpCodes.Stloc_S)
        {
            if (index < 4) Emit(index switch { 0 => OpCodes.Stloc_0, 1 => OpCodes.Stloc_1, 2 => OpCodes.Stloc_2, _ => OpCodes.Stloc_3 });
            else EmitShortIndex(OpCodes.Stloc_S, OpCodes.Stloc, index);
        }
        else if (opcode == OpCodes.Ldloca || opcode == OpCodes.Ldloca_S)
        {
            EmitShortIndex(OpCodes.Ldloca_S, OpCodes.Ldloca, index);
        }
        else
        {
            throw new ArgumentException($"{opcode.Name} does not take a local variable", nameof(opcode));
        }
    }

    public void Emit(OpCode opcode, IlLabel label)
    {
        WriteOpcode(opcode);
        bool isShort = opcode.OperandType == OperandType.ShortInlineBrTarget;
        int at = _length;
        Reserve(isShort ? 1 : 4);
        _branches.Add((at, label.Id, _length, isShort));
        _blockStarts.Add(_length);
        UpdateStack(opcode.EvaluationStackDelta);
        AdjustDepth(opcode, label.Id);
    }

    public void Emit(OpCode opcode, IlLabel[] labels)
    {
        if (opcode != OpCodes.Switch) throw new ArgumentException($"{opcode.Name} does not take a label table", nameof(opcode));
        WriteOpcode(opcode);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), labels.Length);
        int first = _length;
        Reserve(4 * labels.Length);
        UpdateStack(opcode.EvaluationStackDelta);
        _blockStarts.Add(_length);
        for (int i = 0; i < labels.Length; i++)
        {
            _branches.Add((first + 4 * i, labels[i].Id, _length, false));
            AdjustDepth(opcode, labels[i].Id);
        }
    }

    /// <summary>A call (or ldftn) of a method of the image being written.</summary>
    public void Emit(OpCode opcode, MethodDef method)
    {
        WriteOpcode(opcode);
        BinaryPrimitives.WriteInt32LittleEndian(Reserve(4), method.Token);
        UpdateStack(opcode.EvaluationStackDelta + (opcode.FlowControl == FlowControl.Call ? CallStackChange(method.ReturnType, method.ParameterTypes.Length, instance: false) : 0));
    }

    public void Emit(OpCode opcode, MethodInfo method)
    {
        WriteOpcode(opcode);
        int change = opcode.FlowControl == FlowControl.Call
            ? CallStackChange(method.ReturnType, AssemblyImage.ParameterTypes(method).Length, !method.IsStatic)
            : 0;
        UpdateStack(opcode.EvaluationStackDelta + change);
        Fixup(method);
    }

    public void Emit(OpCode opcode, ConstructorInfo constructor)
    {
        WriteOpcode(opcode);
        UpdateStack(opcode.EvaluationStackDelta - AssemblyImage.ParameterTypes(constructor).Length);
        Fixup(constructor);
    }

    public void Emit(OpCode opcode, FieldInfo field)
    {
        Emit(opcode);
        Fixup(field);
    }

    public void Emit(OpCode opcode, Type type)
    {
        Emit(opcode);
        Fixup(type);
    }

    /// <summary>calli of a static method with the given signature; the function pointer is on top of the arguments.</summary>
    public void EmitCalli(Type returnType, Type[] parameterTypes)
    {
        WriteOpcode(OpCodes.Calli);
        UpdateStack((returnType == typeof(void) ? 0 : 1) - parameterTypes.Length - 1);
        Fixup(new CalliSignature(returnType, parameterTypes));
    }

    /// <summary>What a call does to the stack: pops the arguments (and the instance), pushes the result.</summary>
    private static int CallStackChange(Type returnType, int parameters, bool instance) =>
        (returnType == typeof(void) ? 0 : 1) - parameters - (instance ? 1 : 0);

    public IlLocal DeclareLocal(Type type)
    {
        _locals.Add(type);
        return new IlLocal(type, _locals.Count - 1);
    }

    public IlLabel DefineLabel()
    {
        _labelPositions.Add(-1);
        _labelDepths.Add(-1);
        return new IlLabel(_labelPositions.Count - 1);
    }

    public void MarkLabel(IlLabel label)
    {
        if (_labelPositions[label.Id] != -1) throw new InvalidOperationException($"label {label.Id} is marked twice");
        _labelPositions[label.Id] = _length;
        int depth = _labelDepths[label.Id];
        if (depth < 0)
        {
            _labelDepths[label.Id] = _depth;
        }
        else if (depth < _depth)
        {
            _depthAdjustment += _depth - depth;
            _labelDepths[label.Id] = _depth;
        }
        else
        {
            _depth = depth;
        }
    }

    /// <summary>Starts a try block; returns the label after the whole block (where handlers leave to).</summary>
    public IlLabel BeginExceptionBlock()
    {
        var block = new ExceptionBlock { TryStart = DefineLabel(), TryEnd = DefineLabel(), End = DefineLabel(), Now = State.Try };
        MarkLabel(block.TryStart);
        _blocks.Add(block);
        _depth = 0;
        return block.End;
    }

    /// <summary>A catch handler for <paramref name="exceptionType"/>, or, with null, the handler that follows a filter.</summary>
    public void BeginCatchBlock(Type? exceptionType)
    {
        ExceptionBlock block = _blocks[^1];
        if (block.Now == State.Filter)
        {
            if (exceptionType is not null) throw new ArgumentException("the handler after a filter takes no exception type", nameof(exceptionType));
            Emit(OpCodes.Endfilter);
            MarkLabel(block.HandlerStart);
        }
        else
        {
            ArgumentNullException.ThrowIfNull(exceptionType);
            EndPreviousPart(block);
            block.HandlerStart = DefineLabel();
            block.HandlerEnd = DefineLabel();
            _regions.Add(new Region(false, block.TryStart, block.TryEnd, block.HandlerStart, block.HandlerEnd, exceptionType, default));
            MarkLabel(block.HandlerStart);
        }
        _depth = 1;
        block.Now = State.Catch;
    }

    public void BeginExceptFilterBlock()
    {
        ExceptionBlock block = _blocks[^1];
        EndPreviousPart(block);
        block.FilterStart = DefineLabel();
        block.HandlerStart = DefineLabel();
        block.HandlerEnd = DefineLabel();
        _regions.Add(new Region(true, block.TryStart, block.TryEnd, block.HandlerStart, block.HandlerEnd, null, block.FilterStart));
        block.Now = State.Filter;
        MarkLabel(block.FilterStart);
        _depth = 1;
    }

    private void EndPreviousPart(ExceptionBlock block)
    {
        Emit(OpCodes.Leave, block.End);
        MarkLabel(block.Now == State.Try ? block.TryEnd : block.HandlerEnd);
    }

    public void EndExceptionBlock()
    {
        ExceptionBlock block = _blocks[^1];
        if (block.Now != State.Catch) throw new InvalidOperationException("a try block ends after a catch handler");
        Emit(OpCodes.Leave, block.End);
        MarkLabel(block.HandlerEnd);
        MarkLabel(block.End);
        _blocks.RemoveAt(_blocks.Count - 1);
    }

    /// <summary>The finished body; the emitter is then empty, ready for the next method.</summary>
    public IlBody Finish()
    {
        if (_blocks.Count > 0) throw new InvalidOperationException("a try block is still open");
        foreach ((int at, int label, int from, bool isShort) in _branches)
        {
            int target = _labelPositions[label];
            _blockStarts.Add(target);
            if (target < 0) throw new InvalidOperationException($"label {label} is used but never marked");
            int distance = target - from;
            if (isShort)
            {
                if (distance is < sbyte.MinValue or > sbyte.MaxValue) throw new InvalidOperationException($"a short branch at IL offset {at - 1} cannot reach {distance} bytes");
                _code[at] = (byte)(sbyte)distance;
            }
            else
            {
                BinaryPrimitives.WriteInt32LittleEndian(_code.AsSpan(at), distance);
            }
        }
        var regions = new IlBody.ExceptionRegion[_regions.Count];
        for (int i = 0; i < regions.Length; i++)
        {
            Region r = _regions[i];
            _blockStarts.AddRange([_labelPositions[r.TryStart.Id], _labelPositions[r.TryEnd.Id], _labelPositions[r.HandlerStart.Id], _labelPositions[r.HandlerEnd.Id]]);
            if (r.Filter) _blockStarts.Add(_labelPositions[r.FilterStart.Id]);
            regions[i] = new IlBody.ExceptionRegion(_labelPositions[r.TryStart.Id], _labelPositions[r.TryEnd.Id],
                _labelPositions[r.HandlerStart.Id], _labelPositions[r.HandlerEnd.Id], r.CatchType, r.Filter ? _labelPositions[r.FilterStart.Id] : -1);
        }
        // ECMA-335 II.19: a nested region comes before the region that encloses it. A nested
        // region's span (try start to handler end) lies inside its container's, so a stable sort
        // by span length puts it first, and the handlers of one try block keep their order.
        IlBody.ExceptionRegion[] ordered = regions.Length > 1 ? [.. regions.OrderBy(r => r.HandlerEnd - r.TryStart)] : regions;
        var fixupOffsets = new int[_fixups.Count];
        var fixupMembers = new object[_fixups.Count];
        for (int i = 0; i < _fixups.Count; i++) (fixupOffsets[i], fixupMembers[i]) = _fixups[i];
        _blockStarts.Add(0);
        _blockStarts.Sort();
        int blocks = 0;
        for (int i = 0; i < _blockStarts.Count; i++)
        {
            if (_blockStarts[i] < _length && (i == 0 || _blockStarts[i] != _blockStarts[i - 1])) blocks++;
        }
        var body = new IlBody(_code.AsSpan(0, _length).ToArray(), Math.Min(ushort.MaxValue, _maxDepth + _depthAdjustment),
            [.. _locals], ordered, fixupOffsets, fixupMembers) { BasicBlocks = blocks, Instructions = _instructions, LocalReferences = _localReferences };
        _blockStarts.Clear();
        _instructions = _localReferences = 0;
        _length = 0;
        _labelPositions.Clear();
        _labelDepths.Clear();
        _branches.Clear();
        _locals.Clear();
        _fixups.Clear();
        _regions.Clear();
        _depth = _maxDepth = _targetDepth = _depthAdjustment = 0;
        return body;
    }

    private void UpdateStack(int change)
    {
        _depth += change;
        _maxDepth = Math.Max(_maxDepth, _depth);
        _targetDepth = _depth;
    }

    /// <summary>Records the stack depth a branch carries to its target (ILGenerator's accounting).</summary>
    private void AdjustDepth(OpCode opcode, int label)
    {
        int labelDepth = _labelDepths[label];
        if (labelDepth < _targetDepth)
        {
            if (labelDepth >= 0) _depthAdjustment += _targetDepth - labelDepth;
            _labelDepths[label] = _targetDepth;
        }
        if (opcode.FlowControl == FlowControl.Branch) _depth = 0;
    }

    private void Fixup(object member)
    {
        _fixups.Add((_length, member));
        Reserve(4);
    }

    private void WriteOpcode(OpCode opcode)
    {
        _instructions++;
        if (opcode.Size == 1)
        {
            WriteByte((byte)opcode.Value);
            // ldarg.0 through stloc.s
            if (opcode.Value is >= 0x02 and <= 0x13) _localReferences++;
        }
        else
        {
            WriteByte((byte)((ushort)opcode.Value >> 8));
            WriteByte((byte)opcode.Value);
            // ldarg through stloc
            if ((opcode.Value & 0xff) is >= 0x09 and <= 0x0e) _localReferences++;
        }
    }

    private void WriteByte(byte value) => Reserve(1)[0] = value;

    private Span<byte> Reserve(int bytes)
    {
        if (_length + bytes > _code.Length) Array.Resize(ref _code, Math.Max(_code.Length * 2, _length + bytes));
        Span<byte> span = _code.AsSpan(_length, bytes);
        _length += bytes;
        return span;
    }
}

/// <summary>The signature of a calli instruction: a static method's return and parameter types.</summary>
internal sealed class CalliSignature(Type returnType, Type[] parameterTypes) : IEquatable<CalliSignature>
{
    public Type ReturnType => returnType;

    public Type[] ParameterTypes => parameterTypes;

    public bool Equals(CalliSignature? other) =>
        other is not null && other.ReturnType == returnType && other.ParameterTypes.AsSpan().SequenceEqual(parameterTypes);

    public override bool Equals(object? obj) => Equals(obj as CalliSignature);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(returnType);
        foreach (Type t in parameterTypes) hash.Add(t);
        return hash.ToHashCode();
    }
}

/// <summary>
/// The finished IL of one method: code with branches resolved, the places where tokens of other
/// assemblies' members go (<see cref="FixupOffsets"/>, <see cref="FixupMembers"/>: a
/// <see cref="MethodInfo"/>, <see cref="ConstructorInfo"/>, <see cref="FieldInfo"/>, <see cref="Type"/>
/// or <see cref="CalliSignature"/>), locals and exception regions, nested regions first.
/// </summary>
internal sealed record IlBody(byte[] Code, int MaxStack, Type[] Locals, IlBody.ExceptionRegion[] Regions, int[] FixupOffsets, object[] FixupMembers)
{
    /// <summary>The basic blocks RyuJIT finds in the body: one at the start, at every branch target and after every branch, throw and return.</summary>
    public int BasicBlocks { get; init; }

    /// <summary>The IL instructions.</summary>
    public int Instructions { get; init; }

    /// <summary>The instructions that read, write or take the address of a local or an argument.</summary>
    public int LocalReferences { get; init; }

    /// <summary>A catch (<see cref="CatchType"/>) or filter (<see cref="FilterStart"/> at or above 0) region, in IL offsets.</summary>
    public readonly record struct ExceptionRegion(int TryStart, int TryEnd, int HandlerStart, int HandlerEnd, Type? CatchType, int FilterStart);
}
