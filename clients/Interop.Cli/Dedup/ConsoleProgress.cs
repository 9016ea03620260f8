using Interop.Hub.Core.Matching.Batch;

namespace Interop.Cli.Dedup;

/// <summary>
/// A progress bar on standard error, redrawn in place when stderr is a terminal; plain lines (one per
/// stage and every 25 %) when it goes to a file or a pipe, so logs stay readable.
/// </summary>
internal sealed class ConsoleProgress : IProgress<BatchProgress>
{
    private const int Width = 30;
    private readonly bool interactive = !Console.IsErrorRedirected;
    private readonly Lock gate = new();
    private string stage = "";
    private int lastQuarter = -1;

    public void Report(BatchProgress value)
    {
        lock (gate)
        {
            var fraction = value.Total <= 0 ? 1 : Math.Clamp((double)value.Done / value.Total, 0, 1);
            if (interactive)
            {
                if (stage.Length > 0 && stage != value.Stage)
                {
                    Console.Error.WriteLine();
                }

                var filled = (int)(fraction * Width);
                Console.Error.Write($"\r{value.Stage,-16} [{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {value.Done:N0}/{value.Total:N0}   ");
            }
            else
            {
                var quarter = (int)(fraction * 4);
                if (value.Stage != stage || quarter != lastQuarter)
                {
                    Console.Error.WriteLine($"{value.Stage}: {fraction:P0} ({value.Done:N0}/{value.Total:N0})");
                }

                lastQuarter = quarter;
            }

            stage = value.Stage;
        }
    }

    /// <summary>Ends the bar's line before normal output resumes.</summary>
    public void Complete()
    {
        if (interactive && stage.Length > 0)
        {
            Console.Error.WriteLine();
        }
    }
}
