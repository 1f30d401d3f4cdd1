namespace Sharptime;

/// <summary>How an engine runs Wasm code (<see cref="Config.Strategy"/>; the CLI's <c>-C strategy=</c>).</summary>
public enum Strategy
{
    /// <summary>
    /// The compiler when the engine has a code generator (<see cref="Config.CodeGenerator"/>), otherwise the
    /// interpreter; also the interpreter for a module the compiler cannot take (<see cref="CompilerLimitException"/>).
    /// </summary>
    Auto,

    /// <summary>Compile every module to native code before it runs (needs a code generator).</summary>
    Compiler,

    /// <summary>
    /// Run every function in the portable interpreter, translated at its first call: no code is
    /// generated, so it works where no JIT exists (NativeAOT, iOS) and starts at once.
    /// </summary>
    Interpreter,

    /// <summary>
    /// Start in the interpreter; when a function of a module gets hot (<see cref="Config.TierUpThreshold"/>
    /// calls and loop iterations), compile the module on a background thread and switch calls to the
    /// compiled code (needs a code generator). A loop already running in the interpreter finishes
    /// there; the calls it makes run compiled.
    /// </summary>
    Tiered,
}
