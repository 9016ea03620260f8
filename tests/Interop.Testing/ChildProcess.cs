using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Interop.Testing;

/// <summary>
/// A program the tests start as a separate operating-system process (the hub, the
/// installed <c>interop</c> tool): its standard output and error captured line by line as
/// they come, signals sent as a shell or an orchestrator sends them.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly List<string> outputLines = [];
    private readonly StringBuilder error = new();
    private readonly StringBuilder combined = new();
    private readonly TaskCompletionSource outputClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChildProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => Append(e.Data, isError: true);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public sealed record Result(int ExitCode, string Output, string Error);

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Standard output so far.</summary>
    public string Output
    {
        get
        {
            lock (combined)
            {
                return string.Join('\n', outputLines) + (outputLines.Count > 0 ? "\n" : "");
            }
        }
    }

    public IReadOnlyList<string> OutputLines
    {
        get
        {
            lock (combined)
            {
                return [.. outputLines];
            }
        }
    }

    /// <summary>Standard error so far.</summary>
    public string Error
    {
        get
        {
            lock (combined)
            {
                return error.ToString();
            }
        }
    }

    /// <summary>Both streams as they interleaved.</summary>
    public string Combined
    {
        get
        {
            lock (combined)
            {
                return combined.ToString();
            }
        }
    }

    /// <param name="standardInput">Written to the process's standard input, which is then closed; null leaves it closed at once.</param>
    public static ChildProcess Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(key);
            }
            else
            {
                start.Environment[key] = value;
            }
        }

        var child = new ChildProcess(Process.Start(start)!);
        if (standardInput is not null)
        {
            child.process.StandardInput.Write(standardInput);
        }

        child.process.StandardInput.Close();
        return child;
    }

    /// <summary>Runs a program to its end and returns what it printed; fails the test after <paramref name="timeout"/>.</summary>
    public static async Task<Result> RunAsync(
        string fileName, IEnumerable<string> arguments, IDictionary<string, string?>? environment = null, string? standardInput = null, TimeSpan? timeout = null)
    {
        await using var child = Start(fileName, arguments, environment, standardInput);
        await child.WaitForExitAsync(timeout ?? TimeSpan.FromSeconds(60));
        return new Result(child.ExitCode, child.Output, child.Error);
    }

    /// <summary>Waits for the process to end and for its output to be read to the end.</summary>
    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
            await Task.WhenAll(outputClosed.Task, errorClosed.Task).WaitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{process.StartInfo.FileName} did not exit within {timeout.TotalSeconds} s. Output so far:\n{Combined}");
        }
    }

    /// <summary>Waits until a line of standard output satisfies <paramref name="match"/> and returns it.</summary>
    public async Task<string> WaitForOutputLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            var found = OutputLines.FirstOrDefault(match);
            if (found is not null)
            {
                return found;
            }

            if (process.HasExited && outputClosed.Task.IsCompleted)
            {
                throw new InvalidOperationException($"The process exited with code {process.ExitCode} before the line came. Output:\n{Combined}");
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No such line within {timeout.TotalSeconds} s. Output so far:\n{Combined}");
    }

    /// <summary>Sends a signal (<c>INT</c> as Ctrl-C does, <c>TERM</c> as an orchestrator does).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    /// <summary>Ends the process at once, as <c>kill -9</c> does.</summary>
    public void Kill() => process.Kill(entireProcessTree: true);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private void Append(string? line, bool isError)
    {
        lock (combined)
        {
            if (line is null)
            {
                (isError ? errorClosed : outputClosed).TrySetResult();
                return;
            }

            if (isError)
            {
                error.AppendLine(line);
            }
            else
            {
                outputLines.Add(line);
            }

            combined.AppendLine(line);
        }
    }
}
