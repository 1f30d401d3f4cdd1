using System.ComponentModel;

namespace Sharptime.Abi;

/// <summary>
/// A code generator turns validated modules into callable code. Sharptime.Compiler implements it;
/// <c>Config.UseCompiler()</c> plugs it into a <see cref="Config"/>.
/// </summary>
/// <remarks>
/// Calling convention of every generated function: the Wasm parameters in order, then one
/// <c>ref</c> parameter per result after the first, then the <see cref="VmContext"/> of the
/// instance; it returns its first result (or void).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface ICodeGenerator
{
    /// <summary>The <see cref="AbiVersion.Current"/> the generator was built against.</summary>
    int AbiVersion { get; }

    /// <summary>Compiles every function defined by <paramref name="module"/>.</summary>
    /// <param name="module">A decoded and validated module.</param>
    /// <returns>The compiled code.</returns>
    CompiledCode Compile(Module module);

    /// <summary>
    /// Creates a function that calls Wasm code of type <paramref name="type"/> with boxed values:
    /// <c>static void (nint code, VmContext context, ReadOnlySpan&lt;Value&gt; args, Span&lt;Value&gt; results)</c>.
    /// </summary>
    /// <param name="type">The function type.</param>
    /// <returns>A function pointer.</returns>
    nint CreateEntryTrampoline(FuncType type);

    /// <summary>
    /// Creates a function with the generated-code signature of <paramref name="type"/> that boxes
    /// its arguments and calls <see cref="HostCalls.InvokeUntyped"/>.
    /// </summary>
    /// <param name="type">The function type.</param>
    /// <returns>A function pointer.</returns>
    nint CreateHostTrampoline(FuncType type);
}

/// <summary>The code of one module: a function pointer per defined function.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CompiledCode
{
    /// <summary>The entry point of defined function <paramref name="definedIndex"/> (imports excluded).</summary>
    /// <param name="definedIndex">The index among the defined functions.</param>
    /// <returns>A function pointer with the generated-code signature of the function's type.</returns>
    public abstract nint GetFunctionPointer(int definedIndex);

    /// <summary>
    /// The type that holds the generated methods, so that traps can map .NET stack frames back to
    /// Wasm functions; its methods are named <c>wasm-function[index]</c>.
    /// </summary>
    public abstract Type? CodeType { get; }

    /// <summary>The byte offset in the module of the instruction at <paramref name="ilOffset"/> of function <paramref name="functionIndex"/>, if known.</summary>
    /// <param name="functionIndex">The function index (imports included).</param>
    /// <param name="ilOffset">An IL offset in the function's generated method.</param>
    /// <returns>The code offset, or null.</returns>
    public virtual int? GetCodeOffset(int functionIndex, int ilOffset) => null;
}
