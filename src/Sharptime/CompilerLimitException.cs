namespace Sharptime;

/// <summary>
/// A valid module that the compiler cannot take: a function exceeds a limit of .NET IL (an operand
/// stack deeper than 65,535 values). The interpreter has no such limit: <see cref="Strategy.Auto"/>
/// runs such a module there; with <see cref="Strategy.Compiler"/> creating it throws this.
/// </summary>
public sealed class CompilerLimitException : WasmException
{
    /// <summary>Creates the exception.</summary>
    public CompilerLimitException() { }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What exceeds which limit, and where.</param>
    public CompilerLimitException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the error that revealed the limit.</summary>
    /// <param name="message">What exceeds which limit, and where.</param>
    /// <param name="innerException">The error.</param>
    public CompilerLimitException(string message, Exception innerException) : base(message, innerException) { }
}
