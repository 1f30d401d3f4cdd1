using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;

namespace Sharptime.Cli;

/// <summary>
/// Adds ReadyToRun native code to an artifact with crossgen2, the .NET SDK's ahead-of-time compiler,
/// taken from the NuGet package the SDK restores for ReadyToRun publishing
/// (microsoft.netcore.app.crossgen2.HOST-RID) or from <c>SHARPTIME_CROSSGEN2</c>. One crossgen2
/// targets every platform below; the runtime checks the code's assumptions about the framework when
/// it loads it and compiles a method again if one does not hold.
/// </summary>
internal static class ReadyToRun
{
    /// <summary>The platforms <c>--target</c> accepts besides <c>portable</c>.</summary>
    public static readonly string[] Targets = ["linux-x64", "linux-arm64", "win-x64", "osx-arm64", "osx-x64"];

    /// <summary>The platform this process runs on.</summary>
    public static string Host => RuntimeInformation.RuntimeIdentifier;

    /// <summary>Compiles the IL artifact at <paramref name="input"/> to <paramref name="output"/> with native code for <paramref name="target"/>.</summary>
    /// <exception cref="RunFailedException">crossgen2 is missing or failed.</exception>
    public static void Compile(string input, string output, string target)
    {
        using var process = Process.Start(Command(input, output, target)) ?? throw new RunFailedException("cannot start crossgen2");
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new RunFailedException($"crossgen2 failed (exit code {process.ExitCode}) compiling for {target}: {(errors.Length > 0 ? errors : stdout.Result).Trim()}");
        }
    }

    /// <summary>The crossgen2 command line for one artifact.</summary>
    /// <exception cref="RunFailedException">crossgen2 cannot be found, or Sharptime.dll is not a file.</exception>
    [UnconditionalSuppressMessage("SingleFile", "IL3000", Justification = "An empty Location (a single-file app) is reported as an error. A NativeAOT build has no compiler and never makes artifacts.")]
    public static ProcessStartInfo Command(string input, string output, string target)
    {
        // crossgen2 resolves the artifact's references to Sharptime by file.
        string sharptime = typeof(Engine).Assembly.Location;
        if (sharptime.Length == 0)
        {
            throw new RunFailedException("cannot make native code: this sharptime is a single-file app, so Sharptime.dll is not a file crossgen2 can read; make an IL-only artifact with --target portable");
        }
        string crossgen = FindCrossgen();
        int dash = target.IndexOf('-', StringComparison.Ordinal);
        var start = new ProcessStartInfo(crossgen)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in (string[])[input, "-o", output, "-O", $"--targetos:{target[..dash]}", $"--targetarch:{target[(dash + 1)..]}",
            "-r", Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"), "-r", sharptime])
        {
            start.ArgumentList.Add(arg);
        }
        return start;
    }

    /// <summary>The crossgen2 executable: <c>SHARPTIME_CROSSGEN2</c>, else the NuGet package matching this runtime's version.</summary>
    /// <exception cref="RunFailedException">It cannot be found; the message says where it looked and how to get it.</exception>
    public static string FindCrossgen()
    {
        string? configured = Environment.GetEnvironmentVariable("SHARPTIME_CROSSGEN2");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : throw new RunFailedException($"SHARPTIME_CROSSGEN2 is set to '{configured}', which does not exist");
        }
        string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        string package = Path.Combine(packages, $"microsoft.netcore.app.crossgen2.{Host}");
        string executable = OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";
        string runtime = Environment.Version.ToString(3);
        if (Directory.Exists(package))
        {
            string exact = Path.Combine(package, runtime, "tools", executable);
            if (File.Exists(exact)) return exact;
            // Any crossgen2 of the same major version makes code this runtime accepts.
            string? best = null;
            Version? bestVersion = null;
            foreach (string dir in Directory.GetDirectories(package))
            {
                if (Version.TryParse(Path.GetFileName(dir), out Version? v) && v.Major == Environment.Version.Major
                    && File.Exists(Path.Combine(dir, "tools", executable)) && (bestVersion is null || v > bestVersion))
                {
                    (best, bestVersion) = (Path.Combine(dir, "tools", executable), v);
                }
            }
            if (best is not null) return best;
        }
        throw new RunFailedException(
            $"cannot find crossgen2, the ReadyToRun compiler, for native code: looked for {Path.Combine(package, runtime, "tools", executable)}. "
            + $"Get it by publishing any .NET project with ReadyToRun once (dotnet publish -r {Host} -p:PublishReadyToRun=true), "
            + "or set SHARPTIME_CROSSGEN2 to a crossgen2 executable, or make an IL-only artifact with --target portable");
    }
}
