using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Storage.Statistics;
using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// What a live hub's projection does between two calls: a page of a few changes written every few seconds. Before a
/// timed call, one page moving three applications is written through <see cref="IndicatorStore.WriteAsync"/>, as the
/// projection's page writes it (the tables, their marginals and the territories' versions, in one transaction): one
/// application counted in the territory asked and two others of the file, each a renewal in the current month in
/// every territory it counts in (its communes, their EPCIs, its département, the file). The next page takes them
/// back, so the figures stay those of the loaded history (the plain SQL checks that follow still hold).
/// </summary>
internal sealed class LiveChanges(string connectionString)
{
    private readonly IndicatorStore store = new();
    private readonly Dictionary<string, string[]> asked = new(StringComparer.Ordinal);
    private readonly Random random = new(17);
    private List<string[]> others = [];
    private bool takeBack;

    public async Task PrepareAsync(IEnumerable<string> territories)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        others = await TerritoriesAsync(connection, "SELECT territories FROM indicator_applications TABLESAMPLE SYSTEM (1) LIMIT 200", null);
        if (others.Count < 10)
        {
            // A small file (the smoke run): too few pages for a sample.
            others = await TerritoriesAsync(connection, "SELECT territories FROM indicator_applications LIMIT 200", null);
        }

        foreach (var territory in territories.Distinct(StringComparer.Ordinal))
        {
            // A territory no application counts in (in the smoke run's small file): a change of its own row and the file's.
            var found = await TerritoriesAsync(connection, "SELECT territories FROM indicator_applications WHERE @territory = ANY(territories) LIMIT 1", territory);
            asked[territory] = found.Count > 0 ? found[0] : [territory, TerritoryKeys.File];
        }
    }

    /// <summary>Writes one page: an application of <paramref name="territory"/> (a key of <see cref="TerritoryKeys"/>) and two others.</summary>
    public async Task PageAsync(string territory)
    {
        var month = new DateOnly(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1);
        var delta = takeBack ? -1 : 1;
        takeBack = !takeBack;
        var counts = new IndicatorCounts();
        foreach (var territories in new[] { asked[territory], others[random.Next(others.Count)], others[random.Next(others.Count)] })
        {
            foreach (var key in territories)
            {
                counts.AddStock(new StockKey(key, month, NeededTypology.T3, month, false), delta);
                var flow = new FlowKey(key, month, FlowIndicator.Renewed, "");
                counts.Flows[flow] = counts.Flows.GetValueOrDefault(flow) + delta;
            }
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await store.WriteAsync(transaction, counts, CancellationToken.None);
        await transaction.CommitAsync();
    }

    private static async Task<List<string[]>> TerritoriesAsync(NpgsqlConnection connection, string sql, string? territory)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (territory is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("territory", territory));
        }

        var rows = new List<string[]>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetFieldValue<string[]>(0));
        }

        return rows;
    }
}
