using System.Runtime.CompilerServices;
using Sharptime;
using WasmInApp;

// plugin.wat was compiled into this app at build time (WasmModule in WasmInApp.csproj): no compiler
// is referenced, and under NativeAOT there is no JIT either.
var store = new Store(new Engine());
PluginModule plugin = PluginModule.Instantiate(store);

Console.WriteLine($"add(2, 3) = {plugin.Add(2, 3)}");
Console.WriteLine($"fib(90) = {plugin.Fib(90)}");
(int quotient, int remainder) = plugin.DivRem(17, 5);
Console.WriteLine($"div_rem(17, 5) = ({quotient}, {remainder})");
Console.WriteLine($"sum_of_squares(100) = {plugin.SumOfSquares(100)}");
try
{
    plugin.DivRem(1, 0);
}
catch (TrapException e)
{
    Console.WriteLine($"div_rem(1, 0) trapped: {e.Message}");
}
Console.WriteLine($"memory: {plugin.Instance.GetMemory("memory")!.Pages} page(s)");
Console.WriteLine(RuntimeFeature.IsDynamicCodeSupported ? "code generation: available (JIT)" : "code generation: none (NativeAOT)");
