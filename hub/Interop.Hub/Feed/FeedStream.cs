using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Diagnostics;
using Interop.Hub.Storage.Audit;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>
/// One subscriber's stream: from its position, takes the next page from the
/// shared window when it is inside it, or reads it from the database when it
/// is behind (catch-up), sends what passes its filter, and moves on; when
/// caught up it waits for the fan-out's next page, holding no connection.
/// </summary>
/// <remarks>
/// A stream waiting at the window's head has the reads of the next page
/// audited by the fan-out before the page is published (<see cref="FeedFanOut"/>),
/// in one insert for every such stream; it audits itself only what that did
/// not cover (a page taken while behind, a state that changed meanwhile).
///
/// Flow control is the stream's own write: a subscriber that does not read
/// fills its HTTP/2 window, its write waits, and only this loop waits; the
/// window moves on without it and it later reads its backlog from the
/// database, a page at a time. Positions only go forward, so whichever source
/// a page comes from, every change is sent once and in change_seq order.
/// </remarks>
internal sealed class FeedStream(
    FeedFanOut fanOut, FeedPages pages, DeliveryAudit audit, Principal caller, FeedFilter filter, TimeSpan heartbeat,
    IServerStreamWriter<V1.SubscribeResponse> stream, ServerCallContext context, HubMetrics metrics, TimeProvider time)
{
    private const int PageSize = 200;
    private static readonly WriteOptions BufferHint = new(WriteFlags.BufferHint);

    // Only a gRPC call's writer takes write options; the HTTP/JSON door's
    // refuses them (and writes each line as it comes anyway).
    private readonly bool buffered = context.GetHttpContext().Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) == true;

    // Read once from the call: the fan-out builds this stream's audit records on its own
    // thread, and may do so just as the call ends.
    private readonly string method = context.Method;
    private readonly string peer = context.PeerAddress();
    private long position;
    private AuditedAhead? auditedAhead;

    /// <summary>The last change_seq this stream has passed (sent, or not for it).</summary>
    public long Position => Volatile.Read(ref position);

    /// <summary>
    /// Follows the feed from <paramref name="after"/>; <paramref name="headAtStart"/> is the feed's head when the
    /// subscription started, which <c>caught_up</c> never tells before it is reached.
    /// </summary>
    public async Task RunAsync(long after, long headAtStart, CancellationToken cancellationToken)
    {
        Volatile.Write(ref position, after);
        fanOut.Join(this);
        try
        {
            await FollowAsync(after, headAtStart, cancellationToken);
        }
        finally
        {
            fanOut.Leave(this);
        }
    }

    /// <summary>The fan-out audited, for this stream, the reads of a page it is about to publish.</summary>
    public void MarkAuditedAhead(AuditedAhead audited) => Volatile.Write(ref auditedAhead, audited);

    /// <summary>The applications this stream would show (with their state) from <paramref name="page"/>.</summary>
    public IReadOnlySet<string> ShownApplications(IReadOnlyList<FeedEntry> page)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in page)
        {
            if (filter.Passes(entry.Change) && Shows(entry))
            {
                numbers.Add(entry.Change.ApplicationNumber);
            }
        }

        return numbers;
    }

    /// <summary>The audit record of this stream showing <paramref name="number"/>.</summary>
    public AuditEntry ReadOf(string number) =>
        new(caller.OrganizationId, caller.KeyId, number, method, AuditTrail.Read, peer);

    private bool Shows(FeedEntry entry) => entry.State is { } state && AccessPolicy.CanRead(caller.Organization, state);

    private async Task FollowAsync(long after, long headAtStart, CancellationToken cancellationToken)
    {
        var caughtUpSent = false;
        while (true)
        {
            var advanced = fanOut.Advanced.NextPulse;
            var window = fanOut.Window;

            // The shared window reads a numbered page a moment after the sequencer commits it: a stream that
            // starts in that moment reads up to the head it was told at its start from the database, so that
            // caught_up ("every change up to the current head") holds for a reader that stops at it.
            var live = window.Covers(after) && (after >= headAtStart || window.Head > after);
            IReadOnlyList<FeedEntry> page = live
                ? window.After(after, PageSize)
                : await pages.CatchUpAsync(after, PageSize, cancellationToken);
            if (page.Count > 0)
            {
                // A page that reaches the window's head is followed at once by the caught-up marker, in the
                // same flush: one HTTP/2 write per stream and page instead of two (at fifty subscribers,
                // each flush is a frame, a wake-up and a read on the subscriber's side). The marker tells the
                // head as this page's window saw it; a newer page, if any, follows it.
                var atHead = live && page[^1].ChangeSeq == window.Head && page[^1].ChangeSeq >= headAtStart;
                var flush = !atHead || !buffered;
                var written = await DeliverAsync(page, flush, cancellationToken);
                after = page[^1].ChangeSeq;
                Volatile.Write(ref position, after);
                if (atHead)
                {
                    await stream.WriteAsync(new V1.SubscribeResponse { CaughtUp = new V1.FeedPosition { ChangeSeq = after } }, cancellationToken);
                    if (!flush)
                    {
                        RecordWritten(written);
                    }
                }

                caughtUpSent = atHead;
                continue;
            }

            if (!live)
            {
                // The database has nothing after this position: nothing more to wait for.
                headAtStart = Math.Min(headAtStart, after);
            }

            if (!caughtUpSent && after >= headAtStart)
            {
                await stream.WriteAsync(new V1.SubscribeResponse { CaughtUp = new V1.FeedPosition { ChangeSeq = after } }, cancellationToken);
                caughtUpSent = true;
            }

            if (!await FeedSignal.WaitAsync(advanced, heartbeat, cancellationToken))
            {
                await stream.WriteAsync(new V1.SubscribeResponse { Heartbeat = new V1.FeedPosition { ChangeSeq = after } }, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Sends what of <paramref name="page"/> passes the filter, after auditing it; returns what was
    /// sent. With <paramref name="flush"/> false the messages stay in the buffer for the caller's next
    /// write, which then records them as written.
    /// </summary>
    private async Task<IReadOnlyList<FeedEntry>> DeliverAsync(IReadOnlyList<FeedEntry> page, bool flush, CancellationToken cancellationToken)
    {
        var passing = page.Where(e => filter.Passes(e.Change)).ToList();
        var last = page[^1].ChangeSeq;
        var hint = flush ? null : BufferHint;
        if (passing.Count == 0)
        {
            await WriteAsync(new V1.SubscribeResponse { Checkpoint = new V1.FeedPosition { ChangeSeq = last } }, hint, cancellationToken);
            return [];
        }

        // Reads are audited before the data leave the hub: by the fan-out
        // ahead of the page for a stream that waited at the head, here for the rest.
        var shown = passing.Select(Shows).ToList();
        var ahead = Volatile.Read(ref auditedAhead);
        await audit.RecordAsync(
            passing.Where((e, i) => shown[i] && ahead?.Covers(e.ChangeSeq, e.Change.ApplicationNumber) != true)
                .Select(e => e.Change.ApplicationNumber).Distinct()
                .Select(ReadOf)
                .ToList(),
            cancellationToken);
        var audited = time.GetUtcNow().UtcDateTime;
        foreach (var entry in passing)
        {
            metrics.RecordAuditDelay(audited - entry.Change.OccurredAt);
        }

        // One flush per page, not per change: a page read in catch-up is 200
        // messages, and each flush is a system call and an HTTP/2 frame of its own.
        var checkpoint = passing[^1].ChangeSeq != last;
        for (var i = 0; i < passing.Count; i++)
        {
            var message = shown[i] ? passing[i].WithState : passing[i].WithoutState;
            await WriteAsync(new V1.SubscribeResponse { Change = message }, i < passing.Count - 1 || checkpoint ? BufferHint : hint, cancellationToken);
        }

        if (checkpoint)
        {
            await WriteAsync(new V1.SubscribeResponse { Checkpoint = new V1.FeedPosition { ChangeSeq = last } }, hint, cancellationToken);
        }

        if (hint is null)
        {
            RecordWritten(passing);
        }

        return passing;
    }

    /// <summary>A message left in the buffer (<paramref name="options"/> with the buffer hint) or flushed with what precedes it.</summary>
    private async Task WriteAsync(V1.SubscribeResponse message, WriteOptions? options, CancellationToken cancellationToken)
    {
        if (!buffered)
        {
            await stream.WriteAsync(message, cancellationToken);
            return;
        }

        stream.WriteOptions = options;
        try
        {
            await stream.WriteAsync(message, cancellationToken);
        }
        finally
        {
            stream.WriteOptions = null;
        }
    }

    /// <summary>
    /// Written to the HTTP/2 stream and flushed (flow control let it through): what the subscriber
    /// waited for since the write, and since the commit.
    /// </summary>
    private void RecordWritten(IReadOnlyList<FeedEntry> written)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in written)
        {
            metrics.RecordDeliveryDelay(now - entry.Change.OccurredAt);
            if (entry.CommittedAt is { } committed)
            {
                metrics.RecordDeliveryAfterCommit(now - committed);
            }
        }
    }
}
