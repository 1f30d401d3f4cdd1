using System.Text;

namespace Sharptime.Cli.Tests;

/// <summary>What an in-process run of <c>sharptime run</c> printed: the command's own streams and the guest's.</summary>
internal sealed record GuestRun(int ExitCode, string Stdout, string Stderr, string GuestStdout, string GuestStderr)
{
    /// <summary>The command's stderr lines.</summary>
    public string[] ErrorLines => CliRunner.Lines(Stderr);
}

/// <summary>Runs the CLI in-process with the guest's standard streams captured (stdin empty).</summary>
internal static class GuestRunner
{
    public static GuestRun Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var guestIn = new MemoryStream();
        using var guestOut = new MemoryStream();
        using var guestErr = new MemoryStream();
        int code = CliApp.Run(args, stdout, stderr, new GuestStdio(guestIn, guestOut, guestErr));
        return new GuestRun(code, stdout.ToString(), stderr.ToString(), Encoding.UTF8.GetString(guestOut.ToArray()), Encoding.UTF8.GetString(guestErr.ToArray()));
    }

    /// <summary>
    /// A WASI command module: the imports it names, memory, a <c>$print (ptr len)</c> that writes to stdout,
    /// and <paramref name="body"/> as more module fields (typically the _start function).
    /// </summary>
    public static string Command(string body) => $$"""
        ;; a WASI command written by the tests
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          ;; writes memory[ptr, ptr+len) to stdout through an iovec at 0
          (func $print (param $ptr i32) (param $len i32)
            (i32.store (i32.const 0) (local.get $ptr))
            (i32.store (i32.const 4) (local.get $len))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))))
        {{body}}
        )
        """;
}
