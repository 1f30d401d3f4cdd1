namespace Sharptime.Cli;

/// <summary>The command line is wrong (unknown option, missing file…): reported in one line, exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException() { }

    public UsageException(string message) : base(message) { }

    public UsageException(string message, Exception innerException) : base(message, innerException) { }
}
