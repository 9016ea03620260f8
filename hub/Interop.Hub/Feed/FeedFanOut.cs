using System.Collections.Concurrent;
using Interop.Hub.Configuration;
using Interop.Hub.Diagnostics;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Feed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Feed;

/// <summary>
/// The one reader of the feed in this process: when the sequencer numbers
/// changes (here or, through NOTIFY, in another process) it reads each new
/// page once, with its applications' states, and publishes it in a shared
/// <see cref="FeedWindow"/> of the newest <see cref="WindowCapacity"/>
/// changes; every stream then takes what passes its scope and filters from
/// there. Fifty subscribers cost one read per page instead of fifty.
/// </summary>
/// <remarks>
/// The reads of a new page are audited once for every stream waiting at the
/// window's head, in one insert, before the page is published: each stream
/// then sends at once. (When each stream audited its own page by group
/// commit, the first one's insert went alone and the other forty-nine waited
/// for it before theirs: two commits on the path of every delivery.)
///
/// The window is bounded and nobody waits for anybody: a stream that falls
/// behind its start (a slow subscriber, one resuming from an old checkpoint)
/// reads its own pages from the database until it is back inside it. So a
/// slow subscriber never slows the others nor makes the hub hold its backlog
/// in memory; it holds at most the one page it is writing.
/// </remarks>
internal sealed class FeedFanOut(
    RegistryDatabase database, FeedStore feed, FeedPages pages, DeliveryAudit audit, FeedSignals signals, IOptions<InteropOptions> options,
    HubMetrics metrics, TimeProvider time, ILogger<FeedFanOut> logger) : BackgroundService
{
    /// <summary>Changes kept in memory: about 30 s of a busy territory's writes, a few MiB.</summary>
    public const int WindowCapacity = 2048;

    private const int PageSize = 500;

    private readonly ConcurrentDictionary<FeedStream, byte> streams = new();
    private FeedWindow window = FeedWindow.NotReady;

    /// <summary>The current snapshot; never changed, only replaced.</summary>
    public FeedWindow Window => Volatile.Read(ref window);

    /// <summary>Pulsed after each new page is published (and once when the window becomes ready).</summary>
    public FeedSignal Advanced { get; } = new();

    /// <summary>A stream of this process starts: the fan-out audits its reads ahead whenever it waits at the head.</summary>
    public void Join(FeedStream stream) => streams.TryAdd(stream, 0);

    public void Leave(FeedStream stream) => streams.TryRemove(stream, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.FeedPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sequenced = signals.Sequenced.NextPulse;
                await ReadNewPagesAsync(stoppingToken);
                await FeedSignal.WaitAsync(sequenced, poll, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                FeedLog.FanOutUnreachable(logger, exception);
                await signals.Sequenced.WaitAsync(poll, stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // Any other fault (a row the mapping refuses…) must not end this background service: the
                // host would stop the whole hub with it, where the old per-stream reads failed one stream only.
                FeedLog.FanOutFailed(logger, exception);
                await signals.Sequenced.WaitAsync(poll, stoppingToken);
            }
        }
    }

    private async Task ReadNewPagesAsync(CancellationToken cancellationToken)
    {
        var current = Window;
        if (!current.Ready)
        {
            // Start at the head: older changes are read by the streams that need them.
            long head;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                (head, _) = await feed.BoundsAsync(connection, cancellationToken);
            }

            current = new FeedWindow(true, head, []);
            Volatile.Write(ref window, current);
            FeedLog.FanOutStarted(logger, head);
            Advanced.Pulse();
        }

        while (true)
        {
            var page = await pages.ReadAsync(current.Head, PageSize, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            await AuditAheadAsync(current.Head, page, cancellationToken);
            current = current.Append(page, WindowCapacity);
            Volatile.Write(ref window, current);
            Advanced.Pulse();
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var entry in page)
            {
                metrics.RecordFanOutDelay(now - entry.Change.OccurredAt);
            }

            // A short page held everything numbered when it was read; what is numbered later pulses the
            // signal the caller took before this read. Reading on until a page came back empty was a second
            // query for every page (a third of the feed's reads in the benchmark).
            if (page.Count < PageSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Audits the reads of <paramref name="page"/> for every stream at <paramref name="head"/>:
    /// nothing after the head is published yet, so each of them takes this page next.
    /// </summary>
    /// <remarks>
    /// A failed insert publishes the page anyway: each stream then audits
    /// its own reads before sending, as a stream behind the window does.
    /// </remarks>
    private async Task AuditAheadAsync(long head, IReadOnlyList<FeedEntry> page, CancellationToken cancellationToken)
    {
        var through = page[^1].ChangeSeq;
        var entries = new List<AuditEntry>();
        var marks = new List<(FeedStream Stream, AuditedAhead Audited)>();
        foreach (var stream in streams.Keys)
        {
            if (stream.Position != head)
            {
                continue;
            }

            var numbers = stream.ShownApplications(page);
            entries.AddRange(numbers.Select(stream.ReadOf));
            marks.Add((stream, new AuditedAhead(head, through, numbers)));
        }

        if (marks.Count == 0)
        {
            return;
        }

        try
        {
            await audit.RecordAsync(entries, cancellationToken);
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
        {
            FeedLog.AuditAheadFailed(logger, exception);
            return;
        }

        foreach (var (stream, audited) in marks)
        {
            stream.MarkAuditedAhead(audited);
        }
    }
}
