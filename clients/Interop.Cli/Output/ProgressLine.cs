namespace Interop.Cli.Output;

/// <summary>
/// Progress of a long job on standard error: one line redrawn in place when stderr
/// is a terminal, otherwise a plain line now and then, so logs and pipes stay
/// readable. Standard output is left to the job's data (a CSV may go there).
/// </summary>
internal sealed class ProgressLine(TimeSpan plainLineInterval, TimeProvider clock)
{
    private readonly bool interactive = !Console.IsErrorRedirected;
    private readonly Lock gate = new();
    private long lastPlainLine = long.MinValue;
    private int drawnLength;

    public static ProgressLine ForJob() => new(TimeSpan.FromSeconds(5), TimeProvider.System);

    public void Report(string text)
    {
        lock (gate)
        {
            if (interactive)
            {
                Console.Error.Write("\r" + text.PadRight(drawnLength));
                drawnLength = text.Length;
                return;
            }

            var now = clock.GetTimestamp();
            if (lastPlainLine == long.MinValue || clock.GetElapsedTime(lastPlainLine, now) >= plainLineInterval)
            {
                Console.Error.WriteLine(text);
                lastPlainLine = now;
            }
        }
    }

    /// <summary>The final state, always written, ending the redrawn line.</summary>
    public void Complete(string text)
    {
        lock (gate)
        {
            Console.Error.WriteLine(interactive ? "\r" + text.PadRight(drawnLength) : text);
            drawnLength = 0;
        }
    }
}
