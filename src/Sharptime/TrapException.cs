using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Sharptime;

/// <summary>WebAssembly execution trapped. <see cref="Backtrace"/> lists the Wasm frames, innermost first.</summary>
public sealed class TrapException : WasmException
{
    private IReadOnlyList<WasmFrame>? _backtrace;

    /// <summary>Creates a trap with the spec's message for <paramref name="code"/>.</summary>
    /// <param name="code">The reason.</param>
    public TrapException(TrapCode code) : base(MessageOf(code)) => Code = code;

    /// <summary>Creates a trap with a custom message.</summary>
    /// <param name="code">The reason.</param>
    /// <param name="message">The message; it should start with the spec's text for the reason.</param>
    public TrapException(TrapCode code, string message) : base(message) => Code = code;

    /// <summary>Creates an unreachable trap with no message (required by the exception pattern).</summary>
    public TrapException() : this(TrapCode.Unreachable) { }

    /// <summary>Creates an unreachable trap with a message (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    public TrapException(string message) : base(message) => Code = TrapCode.Unreachable;

    /// <summary>Creates an unreachable trap with a message and a cause (required by the exception pattern).</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public TrapException(string message, Exception innerException) : base(message, innerException) => Code = TrapCode.Unreachable;

    private TrapException(TrapCode code, string message, Exception innerException) : base(message, innerException) => Code = code;

    /// <summary>
    /// The trap for a .NET heap that could not hold a GC object that compiled code allocated inline
    /// (the helpers trap themselves): converted where Wasm is entered.
    /// </summary>
    internal static TrapException HeapOutOfMemory(OutOfMemoryException e) => new(TrapCode.HeapOutOfMemory, MessageOf(TrapCode.HeapOutOfMemory), e);

    /// <summary>Why execution trapped.</summary>
    public TrapCode Code { get; }

    /// <summary>The module byte offset of the trapping instruction, when generated code threw this itself.</summary>
    internal int? InstructionOffset { get; init; }

    private Engine? _engine;

    private List<WasmFrame>? _interpretedFrames;

    /// <summary>The interpreter's frames the trap passed through, innermost first (added by exception filters).</summary>
    internal IReadOnlyList<WasmFrame>? InterpretedFrames => _interpretedFrames;

    internal void AddInterpretedFrame(WasmFrame frame) => (_interpretedFrames ??= []).Add(frame);

    /// <summary>
    /// Called from an exception filter where the host enters Wasm: remembers the engine whose code
    /// map turns the .NET frames into Wasm frames. Returns false so that the exception flows on.
    /// </summary>
    internal bool AttachEngine(Engine engine)
    {
        _engine ??= engine;
        return false;
    }

    /// <summary>
    /// The most frames kept at each end of a backtrace: a runaway recursion has hundreds of thousands of
    /// frames, of which the innermost and the outermost say what happened (Wasmtime caps its
    /// backtraces the same way).
    /// </summary>
    public const int BacktraceEndFrames = 32;

    private int _elidedFrames;

    /// <summary>
    /// The Wasm frames between the trap and the host, innermost first; of a deeper stack only the
    /// innermost and outermost <see cref="BacktraceEndFrames"/> (see <see cref="ElidedFrames"/>).
    /// </summary>
    public IReadOnlyList<WasmFrame> Backtrace => _backtrace ??= _engine is null ? [] : Cap(Runtime.Backtraces.Capture(this, _engine));

    /// <summary>
    /// How many frames were left out of <see cref="Backtrace"/> between the first
    /// <see cref="BacktraceEndFrames"/> and the last ones (0 when it is complete).
    /// </summary>
    public int ElidedFrames
    {
        get
        {
            _ = Backtrace;
            return _elidedFrames;
        }
    }

    private IReadOnlyList<WasmFrame> Cap(IReadOnlyList<WasmFrame> frames)
    {
        if (frames.Count <= 2 * BacktraceEndFrames) return frames;
        _elidedFrames = frames.Count - 2 * BacktraceEndFrames;
        var kept = new WasmFrame[2 * BacktraceEndFrames];
        for (int i = 0; i < BacktraceEndFrames; i++)
        {
            kept[i] = frames[i];
            kept[BacktraceEndFrames + i] = frames[frames.Count - BacktraceEndFrames + i];
        }
        return kept;
    }

    /// <summary>The message followed by the Wasm backtrace (capped, see <see cref="Backtrace"/>).</summary>
    /// <returns>A readable description.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(nameof(TrapException)).Append(": ").Append(Message).Append('\n').Append("wasm backtrace:");
        IReadOnlyList<WasmFrame> frames = Backtrace;
        for (int i = 0; i < frames.Count; i++)
        {
            if (i == BacktraceEndFrames && _elidedFrames > 0) text.Append("\n    ... ").Append(_elidedFrames).Append(" frames elided");
            text.Append("\n    ").Append(frames[i]);
        }
        return text.ToString();
    }

    /// <summary>The reference interpreter's message for each trap code (the text the spec tests expect).</summary>
    /// <param name="code">The reason.</param>
    /// <returns>The message.</returns>
    public static string MessageOf(TrapCode code) => code switch
    {
        TrapCode.Unreachable => "unreachable",
        TrapCode.MemoryOutOfBounds => "out of bounds memory access",
        TrapCode.IntegerDivideByZero => "integer divide by zero",
        TrapCode.IntegerOverflow => "integer overflow",
        TrapCode.BadConversionToInteger => "invalid conversion to integer",
        TrapCode.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapCode.UndefinedElement => "undefined element",
        TrapCode.NullReference => "null reference",
        TrapCode.StackOverflow => "call stack exhausted",
        TrapCode.TableOutOfBounds => "out of bounds table access",
        TrapCode.UnknownImport => "unknown import called",
        TrapCode.UninitializedElement => "uninitialized element",
        TrapCode.OutOfFuel => "all fuel consumed by WebAssembly",
        TrapCode.Interrupt => "interrupt",
        TrapCode.GrowFailed => "forcing trap when growing",
        TrapCode.CastFailure => "cast failure",
        TrapCode.ArrayOutOfBounds => "out of bounds array access",
        TrapCode.AllocationTooLarge => "allocation too large",
        TrapCode.HeapOutOfMemory => "GC heap out of memory",
        TrapCode.HeapMisaligned => "unaligned atomic",
        TrapCode.AtomicWaitNonSharedMemory => "expected shared memory",
        _ => code.ToString(),
    };
}

/// <summary>One Wasm frame of a trap's backtrace.</summary>
/// <param name="FunctionIndex">The function index in its module.</param>
/// <param name="FunctionName">The function's name from the name section, or null.</param>
/// <param name="ModuleName">The module's name from the name section, or null.</param>
/// <param name="CodeOffset">The byte offset in the module binary of the instruction that was running, if known.</param>
public sealed record WasmFrame(int FunctionIndex, string? FunctionName, string? ModuleName, int? CodeOffset = null)
{
    /// <inheritdoc/>
    public override string ToString() =>
        $"{ModuleName ?? "<module>"}!{FunctionName ?? $"wasm-function[{FunctionIndex}]"} (function {FunctionIndex}{(CodeOffset is int o ? $", offset 0x{o:x}" : "")})";
}
