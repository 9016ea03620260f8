using Interop.Hub.Diagnostics;

namespace Interop.Hub.Cotation;

/// <summary>
/// The stored scores this hub process wrote, by trigger, and the territory pages it committed: reported
/// as the metric <c>interop.cotation.rescored</c>, and kept here so that an operator's diagnostics (and the
/// tests) can tell how much a publication or a read cost. Reads write none.
/// </summary>
internal sealed class RescoringCounters(HubMetrics metrics)
{
    public const string Change = "change";

    public const string Publication = "publication";

    public const string Refresh = "refresh";

    private long changes;
    private long publications;
    private long territoryPages;
    private long refreshes;

    /// <summary>Scores written by the cotation projection (a change of the application).</summary>
    public long Changes => Interlocked.Read(ref changes);

    /// <summary>Scores written by territory rescorings (a publication, a rebuild).</summary>
    public long Publications => Interlocked.Read(ref publications);

    /// <summary>Territory rescoring transactions committed, each one page.</summary>
    public long TerritoryPages => Interlocked.Read(ref territoryPages);

    /// <summary>Scores written by the refresh of rows the date moved.</summary>
    public long Refreshes => Interlocked.Read(ref refreshes);

    /// <summary>Every score written, whatever the trigger.</summary>
    public long All => Changes + Publications + Refreshes;

    /// <summary>
    /// Called after each committed territory page with the grid and the page's number in this run: a
    /// test's probe (pause a rescoring half-way, or stop it as a crash would). Null in production.
    /// </summary>
    public Func<string, long, CancellationToken, Task>? AfterTerritoryPage { get; set; }

    public void Rescored(string trigger, int count)
    {
        if (count == 0)
        {
            return;
        }

        _ = trigger switch
        {
            Change => Interlocked.Add(ref changes, count),
            Publication => Interlocked.Add(ref publications, count),
            _ => Interlocked.Add(ref refreshes, count),
        };
        metrics.RecordRescored(trigger, count);
    }

    /// <summary>A territory page committed; runs the probe if a test set one.</summary>
    public Task TerritoryPageCommittedAsync(string gridId, long page, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref territoryPages);
        return AfterTerritoryPage?.Invoke(gridId, page, cancellationToken) ?? Task.CompletedTask;
    }
}
