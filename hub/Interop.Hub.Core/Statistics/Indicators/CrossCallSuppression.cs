namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Small-cell suppression that holds across calls (README, "Suppression"). A
/// count of territory T over period P is withheld when:
/// <list type="number">
/// <item>it is small (1 to threshold − 1);</item>
/// <item>or its difference with the same count of a territory containing T
/// (its EPCI, département, the file) or of a period containing P (its quarter,
/// its year), or both, is small — so no two published cells subtract to a
/// small number; a stock is weighed only against stocks of the same day;</item>
/// <item>or it is needed so that no identity hides exactly one cell (secondary
/// suppression): the identities of each period's table, those of the calendar
/// (a quarter is the sum of its months, the year of its quarters and of its
/// months; a quarter's and a year's stock is their last month's), and those of
/// the family (the file is the sum of its départements; a département covers
/// its EPCIs, an EPCI its communes).</item>
/// </list>
/// Every input is a fact of the data — the family's and its ancestors' rows
/// over the whole calendar year, and the family above's decisions — never what
/// the caller asked, so the same cell gets the same answer in every call.
/// </summary>
public static class CrossCallSuppression
{
    /// <summary>The tables of one territory over one year, each with which of its cells are withheld.</summary>
    public sealed record Decision(IndicatorTable Table, bool[] Suppressed);

    /// <summary>
    /// Decides the families of <paramref name="chain"/> in order (the one holding the asked territory
    /// last, each family's <see cref="SuppressionFamily.Parent"/> in the one before) and returns the asked territory's tables.
    /// </summary>
    /// <param name="counts">Rows of every territory of the chain; a territory without rows counts nothing.</param>
    public static IReadOnlyDictionary<(DateOnly From, DateOnly To), Decision> ForTerritory(
        string territory,
        IReadOnlyList<SuppressionFamily> chain,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        IEnumerable<int> years,
        DateOnly today,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        var result = new Dictionary<(DateOnly, DateOnly), Decision>();
        foreach (var year in years.Distinct())
        {
            // A territory's tables are read by every family of the chain that holds it or one of its members.
            var tables = new Dictionary<string, IReadOnlyList<IndicatorTable>>(StringComparer.Ordinal);
            IReadOnlyDictionary<string, IReadOnlyList<Decision>>? above = null;
            foreach (var family in chain)
            {
                above = Decide(family, counts, year, today, threshold, above, tables);
            }

            foreach (var decision in above?.GetValueOrDefault(territory) ?? [])
            {
                result[(decision.Table.From, decision.Table.To)] = decision;
            }
        }

        return result;
    }

    /// <summary>Decides every member of <paramref name="family"/> over <paramref name="year"/>.</summary>
    /// <param name="above">The decisions of the family above, holding <see cref="SuppressionFamily.Parent"/>.</param>
    /// <param name="known">Tables of <paramref name="year"/> already laid out, by territory; those laid out here are added.</param>
    public static IReadOnlyDictionary<string, IReadOnlyList<Decision>> Decide(
        SuppressionFamily family,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        int year,
        DateOnly today,
        int threshold,
        IReadOnlyDictionary<string, IReadOnlyList<Decision>>? above = null,
        IDictionary<string, IReadOnlyList<IndicatorTable>>? known = null)
    {
        var width = IndicatorCells.Width;
        known ??= new Dictionary<string, IReadOnlyList<IndicatorTable>>(StringComparer.Ordinal);
        IReadOnlyList<IndicatorTable> TablesOf(string territory)
        {
            if (!known.TryGetValue(territory, out var laidOut))
            {
                known[territory] = laidOut = YearTables.Of(counts.GetValueOrDefault(territory) ?? TerritoryCounts.None, year, today);
            }

            return laidOut;
        }

        // Members without a row count zero everywhere: nothing to withhold, nothing that gives another away.
        var members = family.Members.Where(m => counts.ContainsKey(m) || m == family.Whole).Distinct(StringComparer.Ordinal).ToList();
        var tables = members.ToDictionary(m => m, TablesOf, StringComparer.Ordinal);
        var ancestorTables = family.Ancestors.Values.SelectMany(a => a).Distinct(StringComparer.Ordinal).ToDictionary(a => a, TablesOf, StringComparer.Ordinal);
        if (members.Count == 0 || tables[members[0]].Count == 0)
        {
            return members.ToDictionary(m => m, _ => (IReadOnlyList<Decision>)[], StringComparer.Ordinal);
        }

        var periods = tables[members[0]];
        var periodCount = periods.Count;
        int Index(int member, int period, int cell) => (((member * periodCount) + period) * width) + cell;
        var values = new long[members.Count * periodCount * width];
        var suppressed = new bool[values.Length];
        var enclosing = Enumerable.Range(0, periodCount).Select(p => Enclosing(periods, p)).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            var own = tables[members[m]];
            var ancestors = (family.Ancestors.GetValueOrDefault(members[m]) ?? []).Select(a => ancestorTables[a]).Append(own).ToList();
            for (var p = 0; p < periodCount; p++)
            {
                for (var cell = 0; cell < width; cell++)
                {
                    var value = own[p].Values[cell];
                    values[Index(m, p, cell)] = value;
                    // A zero inside a small total gives nothing away: that total is withheld itself.
                    suppressed[Index(m, p, cell)] = SmallCellSuppression.IsSmall(value, threshold)
                        || value > 0 && SmallDifference(ancestors, enclosing[p], periods, p, cell, value, threshold);
                }
            }
        }

        var relations = new List<CellRelation>();
        var calendarParts = Enumerable.Range(0, periodCount).Select(p => CalendarParts(periods, p).ToList()).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            for (var p = 0; p < periodCount; p++)
            {
                var offset = Index(m, p, 0);
                relations.AddRange(IndicatorCells.Relations.Select(r => new CellRelation(offset + r.Sum, r.Parts.Select(i => offset + i).ToList())));
                foreach (var part in calendarParts[p])
                {
                    for (var cell = 0; cell < width; cell++)
                    {
                        // A stock over a period is its last month's: an identity of one part.
                        var parts = IndicatorCells.IsStock(cell) ? [part[^1]] : part;
                        relations.Add(new CellRelation(Index(m, p, cell), parts.Select(q => Index(m, q, cell)).ToList()));
                    }
                }
            }
        }

        var whole = family.Whole is { } w ? members.IndexOf(w) : -1;
        var parentDecisions = family.Parent is { } parent ? above?.GetValueOrDefault(parent) : null;
        for (var p = 0; p < periodCount; p++)
        {
            for (var cell = 0; cell < width; cell++)
            {
                var parts = Enumerable.Range(0, members.Count).Where(m => m != whole).Select(m => Index(m, p, cell)).ToList();
                if (whole >= 0)
                {
                    relations.Add(new CellRelation(Index(whole, p, cell), parts));
                }
                else if (family.Parent is not null)
                {
                    var parentWithheld = parentDecisions is { Count: > 0 } && parentDecisions[p].Suppressed[cell];
                    relations.Add(new CellRelation(parentWithheld ? CellRelation.WithheldElsewhere : CellRelation.PublishedElsewhere, parts));
                }
            }
        }

        SmallCellSuppression.Complete(values, relations, suppressed);
        return Enumerable.Range(0, members.Count).ToDictionary(
            m => members[m],
            m => (IReadOnlyList<Decision>)tables[members[m]].Select((table, p) => new Decision(table, suppressed[Index(m, p, 0)..Index(m, p + 1, 0)])).ToList(),
            StringComparer.Ordinal);
    }

    // Rule 2: the cell's difference with the same cell of a containing territory (or itself) over a period
    // containing p is small; a stock only against stocks of the same day. Loops, not LINQ: a family's decision
    // asks this of every cell of every member.
    private static bool SmallDifference(
        List<IReadOnlyList<IndicatorTable>> ancestors, List<int> enclosing, IReadOnlyList<IndicatorTable> periods, int p, int cell, long value, int threshold)
    {
        var stock = IndicatorCells.IsStock(cell);
        foreach (var ancestor in ancestors)
        {
            foreach (var q in enclosing)
            {
                if ((!stock || periods[q].To == periods[p].To) && SmallCellSuppression.IsSmall(ancestor[q].Values[cell] - value, threshold))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The periods of the year's tables that contain period p, itself included.
    private static List<int> Enclosing(IReadOnlyList<IndicatorTable> periods, int p) =>
        Enumerable.Range(0, periods.Count).Where(q => periods[q].From <= periods[p].From && periods[q].To >= periods[p].To).ToList();

    // For each longer period p, the ways it splits into shorter ones of the year: the year into its quarters and
    // into its months, a quarter into its months; oldest first, so the last part ends with p.
    private static IEnumerable<List<int>> CalendarParts(IReadOnlyList<IndicatorTable> periods, int p)
    {
        var months = Enumerable.Range(0, periods.Count).Where(q => periods[q].From.Month == periods[q].To.Month && periods[q].From.Year == periods[q].To.Year).ToList();
        var isMonth = months.Contains(p);
        if (isMonth)
        {
            yield break;
        }

        var inside = Enumerable.Range(0, periods.Count).Where(q => q != p && periods[q].From >= periods[p].From && periods[q].To <= periods[p].To).ToList();
        yield return inside.Where(months.Contains).OrderBy(q => periods[q].From).ToList();
        var quarters = inside.Where(q => !months.Contains(q)).OrderBy(q => periods[q].From).ToList();
        if (quarters.Count > 0)
        {
            yield return quarters;
        }
    }
}
