using System.Text.Json;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Storage.Changes;
using Npgsql;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// Rebuilds the observatory's tables (<c>indicator_stock</c>, <c>indicator_flows</c>,
/// <c>indicator_applications</c>) from the durable history in a few set-based statements, inside the caller's
/// transaction. Replaying the history page by page through the counter runs at about a thousand changes a
/// second on a loaded machine (hours for a national file); grouping whole sets of revisions at once takes
/// minutes. The caller runs it in a REPEATABLE READ transaction, so that every statement and the feed head it
/// passes see one snapshot, and moves the projection's checkpoint to that head in the same transaction.
/// </summary>
public sealed class IndicatorRebuild
{
    /// <summary>
    /// Empties the tables and counts into them every revision of the history whose change is sequenced up to
    /// <paramref name="head"/> or was pruned from the feed. Returns how many revisions it counted.
    /// </summary>
    public async Task<long> RunAsync(NpgsqlTransaction transaction, long head, EpciDirectory epcis, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;

        // Sorts and hashes over millions of revisions: room enough for them to stay mostly in memory, for this
        // transaction only.
        await ExecuteAsync(connection, transaction, "SET LOCAL work_mem = '64MB'", [], cancellationToken);
        await ExecuteAsync(connection, transaction, IndicatorRebuildSql.Collect, [new NpgsqlParameter<long>("head", head)], cancellationToken);

        var (places, compositions) = await DistinctAsync(connection, transaction, cancellationToken);
        await ExecuteAsync(connection, transaction, IndicatorRebuildSql.Lookups, LookupParameters(places, compositions, epcis), cancellationToken);

        await using var count = new NpgsqlCommand(IndicatorRebuildSql.Count, connection, transaction) { CommandTimeout = 0 };
        count.Parameters.AddRange(CountParameters());
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task<(List<(string Departement, string Communes)> Places, List<(int Size, bool CoApplicant, int Children)> Compositions)> DistinctAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var places = new List<(string, string)>();
        var compositions = new List<(int, bool, int)>();
        await using var command = new NpgsqlCommand(IndicatorRebuildSql.Distinct, connection, transaction) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            places.Add((reader.GetString(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            compositions.Add((reader.GetInt32(0), reader.GetBoolean(1), reader.GetInt32(2)));
        }

        return (places, compositions);
    }

    /// <summary>Each place's territory keys and each composition's needed typology, as the counter derives them.</summary>
    private static NpgsqlParameter[] LookupParameters(
        List<(string Departement, string Communes)> places, List<(int Size, bool CoApplicant, int Children)> compositions, EpciDirectory epcis)
    {
        // Territories travel as one space-separated string per place, as in IndicatorStore.WriteAsync.
        var territories = places
            .Select(p => string.Join(' ', TerritoryKeys.Of(p.Departement, JsonSerializer.Deserialize<List<string>>(p.Communes) ?? [], epcis)))
            .ToArray();
        return
        [
            new NpgsqlParameter<int[]>("places", Enumerable.Range(1, places.Count).ToArray()),
            new NpgsqlParameter<string[]>("placeDepartements", places.Select(p => p.Departement).ToArray()),
            new NpgsqlParameter<string[]>("placeCommunes", places.Select(p => p.Communes).ToArray()),
            new NpgsqlParameter<string[]>("placeTerritories", territories),
            new NpgsqlParameter<int[]>("sizes", compositions.Select(c => c.Size).ToArray()),
            new NpgsqlParameter<bool[]>("coApplicants", compositions.Select(c => c.CoApplicant).ToArray()),
            new NpgsqlParameter<int[]>("children", compositions.Select(c => c.Children).ToArray()),
            new NpgsqlParameter<short[]>("typologies", compositions.Select(c => (short)NeededTypologies.Of(c.Size, c.CoApplicant, c.Children)).ToArray()),
        ];
    }

    /// <summary>The change kinds, indicator names and codes the counter uses, from their owners.</summary>
    private static NpgsqlParameter[] CountParameters()
    {
        var reasons = Enum.GetValues<RadiationReason>().Where(r => r != RadiationReason.Unspecified).ToList();
        return
        [
            Text("registered", ChangeKind.Registered),
            Text("imported", ChangeKind.Imported),
            Text("renewedKind", ChangeKind.Renewed),
            Text("radiatedKind", ChangeKind.Radiated),
            Text("offerAnswered", ChangeKind.OfferAnswered),
            Text("new", FlowIndicator.New),
            Text("renewed", FlowIndicator.Renewed),
            Text("radiated", FlowIndicator.Radiated),
            Text("attributed", FlowIndicator.Attributed),
            Text("attributedByHolder", FlowIndicator.AttributedByHolder),
            Text("attributedPriority", FlowIndicator.AttributedPriority),
            Text("attributionDelay", FlowIndicator.AttributionDelay),
            Text("offerRefused", FlowIndicator.OfferRefused),
            Text("offerRefusedState", nameof(ProposalState.OfferRefused)),
            Text("attributionCode", SneCodes.Of(RadiationReason.Attribution)),
            new NpgsqlParameter<string[]>("reasonCodes", reasons.Select(SneCodes.Of).ToArray()),
            new NpgsqlParameter<string[]>("reasonNames", reasons.Select(r => r.ToString()).ToArray()),
        ];
    }

    private static NpgsqlParameter Text(string name, string value) => new NpgsqlParameter<string>(name, value);

    private static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        // No timeout: a national file's rebuild runs for minutes; the caller's token cancels it.
        await using var command = new NpgsqlCommand(sql, connection, transaction) { CommandTimeout = 0 };
        command.Parameters.AddRange(parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
