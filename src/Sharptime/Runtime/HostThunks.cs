using Sharptime.Abi;

namespace Sharptime.Runtime;

/// <summary>
/// Generic static methods with the generated-code signature of a typed host function: Wasm
/// arguments, then the context of the binding. Their addresses (instantiating stubs for shared
/// generics) are what generated code calls, so typed host calls need no code generator and box nothing.
/// The <c>Array*</c> methods are their array-call entries: they convert <see cref="Value"/>s and call the thunk.
/// </summary>
internal static unsafe class HostThunks
{
    public static TResult Func0<TResult>(VmContext ctx) => ((Func<Caller, TResult>)ctx.Host!.Callback)(new Caller(ctx));

    public static void Action0(VmContext ctx) => ((Action<Caller>)ctx.Host!.Callback)(new Caller(ctx));

    public static TResult Func1<T1, TResult>(T1 a1, VmContext ctx) => ((Func<Caller, T1, TResult>)ctx.Host!.Callback)(new Caller(ctx), a1);

    public static void Action1<T1>(T1 a1, VmContext ctx) => ((Action<Caller, T1>)ctx.Host!.Callback)(new Caller(ctx), a1);

    public static TResult Func2<T1, T2, TResult>(T1 a1, T2 a2, VmContext ctx) => ((Func<Caller, T1, T2, TResult>)ctx.Host!.Callback)(new Caller(ctx), a1, a2);

    public static void Action2<T1, T2>(T1 a1, T2 a2, VmContext ctx) => ((Action<Caller, T1, T2>)ctx.Host!.Callback)(new Caller(ctx), a1, a2);

    public static TResult Func3<T1, T2, T3, TResult>(T1 a1, T2 a2, T3 a3, VmContext ctx) => ((Func<Caller, T1, T2, T3, TResult>)ctx.Host!.Callback)(new Caller(ctx), a1, a2, a3);

    public static void Action3<T1, T2, T3>(T1 a1, T2 a2, T3 a3, VmContext ctx) => ((Action<Caller, T1, T2, T3>)ctx.Host!.Callback)(new Caller(ctx), a1, a2, a3);

    public static TResult Func4<T1, T2, T3, T4, TResult>(T1 a1, T2 a2, T3 a3, T4 a4, VmContext ctx) => ((Func<Caller, T1, T2, T3, T4, TResult>)ctx.Host!.Callback)(new Caller(ctx), a1, a2, a3, a4);

    public static void Action4<T1, T2, T3, T4>(T1 a1, T2 a2, T3 a3, T4 a4, VmContext ctx) => ((Action<Caller, T1, T2, T3, T4>)ctx.Host!.Callback)(new Caller(ctx), a1, a2, a3, a4);

    /// <summary>Reads a typed host function's argument from a <see cref="Value"/>.</summary>
    private static T Arg<T>(in Value v)
    {
        if (typeof(T) == typeof(int)) return (T)(object)v.AsI32();
        if (typeof(T) == typeof(long)) return (T)(object)v.AsI64();
        if (typeof(T) == typeof(float)) return (T)(object)v.AsF32();
        if (typeof(T) == typeof(double)) return (T)(object)v.AsF64();
        return (T)v.RawRef!;
    }

    /// <summary>Wraps a typed host function's result with its declared type.</summary>
    private static Value Result<T>(T r, VmContext ctx)
    {
        if (typeof(T) == typeof(int)) return Value.I32((int)(object)r!);
        if (typeof(T) == typeof(long)) return Value.I64((long)(object)r!);
        if (typeof(T) == typeof(float)) return Value.F32((float)(object)r!);
        if (typeof(T) == typeof(double)) return Value.F64((double)(object)r!);
        return Value.FromRaw(r, ctx.Host!.Type.Results[0]);
    }

    public static void ArrayFunc0<TResult>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        results[0] = Result(((delegate*<VmContext, TResult>)code)(ctx), ctx);

    public static void ArrayAction0(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        ((delegate*<VmContext, void>)code)(ctx);

    public static void ArrayFunc1<T1, TResult>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        results[0] = Result(((delegate*<T1, VmContext, TResult>)code)(Arg<T1>(args[0]), ctx), ctx);

    public static void ArrayAction1<T1>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        ((delegate*<T1, VmContext, void>)code)(Arg<T1>(args[0]), ctx);

    public static void ArrayFunc2<T1, T2, TResult>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        results[0] = Result(((delegate*<T1, T2, VmContext, TResult>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), ctx), ctx);

    public static void ArrayAction2<T1, T2>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        ((delegate*<T1, T2, VmContext, void>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), ctx);

    public static void ArrayFunc3<T1, T2, T3, TResult>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        results[0] = Result(((delegate*<T1, T2, T3, VmContext, TResult>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), Arg<T3>(args[2]), ctx), ctx);

    public static void ArrayAction3<T1, T2, T3>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        ((delegate*<T1, T2, T3, VmContext, void>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), Arg<T3>(args[2]), ctx);

    public static void ArrayFunc4<T1, T2, T3, T4, TResult>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        results[0] = Result(((delegate*<T1, T2, T3, T4, VmContext, TResult>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), Arg<T3>(args[2]), Arg<T4>(args[3]), ctx), ctx);

    public static void ArrayAction4<T1, T2, T3, T4>(nint code, VmContext ctx, ReadOnlySpan<Value> args, Span<Value> results) =>
        ((delegate*<T1, T2, T3, T4, VmContext, void>)code)(Arg<T1>(args[0]), Arg<T2>(args[1]), Arg<T3>(args[2]), Arg<T4>(args[3]), ctx);
}
