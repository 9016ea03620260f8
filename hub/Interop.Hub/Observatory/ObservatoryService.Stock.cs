using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

internal sealed partial class ObservatoryService
{
    public override async Task<V1.ApplicationStock> GetApplicationStock(V1.GetApplicationStockRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var date = DateMapping.ToDateOnly(request.Date, "date", violations);
        if (date is null && request.Date is null or { Year: 0, Month: 0, Day: 0 })
        {
            violations.Add("date", "is required: the day whose stock to count (its end, French time).");
        }
        else if (date > FrenchCalendar.Today(time))
        {
            violations.Add("date", $"{date:yyyy-MM-dd} is in the future: the stock is known up to today.");
        }

        if (request.Level == V1.TerritoryLevel.Unspecified || !System.Enum.IsDefined(request.Level))
        {
            violations.Add("level", "is required: TERRITORY_LEVEL_COMMUNE, _EPCI, _DEPARTEMENT or _FILE.");
        }

        var departements = request.Departements.Select(d => d.Trim().ToUpperInvariant()).ToList();
        for (var i = 0; i < departements.Count; i++)
        {
            RequestRules.Departement(departements[i], $"departements[{i}]", violations);
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        var scope = AccessPolicy.StatisticsScopeOf(principal.Organization);
        if (scope.IsEmpty)
        {
            throw Denials.NotAllowed(principal, "read statistics: it was granted no territory");
        }

        if (request.Level == V1.TerritoryLevel.File && !scope.All)
        {
            throw Denials.NotAllowed(principal, "read the whole file's stock: only organisations granted every département");
        }

        if (departements.FirstOrDefault(d => !scope.CoversDepartement(d) && !scope.CommuneCodes.Any(c => Departements.OfCommune(c) == d)) is { } refused)
        {
            throw Denials.NotAllowed(principal, $"read statistics of département {refused}");
        }

        if (request.Level == V1.TerritoryLevel.Epci && epcis.Count == 0)
        {
            throw new PreconditionException(
                ErrorReasons.GeographyUnavailable, "geography", "This hub has no EPCI list (the official geography is not installed): count by commune or département.");
        }

        // The table is built over the whole file and only then cut to what the
        // caller sees, so every caller sees the same suppression and no two
        // answers can be combined to give a suppressed cell back.
        var before = FrenchCalendar.StartOf(date!.Value.AddDays(1));
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var (groups, withWhole) = request.Level switch
        {
            V1.TerritoryLevel.Commune => (await stock.ByCommuneAsync(connection, before, context.CancellationToken), false),
            V1.TerritoryLevel.Epci => (await stock.ByEpciAsync(connection, before, epcis.CommuneToEpci, context.CancellationToken), false),
            _ => (await stock.ByDepartementAsync(connection, before, context.CancellationToken), true),
        };
        var containers = await ContainersAsync(connection, request.Level, before, context.CancellationToken);
        var rows = StockTables.Build(groups, withWhole, containers)
            .Where(row => Visible(request.Level, row.Territory, scope, departements))
            .ToList();
        return new V1.ApplicationStock
        {
            Date = request.Date,
            Level = request.Level,
            SuppressionThreshold = SmallCellSuppression.DefaultThreshold,
            Rows = { rows.Select(ToProto) },
        };
    }

    /// <summary>
    /// For each row of a commune or EPCI table, the rows of the territories containing it the same day (its EPCI,
    /// its départements, the file), so a cell three short of its département's is withheld as the indicators do.
    /// The départements' table holds the file itself.
    /// </summary>
    private async Task<Func<string, IEnumerable<long[]>>> ContainersAsync(
        Npgsql.NpgsqlConnection connection, V1.TerritoryLevel level, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (level is not (V1.TerritoryLevel.Commune or V1.TerritoryLevel.Epci))
        {
            return _ => [];
        }

        var departements = StockTables.Counts(await stock.ByDepartementAsync(connection, before, cancellationToken));
        var file = Enumerable.Range(0, NeededTypologies.All.Count + 1).Select(k => departements.Values.Sum(r => r[k])).ToArray();
        var byEpci = level == V1.TerritoryLevel.Commune && epcis.Count > 0
            ? StockTables.Counts(await stock.ByEpciAsync(connection, before, epcis.CommuneToEpci, cancellationToken))
            : [];
        IEnumerable<long[]> Of(IEnumerable<string?> keys, SortedDictionary<string, long[]> rows) =>
            keys.OfType<string>().Select(k => rows.GetValueOrDefault(k)).OfType<long[]>();
        return level == V1.TerritoryLevel.Commune
            ? commune => Of([epcis.EpciOf(commune)], byEpci).Concat(Of([Departements.OfCommune(commune)], departements)).Append(file)
            : siren => Of(epcis.DepartementsOf(siren), departements).Append(file);
    }

    private bool Visible(V1.TerritoryLevel level, string territory, StatisticsScope scope, IReadOnlyList<string> departements) => level switch
    {
        V1.TerritoryLevel.File => territory == StockTables.Whole,
        V1.TerritoryLevel.Departement => territory != StockTables.Whole
            && scope.CoversDepartement(territory)
            && (departements.Count == 0 || departements.Contains(territory)),
        V1.TerritoryLevel.Commune => scope.CoversCommune(territory)
            && (departements.Count == 0 || departements.Contains(Departements.OfCommune(territory) ?? "")),
        // An EPCI's figures cover all its communes: the caller must cover every one.
        V1.TerritoryLevel.Epci => epcis.Members(territory).All(scope.CoversCommune)
            && (departements.Count == 0 || epcis.Members(territory).Any(c => departements.Contains(Departements.OfCommune(c) ?? ""))),
        _ => false,
    };

    private static V1.StockRow ToProto(StockRow row) => new()
    {
        TerritoryCode = row.Territory,
        Total = ToProto(row.Total),
        ByNeededTypology =
        {
            row.ByTypology.OrderBy(p => p.Key).Select(p => new V1.TypologyCount { Typology = (V1.NeededTypology)(int)p.Key, Count = ToProto(p.Value) }),
        },
    };

    private static V1.StockCount ToProto(StockCell cell) => new() { Count = cell.Count ?? 0, Suppressed = cell.Suppressed };
}
