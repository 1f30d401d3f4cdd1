namespace Sharptime.Cli.Tests;

/// <summary>The check of a wrong command line: refused with exit code 2, one line on stderr, nothing on stdout.</summary>
internal static class CommandLineErrors
{
    /// <summary>Runs <paramref name="args"/> and checks that it is refused with a line starting with <paramref name="message"/>.</summary>
    public static void AssertRefused(string[] args, string message)
    {
        (int code, string stdout, string stderr) = CliRunner.Run(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith(message, Assert.Single(CliRunner.Lines(stderr)), StringComparison.Ordinal);
    }
}
