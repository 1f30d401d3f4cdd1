using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace Sharptime.Fuzz;

/// <summary>
/// A long-lived runner process (the Sharptime <c>exec</c> command or v8-runner.js) fed module paths on
/// stdin; each module's trace ends with <c>#end PATH</c>. A module that takes longer than the timeout gets
/// the trace line <c>timeout</c>; the process is killed and a fresh one takes the next module.
/// </summary>
internal sealed class BatchRunner(string name, ProcessStartInfo start, TimeSpan timeout) : IDisposable
{
    private Process? _process;
    private BlockingCollection<string?>? _lines;
    private readonly StringBuilder _stderr = new();

    public string Name { get; } = name;

    public string Run(string path)
    {
        if (_process is null) Start();
        _process!.StandardInput.WriteLine(path);
        _process.StandardInput.Flush();
        var trace = new StringBuilder();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            TimeSpan left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero || !_lines!.TryTake(out string? line, left))
            {
                Stop();
                return trace.Append("timeout\n").ToString();
            }
            if (line is null)
            {
                Stop();
                string error;
                lock (_stderr) error = _stderr.ToString();
                return trace.Append("runner-died ").Append(error.ReplaceLineEndings(" ")).Append('\n').ToString();
            }
            if (line == "#end " + path) return trace.ToString();
            trace.Append(line).Append('\n');
        }
    }

    private void Start()
    {
        _process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {start.FileName}");
        var lines = new BlockingCollection<string?>();
        _lines = lines;
        Process p = _process;
        var reader = new Thread(() =>
        {
            string? l;
            while ((l = p.StandardOutput.ReadLine()) is not null) lines.Add(l);
            lines.Add(null);
        }) { IsBackground = true };
        reader.Start();
        lock (_stderr) _stderr.Clear();
        p.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (_stderr)
            {
                if (_stderr.Length < 4000) _stderr.Append(e.Data).Append(' ');
            }
        };
        p.BeginErrorReadLine();
    }

    private void Stop()
    {
        if (_process is null) return;
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        if (_process is not null && !_process.HasExited)
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        Stop();
    }
}
