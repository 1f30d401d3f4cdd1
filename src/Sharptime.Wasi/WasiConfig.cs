using System.Collections.Immutable;
using System.Net.Sockets;

namespace Sharptime.Wasi;

/// <summary>
/// What a WASI guest gets: arguments, environment, standard streams, pre-opened directories and
/// sockets. Immutable: every <c>With*</c> method returns a new configuration.
/// </summary>
public sealed class WasiConfig
{
    private WasiConfig() { }

    private WasiConfig(WasiConfig other)
    {
        Args = other.Args;
        Env = other.Env;
        Stdin = other.Stdin;
        Stdout = other.Stdout;
        Stderr = other.Stderr;
        InheritStdin = other.InheritStdin;
        InheritStdout = other.InheritStdout;
        InheritStderr = other.InheritStderr;
        PreopenedDirectories = other.PreopenedDirectories;
        PreopenedSockets = other.PreopenedSockets;
    }

    /// <summary>No arguments, no environment, empty stdin, stdout and stderr discarded, no pre-opens.</summary>
    public static WasiConfig Default { get; } = new();

    /// <summary>The arguments, including argv[0].</summary>
    public ImmutableArray<string> Args { get; private init; } = [];

    /// <summary>The environment variables in the order the guest sees them.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Env { get; private init; } = [];

    /// <summary>The stream stdin reads from, or null (empty, unless <see cref="InheritStdin"/>).</summary>
    public Stream? Stdin { get; private init; }

    /// <summary>The stream stdout writes to, or null (discarded, unless <see cref="InheritStdout"/>).</summary>
    public Stream? Stdout { get; private init; }

    /// <summary>The stream stderr writes to, or null (discarded, unless <see cref="InheritStderr"/>).</summary>
    public Stream? Stderr { get; private init; }

    /// <summary>Whether stdin is the host process's stdin.</summary>
    public bool InheritStdin { get; private init; }

    /// <summary>Whether stdout is the host process's stdout.</summary>
    public bool InheritStdout { get; private init; }

    /// <summary>Whether stderr is the host process's stderr.</summary>
    public bool InheritStderr { get; private init; }

    /// <summary>The pre-opened directories, in file-descriptor order (from fd 3).</summary>
    public ImmutableArray<WasiPreopenedDirectory> PreopenedDirectories { get; private init; } = [];

    /// <summary>The pre-opened listening sockets; their descriptors follow the directories'.</summary>
    public ImmutableArray<Socket> PreopenedSockets { get; private init; } = [];

    /// <summary>Sets the arguments (argv, including argv[0]).</summary>
    /// <param name="args">The arguments.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithArgs(params IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        ImmutableArray<string> list = [.. args];
        foreach (string a in list)
        {
            ArgumentNullException.ThrowIfNull(a, nameof(args));
            if (a.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException($"argument \"{a.Replace("\0", "\\0", StringComparison.Ordinal)}\" contains a NUL character", nameof(args));
        }
        return new WasiConfig(this) { Args = list };
    }

    /// <summary>Adds (or replaces) an environment variable.</summary>
    /// <param name="name">The name; it may not contain '=' or NUL.</param>
    /// <param name="value">The value; it may not contain NUL.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithEnv(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Contains('=', StringComparison.Ordinal) || name.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException($"environment variable name \"{name}\" contains '=' or NUL", nameof(name));
        if (value.Contains('\0', StringComparison.Ordinal)) throw new ArgumentException($"the value of environment variable {name} contains NUL", nameof(value));
        ImmutableArray<KeyValuePair<string, string>> env = Env;
        for (int i = 0; i < env.Length; i++)
        {
            if (env[i].Key == name) return new WasiConfig(this) { Env = env.SetItem(i, new(name, value)) };
        }
        return new WasiConfig(this) { Env = env.Add(new(name, value)) };
    }

    /// <summary>Adds every environment variable of the host process.</summary>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithInheritedEnv()
    {
        WasiConfig c = this;
        foreach (System.Collections.DictionaryEntry e in Environment.GetEnvironmentVariables())
        {
            if (e.Key is string k && e.Value is string v && k.Length > 0 && !k.Contains('=', StringComparison.Ordinal)) c = c.WithEnv(k, v);
        }
        return c;
    }

    /// <summary>Makes stdin the host process's stdin.</summary>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithInheritedStdin() => new(this) { Stdin = null, InheritStdin = true };

    /// <summary>Makes stdout the host process's stdout.</summary>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithInheritedStdout() => new(this) { Stdout = null, InheritStdout = true };

    /// <summary>Makes stderr the host process's stderr.</summary>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithInheritedStderr() => new(this) { Stderr = null, InheritStderr = true };

    /// <summary>Makes stdin read from <paramref name="stream"/> (not closed by the context).</summary>
    /// <param name="stream">A readable stream.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithStdin(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(this) { Stdin = stream, InheritStdin = false };
    }

    /// <summary>Makes stdout write to <paramref name="stream"/> (not closed by the context).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithStdout(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(this) { Stdout = stream, InheritStdout = false };
    }

    /// <summary>Makes stderr write to <paramref name="stream"/> (not closed by the context).</summary>
    /// <param name="stream">A writable stream.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithStderr(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        return new(this) { Stderr = stream, InheritStderr = false };
    }

    /// <summary>
    /// Gives the guest <paramref name="hostPath"/> under the name <paramref name="guestPath"/>.
    /// Nothing outside it is reachable through it: not by "..", absolute paths or symlinks.
    /// </summary>
    /// <param name="hostPath">An existing host directory.</param>
    /// <param name="guestPath">The name the guest sees, e.g. "/" or ".".</param>
    /// <param name="access">Whether the guest may change things below it.</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithPreopenedDirectory(string hostPath, string guestPath, WasiDirectoryAccess access = WasiDirectoryAccess.ReadWrite)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPath);
        ArgumentException.ThrowIfNullOrEmpty(guestPath);
        if (access is not (WasiDirectoryAccess.ReadOnly or WasiDirectoryAccess.ReadWrite)) throw new ArgumentOutOfRangeException(nameof(access));
        return new(this) { PreopenedDirectories = PreopenedDirectories.Add(new WasiPreopenedDirectory(hostPath, guestPath, access)) };
    }

    /// <summary>Gives the guest a listening socket (for <c>sock_accept</c>); its descriptor follows the directories'.</summary>
    /// <param name="listener">A bound, listening socket (not closed by the context).</param>
    /// <returns>A new configuration.</returns>
    public WasiConfig WithPreopenedSocket(Socket listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        return new(this) { PreopenedSockets = PreopenedSockets.Add(listener) };
    }
}
