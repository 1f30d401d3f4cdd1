namespace Sharptime;

public sealed partial class Instance
{
    /// <summary>A typed delegate for the function export <paramref name="name"/>: no boxing, no allocation per call.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Func<TResult> GetFunction<TResult>(string name) => RequireFunction(name).AsFunc<TResult>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>, which returns nothing.</summary>
    /// <param name="name">The export name.</param>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Action GetAction(string name) => RequireFunction(name).AsAction();

    /// <summary>A typed delegate for the function export <paramref name="name"/>: no boxing, no allocation per call.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Func<T1, TResult> GetFunction<T1, TResult>(string name) => RequireFunction(name).AsFunc<T1, TResult>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>, which returns nothing.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Action<T1> GetAction<T1>(string name) => RequireFunction(name).AsAction<T1>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>: no boxing, no allocation per call.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Func<T1, T2, TResult> GetFunction<T1, T2, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, TResult>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>, which returns nothing.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Action<T1, T2> GetAction<T1, T2>(string name) => RequireFunction(name).AsAction<T1, T2>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>: no boxing, no allocation per call.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Func<T1, T2, T3, TResult> GetFunction<T1, T2, T3, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, TResult>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>, which returns nothing.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Action<T1, T2, T3> GetAction<T1, T2, T3>(string name) => RequireFunction(name).AsAction<T1, T2, T3>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>: no boxing, no allocation per call.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Func<T1, T2, T3, T4, TResult> GetFunction<T1, T2, T3, T4, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, TResult>();

    /// <summary>A typed delegate for the function export <paramref name="name"/>, which returns nothing.</summary>
    /// <param name="name">The export name.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">There is no such function or its type differs.</exception>
    public Action<T1, T2, T3, T4> GetAction<T1, T2, T3, T4>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4>();
}
