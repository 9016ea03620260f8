using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Storage.Statistics;
using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// Counts the first <c>limit</c> changes of the history (in time order) into the indicator tables page by page,
/// as the hub's IndicatorProjection does over the change log (facts looked up by revision, each page in its own
/// transaction): the per-change path the set-based rebuild replaces, timed on a sample. The synthetic history's
/// changes are not in the feed, so an attribution's lease (holder, DALO) comes from its proposal, as
/// <c>IndicatorStore.PrunedHistoryAsync</c> and the set-based rebuild take it for a pruned change.
/// </summary>
internal static class IndicatorBuild
{
    public const int PageSize = 5_000;

    public static async Task<long> RunAsync(string connectionString, IndicatorStore store, EpciDirectory epcis, long limit)
    {
        await using var reading = new NpgsqlConnection(connectionString);
        await reading.OpenAsync();
        await using var writing = new NpgsqlConnection(connectionString);
        await writing.OpenAsync();
        await using var read = new NpgsqlCommand(
            """
            SELECT h.application_number, h.revision, h.kind, h.occurred_at, h.departement,
                   CASE p.state WHEN 'lease_signed' THEN 'LeaseSigned' WHEN 'offer_refused' THEN 'OfferRefused' END,
                   p.lease_reservation_holder, COALESCE(p.lease_dalo, false)
            FROM application_history h
            LEFT JOIN proposals p ON p.application_number = h.application_number AND p.application_revision = h.revision
            ORDER BY h.occurred_at, h.application_number, h.revision LIMIT @limit
            """,
            reading) { CommandTimeout = 0 };
        read.Parameters.AddWithValue("limit", limit);
        await using var reader = await read.ExecuteReaderAsync();
        var page = new List<(string Number, long Revision, string Kind, DateTime At, string Departement, AttributionFacts? Attribution)>(PageSize);
        long counted = 0;
        while (true)
        {
            var more = await reader.ReadAsync();
            if (more)
            {
                page.Add((reader.GetString(0), reader.GetInt64(1), reader.GetString(2), reader.GetDateTime(3), reader.GetString(4),
                    reader.IsDBNull(5) ? null : new AttributionFacts(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetBoolean(7))));
            }

            if (page.Count == PageSize || (!more && page.Count > 0))
            {
                await using var transaction = await writing.BeginTransactionAsync();
                var facts = await store.FactsAsync(transaction, page.Select(c => (c.Number, c.Revision)).ToList(), CancellationToken.None);
                var before = await store.CountedAsync(transaction, page.Select(c => c.Number).Distinct(StringComparer.Ordinal).ToList(), CancellationToken.None);
                var counts = new IndicatorCounts();
                foreach (var change in page)
                {
                    IndicatorCounter.Count(
                        counts.Applications.GetValueOrDefault(change.Number) ?? before.GetValueOrDefault(change.Number),
                        new IndicatorEvent(
                            change.Number,
                            change.Revision,
                            change.Kind,
                            new DateTimeOffset(DateTime.SpecifyKind(change.At, DateTimeKind.Utc)),
                            change.Departement,
                            facts.GetValueOrDefault((change.Number, change.Revision)),
                            change.Attribution),
                        epcis,
                        counts);
                }

                await store.WriteAsync(transaction, counts, CancellationToken.None);
                await transaction.CommitAsync();
                counted += page.Count;
                page.Clear();
            }

            if (!more)
            {
                return counted;
            }
        }
    }
}
