using Sharptime.Abi;

namespace Sharptime;

public sealed unsafe partial class Func
{
    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not () -> TResult.</exception>
    public Func<TResult> AsFunc<TResult>()
    {
        CheckSignature([], [typeof(TResult)]);
        return new TypedFunc0<TResult>(this).Invoke;
    }

    private sealed class TypedFunc0<TResult>(Func f)
    {
        public TResult Invoke()
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                return ((delegate*<VmContext, TResult>)f.Code)(f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not () -> ().</exception>
    public Action AsAction()
    {
        CheckSignature([], []);
        return new TypedAction0(this).Invoke;
    }

    private sealed class TypedAction0(Func f)
    {
        public void Invoke()
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                ((delegate*<VmContext, void>)f.Code)(f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1) -> TResult.</exception>
    public Func<T1, TResult> AsFunc<T1, TResult>()
    {
        CheckSignature([typeof(T1), ], [typeof(TResult)]);
        return new TypedFunc1<T1, TResult>(this).Invoke;
    }

    private sealed class TypedFunc1<T1, TResult>(Func f)
    {
        public TResult Invoke(T1 a1)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                return ((delegate*<T1, VmContext, TResult>)f.Code)(a1, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1) -> ().</exception>
    public Action<T1> AsAction<T1>()
    {
        CheckSignature([typeof(T1), ], []);
        return new TypedAction1<T1>(this).Invoke;
    }

    private sealed class TypedAction1<T1>(Func f)
    {
        public void Invoke(T1 a1)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                ((delegate*<T1, VmContext, void>)f.Code)(a1, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2) -> TResult.</exception>
    public Func<T1, T2, TResult> AsFunc<T1, T2, TResult>()
    {
        CheckSignature([typeof(T1), typeof(T2), ], [typeof(TResult)]);
        return new TypedFunc2<T1, T2, TResult>(this).Invoke;
    }

    private sealed class TypedFunc2<T1, T2, TResult>(Func f)
    {
        public TResult Invoke(T1 a1, T2 a2)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                return ((delegate*<T1, T2, VmContext, TResult>)f.Code)(a1, a2, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2) -> ().</exception>
    public Action<T1, T2> AsAction<T1, T2>()
    {
        CheckSignature([typeof(T1), typeof(T2), ], []);
        return new TypedAction2<T1, T2>(this).Invoke;
    }

    private sealed class TypedAction2<T1, T2>(Func f)
    {
        public void Invoke(T1 a1, T2 a2)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                ((delegate*<T1, T2, VmContext, void>)f.Code)(a1, a2, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <typeparam name="T3">The type of parameter 3.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2, T3) -> TResult.</exception>
    public Func<T1, T2, T3, TResult> AsFunc<T1, T2, T3, TResult>()
    {
        CheckSignature([typeof(T1), typeof(T2), typeof(T3), ], [typeof(TResult)]);
        return new TypedFunc3<T1, T2, T3, TResult>(this).Invoke;
    }

    private sealed class TypedFunc3<T1, T2, T3, TResult>(Func f)
    {
        public TResult Invoke(T1 a1, T2 a2, T3 a3)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                return ((delegate*<T1, T2, T3, VmContext, TResult>)f.Code)(a1, a2, a3, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <typeparam name="T3">The type of parameter 3.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2, T3) -> ().</exception>
    public Action<T1, T2, T3> AsAction<T1, T2, T3>()
    {
        CheckSignature([typeof(T1), typeof(T2), typeof(T3), ], []);
        return new TypedAction3<T1, T2, T3>(this).Invoke;
    }

    private sealed class TypedAction3<T1, T2, T3>(Func f)
    {
        public void Invoke(T1 a1, T2 a2, T3 a3)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                ((delegate*<T1, T2, T3, VmContext, void>)f.Code)(a1, a2, a3, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <typeparam name="T3">The type of parameter 3.</typeparam>
    /// <typeparam name="T4">The type of parameter 4.</typeparam>
    /// <typeparam name="TResult">The result type.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2, T3, T4) -> TResult.</exception>
    public Func<T1, T2, T3, T4, TResult> AsFunc<T1, T2, T3, T4, TResult>()
    {
        CheckSignature([typeof(T1), typeof(T2), typeof(T3), typeof(T4), ], [typeof(TResult)]);
        return new TypedFunc4<T1, T2, T3, T4, TResult>(this).Invoke;
    }

    private sealed class TypedFunc4<T1, T2, T3, T4, TResult>(Func f)
    {
        public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                return ((delegate*<T1, T2, T3, T4, VmContext, TResult>)f.Code)(a1, a2, a3, a4, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    /// <summary>A typed delegate that calls this function with no boxing and no allocation.</summary>
    /// <typeparam name="T1">The type of parameter 1.</typeparam>
    /// <typeparam name="T2">The type of parameter 2.</typeparam>
    /// <typeparam name="T3">The type of parameter 3.</typeparam>
    /// <typeparam name="T4">The type of parameter 4.</typeparam>
    /// <returns>The delegate.</returns>
    /// <exception cref="WasmException">The function's type is not (T1, T2, T3, T4) -> ().</exception>
    public Action<T1, T2, T3, T4> AsAction<T1, T2, T3, T4>()
    {
        CheckSignature([typeof(T1), typeof(T2), typeof(T3), typeof(T4), ], []);
        return new TypedAction4<T1, T2, T3, T4>(this).Invoke;
    }

    private sealed class TypedAction4<T1, T2, T3, T4>(Func f)
    {
        public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4)
        {
            using Store.Entry entry = f.Store.Enter();
            f.Context.CallerContext = null;
            try
            {
                ((delegate*<T1, T2, T3, T4, VmContext, void>)f.Code)(a1, a2, a3, a4, f.Context);
            }
            catch (TrapException e) when (e.AttachEngine(f.Store.Engine))
            {
                throw;
            }
        }
    }

    private void CheckSignature(Type[] parameters, Type[] results)
    {
        if (!Runtime.Matching.ClrTypesMatch(parameters, Type.Params) || !Runtime.Matching.ClrTypesMatch(results, Type.Results))
        {
            throw new WasmException($"type mismatch: the function's type is {Type}, the delegate's is ({string.Join(", ", parameters.Select(p => p.Name))}) -> ({string.Join(", ", results.Select(p => p.Name))})");
        }
        if (Code == 0)
        {
            throw new WasmException($"an untyped host function {Type} has no typed entry: call it with Func.Call, or define it with a typed Linker.DefineFunction overload");
        }
    }
}
