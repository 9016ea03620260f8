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

    public async Task RunAsync(long after, CancellationToken cancellationToken)
    {
        Volatile.Write(ref position, after);
        fanOut.Join(this);
        try
        {
            await FollowAsync(after, cancellationToken);
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

    private async Task FollowAsync(long after, CancellationToken cancellationToken)
    {
        var caughtUpSent = false;
        while (true)
        {
            var advanced = fanOut.Advanced.NextPulse;
            var window = fanOut.Window;
            IReadOnlyList<FeedEntry> page = window.Covers(after)
                ? window.After(after, PageSize)
                : await pages.CatchUpAsync(after, PageSize, cancellationToken);
            if (page.Count > 0)
            {
                await DeliverAsync(page, cancellationToken);
                after = page[^1].ChangeSeq;
                Volatile.Write(ref position, after);
                caughtUpSent = false;
                continue;
            }

            if (!caughtUpSent)
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

    private async Task DeliverAsync(IReadOnlyList<FeedEntry> page, CancellationToken cancellationToken)
    {
        var passing = page.Where(e => filter.Passes(e.Change)).ToList();
        var last = page[^1].ChangeSeq;
        if (passing.Count == 0)
        {
            await stream.WriteAsync(new V1.SubscribeResponse { Checkpoint = new V1.FeedPosition { ChangeSeq = last } }, cancellationToken);
            return;
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
            if (buffered)
            {
                stream.WriteOptions = i < passing.Count - 1 || checkpoint ? BufferHint : null;
            }

            await stream.WriteAsync(new V1.SubscribeResponse { Change = message }, cancellationToken);
        }

        if (buffered)
        {
            stream.WriteOptions = null;
        }

        // Written to the HTTP/2 stream (flow control let it through): what the subscriber waited for since the commit.
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var entry in passing)
        {
            metrics.RecordDeliveryDelay(now - entry.Change.OccurredAt);
            if (entry.CommittedAt is { } committed)
            {
                metrics.RecordDeliveryAfterCommit(now - committed);
            }
        }

        if (checkpoint)
        {
            await stream.WriteAsync(new V1.SubscribeResponse { Checkpoint = new V1.FeedPosition { ChangeSeq = last } }, cancellationToken);
        }
    }
}
