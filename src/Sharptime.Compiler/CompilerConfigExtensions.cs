namespace Sharptime.Compiler;

/// <summary>Plugs the IL compiler into a <see cref="Config"/>.</summary>
public static class CompilerConfigExtensions
{
    /// <summary>Returns <paramref name="config"/> with the IL compiler as its code generator.</summary>
    /// <param name="config">The settings to extend.</param>
    /// <returns>The new settings.</returns>
    public static Config UseCompiler(this Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config with { CodeGenerator = new IlCodeGenerator() };
    }
}
