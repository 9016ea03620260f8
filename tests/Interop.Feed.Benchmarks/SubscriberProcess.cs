using System.Diagnostics;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// The subscribers in a process of their own (<c>--subscribers-apart</c>): this program started again with
/// <see cref="SubscriberHost.Argument"/> under <c>nice -n 10</c>, one process for the whole run (warm like the
/// benchmark's own), which runs each phase's subscribers when told (<see cref="SubscriberCommand"/>).
/// </summary>
/// <remarks>
/// Why apart: in the benchmark's process the fifty subscribers' receptions (≈ 0.7 ms of CPU per write) compete with the
/// writers for its thread pool and GC, and with the other client for the machine's 2 cores; in production they are
/// other organisations' machines. Why nice: the receptions then yield the cores to the hub, the writers and the other
/// client, so what is left of the slowdown is the hub's share. <c>nice</c> starts the process at the lower priority, so
/// every thread the runtime creates inherits it; lowering it after the start (<c>Process.PriorityClass</c>) would
/// change only the main thread on Linux, where a priority belongs to each thread.
/// </remarks>
internal sealed class SubscriberProcess : IAsyncDisposable
{
    public const int Niceness = 10;

    private readonly Process process;

    private SubscriberProcess(Process process)
    {
        this.process = process;
    }

    public int Id => process.Id;

    public static SubscriberProcess Start(Uri hub, string apiKey)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo("nice") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-n", Niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), self })
        {
            start.ArgumentList.Add(argument);
        }

        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SubscriberProcess).Assembly.Location);
        }

        foreach (var argument in new[] { SubscriberHost.Argument, hub.ToString(), apiKey })
        {
            start.ArgumentList.Add(argument);
        }

        return new SubscriberProcess(Process.Start(start) ?? throw new InvalidOperationException("the subscriber process did not start"));
    }

    /// <summary>Starts a phase's subscribers in the process and returns once they all caught up.</summary>
    /// <param name="slowPause">The slow subscriber's pause after each change; null: no slow subscriber.</param>
    public async Task<IPhaseSubscribers> StartPhaseAsync(string label, int count, long after, TimeSpan? slowPause, TimeSpan timeout)
    {
        await SendAsync(new SubscriberCommand(SubscriberCommand.Start, label, count, after, slowPause?.TotalMilliseconds, timeout.TotalSeconds));
        await ExpectAsync(SubscriberEvent.CaughtUp, timeout);
        return new RemotePhase(this);
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        process.Dispose();
    }

    private Task SendAsync(SubscriberCommand command) => SubscriberWire.WriteAsync(process.StandardInput, command);

    /// <summary>Reads the process' next answer, which must be <paramref name="expected"/>; it has <paramref name="timeout"/> and a margin to come.</summary>
    private async Task<SubscriberEvent> ExpectAsync(string expected, TimeSpan timeout)
    {
        var answer = await ReadEventAsync(timeout + TimeSpan.FromSeconds(30), $"answer '{expected}'");
        if (answer?.Event != expected)
        {
            throw new InvalidOperationException($"the subscriber process answered {answer?.Event ?? "nothing (it exited)"} instead of '{expected}' {answer?.Message}");
        }

        return answer;
    }

    /// <summary>The process' next line of output as an event, or null when it exited; a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    private async Task<SubscriberEvent?> ReadEventAsync(TimeSpan timeout, string what)
    {
        using var wait = new CancellationTokenSource(timeout);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the subscriber process did not {what} in time");
        }

        return line is null ? null : SubscriberWire.Read<SubscriberEvent>(line);
    }

    /// <summary>A phase whose subscribers run in the subscriber process.</summary>
    private sealed class RemotePhase(SubscriberProcess owner) : IPhaseSubscribers
    {
        private static readonly TimeSpan ReportTimeout = TimeSpan.FromSeconds(60);

        private bool reported;

        public int? ProcessId => owner.Id;

        public async Task DrainAsync(long head, TimeSpan timeout)
        {
            await owner.SendAsync(new SubscriberCommand(SubscriberCommand.Drain, TimeoutSeconds: timeout.TotalSeconds, Head: head));
            await owner.ExpectAsync(SubscriberEvent.Drained, timeout);
        }

        public async Task<PhaseTallies> TallyAsync()
        {
            if (reported)
            {
                throw new InvalidOperationException("a phase's subscribers report once: the report closes their streams");
            }

            reported = true;
            await owner.SendAsync(new SubscriberCommand(SubscriberCommand.Report));
            var fast = new List<SubscriberTally>();
            SubscriberTally? slow = null;
            while (true)
            {
                var answer = await owner.ReadEventAsync(ReportTimeout, "finish its report")
                    ?? throw new InvalidOperationException("the subscriber process exited during its report");
                switch (answer)
                {
                    case { Event: SubscriberEvent.Reported }:
                        return new PhaseTallies(fast, slow);
                    case { Event: SubscriberEvent.Tallied, Tally: { } tally, Slow: true }:
                        slow = tally.ToTally();
                        break;
                    case { Event: SubscriberEvent.Tallied, Tally: { } tally }:
                        fast.Add(tally.ToTally());
                        break;
                    default:
                        throw new InvalidOperationException($"the subscriber process answered {answer.Event} during its report {answer.Message}");
                }
            }
        }

        /// <summary>Closes the phase's streams if its report was not read (a phase that failed on the way).</summary>
        public async ValueTask DisposeAsync()
        {
            if (reported)
            {
                return;
            }

            try
            {
                await TallyAsync();
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException or IOException)
            {
                // The phase is failing already with its own error, which this one must not hide; the run stops with it.
            }
        }
    }
}
