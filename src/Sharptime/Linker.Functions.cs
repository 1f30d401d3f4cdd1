namespace Sharptime;

public sealed unsafe partial class Linker
{
    /// <summary>Defines a typed host function with 0 parameter(s) and one result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<TResult>(string module, string name, Func<Caller, TResult> func) =>
        DefineHost(module, name, func, (nint)(delegate*<Abi.VmContext, TResult>)&Runtime.HostThunks.Func0<TResult>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayFunc0<TResult>, [], [typeof(TResult)]);

    /// <summary>Defines a typed host function with 0 parameter(s) and one result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<TResult>(string module, string name, Func<TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return DefineFunction<TResult>(module, name, (Caller _) => func());
    }

    /// <summary>Defines a typed host function with 0 parameter(s) and no result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <returns>This linker.</returns>
    public Linker DefineFunction(string module, string name, Action<Caller> action) =>
        DefineHost(module, name, action, (nint)(delegate*<Abi.VmContext, void>)&Runtime.HostThunks.Action0, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayAction0, [], []);

    /// <summary>Defines a typed host function with 0 parameter(s) and no result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <returns>This linker.</returns>
    public Linker DefineFunction(string module, string name, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DefineFunction(module, name, (Caller _) => action());
    }

    /// <summary>Defines a typed host function with 1 parameter(s) and one result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, TResult>(string module, string name, Func<Caller, T1, TResult> func) =>
        DefineHost(module, name, func, (nint)(delegate*<T1, Abi.VmContext, TResult>)&Runtime.HostThunks.Func1<T1, TResult>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayFunc1<T1, TResult>, [typeof(T1), ], [typeof(TResult)]);

    /// <summary>Defines a typed host function with 1 parameter(s) and one result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, TResult>(string module, string name, Func<T1, TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return DefineFunction<T1, TResult>(module, name, (Caller _, T1 a1) => func(a1));
    }

    /// <summary>Defines a typed host function with 1 parameter(s) and no result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1>(string module, string name, Action<Caller, T1> action) =>
        DefineHost(module, name, action, (nint)(delegate*<T1, Abi.VmContext, void>)&Runtime.HostThunks.Action1<T1>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayAction1<T1>, [typeof(T1), ], []);

    /// <summary>Defines a typed host function with 1 parameter(s) and no result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1>(string module, string name, Action<T1> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DefineFunction<T1>(module, name, (Caller _, T1 a1) => action(a1));
    }

    /// <summary>Defines a typed host function with 2 parameter(s) and one result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, TResult>(string module, string name, Func<Caller, T1, T2, TResult> func) =>
        DefineHost(module, name, func, (nint)(delegate*<T1, T2, Abi.VmContext, TResult>)&Runtime.HostThunks.Func2<T1, T2, TResult>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayFunc2<T1, T2, TResult>, [typeof(T1), typeof(T2), ], [typeof(TResult)]);

    /// <summary>Defines a typed host function with 2 parameter(s) and one result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, TResult>(string module, string name, Func<T1, T2, TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return DefineFunction<T1, T2, TResult>(module, name, (Caller _, T1 a1, T2 a2) => func(a1, a2));
    }

    /// <summary>Defines a typed host function with 2 parameter(s) and no result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2>(string module, string name, Action<Caller, T1, T2> action) =>
        DefineHost(module, name, action, (nint)(delegate*<T1, T2, Abi.VmContext, void>)&Runtime.HostThunks.Action2<T1, T2>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayAction2<T1, T2>, [typeof(T1), typeof(T2), ], []);

    /// <summary>Defines a typed host function with 2 parameter(s) and no result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2>(string module, string name, Action<T1, T2> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DefineFunction<T1, T2>(module, name, (Caller _, T1 a1, T2 a2) => action(a1, a2));
    }

    /// <summary>Defines a typed host function with 3 parameter(s) and one result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, TResult>(string module, string name, Func<Caller, T1, T2, T3, TResult> func) =>
        DefineHost(module, name, func, (nint)(delegate*<T1, T2, T3, Abi.VmContext, TResult>)&Runtime.HostThunks.Func3<T1, T2, T3, TResult>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayFunc3<T1, T2, T3, TResult>, [typeof(T1), typeof(T2), typeof(T3), ], [typeof(TResult)]);

    /// <summary>Defines a typed host function with 3 parameter(s) and one result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, TResult>(string module, string name, Func<T1, T2, T3, TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return DefineFunction<T1, T2, T3, TResult>(module, name, (Caller _, T1 a1, T2 a2, T3 a3) => func(a1, a2, a3));
    }

    /// <summary>Defines a typed host function with 3 parameter(s) and no result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3>(string module, string name, Action<Caller, T1, T2, T3> action) =>
        DefineHost(module, name, action, (nint)(delegate*<T1, T2, T3, Abi.VmContext, void>)&Runtime.HostThunks.Action3<T1, T2, T3>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayAction3<T1, T2, T3>, [typeof(T1), typeof(T2), typeof(T3), ], []);

    /// <summary>Defines a typed host function with 3 parameter(s) and no result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3>(string module, string name, Action<T1, T2, T3> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DefineFunction<T1, T2, T3>(module, name, (Caller _, T1 a1, T2 a2, T3 a3) => action(a1, a2, a3));
    }

    /// <summary>Defines a typed host function with 4 parameter(s) and one result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, T4, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, TResult> func) =>
        DefineHost(module, name, func, (nint)(delegate*<T1, T2, T3, T4, Abi.VmContext, TResult>)&Runtime.HostThunks.Func4<T1, T2, T3, T4, TResult>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayFunc4<T1, T2, T3, T4, TResult>, [typeof(T1), typeof(T2), typeof(T3), typeof(T4), ], [typeof(TResult)]);

    /// <summary>Defines a typed host function with 4 parameter(s) and one result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="func">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, T4, TResult>(string module, string name, Func<T1, T2, T3, T4, TResult> func)
    {
        ArgumentNullException.ThrowIfNull(func);
        return DefineFunction<T1, T2, T3, T4, TResult>(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4) => func(a1, a2, a3, a4));
    }

    /// <summary>Defines a typed host function with 4 parameter(s) and no result that receives the <see cref="Caller"/>.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, T4>(string module, string name, Action<Caller, T1, T2, T3, T4> action) =>
        DefineHost(module, name, action, (nint)(delegate*<T1, T2, T3, T4, Abi.VmContext, void>)&Runtime.HostThunks.Action4<T1, T2, T3, T4>, (nint)(delegate*<nint, Abi.VmContext, ReadOnlySpan<Value>, Span<Value>, void>)&Runtime.HostThunks.ArrayAction4<T1, T2, T3, T4>, [typeof(T1), typeof(T2), typeof(T3), typeof(T4), ], []);

    /// <summary>Defines a typed host function with 4 parameter(s) and no result.</summary>
    /// <param name="module">The import module name.</param>
    /// <param name="name">The import field name.</param>
    /// <param name="action">The function.</param>
    /// <typeparam name="T1">The type of parameter 1: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T2">The type of parameter 2: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T3">The type of parameter 3: int, long, float, double, Func or ExternRef.</typeparam>
    /// <typeparam name="T4">The type of parameter 4: int, long, float, double, Func or ExternRef.</typeparam>
    /// <returns>This linker.</returns>
    public Linker DefineFunction<T1, T2, T3, T4>(string module, string name, Action<T1, T2, T3, T4> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return DefineFunction<T1, T2, T3, T4>(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4) => action(a1, a2, a3, a4));
    }
}
