using System.Text.Json;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Projections;
using Interop.Hub.Storage.Projections;
using Interop.Hub.Storage.Statistics;
using Npgsql;

namespace Interop.Hub.Observatory;

/// <summary>
/// Keeps the observatory's pre-aggregated tables current from the change log.
/// Each page is counted in the transaction that advances the projection's
/// checkpoint (<see cref="ProjectionRunner"/>), so a crash resumes from the
/// checkpoint and nothing is counted twice. What a change left is read from
/// the durable history (<c>application_history</c>) at the change's revision,
/// not from the application as it is now, so a projection behind the head and
/// a rebuild count exactly what happened.
/// </summary>
internal sealed class IndicatorProjection(IndicatorStore store, IndicatorRebuild rebuild, EpciDirectory epcis) : IChangeProjection, ISnapshotRebuild
{
    public const string ProjectionName = "observatory-indicators";

    private const int PrunedPageSize = 5_000;

    public string Name => ProjectionName;

    public async Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<ProjectedChange> changes, CancellationToken cancellationToken)
    {
        var facts = await store.FactsAsync(transaction, changes.Select(c => (c.ApplicationNumber, c.Revision)).ToList(), cancellationToken);
        var counted = await store.CountedAsync(transaction, changes.Select(c => c.ApplicationNumber).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
        var counts = new IndicatorCounts();
        foreach (var change in changes)
        {
            // An application changed twice in the page takes back what its first change counted.
            var before = counts.Applications.GetValueOrDefault(change.ApplicationNumber) ?? counted.GetValueOrDefault(change.ApplicationNumber);
            var indicatorEvent = new IndicatorEvent(
                change.ApplicationNumber,
                change.Revision,
                change.Kind,
                new DateTimeOffset(DateTime.SpecifyKind(change.OccurredAt, DateTimeKind.Utc)),
                change.Departement,
                facts.GetValueOrDefault((change.ApplicationNumber, change.Revision)),
                AttributionOf(change.Details));
            IndicatorCounter.Count(before, indicatorEvent, epcis, counts);
        }

        await store.WriteAsync(transaction, counts, cancellationToken);
    }

    /// <summary>
    /// A rebuild counts the whole history set-based (<see cref="IndicatorRebuild"/>), in the runner's
    /// transaction: minutes for a national file where the page replay below would take hours.
    /// </summary>
    public Task RebuildAsync(NpgsqlTransaction transaction, long head, CancellationToken cancellationToken) =>
        rebuild.RunAsync(transaction, head, epcis, cancellationToken);

    /// <summary>
    /// The page replay's start, for a runner that replays (the hub's runner rebuilds through
    /// <see cref="RebuildAsync"/>): empties the tables, then counts what the feed has already pruned from the durable history, so a
    /// rebuild starts from each application's first revision; the runner then replays the changes still
    /// in the log, which carry on from there (a revision is never counted twice).
    /// </summary>
    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await store.ResetAsync(transaction, cancellationToken);
        (DateTime, string, long)? after = null;
        while (true)
        {
            var page = await store.PrunedHistoryAsync(transaction, after, PrunedPageSize, cancellationToken);
            if (page.Count == 0)
            {
                return;
            }

            var counted = await store.CountedAsync(transaction, page.Select(c => c.Number).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);
            var counts = new IndicatorCounts();
            foreach (var change in page)
            {
                IndicatorCounter.Count(counts.Applications.GetValueOrDefault(change.Number) ?? counted.GetValueOrDefault(change.Number), change, epcis, counts);
            }

            await store.WriteAsync(transaction, counts, cancellationToken);
            after = (page[^1].OccurredAt.UtcDateTime, page[^1].Number, page[^1].Revision);
        }
    }

    /// <summary>An attribution step's details (Attributions/ProposalMapper.ChangeDetails): its state, and the lease once signed.</summary>
    private static AttributionFacts? AttributionOf(string details)
    {
        using var document = JsonDocument.Parse(details);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("state", out var state))
        {
            return null;
        }

        string? holder = null;
        var dalo = false;
        if (root.TryGetProperty("lease", out var lease) && lease.ValueKind == JsonValueKind.Object)
        {
            holder = lease.TryGetProperty("reservation_holder", out var h) && h.ValueKind == JsonValueKind.String ? h.GetString() : null;
            dalo = lease.TryGetProperty("dalo", out var d) && d.ValueKind == JsonValueKind.True;
        }

        return new AttributionFacts(state.ValueKind == JsonValueKind.String ? state.GetString() : null, holder, dalo);
    }
}
