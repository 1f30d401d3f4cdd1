using Sharptime.Abi;

namespace Sharptime.Runtime;

/// <summary>
/// Generic static methods with the generated-code signature of a typed host function: Wasm
/// arguments, then the context of the binding. Their addresses (instantiating stubs for shared
/// generics) are what generated code calls, so typed host calls need no code generator and box nothing.
/// </summary>
internal static class HostThunks
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
}
