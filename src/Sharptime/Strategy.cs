namespace Sharptime;

/// <summary>How an engine runs Wasm code (<see cref="Config.Strategy"/>; the CLI's <c>-C strategy=</c>).</summary>
public enum Strategy
{
    /// <summary>The compiler when the engine has a code generator (<see cref="Config.CodeGenerator"/>), otherwise the interpreter.</summary>
    Auto,

    /// <summary>Compile every module to native code before it runs (needs a code generator).</summary>
    Compiler,

    /// <summary>
    /// Run every function in the portable interpreter, translated at its first call: no code is
    /// generated, so it works where no JIT exists (NativeAOT, iOS) and starts at once.
    /// </summary>
    Interpreter,
}
