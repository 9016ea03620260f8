namespace Interop.Hub.Core.Statistics;

/// <summary>
/// Lays counts of active applications out as a table (a row per territory: its
/// total and a cell per needed typology) and suppresses its small cells with
/// every identity the table publishes: each row's total is the sum of its
/// typologies, and, for territories that partition a whole (départements
/// of the file), each column of the whole is the sum of the rows'.
/// </summary>
public static class StockTables
{
    /// <summary>The territory of the whole row.</summary>
    public const string Whole = "";

    /// <param name="groups">Counts by territory and household composition.</param>
    /// <param name="withWhole">
    /// Add the whole (<see cref="Whole"/>) as the column sums, for territories
    /// that partition it; communes and EPCIs do not (an application counts in
    /// every commune it wishes), so their rows are protected row by row.
    /// </param>
    public static IReadOnlyList<StockRow> Build(IEnumerable<StockGroup> groups, bool withWhole, int threshold = SmallCellSuppression.DefaultThreshold) =>
        Build(groups, withWhole, _ => [], threshold);

    /// <param name="containers">
    /// For a territory of the table, the rows (<see cref="Counts"/>) of the territories that contain it, counted the same
    /// day (a commune's EPCI, département and the file): a non-zero cell whose difference with the same cell of any of
    /// them is small is withheld, as the indicators do, so two calls never subtract to a small count.
    /// </param>
    public static IReadOnlyList<StockRow> Build(
        IEnumerable<StockGroup> groups, bool withWhole, Func<string, IEnumerable<long[]>> containers, int threshold = SmallCellSuppression.DefaultThreshold)
    {
        var typologies = NeededTypologies.All;
        var width = typologies.Count + 1;
        var counts = Counts(groups);
        var territories = counts.Keys.ToList();
        var rows = territories.Select(t => counts[t]).ToList();
        if (withWhole)
        {
            territories.Add(Whole);
            rows.Add(Enumerable.Range(0, width).Select(k => rows.Sum(r => r[k])).ToArray());
        }

        var values = rows.SelectMany(r => r).ToList();
        var relations = new List<CellRelation>();
        for (var r = 0; r < rows.Count; r++)
        {
            relations.Add(new CellRelation(r * width, Enumerable.Range(r * width + 1, typologies.Count).ToList()));
        }

        if (withWhole)
        {
            var whole = rows.Count - 1;
            for (var k = 0; k < width; k++)
            {
                relations.Add(new CellRelation(whole * width + k, Enumerable.Range(0, whole).Select(r => r * width + k).ToList()));
            }
        }

        var primary = new bool[values.Count];
        for (var r = 0; r < rows.Count; r++)
        {
            var around = containers(territories[r]).ToList();
            if (withWhole && r < rows.Count - 1)
            {
                around.Add(rows[^1]);
            }

            for (var k = 0; k < width; k++)
            {
                var value = rows[r][k];
                primary[(r * width) + k] = SmallCellSuppression.IsSmall(value, threshold)
                    || value > 0 && around.Any(c => SmallCellSuppression.IsSmall(c[k] - value, threshold));
            }
        }

        var suppressed = SmallCellSuppression.Complete(values, relations, primary);
        StockCell Cell(int index) => new(suppressed[index] ? null : values[index]);
        return territories.Select((territory, r) => new StockRow(
                territory,
                Cell(r * width),
                typologies.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => Cell(r * width + 1 + p.k))))
            .ToList();
    }

    /// <summary>Each territory's row: its total, then a count per needed typology (<see cref="NeededTypologies.All"/>).</summary>
    public static SortedDictionary<string, long[]> Counts(IEnumerable<StockGroup> groups)
    {
        var typologies = NeededTypologies.All;
        var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            if (!counts.TryGetValue(group.Territory, out var row))
            {
                counts[group.Territory] = row = new long[typologies.Count + 1];
            }

            var column = 1 + IndexOf(typologies, NeededTypologies.Of(group.HouseholdSize, group.CoApplicant, group.Children));
            row[0] += group.Count;
            row[column] += group.Count;
        }

        return counts;
    }

    private static int IndexOf(IReadOnlyList<NeededTypology> typologies, NeededTypology typology)
    {
        for (var i = 0; i < typologies.Count; i++)
        {
            if (typologies[i] == typology)
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(typology), typology, "Not a needed typology of the table.");
    }
}
