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
            var ranges = YearPeriods.Of(year, today);
            if (ranges.Count == 0)
            {
                continue;
            }

            // A territory's cells are read by every family of the chain that holds it or one of its members; only
            // the asked territory's tables are laid out whole (the others' seniorities and delays publish nothing).
            var periods = ranges.Select(r => YearPeriods.Dates(year, r, today)).ToList();
            var cells = new Dictionary<string, long[]>(StringComparer.Ordinal);
            FamilyDecision? above = null;
            foreach (var family in chain)
            {
                above = Decide(family, counts, year, today, periods, threshold, above, cells);
            }

            if (above?.Suppressed(territory) is { } suppressed)
            {
                var tables = YearTables.Of(counts.GetValueOrDefault(territory) ?? TerritoryCounts.None, year, today);
                for (var p = 0; p < tables.Count; p++)
                {
                    result[(tables[p].From, tables[p].To)] = new Decision(tables[p], suppressed[p]);
                }
            }
        }

        return result;
    }

    // Decides every member of the family over the year's periods; above holds the family above's decisions (its
    // Parent among them), cells the values already laid out, by territory (those laid out here are added).
    private static FamilyDecision Decide(
        SuppressionFamily family,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        int year,
        DateOnly today,
        List<(DateOnly From, DateOnly To)> periods,
        int threshold,
        FamilyDecision? above,
        Dictionary<string, long[]> cells)
    {
        var width = IndicatorCells.Width;
        long[] CellsOf(string territory)
        {
            if (!cells.TryGetValue(territory, out var laidOut))
            {
                cells[territory] = laidOut = YearCells.Of(counts.GetValueOrDefault(territory) ?? TerritoryCounts.None, year, today);
            }

            return laidOut;
        }

        // Members without a row count zero everywhere: nothing to withhold, nothing that gives another away.
        var members = family.Members.Where(m => counts.ContainsKey(m) || m == family.Whole).Distinct(StringComparer.Ordinal).ToList();
        var periodCount = periods.Count;
        var memberSize = periodCount * width;
        var values = new long[members.Count * memberSize];
        var suppressed = new bool[values.Length];
        var enclosing = Enumerable.Range(0, periodCount).Select(p => Enclosing(periods, p)).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            var own = CellsOf(members[m]);
            var ancestors = (family.Ancestors.GetValueOrDefault(members[m]) ?? []).Select(CellsOf).Append(own).ToArray();
            Array.Copy(own, 0, values, m * memberSize, memberSize);
            for (var p = 0; p < periodCount; p++)
            {
                for (var cell = 0; cell < width; cell++)
                {
                    var index = (p * width) + cell;
                    var value = own[index];
                    // A zero inside a small total gives nothing away: that total is withheld itself.
                    suppressed[(m * memberSize) + index] = SmallCellSuppression.IsSmall(value, threshold)
                        || value > 0 && SmallDifference(ancestors, enclosing[p], periods, p, cell, value, threshold);
                }
            }
        }

        var relations = new CellRelations();
        var calendarParts = Enumerable.Range(0, periodCount).Select(p => CalendarParts(periods, p).ToList()).ToList();
        for (var m = 0; m < members.Count; m++)
        {
            for (var p = 0; p < periodCount; p++)
            {
                var offset = (m * memberSize) + (p * width);
                foreach (var relation in IndicatorCells.Relations)
                {
                    relations.Begin(offset + relation.Sum);
                    foreach (var part in relation.Parts)
                    {
                        relations.AddPart(offset + part);
                    }
                }

                foreach (var part in calendarParts[p])
                {
                    for (var cell = 0; cell < width; cell++)
                    {
                        relations.Begin(offset + cell);
                        // A stock over a period is its last month's: an identity of one part.
                        if (IndicatorCells.IsStock(cell))
                        {
                            relations.AddPart((m * memberSize) + (part[^1] * width) + cell);
                            continue;
                        }

                        foreach (var q in part)
                        {
                            relations.AddPart((m * memberSize) + (q * width) + cell);
                        }
                    }
                }
            }
        }

        var whole = family.Whole is { } w ? members.IndexOf(w) : -1;
        var parentDecisions = family.Parent is { } parent ? above?.Suppressed(parent) : null;
        if (whole >= 0 || family.Parent is not null)
        {
            for (var p = 0; p < periodCount; p++)
            {
                for (var cell = 0; cell < width; cell++)
                {
                    var index = (p * width) + cell;
                    relations.Begin(whole >= 0 ? (whole * memberSize) + index
                        : parentDecisions is not null && parentDecisions[p][cell] ? CellRelation.WithheldElsewhere
                        : CellRelation.PublishedElsewhere);
                    for (var m = 0; m < members.Count; m++)
                    {
                        if (m != whole)
                        {
                            relations.AddPart((m * memberSize) + index);
                        }
                    }
                }
            }
        }

        SmallCellSuppression.Complete(values, relations, suppressed);
        return new FamilyDecision(members, suppressed, periodCount);
    }

    // Rule 2: the cell's difference with the same cell of a containing territory (or itself) over a period
    // containing p is small; a stock only against stocks of the same day. Loops, not LINQ: a family's decision
    // asks this of every cell of every member.
    private static bool SmallDifference(
        long[][] ancestors, List<int> enclosing, List<(DateOnly From, DateOnly To)> periods, int p, int cell, long value, int threshold)
    {
        var stock = IndicatorCells.IsStock(cell);
        var width = IndicatorCells.Width;
        foreach (var ancestor in ancestors)
        {
            foreach (var q in enclosing)
            {
                if ((!stock || periods[q].To == periods[p].To) && SmallCellSuppression.IsSmall(ancestor[(q * width) + cell] - value, threshold))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // The periods of the year that contain period p, itself included.
    private static List<int> Enclosing(List<(DateOnly From, DateOnly To)> periods, int p) =>
        Enumerable.Range(0, periods.Count).Where(q => periods[q].From <= periods[p].From && periods[q].To >= periods[p].To).ToList();

    // For each longer period p, the ways it splits into shorter ones of the year: the year into its quarters and
    // into its months, a quarter into its months; oldest first, so the last part ends with p.
    private static IEnumerable<List<int>> CalendarParts(List<(DateOnly From, DateOnly To)> periods, int p)
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
