namespace Sharptime.Fuzz;

internal enum EhStyle { Legacy, TryTable }

internal static class OwnGenerator
{
    public static int Command(string[] args) => 0;

    public static string Generate(ulong seed, EhStyle style) => "(module (func (export \"f\") (result i32) i32.const " + (seed % 100) + "))";
}
