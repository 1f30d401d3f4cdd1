using System.Diagnostics;

namespace Sharptime.Cli.Tests;

/// <summary>What a run of the built <c>sharptime</c> executable did.</summary>
/// <param name="ExitCode">The exit status, or -1 when it was killed after the timeout.</param>
/// <param name="Stdout">Everything written to stdout.</param>
/// <param name="Stderr">Everything written to stderr.</param>
/// <param name="TimedOut">Whether it was killed.</param>
/// <param name="Elapsed">How long it ran.</param>
internal sealed record ProcessResult(int ExitCode, string Stdout, string Stderr, bool TimedOut, TimeSpan Elapsed);

/// <summary>
/// Runs the built <c>sharptime</c> command (Sharptime.Cli.dll, copied next to the tests by the project
/// reference) as a separate process, the way users run it: <c>dotnet Sharptime.Cli.dll ARGS</c>.
/// </summary>
internal static class CliProcess
{
    /// <summary>The command's assembly next to the test binaries.</summary>
    public static string Assembly { get; } = Path.Combine(AppContext.BaseDirectory, "Sharptime.Cli.dll");

    /// <summary>XDG_CACHE_HOME of the runs: one folder per test run.</summary>
    public static string CacheHome { get; } = Path.Combine(Path.GetTempPath(), $"sharptime-test-cache-{Environment.ProcessId}");

    /// <summary>
    /// Runs the command with <paramref name="args"/> in <paramref name="workingDirectory"/>, stdin an empty
    /// pipe, and returns its exit status and output. Killed after <paramref name="timeout"/>.
    /// <paramref name="environment"/> adds or replaces variables of the child's environment.
    /// </summary>
    public static Task<ProcessResult> RunAsync(IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null) =>
        RunProgramAsync(DotnetHost(), [Assembly, .. args], workingDirectory, timeout, environment);

    /// <summary>
    /// Runs <paramref name="program"/> (an executable, with the compile cache of these runs) as
    /// <see cref="RunAsync"/> runs the command.
    /// </summary>
    public static async Task<ProcessResult> RunProgramAsync(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The compile cache of these runs lives with the test run, not in the user's cache.
        start.Environment["XDG_CACHE_HOME"] = CacheHome;
        if (environment is not null)
        {
            foreach ((string name, string value) in environment) start.Environment[name] = value;
        }
        foreach (string a in args) start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        process.StandardInput.Close();
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = true;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        string output = await stdout.ConfigureAwait(false);
        string error = await stderr.ConfigureAwait(false);
        return new ProcessResult(timedOut ? -1 : process.ExitCode, output, error, timedOut, clock.Elapsed);
    }

    /// <summary>The <c>dotnet</c> host running the tests (testhost runs under it), else the one on PATH.</summary>
    public static string DotnetHost()
    {
        string? self = Environment.ProcessPath;
        if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase)) return self;
        string? root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        if (!string.IsNullOrEmpty(root))
        {
            string candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
            if (File.Exists(candidate)) return candidate;
        }
        return "dotnet";
    }
}
